import type {
  AdminAuditRecord,
  HistoryRecord,
  IdempotencyRecord,
  InstanceRecord,
  InstanceStatus,
  JsonObject,
  OutboxRecord,
  CopyRecord,
  ReferenceKey,
  TaskRecord,
  TimerRecord,
} from '../records.js';
import type { DueBasis } from './calendar.js';

/**
 * The persistence port of the core loop (ARCHITECTURE.md, "The core loop"): a command makes one
 * `load`, decides purely on what it loaded, and makes one `write`, checked against the versions
 * it loaded. `@certflow/db` implements it on PostgreSQL — batching concurrent loads into one
 * statement and concurrent writes into one transaction — and `MemoryStore` in memory.
 */
export interface CommandStore {
  /** Everything one command decides on, in one read. */
  load(request: LoadRequest): Promise<Loaded>;
  /**
   * Write one decided command: all of it, or — when a version it was decided on has moved (the
   * instance, a reference row, a claimed timer, an action token, an idempotency key) — nothing,
   * answering `false`. Resolves only once the write is durable.
   */
  write(write: CommandWrite): Promise<boolean>;
}

/** What a command loads. */
export interface LoadRequest {
  /** The instance a command acts on (with its open tasks, pending timers and references). */
  readonly instanceId?: string;
  /** The timer a fire is about, and its instance. */
  readonly timerId?: string;
  /** Reference rows to load besides the instance's own (`InstanceRecord.refKeys`). */
  readonly references?: readonly ReferenceKey[];
  /** The idempotency key the command carries, in its scope. */
  readonly idempotency?: IdempotencyKey;
  /** The last row of the administrators' audit trail (a command that appends to it). */
  readonly auditHead?: boolean;
}

/** An idempotency key is the caller's own: scoped to who sends it and what it is about. */
export interface IdempotencyKey {
  readonly scope: string;
  readonly key: string;
}

/** An instance as a command sees it. */
export interface LoadedInstance {
  readonly row: InstanceRecord;
  /** Open tasks, oldest first (`created_at`, then id). */
  readonly openTasks: readonly TaskRecord[];
  /** Pending timers, soonest first. */
  readonly pendingTimers: readonly TimerRecord[];
}

/** A reference row and the version a write must find it at. */
export interface VersionedReference {
  readonly value: JsonObject;
  readonly version: number;
}

export interface Loaded {
  readonly instance?: LoadedInstance;
  readonly timer?: TimerRecord;
  /** Every requested reference row that exists, keyed by `referenceId(kind, key)`. */
  readonly references: ReadonlyMap<string, VersionedReference>;
  readonly idempotency?: IdempotencyRecord;
  /** The administrators' audit trail's last row, when asked for (none yet: undefined). */
  readonly auditHead?: { readonly seq: number; readonly hash: string };
}

export function referenceId(kind: string, key: string): string {
  return `${kind}\u0000${key}`;
}

/** A task closed by a command. */
export interface TaskClose {
  readonly id: string;
  readonly status: 'done' | 'cancelled';
  readonly by: string | null;
  readonly at: Date;
}

/** A new due time for a pending timer or an open task (a calendar change moved it). */
export interface DueChange {
  readonly id: string;
  readonly dueAt: Date;
  readonly dueBasis: DueBasis;
}

/** A reference row written by a command, at the version it was read (`null`: it did not exist). */
export interface ReferencePut {
  readonly kind: string;
  readonly key: string;
  readonly value: JsonObject;
  readonly expectedVersion: number | null;
}

/**
 * Everything one accepted command writes. Every part is applied only if every check holds:
 * the instance is still at `instance.expectedVersion` (or absent, to insert it), each reference
 * row is still at its `expectedVersion`, the claimed timer is still pending, the action token is
 * still unused, the idempotency key is still free.
 */
export interface CommandWrite {
  readonly instance?: {
    readonly row: InstanceRecord;
    /** `null`: insert the row (a start). */
    readonly expectedVersion: number | null;
  };
  readonly history?: HistoryRecord;
  /** Closed if still open; finished tasks keep who finished them. */
  readonly closeTasks: readonly TaskClose[];
  /** Open tasks replaced as a whole (a new assignee, a reminder sent), if still open. */
  readonly updateTasks: readonly TaskRecord[];
  readonly newTasks: readonly TaskRecord[];
  /** Pending timers cancelled (the state they belong to was left). */
  readonly cancelTimers: readonly string[];
  readonly newTimers: readonly TimerRecord[];
  /** Moved due times of open tasks and pending timers. */
  readonly moveTasks: readonly DueChange[];
  readonly moveTimers: readonly DueChange[];
  readonly outbox: readonly OutboxRecord[];
  /** 抄送 rows (the CC operation). */
  readonly copies: readonly CopyRecord[];
  readonly references: readonly ReferencePut[];
  /** Mark this timer fired at `at`; only if it is still pending. */
  readonly claimTimer?: { readonly id: string; readonly at: Date };
  /** Record the command's result under its idempotency key; only if the key is still free. */
  readonly idempotency?: IdempotencyRecord;
  /** Use a mail action token (sha256 of the token); only if still unused and unexpired. */
  readonly useToken?: { readonly tokenHash: string; readonly at: Date };
  /** Append to the administrators' audit trail; only if `seq` is still free. */
  readonly audit?: AdminAuditRecord;
}

export interface InboxQuery {
  readonly actorId: string;
  readonly roles: readonly string[];
  readonly college: string | null;
  readonly organization: string | null;
  readonly limit: number;
  readonly offset: number;
}

export interface InstanceQuery {
  readonly flowId?: string;
  readonly status?: InstanceStatus;
  readonly college?: string;
  readonly subjectId?: string;
  readonly limit: number;
  readonly offset: number;
}

/** Reads outside a command. */
export interface StoreReader {
  getInstance(id: string): Promise<InstanceRecord | undefined>;
  /** Oldest first (`created_at`, then id). */
  listInstances(query: InstanceQuery): Promise<{ items: InstanceRecord[]; total: number }>;
  history(instanceId: string): Promise<HistoryRecord[]>;
  openTasks(instanceId: string): Promise<TaskRecord[]>;
  /**
   * Open tasks the actor may act on: tasks assigned to them, and unassigned tasks of one of their
   * roles (school-wide, of their college, or of their evaluation organization). Oldest deadline
   * first, tasks without one last.
   */
  inbox(query: InboxQuery): Promise<{ items: TaskRecord[]; total: number }>;
  pendingTimers(instanceId: string): Promise<TimerRecord[]>;
  reference(kind: string, key: string): Promise<JsonObject | undefined>;
  /** Active instances with an open task or a pending timer counted through `year`. */
  instancesWithDeadlinesIn(year: number): Promise<string[]>;
  /** The administrators' audit trail, newest first; with `subject`, only that subject's. */
  auditTrail(page: {
    readonly subject?: string;
    readonly limit: number;
    readonly offset: number;
  }): Promise<AdminAuditRecord[]>;
}

/** The store as the engine is given it. */
export interface Store extends CommandStore {
  readonly read: StoreReader;
}
