import type { AttachmentRef } from '../core/attachment-ref.js';
import { z } from 'zod';
import type { Actor } from '../core/actor.js';
import type { InstanceView } from '../core/view.js';
import type { DomainError } from '../errors.js';
import { refuse } from '../errors.js';
import type { OutboxKey } from '../ports/dispatch-store.js';
import type { JsonObject, TimerRecord } from '../records.js';

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
  /**
   * Decide with a mail action token (its sha256): the command applies only if the token is still
   * unused and unexpired, and uses it in the same write.
   */
  readonly useToken?: { readonly tokenHash: string };
}

/**
 * A command as the core loop runs it: the engine loads what `kind` needs, decides purely and
 * writes once (ARCHITECTURE.md, "The core loop").
 */
export type Command =
  | {
      readonly kind: 'start';
      readonly flowId: string;
      readonly input: unknown;
      readonly actor: Actor;
      /** Chosen before loading: the flow's references may be keyed by it. */
      readonly instanceId: string;
      readonly idempotencyKey?: string;
      /** Files of the application: their digests are recorded in the START history row. */
      readonly attachments?: readonly AttachmentRef[];
    }
  | {
      readonly kind: 'send';
      readonly instanceId: string;
      readonly event: CommandEvent;
      readonly actor: Actor;
      readonly expectedVersion?: number;
      readonly idempotencyKey?: string;
      readonly useToken?: { readonly tokenHash: string };
    }
  | { readonly kind: 'fire'; readonly timerId: string; readonly onlyIfDue: boolean }
  | {
      readonly kind: 'cancel';
      readonly instanceId: string;
      readonly reason: string;
      readonly actor: Actor;
    }
  | { readonly kind: 'recompute'; readonly instanceId: string }
  | {
      /** Write reference data (a quota, a holiday table), version-checked, audited if asked. */
      readonly kind: 'put-reference';
      readonly refKind: string;
      readonly key: string;
      readonly value: JsonObject;
      readonly actor: Actor;
      /** The version the caller saw (`null`: the row must not exist yet); unset: any. */
      readonly expectedVersion?: number | null;
      readonly audit?: { readonly action: string; readonly data?: JsonObject };
    }
  | {
      /** Record an administrator's action in the audit trail (e.g. people imported). */
      readonly kind: 'audit';
      readonly action: string;
      readonly subject: string;
      readonly data: JsonObject;
      readonly actor: Actor;
    };

/** What a reference write answers. */
export interface ReferenceResult {
  readonly kind: string;
  readonly key: string;
  /** The row's version after the write. */
  readonly version: number;
  /** The audit row's sequence number, when audited. */
  readonly auditSeq: number | null;
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
  useToken: z.object({ tokenHash: z.string().regex(/^[0-9a-f]{64}$/u) }).optional(),
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
