export {
  checkedLookup,
  isPrivateAddress,
  urlProblem,
  urlShapeProblem,
  type UrlProblem,
} from './address-policy.js';
export {
  DEFAULT_RETRY,
  retryDelay,
  WebhookDispatcher,
  type RetrySettings,
  type WebhookDispatcherOptions,
} from './dispatcher.js';
export { WEBHOOK_DISABLED_OUTBOX_KIND, type WebhookDisabledPayload } from './disabled-mail.js';
export { postWebhook, type PostResult } from './post.js';
export { EVENT_ID_HEADER, SIGNATURE_HEADER, signWebhook } from './signature.js';
export {
  presentSubscription,
  webhookStore,
  type NewSubscription,
  type SubscriptionPatch,
  type WebhookDelivery,
  type WebhookStore,
  type WebhookSubscription,
} from './subscriptions.js';
