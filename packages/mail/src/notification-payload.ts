import { z } from 'zod';

/** The engine's `NotificationPayload`, validated when a `notify` row is handled. */
export const notificationPayloadSchema = z.object({
  notification: z.enum([
    'task',
    'returned',
    'rejected',
    'withdrawn',
    'cc',
    'reminder',
    'escalation',
    'decision',
    'cancelled',
    'urge',
    'deadline-moved',
  ]),
  instanceId: z.string().min(1),
  flowId: z.string().min(1),
  flowVersion: z.number().int().positive(),
  title: z.string(),
  status: z.string(),
  state: z.string(),
  taskId: z.string().nullable(),
  step: z.string().nullable(),
  dueAt: z.string().nullable(),
  // Rows written before deadlines carried their basis have neither.
  dueProvisional: z.boolean().default(false),
  dueExplanation: z.object({ zh: z.string(), en: z.string() }).nullable().default(null),
  recipient: z.object({ id: z.string().min(1), name: z.string(), email: z.email() }).nullable(),
  /** 代理人: the recipient gets this as the substitute of this person. */
  onBehalfOf: z
    .object({ id: z.string().min(1), name: z.string() })
    .nullable()
    .default(null),
  audience: z.object({ role: z.string(), college: z.string().nullable() }).nullable(),
  actor: z.object({ id: z.string(), name: z.string().nullable() }),
  comment: z.string().nullable(),
});
