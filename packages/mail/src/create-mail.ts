import type { Clock, Directory, Engine, OutboxRecord } from '@certflow/engine';
import { createActionHandler, type ActionRequest, type ActionResponse } from './action-handlers.js';
import { createCoverageMailHandler } from './coverage-handler.js';
import { createEmlTransport } from './eml-transport.js';
import { engineMailContext } from './engine-mail-context.js';
import { startInboundServer, type InboundServer } from './inbound-server.js';
import { mailConfigFromEnv, type MailConfig } from './mail-config.js';
import { createNotifyHandler } from './notify-handler.js';
import type { MailContextSource, MailStore, MailTransport } from './ports.js';
import { createReplyAuthenticator } from './reply-authentication.js';
import { createReplyProcessor, type InboundMail, type ReplyOutcome } from './reply-processor.js';
import { createSmtpTransport } from './smtp-transport.js';
import { createWebhookDisabledMailHandler } from './webhook-disabled-handler.js';

export interface MailDeps {
  /** `createMailStore(handle.db)` from `@certflow/db`. */
  readonly store: MailStore;
  readonly engine: Engine;
  readonly directory: Directory;
  /** Default: `engineMailContext({ engine, directory, colleges })`. */
  readonly context?: MailContextSource;
  readonly colleges?: Readonly<Record<string, string>>;
  /** Default: SMTP when `SMTP_URL` is set, else `.eml` files in `$CERTFLOW_DATA_DIR/mail/`. */
  readonly transport?: MailTransport;
  readonly clock?: Clock;
  readonly onError?: (error: unknown) => void;
  /**
   * A decision by link or reply committed: deliver what it wrote now. Without it the next
   * notices wait for the scheduler's next look (the reconciler's interval with BullMQ).
   */
  readonly onDecision?: (instanceId: string) => void;
}

export interface Mail {
  readonly config: MailConfig;
  readonly transport: MailTransport;
  /** The outbox handler for `notify` rows. */
  readonly notify: (row: OutboxRecord) => Promise<void>;
  /**
   * The outbox handler for `calendar.coverage-warning` rows: 「请导入…年节假日安排」 to every
   * `academic_affairs` person (docs/calendar.md § The coverage warning).
   */
  readonly coverageWarning: (row: OutboxRecord) => Promise<void>;
  /**
   * The outbox handler for `webhook.disabled` rows: the mail to a webhook subscription's owner
   * when it was disabled after persistent failure (docs/http-api.md § Webhooks).
   */
  readonly webhookDisabled: (row: OutboxRecord) => Promise<void>;
  /** Mount on `GET|POST /mail/actions/:token`. */
  readonly action: (req: ActionRequest) => Promise<ActionResponse>;
  readonly processReply: (mail: InboundMail) => Promise<ReplyOutcome>;
  /** Starts the reply endpoint on `MAIL_INBOUND_PORT`; null when it is not configured. */
  startInbound(): Promise<InboundServer | null>;
}

/** Wire the mail package from a configuration and its ports. */
export function createMail(config: MailConfig, deps: MailDeps): Mail {
  const transport =
    deps.transport ??
    (config.smtpUrl ? createSmtpTransport(config.smtpUrl) : createEmlTransport(config.emlDir));
  const context =
    deps.context ??
    engineMailContext({
      engine: deps.engine,
      directory: deps.directory,
      ...(deps.colleges ? { colleges: deps.colleges } : {}),
    });
  const clock = deps.clock ? { clock: deps.clock } : {};
  const onError = deps.onError ? { onError: deps.onError } : {};
  const hooks = { ...onError, ...(deps.onDecision ? { onDecision: deps.onDecision } : {}) };
  const processReply = createReplyProcessor({
    store: deps.store,
    keys: config.keys,
    engine: deps.engine,
    directory: deps.directory,
    transport,
    from: config.from,
    replyDomain: config.replyDomain,
    publicHost: config.publicHost,
    ...clock,
    ...hooks,
  });
  // The mails of outbox rows without an instance: the coverage warning, the webhook-disabled mail.
  const instanceless = {
    transport,
    store: deps.store,
    directory: deps.directory,
    from: config.from,
    publicUrl: config.publicUrl,
    publicHost: config.publicHost,
    ...clock,
  };
  return {
    config,
    transport,
    notify: createNotifyHandler({
      transport,
      store: deps.store,
      context,
      keys: config.keys,
      from: config.from,
      publicUrl: config.publicUrl,
      publicHost: config.publicHost,
      replyDomain: config.inboundPort === null ? null : config.replyDomain,
      tokenTtlMs: config.tokenTtlMs,
      locale: config.locale,
      ...clock,
    }),
    coverageWarning: createCoverageMailHandler(instanceless),
    webhookDisabled: createWebhookDisabledMailHandler(instanceless),
    action: createActionHandler({
      store: deps.store,
      keys: config.keys,
      engine: deps.engine,
      directory: deps.directory,
      context,
      ...clock,
      ...hooks,
    }),
    processReply,
    async startInbound() {
      if (config.inboundPort === null) return null;
      return startInboundServer({
        port: config.inboundPort,
        host: config.inboundHost,
        replyDomain: config.replyDomain,
        process: processReply,
        authenticate: createReplyAuthenticator({ ...config.replyAuth, mta: config.publicHost }),
        ...onError,
      });
    },
  };
}

/** `createMail(mailConfigFromEnv(env), deps)`. */
export function createMailFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  deps: MailDeps,
): Mail {
  return createMail(mailConfigFromEnv(env), deps);
}
