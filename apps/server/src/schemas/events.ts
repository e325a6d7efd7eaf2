import { FEED_EVENT_TYPES, type FeedEventType } from '@certflow/db';
import { INSTANCE_STATUSES, type InstanceStatus } from '@certflow/engine';
import { z } from '@hono/zod-openapi';
import { slugPattern } from './instance.js';
import { ISSUE } from './messages.js';

export const feedEventType = z.enum(FEED_EVENT_TYPES as [FeedEventType, ...FeedEventType[]]);

/** A comma-separated list in a query parameter (`type=task.created,task.decided`). */
const listOf = <T extends z.ZodType<string, string>>(item: T, max: number) =>
  z
    .string()
    .max(2000)
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x !== ''),
    )
    .pipe(z.array(item).max(max));

export const eventsQuery = z.object({
  after: z
    .string()
    .max(512)
    .optional()
    .openapi({ description: 'the `cursor` of the previous page; omitted = from the start' }),
  limit: z.coerce.number().int().min(1).max(500).default(100).openapi({ example: 100 }),
  wait: z.coerce
    .number()
    .int()
    .min(0)
    .max(60)
    .default(0)
    .openapi({ description: 'long-poll: seconds to wait for an event when none is there yet' }),
  flow: listOf(z.string().regex(slugPattern, ISSUE.flowId.en), 20)
    .optional()
    .openapi({ type: 'string', description: 'comma-separated flow ids' }),
  type: listOf(feedEventType, FEED_EVENT_TYPES.length)
    .optional()
    .openapi({ type: 'string', description: 'comma-separated event types' }),
});

const status = z.enum(INSTANCE_STATUSES as [InstanceStatus, ...InstanceStatus[]]);

export const feedEventSchema = z
  .object({
    version: z.literal(1),
    id: z.string().openapi({ description: 'stable: the same event always has the same id' }),
    type: feedEventType,
    occurredAt: z.string(),
    instanceId: z.string(),
    flow: z.string(),
    cursor: z.string().openapi({ description: 'resume after this event' }),
    command: z
      .object({
        seq: z.number().int(),
        event: z.string(),
        actorId: z.string(),
        actorName: z.string().nullable(),
        fromState: z.string().nullable(),
        toState: z.string(),
        comment: z.string().nullable(),
      })
      .nullable(),
    task: z
      .object({
        id: z.string(),
        step: z.string(),
        role: z.string(),
        state: z.string(),
        college: z.string().nullable(),
        assignee: z.string().nullable(),
        status: z.string(),
        dueAt: z.string().nullable(),
        completedBy: z.string().nullable(),
      })
      .nullable(),
    instance: z.object({
      id: z.string(),
      flow: z.string(),
      flowVersion: z.number().int(),
      title: z.string(),
      state: z.string(),
      status,
      version: z.number().int(),
      college: z.string().nullable(),
      organization: z.string().nullable(),
      subjectId: z.string().nullable(),
      submitterId: z.string(),
    }),
  })
  .openapi('FeedEvent');

export const feedPageSchema = z
  .object({
    events: z.array(feedEventSchema),
    cursor: z.string().openapi({ description: 'pass as `after` for the next page' }),
    hasMore: z.boolean(),
  })
  .openapi('FeedPage');
