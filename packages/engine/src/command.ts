import { z } from 'zod';
import type { OutboxKey } from './dispatch.js';
import type { DomainError } from './errors.js';
import { refuse } from './errors.js';
import type { JsonObject, TimerRecord } from './records.js';
import type { InstanceView } from './view.js';

/** A command's event: a machine event (`APPROVE`…) or a task operation (`TRANSFER`…). */
export interface CommandEvent {
  readonly type: string;
  readonly data?: JsonObject;
  readonly comment?: string;
  /** Act on this task; if it is no longer open the command is refused. */
  readonly taskId?: string;
}

export interface SendOptions {
  readonly expectedVersion?: number;
  readonly idempotencyKey?: string;
}

export interface FireResult {
  readonly fired: boolean;
  /** Why nothing fired; `early`: not due yet (only with `onlyIfDue`), due at `dueAt`. */
  readonly reason?: 'stale' | 'not-pending' | 'missing' | 'early';
  readonly dueAt?: Date;
  readonly instance?: InstanceView;
  /** The timer row as it was before this call (undefined when missing). */
  readonly timer?: TimerRecord;
  /**
   * The outbox rows a fire wrote, committed when the call returns: a relay can enqueue them at
   * once, without reading them back.
   */
  readonly outbox?: readonly OutboxKey[];
}

export const commandSchema = z.object({
  type: z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/, 'event type is UPPER_SNAKE_CASE'),
  data: z.record(z.string(), z.unknown()).optional(),
  comment: z.string().max(2000).optional(),
  taskId: z.string().min(1).max(100).optional(),
});

export const sendOptionsSchema = z.object({
  expectedVersion: z.number().int().nonnegative().optional(),
  idempotencyKey: z.string().min(1).max(200).optional(),
});

export function validationError(error: z.ZodError, what: string): DomainError {
  const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const first = issues[0];
  const where = first ? `${first.path || what}: ${first.message}` : what;
  return refuse(
    'VALIDATION_FAILED',
    { issues },
    {
      zh: `输入不合法（${where}）`,
      en: `Invalid input (${where})`,
    },
  );
}
