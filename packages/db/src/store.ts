import { createDirectory } from './directory.js';
import { DirectoryCache } from './directory-cache.js';
import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Directory as EngineDirectory, Store, StoreTx } from '@certflow/engine';
import { unlockedTx } from '@certflow/engine';
import type { Database } from './database.js';
import {
  claimTimerRow,
  readTimerWithInstance,
  type InstanceRead,
  readWithOpenTasks,
  writeCommandRows,
} from './command-sql.js';
import { guarded } from './errors.js';
import { createReader, openTasksOf, referenceOf } from './reader.js';
import {
  copyHistory,
  copyIdempotency,
  copyInstance,
  copyOutbox,
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
      ? {
          unlocked: <T>(fn: (tx: StoreTx) => Promise<T>) =>
            guarded(() => fn(createUnlockedTx(db, cache))),
        }
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

async function idempotencyOf(q: Database, key: string) {
  const [row] = await q.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
  return row && copyIdempotency(row);
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
  /** The instance as the command sees it; the directory then answers at the read's revision. */
  const seen = ({ instance, openTasks, directoryRevision }: InstanceRead) => {
    revision = directoryRevision;
    return { instance, openTasks };
  };
  return {
    directory: {
      getUser: (id) => cache.at(revision, load).getUser(id),
      usersFor: (role, college) => cache.at(revision, load).usersFor(role, college),
    },
    async lockInstanceWithOpenTasks(id) {
      const read = await readWithOpenTasks(q, id, lock);
      return read && seen(read);
    },
    async timerWithInstance(timerId) {
      const read = await readTimerWithInstance(q, timerId);
      if (!read?.instance) return read && { timer: read.timer };
      return { timer: read.timer, instance: seen(read.instance) };
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
