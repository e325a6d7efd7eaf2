import { InfrastructureError } from '@certflow/engine';
import { z, type ZodType } from 'zod';

/** Retry and retention options of a job kind (BullMQ `JobsOptions` subset, vendor-neutral). */
export interface JobKindOptions {
  readonly attempts: number;
  /** Exponential backoff base in ms. */
  readonly backoffMs: number;
}

interface JobKind<T> {
  readonly queue: string;
  readonly schema: ZodType<T>;
  readonly options: JobKindOptions;
}

const id = z.string().min(1).max(200);

/**
 * The job catalog: every job certflow enqueues, its queue, the schema its payload is validated
 * against when it is dequeued, and its retry options. Payloads carry row ids only — the database
 * holds the truth, a job only says "look at this row".
 */
export const JOB_CATALOG = {
  /** Fire one durable timer row through `engine.fireTimer`. */
  'timer.fire': {
    queue: 'timers',
    schema: z.object({ timerId: id }).strict(),
    options: { attempts: 5, backoffMs: 1000 },
  },
  /** Deliver one outbox row (attempt n) through its kind's handler. */
  'outbox.deliver': {
    queue: 'outbox',
    schema: z.object({ outboxId: id, attempt: z.number().int().nonnegative() }).strict(),
    options: { attempts: 3, backoffMs: 1000 },
  },
  /** One occurrence of a recurring call (the occurrence comes from the scheduler). */
  'recurring.start': {
    queue: 'recurring',
    schema: z.object({ callId: id }).strict(),
    options: { attempts: 5, backoffMs: 5000 },
  },
} as const satisfies Record<string, JobKind<unknown>>;

export type JobName = keyof typeof JOB_CATALOG;
export type JobPayload<N extends JobName> = z.infer<(typeof JOB_CATALOG)[N]['schema']>;
export const QUEUE_NAMES = ['timers', 'outbox', 'recurring'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(JOB_CATALOG, name);
}

/** Validate a dequeued job; a malformed one is a permanent failure (retrying cannot fix it). */
export function parseJob<N extends JobName>(name: N, data: unknown): JobPayload<N> {
  const schema: ZodType = JOB_CATALOG[name].schema;
  const parsed = (schema as ZodType<JobPayload<N>>).safeParse(data);
  if (!parsed.success) {
    throw new InfrastructureError('JOB_PAYLOAD_INVALID', `${name}: ${parsed.error.message}`, {
      retryable: false,
    });
  }
  return parsed.data;
}
