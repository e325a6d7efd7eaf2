import { createDirectory } from './directory.js';
import { DirectoryCache } from './directory-cache.js';
import { and, asc, count, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type {
  Directory as EngineDirectory,
  InboxQuery,
  InstanceQuery,
  JsonObject,
  Store,
  StoreReader,
  StoreTx,
  TaskRecord,
} from '@certflow/engine';
import { unlockedTx } from '@certflow/engine';
import type { Database } from './database.js';
import {
  claimTimerRow,
  readTimerWithInstance,
  jsonValue,
  readWithOpenTasks,
  rowsOf,
  taskFromJson,
  writeCommandRows,
} from './command-sql.js';
import { guarded } from './errors.js';
import {
  copyHistory,
  copyIdempotency,
  copyInstance,
  copyOutbox,
  copyTask,
  copyTimer,
  taskValues,
} from './rows.js';
import {
  history,
  idempotencyKeys,
  instances,
  outbox,
  referenceData,
  tasks,
  timers,
} from './schema.js';

/**
 * The engine's `Store` over a drizzle database. The same code runs on postgres.js and PGlite;
 * database failures surface as the engine's `InfrastructureError` (see errors.ts).
 */
/** A transaction as the store's statements see it. */
export interface TxScope {
  /** A database bound to the transaction. */
  readonly db: Database;
  /**
   * Where the driver can pipeline: sends `query` as the transaction's last statement with COMMIT
   * behind it (one round trip for both) and resolves to its rows once committed. A failed query
   * rolls the transaction back (the server answers that COMMIT with ROLLBACK).
   */
  readonly commitWith?: (query: SQL) => Promise<Record<string, unknown>[]>;
}

/** How a store runs a transaction: `fn` gets the transaction's scope. */
export type TransactionRunner = <T>(fn: (tx: TxScope) => Promise<T>) => Promise<T>;

export function createStore(
  db: Database,
  options: {
    readonly transaction?: TransactionRunner;
    /**
     * Offer `Store.unlocked` (commands as one version-checked statement). Only where statements
     * outside a transaction run on their own connection (a pool): on PGlite's one connection they
     * would land inside whichever transaction is open.
     */
    readonly unlocked?: boolean;
  } = {},
): Store {
  const read = createReader(db);
  const cache = new DirectoryCache();
  const run: TransactionRunner =
    options.transaction ?? ((fn) => db.transaction((tx) => fn({ db: tx })));
  return {
    transaction: (fn) => guarded(() => run((tx) => fn(createTx(tx, cache)))),
    ...(options.unlocked
      ? { unlocked: <T>(fn: (tx: StoreTx) => Promise<T>) =>
            guarded(() => fn(createUnlockedTx(db, cache))) }
      : {}),
    read: {
      getInstance: (id) => guarded(() => read.getInstance(id)),
      listInstances: (query) => guarded(() => read.listInstances(query)),
      history: (instanceId) => guarded(() => read.history(instanceId)),
      openTasks: (instanceId) => guarded(() => read.openTasks(instanceId)),
      inbox: (query) => guarded(() => read.inbox(query)),
      pendingTimers: (instanceId) => guarded(() => read.pendingTimers(instanceId)),
      getTimer: (id) => guarded(() => read.getTimer(id)),
      reference: (kind, key) => guarded(() => read.reference(kind, key)),
    },
  };
}

function openTasksOf(q: Database, instanceId: string): Promise<TaskRecord[]> {
  return q
    .select()
    .from(tasks)
    .where(and(eq(tasks.instanceId, instanceId), eq(tasks.status, 'open')))
    .orderBy(asc(tasks.createdAt), asc(tasks.id))
    .then((rows) => rows.map(copyTask));
}

async function idempotencyOf(q: Database, key: string) {
  const [row] = await q.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
  return row && copyIdempotency(row);
}

async function referenceOf(
  q: Database,
  kind: string,
  key: string,
  lock = false,
): Promise<JsonObject | undefined> {
  const query = q
    .select({ value: referenceData.value })
    .from(referenceData)
    .where(and(eq(referenceData.kind, kind), eq(referenceData.key, key)));
  const [row] = lock ? await query.for('update') : await query;
  return row?.value;
}

/**
 * The inbox's branches: tasks assigned to the actor; unassigned tasks of each of their roles,
 * school-wide and (with a college) of their college. The branches are disjoint and each matches
 * one partial index whose order is the inbox's (schema.ts `tasks_inbox_*`).
 */
function inboxBranches(query: InboxQuery): SQL[] {
  const branches: SQL[] = [sql`status = 'open' and assignee = ${query.actorId}`];
  for (const role of new Set(query.roles)) {
    branches.push(
      sql`status = 'open' and assignee is null and college is null and role = ${role}`,
    );
    if (query.college !== null) {
      branches.push(
        sql`status = 'open' and assignee is null and college is not null and role = ${role} and college = ${query.college}`,
      );
    }
  }
  return branches;
}

const INBOX_ORDER = sql`due_at asc nulls last, created_at asc, id asc`;

/**
 * One page of the inbox: each branch walks its index in the inbox's order and stops after
 * `offset + limit` rows; the planner merges the branches (Merge Append) — no sort of the whole
 * set. The total adds one index-only count per branch.
 */
async function inboxOf(
  q: Database,
  query: InboxQuery,
): Promise<{ items: TaskRecord[]; total: number }> {
  const branches = inboxBranches(query);
  const depth = query.offset + query.limit;
  const page = sql.join(
    branches.map(
      (where) => sql`(select * from tasks where ${where} order by ${INBOX_ORDER} limit ${depth})`,
    ),
    sql` union all `,
  );
  const counts = sql.join(
    branches.map((where) => sql`(select count(*) from tasks where ${where})`),
    sql` + `,
  );
  const [rows, counted] = await Promise.all([
    q.execute(sql`select to_jsonb(t) as task from (${page}) t
      order by ${INBOX_ORDER} limit ${query.limit} offset ${query.offset}`),
    q.execute(sql`select (${counts})::int as total`),
  ]);
  const [row] = rowsOf(counted);
  return {
    items: rowsOf(rows).map((r) => taskFromJson(jsonValue<Record<string, unknown>>(r.task))),
    total: Number(row?.total ?? 0),
  };
}

function instanceFilter(query: InstanceQuery): SQL | undefined {
  return and(
    query.flowId === undefined ? undefined : eq(instances.flowId, query.flowId),
    query.status === undefined ? undefined : eq(instances.status, query.status),
    query.college === undefined ? undefined : eq(instances.college, query.college),
    query.subjectId === undefined ? undefined : eq(instances.subjectId, query.subjectId),
  );
}

async function total(rows: Promise<{ n: number }[]>): Promise<number> {
  const [row] = await rows;
  return row?.n ?? 0;
}

function createReader(q: Database): StoreReader {
  return {
    async getInstance(id) {
      const [row] = await q.select().from(instances).where(eq(instances.id, id));
      return row && copyInstance(row);
    },

    async listInstances(query) {
      const where = instanceFilter(query);
      const [rows, n] = await Promise.all([
        q
          .select()
          .from(instances)
          .where(where)
          .orderBy(asc(instances.createdAt), asc(instances.id))
          .limit(query.limit)
          .offset(query.offset),
        total(q.select({ n: count() }).from(instances).where(where)),
      ]);
      return { items: rows.map(copyInstance), total: n };
    },

    async history(instanceId) {
      const rows = await q
        .select()
        .from(history)
        .where(eq(history.instanceId, instanceId))
        .orderBy(asc(history.seq));
      return rows.map(copyHistory);
    },

    openTasks: (instanceId) => openTasksOf(q, instanceId),

    inbox: (query) => inboxOf(q, query),

    async pendingTimers(instanceId) {
      const rows = await q
        .select()
        .from(timers)
        .where(
          and(
            eq(timers.status, 'pending'),
            instanceId === undefined ? undefined : eq(timers.instanceId, instanceId),
          ),
        )
        .orderBy(asc(timers.dueAt), asc(timers.id));
      return rows.map(copyTimer);
    },

    async getTimer(id) {
      const [row] = await q.select().from(timers).where(eq(timers.id, id));
      return row && copyTimer(row);
    },

    reference: (kind, key) => referenceOf(q, kind, key),
  };
}

/**
 * How a command reads its instance, and the directory it then reads: the instance read also
 * returns the directory revision, and the directory answers from the cache (directory-cache.ts)
 * at that revision, loading on the command's own connection. `lock`: `SELECT … FOR UPDATE`.
 */
function commandReads(
  q: Database,
  cache: DirectoryCache,
  lock: boolean,
): Pick<StoreTx, 'lockInstanceWithOpenTasks' | 'timerWithInstance'> & {
  directory: EngineDirectory;
} {
  const load = createDirectory(q);
  let revision: string | null = null;
  return {
    directory: {
      getUser: (id) => cache.at(revision, load).getUser(id),
      usersFor: (role, college) => cache.at(revision, load).usersFor(role, college),
    },
    async lockInstanceWithOpenTasks(id) {
      const read = await readWithOpenTasks(q, id, lock);
      if (!read) return undefined;
      revision = read.directoryRevision;
      return { instance: read.instance, openTasks: read.openTasks };
    },
    async timerWithInstance(timerId) {
      const read = await readTimerWithInstance(q, timerId);
      if (!read?.instance) return read && { timer: read.timer };
      revision = read.instance.directoryRevision;
      const { instance, openTasks } = read.instance;
      return { timer: read.timer, instance: { instance, openTasks } };
    },
  };
}

function createTx(scope: TxScope, cache: DirectoryCache): StoreTx {
  const q = scope.db;
  const reads = commandReads(q, cache, true);
  return {
    directory: reads.directory,

    async lockInstance(id) {
      const [row] = await q.select().from(instances).where(eq(instances.id, id)).for('update');
      return row && copyInstance(row);
    },

    lockInstanceWithOpenTasks: reads.lockInstanceWithOpenTasks,
    timerWithInstance: reads.timerWithInstance,

    writeCommand: (write) => writeCommandRows(scope, write),

    async insertInstance(row) {
      await q.insert(instances).values(copyInstance(row));
    },

    async updateInstance(row, expectedVersion) {
      const { id: _id, createdAt: _createdAt, ...changes } = copyInstance(row);
      const updated = await q
        .update(instances)
        .set(changes)
        .where(and(eq(instances.id, row.id), eq(instances.version, expectedVersion)))
        .returning({ id: instances.id });
      return updated.length === 1;
    },

    async appendHistory(row) {
      await q.insert(history).values(copyHistory(row));
    },

    openTasks: (instanceId) => openTasksOf(q, instanceId),

    async insertTasks(rows) {
      if (rows.length === 0) return;
      await q.insert(tasks).values(rows.map(taskValues));
    },

    async closeTasks(ids, status, by, at) {
      if (ids.length === 0) return;
      await q
        .update(tasks)
        .set({ status, completedBy: by, completedAt: at })
        .where(and(inArray(tasks.id, [...ids]), eq(tasks.status, 'open')));
    },

    async reassignTask(id, assignee) {
      await q.update(tasks).set({ assignee }).where(eq(tasks.id, id));
    },

    async insertTimers(rows) {
      if (rows.length === 0) return;
      await q.insert(timers).values(rows.map(copyTimer));
    },

    async cancelTimers(instanceId, keepStates) {
      await q
        .update(timers)
        .set({ status: 'cancelled' })
        .where(
          and(
            eq(timers.instanceId, instanceId),
            eq(timers.status, 'pending'),
            keepStates.length === 0 ? undefined : notInArray(timers.state, [...keepStates]),
          ),
        );
    },

    claimTimer: (id, at, options) => claimTimerRow(q, id, at, options?.dueBy),

    async insertOutbox(rows) {
      if (rows.length === 0) return;
      await q.insert(outbox).values(rows.map(copyOutbox));
    },

    getIdempotency: (key) => idempotencyOf(q, key),

    async putIdempotency(row) {
      const inserted = await q
        .insert(idempotencyKeys)
        .values(copyIdempotency(row))
        .onConflictDoNothing({ target: idempotencyKeys.key })
        .returning({ key: idempotencyKeys.key });
      return inserted.length === 1;
    },

    // Inside a command the row stays locked until commit: two commands that read-modify-write the
    // same project or ledger record run one after the other instead of losing an update.
    reference: (kind, key, options) => referenceOf(q, kind, key, options?.lock ?? true),

    async putReference(kind, key, value) {
      await q
        .insert(referenceData)
        .values({ kind, key, value })
        .onConflictDoUpdate({
          target: [referenceData.kind, referenceData.key],
          set: { value, updatedAt: sql`now()` },
        });
    },
  };
}

/**
 * `Store.unlocked` on a pool: every call is its own autocommit statement. Reads take no lock;
 * the final `writeCommand` is the command's one transaction; anything that needs a lock or
 * another write throws `LockRequired` before touching the database.
 */
function createUnlockedTx(db: Database, cache: DirectoryCache): StoreTx {
  return unlockedTx({
    ...commandReads(db, cache, false),
    openTasks: (instanceId) => openTasksOf(db, instanceId),
    getIdempotency: (key) => idempotencyOf(db, key),
    reference: (kind, key) => referenceOf(db, kind, key),
    writeCommand: (write) => writeCommandRows({ db }, write),
  });
}
