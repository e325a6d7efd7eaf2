import type { Directory } from './directory.js';
import type {
  HistoryRecord,
  IdempotencyRecord,
  InstanceRecord,
  InstanceStatus,
  JsonObject,
  OutboxRecord,
  TaskRecord,
  TimerRecord,
} from './records.js';

/**
 * The persistence port, owned by the engine. `@certflow/db` implements it on PostgreSQL
 * (postgres.js) and PGlite. Every command runs inside one `transaction`.
 */
export interface Store {
  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;
  /**
   * Optional: runs `fn` without holding a transaction open, for a command that reads, decides and
   * then writes everything in one version-checked statement (DESIGN §2 step 1, "a version check
   * `UPDATE … WHERE version = $n` with retry"). In `fn`'s `StoreTx`:
   * - `lockInstanceWithOpenTasks` reads the row and its open tasks without locking them;
   * - `timerWithInstance` reads a timer and its instance (it never locks);
   * - `reference` reads unlocked, and throws `LockRequired` when asked for a lock;
   * - `writeCommand` must be `final`: it is the command's one transaction, committed on its
   *   own; when the stored version is no longer `expectedVersion` it writes nothing and returns
   *   false (the caller reads again and retries);
   * - every other write throws `LockRequired` (the caller runs the command in `transaction`).
   */
  unlocked?<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;
  /** Reads outside a command. */
  read: StoreReader;
}

/**
 * Thrown inside `Store.unlocked` by a call that needs the locks of a real transaction (a locked
 * reference read, a write other than the final `writeCommand`): nothing has been written; run
 * the command again in `Store.transaction`.
 */
export class LockRequired extends Error {
  override readonly name = 'LockRequired';
  constructor(what: string) {
    super(`${what} needs a transaction`);
  }
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

export interface StoreReader {
  getInstance(id: string): Promise<InstanceRecord | undefined>;
  /** Oldest first (`created_at`, then id). */
  listInstances(query: InstanceQuery): Promise<{ items: InstanceRecord[]; total: number }>;
  history(instanceId: string): Promise<HistoryRecord[]>;
  openTasks(instanceId: string): Promise<TaskRecord[]>;
  /**
   * Open tasks the actor may act on: tasks assigned to them, and unassigned tasks of one of their
   * roles (school-wide, or of their college). Oldest deadline first, tasks without one last.
   */
  inbox(query: InboxQuery): Promise<{ items: TaskRecord[]; total: number }>;
  pendingTimers(instanceId?: string): Promise<TimerRecord[]>;
  getTimer(id: string): Promise<TimerRecord | undefined>;
  reference(kind: string, key: string): Promise<JsonObject | undefined>;
}

/** A task closed by a command. */
export interface TaskClose {
  readonly id: string;
  readonly status: 'done' | 'cancelled';
  readonly by: string | null;
  readonly at: Date;
}

/**
 * Everything an accepted command writes, in one call: the PostgreSQL store sends it as one
 * statement (one round trip), the memory store applies it step by step.
 */
export interface CommandWrite {
  /** The instance row after the command. */
  readonly instance: InstanceRecord;
  /**
   * The version the stored row must still have for the update to happen; `null` when the command
   * inserted the row itself (`insertInstance`), so there is nothing to update.
   */
  readonly expectedVersion: number | null;
  readonly history: HistoryRecord;
  /** Closed if still open; finished tasks keep who finished them. */
  readonly closeTasks: readonly TaskClose[];
  readonly newTasks: readonly TaskRecord[];
  /** Cancel the instance's pending timers whose state is not in `keepStates`; `null`: none. */
  readonly cancelTimers: { readonly keepStates: readonly string[] } | null;
  readonly timers: readonly TimerRecord[];
  readonly outbox: readonly OutboxRecord[];
  /**
   * No statement follows in this transaction: the store may commit with this write. PostgreSQL
   * sends COMMIT pipelined behind it (one round trip for both) and resolves once both are done;
   * the transaction's callback must then send nothing more.
   */
  readonly final?: boolean;
  /**
   * Fire this timer with the write: mark it fired at `at`, and write the rest only if it is still
   * pending (taking its row lock before the instance's, as `claimTimer` does). When it is not,
   * nothing is written and the result is false. What `Store.unlocked` fires a timer with, instead
   * of `claimTimer` in a transaction.
   */
  readonly claimTimer?: { readonly id: string; readonly at: Date };
}

/** A timer row with its instance and the instance's open tasks, read together (no locks). */
export interface TimerWithInstance {
  readonly timer: TimerRecord;
  /** Undefined when the instance row is missing. */
  readonly instance?: { readonly instance: InstanceRecord; readonly openTasks: TaskRecord[] };
}

export interface StoreTx {
  /**
   * The people directory read inside this transaction, when the store holds one (PGlite runs one
   * connection: a read outside the open transaction would wait for it forever).
   */
  readonly directory?: Directory;
  /** `SELECT … FOR UPDATE` the instance row. */
  lockInstance(id: string): Promise<InstanceRecord | undefined>;
  /**
   * `lockInstance` and `openTasks` in one call (one statement on PostgreSQL): the locked row and
   * its open tasks, oldest first (`created_at`, then id).
   */
  lockInstanceWithOpenTasks(
    id: string,
  ): Promise<{ instance: InstanceRecord; openTasks: TaskRecord[] } | undefined>;
  /**
   * The timer row, its instance and the instance's open tasks (oldest first), in one statement on
   * PostgreSQL, without locking anything; undefined when the timer is missing.
   */
  timerWithInstance(timerId: string): Promise<TimerWithInstance | undefined>;
  /**
   * Writes one accepted command (see `CommandWrite`). Returns false, having written nothing, when
   * `expectedVersion` did not match.
   * A duplicate history row throws `InfrastructureError` `DB_UNIQUE_VIOLATION`.
   */
  writeCommand(write: CommandWrite): Promise<boolean>;
  /** A duplicate id throws `InfrastructureError` `DB_UNIQUE_VIOLATION`. */
  insertInstance(row: InstanceRecord): Promise<void>;
  /** Writes the row if its stored version still equals `expectedVersion`; returns false otherwise. */
  updateInstance(row: InstanceRecord, expectedVersion: number): Promise<boolean>;
  /** A duplicate (instance, seq) throws `InfrastructureError` `DB_UNIQUE_VIOLATION`. */
  appendHistory(row: HistoryRecord): Promise<void>;
  openTasks(instanceId: string): Promise<TaskRecord[]>;
  insertTasks(rows: readonly TaskRecord[]): Promise<void>;
  /** Closes those of `ids` that are still open; finished tasks keep who finished them. */
  closeTasks(
    ids: readonly string[],
    status: 'done' | 'cancelled',
    by: string | null,
    at: Date,
  ): Promise<void>;
  reassignTask(id: string, assignee: string): Promise<void>;
  insertTimers(rows: readonly TimerRecord[]): Promise<void>;
  /** Cancels the instance's pending timers whose state is not in `keep`. */
  cancelTimers(instanceId: string, keepStates: readonly string[]): Promise<void>;
  /**
   * Marks a pending timer fired at `at` (one statement on PostgreSQL; the row stays locked until
   * commit). Returns the row as it was before, and whether this call claimed it — false when it
   * was no longer pending (fired, cancelled, or claimed concurrently), or, with `dueBy`, not due
   * by then; undefined when missing.
   */
  claimTimer(
    id: string,
    at: Date,
    options?: { readonly dueBy?: Date },
  ): Promise<{ timer: TimerRecord; claimed: boolean } | undefined>;
  insertOutbox(rows: readonly OutboxRecord[]): Promise<void>;
  getIdempotency(key: string): Promise<IdempotencyRecord | undefined>;
  /** Inserts; returns false if the key already exists (a concurrent first use won). */
  putIdempotency(row: IdempotencyRecord): Promise<boolean>;
  /**
   * Reads the reference row and, unless `lock` is false, locks it until commit (read-modify-write
   * by concurrent commands). Data a command only reads (quotas) is read without the lock.
   */
  reference(
    kind: string,
    key: string,
    options?: { readonly lock?: boolean },
  ): Promise<JsonObject | undefined>;
  putReference(kind: string, key: string, value: JsonObject): Promise<void>;
}
