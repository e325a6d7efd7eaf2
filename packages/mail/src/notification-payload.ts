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
  recipient: z.object({ id: z.string().min(1), name: z.string(), email: z.email() }).nullable(),
  audience: z.object({ role: z.string(), college: z.string().nullable() }).nullable(),
  actor: z.object({ id: z.string(), name: z.string().nullable() }),
  comment: z.string().nullable(),
});
