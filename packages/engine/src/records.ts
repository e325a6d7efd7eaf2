import type { DueBasis } from './calendar.js';

/** A reference row's address: its kind (`quota`, `project`, `ledger` …) and key. */
export interface ReferenceKey {
  readonly kind: string;
  readonly key: string;
}

/** The rows the engine reads and writes through the `Store` port. Dates are `Date`s; JSON is plain objects. */

export type InstanceStatus = 'active' | 'completed' | 'rejected' | 'withdrawn' | 'cancelled';
export const INSTANCE_STATUSES: readonly InstanceStatus[] = [
  'active',
  'completed',
  'rejected',
  'withdrawn',
  'cancelled',
];

export type JsonObject = { [key: string]: JsonValue };
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

export interface InstanceRecord {
  readonly id: string;
  readonly flowId: string;
  readonly flowVersion: number;
  /** Active leaf state ids joined by `,` (e.g. `review.college`). */
  readonly state: string;
  readonly status: InstanceStatus;
  /** Incremented by every accepted command; equals the sequence number of the last history row. */
  readonly version: number;
  /** XState's persisted snapshot. */
  readonly snapshot: JsonObject;
  readonly submitterId: string;
  /** The college (二级学院) the instance belongs to, when it is college-scoped. */
  readonly college: string | null;
  /** The evaluation organization (培训评价组织) the instance concerns, for organization-scoped tasks. */
  readonly organization: string | null;
  /** Business key for cross-flow links (e.g. the pilot project id). */
  readonly subjectId: string | null;
  /** The reference rows every command of this instance loads (declared by its flow at start). */
  readonly refKeys: readonly ReferenceKey[];
  readonly title: string;
  /** Who completed which approval step (separation of duties). */
  readonly stepActors: Readonly<Record<string, string>>;
  /** Hash of the last history row. */
  readonly headHash: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface HistoryRecord {
  readonly instanceId: string;
  readonly seq: number;
  readonly actorId: string;
  readonly actorName: string | null;
  readonly event: string;
  readonly data: JsonObject;
  readonly fromState: string | null;
  readonly toState: string;
  readonly comment: string | null;
  readonly at: Date;
  readonly prevHash: string;
  readonly hash: string;
}

export type TaskStatus = 'open' | 'done' | 'cancelled';
export type TaskKind = 'step' | 'added' | 'submitter' | 'escalation';

export interface TaskRecord {
  readonly id: string;
  readonly instanceId: string;
  readonly flowId: string;
  /** The state (leaf id) the task belongs to. */
  readonly state: string;
  /** The approval step name, for separation of duties. */
  readonly step: string;
  readonly kind: TaskKind;
  /** Role id, or `submitter` for tasks of the applicant. */
  readonly role: string;
  readonly college: string | null;
  /** The evaluation organization of an organization-scoped task. */
  readonly organization: string | null;
  /** A named person (after 转办 TRANSFER, 加签 ADD_APPROVER, or the submitter). */
  readonly assignee: string | null;
  readonly events: readonly string[];
  readonly approval: boolean;
  readonly dueAt: Date | null;
  /** What `dueAt` was computed from (rule, start, provisional), so it can be recomputed. */
  readonly dueBasis: DueBasis | null;
  readonly status: TaskStatus;
  readonly createdAt: Date;
  readonly completedAt: Date | null;
  readonly completedBy: string | null;
}

export type TimerKind = 'remind' | 'escalate' | 'event';
export type TimerStatus = 'pending' | 'fired' | 'cancelled';

export interface TimerRecord {
  readonly id: string;
  readonly instanceId: string;
  readonly taskId: string | null;
  /** The state the timer belongs to; leaving it cancels the timer. */
  readonly state: string;
  readonly kind: TimerKind;
  /** For `event` timers, the machine event sent by the system actor; otherwise informational. */
  readonly event: string;
  readonly dueAt: Date;
  /** What `dueAt` was computed from; null for a timer not counted on the calendar. */
  readonly dueBasis: DueBasis | null;
  readonly status: TimerStatus;
  readonly createdAt: Date;
  readonly firedAt: Date | null;
}

export type OutboxStatus = 'pending' | 'delivered' | 'failed';

export interface OutboxRecord {
  readonly id: string;
  readonly instanceId: string | null;
  readonly kind: string;
  readonly payload: JsonObject;
  readonly status: OutboxStatus;
  readonly attempts: number;
  readonly createdAt: Date;
  readonly availableAt: Date;
  readonly deliveredAt: Date | null;
  readonly lastError: string | null;
}

export interface IdempotencyRecord {
  readonly key: string;
  readonly actorId: string;
  /** A fingerprint of the command, so a key reused for a different command is refused. */
  readonly fingerprint: string;
  readonly instanceId: string;
  readonly result: JsonObject;
  readonly createdAt: Date;
}
