export type {
  ActionTokenRecord,
  InboundReplyRecord,
  Locale,
  MailContext,
  MailContextRef,
  MailContextSource,
  MailField,
  MailMessageRecord,
  MailStore,
  MailTask,
  MailTransport,
  OutgoingMail,
  TokenUse,
} from './ports.js';
export { createMail, createMailFromEnv, type Mail, type MailDeps } from './create-mail.js';
export {
  mailConfigFromEnv,
  mailConfigFromSettings,
  MailConfigError,
  type MailConfig,
} from './mail-config.js';
export { createNotifyHandler, type NotifyHandlerOptions } from './notify-handler.js';
export {
  COVERAGE_MAIL_OUTBOX_KIND,
  createCoverageMailHandler,
  renderCoverageMail,
  type CoverageMail,
  type CoverageMailHandlerOptions,
} from './coverage-handler.js';
export {
  WEBHOOK_DISABLED_MAIL_OUTBOX_KIND,
  createWebhookDisabledMailHandler,
  renderWebhookDisabledMail,
  type WebhookDisabledMailHandlerOptions,
  type WebhookDisabledMailPayload,
} from './webhook-disabled-handler.js';
export {
  createActionHandler,
  type ActionHandlerOptions,
  type ActionRequest,
  type ActionResponse,
} from './action-handlers.js';
export {
  createReplyProcessor,
  type InboundMail,
  type ReplyOutcome,
  type ReplyProcessorOptions,
} from './reply-processor.js';
export { REPLY_REFUSALS, type ReplyRefusal } from './reply-refusals.js';
export {
  createReplyAuthenticator,
  dnsResolver,
  plainIp,
  type ReplyAuthentication,
  type ReplyAuthenticator,
  type ReplyAuthenticatorOptions,
  type SmtpEnvelope,
} from './reply-authentication.js';
export {
  startInboundServer,
  toInboundMail,
  type InboundServer,
  type InboundServerOptions,
} from './inbound-server.js';
export { parseReply, MAX_COMMENT, type ReplyParse } from './reply-parser.js';
export { createSmtpTransport, type SmtpTransport } from './smtp-transport.js';
export { createEmlTransport, emlFileName } from './eml-transport.js';
export {
  hashToken,
  mintToken,
  normalizeToken,
  parseTokenKeys,
  verifyToken,
  type TokenClaims,
  type TokenKeys,
} from './action-token.js';
export {
  ACTION_ROUTE,
  actionUrl,
  detailsUrl,
  notificationMessageId,
  replyAddress,
  tokenOfReplyAddress,
} from './mail-links.js';
export { decideWithToken, MAIL_REFUSALS, TOKEN_SUPERSEDED } from './decide-with-token.js';
export {
  defaultFields,
  engineMailContext,
  replyAllowedFor,
  type EngineMailContextOptions,
} from './engine-mail-context.js';
export { DEFAULT_FIELD_LABELS, type FieldLabels } from './field-labels.js';
export { DECISION_LABELS, DECISIONS, ROLE_LABELS, SUBJECT_TAGS, type Decision } from './labels.js';
export { PAGE_CSP, PAGE_CSS, PAGE_HEADERS } from './templates/page-security.js';
export {
  notificationSubject,
  renderNotification,
  type NotificationLinks,
  type RenderedMail,
  type RenderInput,
} from './templates/render-notification.js';
export { zhDate, zhDateTime, enDate, enDateTime } from './beijing-time.js';
