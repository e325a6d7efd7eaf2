import { z } from '@hono/zod-openapi';
import { ISSUE } from './messages.js';

export const errorSchema = z
  .object({
    code: z.string().openapi({ example: 'EVENT_NOT_ACCEPTED' }),
    message: z.string().openapi({ example: '当前环节不接受此操作' }),
    messageEn: z.string().openapi({ example: 'The current step does not accept this operation' }),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi('Error');

const errorContent = { 'application/json': { schema: errorSchema } };

/** The error answers every authenticated route may give. */
export const errorResponses = {
  400: { description: 'VALIDATION_FAILED / MALFORMED_JSON', content: errorContent },
  401: { description: 'UNAUTHENTICATED / TOKEN_EXPIRED', content: errorContent },
  403: {
    description: 'NOT_AUTHORIZED / SELF_APPROVAL / SEPARATION_OF_DUTIES',
    content: errorContent,
  },
  404: { description: 'NOT_FOUND / UNKNOWN_FLOW', content: errorContent },
} as const;

export const commandErrorResponses = {
  ...errorResponses,
  409: {
    description:
      'VERSION_CONFLICT / EVENT_NOT_ACCEPTED / IDEMPOTENCY_KEY_REUSED / STEP_NOT_REACHED / TAKE_BACK_NOT_ALLOWED / TASK_DELEGATED',
    content: errorContent,
  },
  413: { description: 'PAYLOAD_TOO_LARGE', content: errorContent },
  415: { description: 'UNSUPPORTED_MEDIA_TYPE', content: errorContent },
  422: {
    description: 'a business rule of the flow refused it (e.g. LEVEL_NOT_ALLOWED)',
    content: errorContent,
  },
  429: {
    description: 'URGE_TOO_SOON: 催办 again within the interval; Retry-After says when',
    content: errorContent,
  },
} as const;

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50).openapi({ example: 50 }),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0).openapi({ example: 0 }),
};

export const idParam = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, ISSUE.instanceId.en)
    .openapi({
      param: { name: 'id', in: 'path' },
      example: '0f6c1f0e-5b7a-4c1e-9d3a-2f4b6c8d0e1f',
    }),
});

export const json = <T>(schema: T) => ({ 'application/json': { schema } });
