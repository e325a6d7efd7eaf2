import type { DueBasis } from './ports/calendar.js';

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
  /** Who completed which approval step (separation of duties); derived from `decisions`. */
  readonly stepActors: Readonly<Record<string, string>>;
  /** Every approval decision so far, in order (who decided which step, at which version). */
  readonly decisions: readonly StepDecision[];
  /** The multi-approver progress of the steps of the states the instance is in. */
  readonly steps: Readonly<Record<string, StepProgress>>;
  /** What 拿回 (take back) restores, while nothing has been decided since the last approval. */
  readonly undo: UndoRecord | null;
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
export type TaskKind = 'step' | 'added' | 'submitter' | 'escalation' | 'delegated';

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
  /** When the applicant last urged (催办) this task; throttles the next. */
  readonly urgedAt: Date | null;
  /** 委派: the person this task was handed to; its holder decides once they have resolved it. */
  readonly delegatedTo: string | null;
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
  /** Whose key it is and what about (`actor|instance`): one caller cannot block another's. */
  readonly scope: string;
  readonly key: string;
  readonly actorId: string;
  /** A fingerprint of the command, so a key reused for a different command is refused. */
  readonly fingerprint: string;
  readonly instanceId: string;
  readonly result: JsonObject;
  readonly createdAt: Date;
}

/** An administrator's action outside any instance, hash-chained like an instance's history. */
export interface AdminAuditRecord {
  readonly seq: number;
  readonly at: Date;
  readonly actorId: string;
  readonly actorName: string | null;
  /** What was done: `reference.put`, `calendar.import`, `users.import` … */
  readonly action: string;
  /** What it was done to: `quota/2027/ee`, `calendar/2027` … */
  readonly subject: string;
  readonly data: JsonObject;
  readonly prevHash: string;
  readonly hash: string;
}

/** 抄送: one person an instance was copied to (待阅 until they mark it read). */
export interface CopyRecord {
  readonly id: string;
  readonly instanceId: string;
  /** The history row of the CC command. */
  readonly seq: number;
  readonly personId: string;
  readonly fromId: string;
  readonly flowId: string;
  readonly createdAt: Date;
  readonly readAt: Date | null;
}

/** One approval decision of a step: who, at which history seq, and on whose behalf (代理人). */
export interface StepDecision {
  readonly step: string;
  readonly actorId: string;
  readonly seq: number;
  /** The person the actor decided for, as their substitute (由 X 代 Y 审批). */
  readonly onBehalfOf?: string;
  /**
   * The history seq of the (re)submission that came after this decision: the step must be
   * decided again and cannot be returned to until it is (separation of duties still counts it).
   */
  readonly supersededBy?: number;
}

/** One approver slot of a round: the task's role (any holder, 或签), or a named person. */
export type ApproverSlot =
  | { readonly kind: 'role' }
  | { readonly kind: 'person'; readonly id: string; readonly addedBy?: string };

/** A round of a step: its slots, how many approvals complete it, who approved in it. */
export interface StepRound {
  readonly slots: readonly ApproverSlot[];
  readonly threshold: number;
  readonly approved: readonly string[];
  /** Votes against, where one 驳回 does not end the step (`rejectEndsStep: false`). */
  readonly against?: readonly string[];
}

/**
 * A step decided by several approvers — 会签 (all of them, or n of m), 依次 (one after another),
 * or one with 加签 rounds before or after — as rounds: the current round's slots have open tasks;
 * the step's machine event fires when the last round completes.
 */
export interface StepProgress {
  readonly step: string;
  readonly state: string;
  readonly rounds: readonly StepRound[];
  readonly current: number;
}

/** The instance just before an approval: 拿回 restores it while nothing else was decided. */
export interface UndoRecord {
  /** The instance's version right after the approval. */
  readonly version: number;
  readonly actorId: string;
  readonly step: string;
  readonly taskState: string;
  readonly state: string;
  readonly snapshot: JsonObject;
  readonly stepActors: Readonly<Record<string, string>>;
  readonly decisions: readonly StepDecision[];
  readonly steps: Readonly<Record<string, StepProgress>>;
}
