import { z } from '@hono/zod-openapi';
import { feedEventType } from './events.js';
import { slugPattern } from './instance.js';
import { ISSUE } from './messages.js';

export const WEBHOOK_ISSUE = {
  url: { en: 'an http(s) URL without credentials', zh: '须为不含账号密码的 http(s) 地址' },
  secret: { en: 'a secret of 32 to 256 characters', zh: '密钥须为 32 至 256 个字符' },
};

const url = z
  .string()
  .max(2000)
  .refine(
    (v) => {
      try {
        const u = new URL(v);
        return (u.protocol === 'http:' || u.protocol === 'https:') && !u.username && !u.password;
      } catch {
        return false;
      }
    },
    { message: WEBHOOK_ISSUE.url.en },
  )
  .openapi({ example: 'https://campus.example.edu.cn/hooks/certflow' });

const secret = z
  .string()
  .min(32, WEBHOOK_ISSUE.secret.en)
  .max(256, WEBHOOK_ISSUE.secret.en)
  .openapi({ description: 'HMAC-SHA256 key of Certflow-Signature; write-only' });

const flows = z
  .array(z.string().regex(slugPattern, ISSUE.flowId.en))
  .max(50)
  .openapi({ description: 'flow ids; empty = every flow' });
const types = z.array(feedEventType).max(20).openapi({ description: 'event types; empty = all' });

export const webhookBody = z
  .object({
    url,
    secret,
    description: z.string().max(200).nullable().optional(),
    flows: flows.optional(),
    types: types.optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .openapi('WebhookInput');

export const webhookPatch = z
  .object({
    url: url.optional(),
    secret: secret.optional(),
    description: z.string().max(200).nullable().optional(),
    flows: flows.optional(),
    types: types.optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .openapi('WebhookPatch');

export const webhookSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    description: z.string().nullable(),
    flows: z.array(z.string()),
    types: z.array(z.string()),
    active: z.boolean(),
    ownerId: z.string(),
    consecutiveFailures: z.number().int(),
    disabledAt: z.string().nullable(),
    disabledReason: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Webhook');

export const webhookListSchema = z.object({ items: z.array(webhookSchema) }).openapi('WebhookList');

export const deliverySchema = z
  .object({
    id: z.number().int(),
    eventId: z.string(),
    eventType: z.string(),
    instanceId: z.string(),
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.number().int(),
    nextAttemptAt: z.string(),
    lastStatus: z.number().int().nullable(),
    lastError: z.string().nullable(),
    log: z.array(z.record(z.string(), z.unknown())),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
  })
  .openapi('WebhookDelivery');

export const deliveryListSchema = z
  .object({ items: z.array(deliverySchema) })
  .openapi('WebhookDeliveryList');

export const webhookParams = z.object({
  id: z
    .string()
    .regex(/^[0-9a-f-]{36}$/, 'a webhook id')
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const deliveryParams = webhookParams.extend({
  deliveryId: z.coerce
    .number()
    .int()
    .min(1)
    .openapi({ param: { name: 'deliveryId', in: 'path' } }),
});

export const deliveriesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().min(1).optional(),
});
