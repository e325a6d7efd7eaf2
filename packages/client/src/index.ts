export {
  CertflowClient,
  type CertflowClientOptions,
  type RawRequest,
  type RawResponse,
} from './certflow-client.js';
export { CertflowError } from './certflow-error.js';
export type * from './types.js';
export { verifyWebhook, type VerifyWebhookOptions, type WebhookVerdict } from './verify-webhook.js';
