import { createDirectory } from './directory.js';
import { and, asc, count, eq, inArray, isNull, notInArray, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type {
  InboxQuery,
  InstanceQuery,
  JsonObject,
  Store,
  StoreReader,
  StoreTx,
  TaskRecord,
} from '@certflow/engine';
import type { Database } from './database.js';
import { lockWithOpenTasks, writeCommandRows } from './command-sql.js';
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
export function createStore(db: Database): Store {
  const read = createReader(db);
  return {
    transaction: (fn) => guarded(() => db.transaction((tx) => fn(createTx(tx)))),
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

/** assignee = actor, or unassigned of one of the actor's roles, school-wide or of their college. */
function inboxFilter(query: InboxQuery): SQL {
  const mine = eq(tasks.assignee, query.actorId);
  const scope =
    query.college === null
      ? isNull(tasks.college)
      : or(isNull(tasks.college), eq(tasks.college, query.college));
  const ofMyRoles = and(isNull(tasks.assignee), inArray(tasks.role, [...query.roles]), scope);
  return and(eq(tasks.status, 'open'), or(mine, ofMyRoles)) ?? sql`false`;
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

    async inbox(query) {
      const where = inboxFilter(query);
      const [rows, n] = await Promise.all([
        q
          .select()
          .from(tasks)
          .where(where)
          .orderBy(sql`${tasks.dueAt} asc nulls last`, asc(tasks.createdAt), asc(tasks.id))
          .limit(query.limit)
          .offset(query.offset),
        total(q.select({ n: count() }).from(tasks).where(where)),
      ]);
      return { items: rows.map(copyTask), total: n };
    },

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

function createTx(q: Database): StoreTx {
  return {
    directory: createDirectory(q),

    async lockInstance(id) {
      const [row] = await q.select().from(instances).where(eq(instances.id, id)).for('update');
      return row && copyInstance(row);
    },

    lockInstanceWithOpenTasks: (id) => lockWithOpenTasks(q, id),

    writeCommand: (write) => writeCommandRows(q, write),

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

    async lockTimer(id) {
      const [row] = await q.select().from(timers).where(eq(timers.id, id)).for('update');
      return row && copyTimer(row);
    },

    async markTimerFired(id, at) {
      await q.update(timers).set({ status: 'fired', firedAt: at }).where(eq(timers.id, id));
    },

    async insertOutbox(rows) {
      if (rows.length === 0) return;
      await q.insert(outbox).values(rows.map(copyOutbox));
    },

    async getIdempotency(key) {
      const [row] = await q.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
      return row && copyIdempotency(row);
    },

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
    reference: (kind, key) => referenceOf(q, kind, key, true),

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
