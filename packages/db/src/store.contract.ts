import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { InfrastructureError, refuse } from '@certflow/engine';
import type { InstanceRecord, Store, TaskRecord } from '@certflow/engine';
import type { Database } from './database.js';
import {
  T0,
  historyRecord,
  instanceRecord,
  later,
  outboxRecord,
  taskRecord,
  timerRecord,
} from './fixtures.js';
import { copyOutbox, copyTask } from './rows.js';
import { instances, outbox, tasks } from './schema.js';

/** What a contract run needs from an adapter: the store, its database, and a way to empty it. */
export interface StoreSubject {
  readonly store: Store;
  readonly db: Database;
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** The `Store` port's contract; every adapter runs it (see store.int.test.ts). */
export function describeStoreContract(name: string, open: () => Promise<StoreSubject>): void {
  describe(`Store contract: ${name}`, () => {
    let subject: StoreSubject | undefined;
    const s = (): StoreSubject => {
      if (!subject) throw new Error('store subject not opened');
      return subject;
    };
    const store = (): Store => s().store;

    beforeAll(async () => {
      subject = await open();
    });
    beforeEach(async () => {
      await s().reset();
    });
    afterAll(async () => {
      await subject?.close();
    });

    const seed = (...rows: InstanceRecord[]): Promise<void> =>
      store().transaction(async (tx) => {
        for (const row of rows) await tx.insertInstance(row);
      });

    describe('instances', () => {
      it('round-trips a row exactly: dates as Dates, nulls, nested jsonb', async () => {
        const row = instanceRecord({ college: null, subjectId: null });
        await seed(row);
        const read = await store().read.getInstance('i-1');
        expect(read).toStrictEqual(row);
        expect(read?.createdAt).toBeInstanceOf(Date);
        expect(await store().read.getInstance('missing')).toBeUndefined();
      });

      it('stores jsonb as objects, not as JSON strings', async () => {
        await seed(instanceRecord());
        const rows = await s()
          .db.select({
            snap: sql<string>`jsonb_typeof(${instances.snapshot})`,
            actors: sql<string>`jsonb_typeof(${instances.stepActors})`,
            str: sql<string>`jsonb_typeof(${instances.snapshot} -> 'numericString')`,
          })
          .from(instances);
        expect(rows).toEqual([{ snap: 'object', actors: 'object', str: 'string' }]);
      });

      it('locks a row inside a transaction, undefined when missing', async () => {
        await seed(instanceRecord());
        const [locked, missing] = await store().transaction(async (tx) => [
          await tx.lockInstance('i-1'),
          await tx.lockInstance('missing'),
        ]);
        expect(locked).toStrictEqual(instanceRecord());
        expect(missing).toBeUndefined();
      });

      it('updates only when the stored version is the expected one', async () => {
        await seed(instanceRecord());
        const next = instanceRecord({
          version: 2,
          state: 'review.school',
          stepActors: { college_review: 'lead-1', school_review: 'aa-1' },
          snapshot: { value: { review: 'school' } },
          headHash: 'h2',
          updatedAt: later(5),
        });
        expect(await store().transaction((tx) => tx.updateInstance(next, 1))).toBe(true);
        expect(await store().read.getInstance('i-1')).toStrictEqual(next);

        const stale = instanceRecord({ version: 3, state: 'approved' });
        expect(await store().transaction((tx) => tx.updateInstance(stale, 1))).toBe(false);
        expect(await store().read.getInstance('i-1')).toStrictEqual(next);
        const ghost = instanceRecord({ id: 'missing' });
        expect(await store().transaction((tx) => tx.updateInstance(ghost, 1))).toBe(false);
      });

      it('refuses a duplicate id', async () => {
        await seed(instanceRecord());
        await expect(seed(instanceRecord())).rejects.toMatchObject({ code: 'DB_UNIQUE_VIOLATION' });
      });

      it('lists with filters, paging and a total, oldest first', async () => {
        await seed(
          instanceRecord({ id: 'a', createdAt: later(1) }),
          instanceRecord({ id: 'b', createdAt: later(2), status: 'completed' }),
          instanceRecord({ id: 'c', createdAt: later(3), college: 'cs', subjectId: 'p-2' }),
          instanceRecord({ id: 'd', createdAt: later(4), flowId: 'budget-adjustment' }),
        );
        const ids = async (q: Parameters<Store['read']['listInstances']>[0]) => {
          const page = await store().read.listInstances(q);
          return { ids: page.items.map((i) => i.id), total: page.total };
        };
        expect(await ids({ limit: 10, offset: 0 })).toEqual({
          ids: ['a', 'b', 'c', 'd'],
          total: 4,
        });
        expect(await ids({ limit: 2, offset: 1 })).toEqual({ ids: ['b', 'c'], total: 4 });
        expect(
          await ids({ flowId: 'annual-plan', status: 'active', limit: 10, offset: 0 }),
        ).toEqual({
          ids: ['a', 'c'],
          total: 2,
        });
        expect(await ids({ college: 'cs', limit: 10, offset: 0 })).toEqual({
          ids: ['c'],
          total: 1,
        });
        expect(await ids({ subjectId: 'p-1', limit: 1, offset: 0 })).toEqual({
          ids: ['a'],
          total: 3,
        });
        expect(await ids({ flowId: 'none', limit: 10, offset: 0 })).toEqual({ ids: [], total: 0 });
      });
    });

    describe('history', () => {
      it('appends rows and reads them back in sequence order', async () => {
        await seed(instanceRecord());
        await store().transaction(async (tx) => {
          await tx.appendHistory(historyRecord(2));
          await tx.appendHistory(historyRecord(1));
        });
        expect(await store().read.history('i-1')).toStrictEqual([
          historyRecord(1),
          historyRecord(2),
        ]);
        expect(await store().read.history('other')).toEqual([]);
      });

      it('throws on a duplicate (instance_id, seq) and keeps the first row', async () => {
        await seed(instanceRecord());
        await store().transaction((tx) => tx.appendHistory(historyRecord(1)));
        const error: unknown = await store()
          .transaction((tx) => tx.appendHistory(historyRecord(1, { event: 'AGAIN' })))
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(InfrastructureError);
        expect(error).toMatchObject({ code: 'DB_UNIQUE_VIOLATION', retryable: false });
        expect(await store().read.history('i-1')).toStrictEqual([historyRecord(1)]);
        // The same seq of another instance is fine.
        await store().transaction((tx) =>
          tx.appendHistory(historyRecord(1, { instanceId: 'i-2' })),
        );
      });
    });

    describe('tasks', () => {
      const closedRow = async (id: string): Promise<TaskRecord | undefined> => {
        const [row] = await s().db.select().from(tasks).where(eq(tasks.id, id));
        return row && copyTask(row);
      };

      it('opens, reads, closes and reassigns tasks', async () => {
        const a = taskRecord('t-a');
        const b = taskRecord('t-b', {
          createdAt: later(1),
          dueAt: null,
          college: null,
          kind: 'added',
        });
        const c = taskRecord('t-c', { createdAt: later(2), instanceId: 'i-2' });
        await store().transaction((tx) => tx.insertTasks([a, b, c]));
        await store().transaction((tx) => tx.insertTasks([]));
        expect(await store().read.openTasks('i-1')).toStrictEqual([a, b]);
        expect(await store().transaction((tx) => tx.openTasks('i-1'))).toStrictEqual([a, b]);

        await store().transaction((tx) => tx.closeTasks(['t-a'], 'done', 'lead-1', later(10)));
        expect(await store().read.openTasks('i-1')).toStrictEqual([b]);
        expect(await closedRow('t-a')).toStrictEqual({
          ...a,
          status: 'done',
          completedBy: 'lead-1',
          completedAt: later(10),
        });
        // Closing again changes nothing: a finished task stays as it was finished.
        await store().transaction((tx) =>
          tx.closeTasks(['t-a', 't-b'], 'cancelled', null, later(11)),
        );
        expect((await closedRow('t-a'))?.status).toBe('done');
        expect(await closedRow('t-b')).toMatchObject({ status: 'cancelled', completedBy: null });
        expect(await store().read.openTasks('i-1')).toEqual([]);

        await store().transaction((tx) => tx.reassignTask('t-c', 'aa-9'));
        expect(await store().read.openTasks('i-2')).toStrictEqual([{ ...c, assignee: 'aa-9' }]);
      });
    });

    describe('inbox', () => {
      // u1: college_lead of ee. u3: academic_affairs + college_lead, school-wide (no college).
      const rows = [
        taskRecord('school-aa', { role: 'academic_affairs', college: null, dueAt: later(48 * 60) }),
        taskRecord('ee-lead', { dueAt: later(24 * 60) }),
        taskRecord('cs-lead', { college: 'cs', dueAt: later(24 * 60) }),
        taskRecord('school-lead', { college: null, dueAt: null, createdAt: later(5) }),
        taskRecord('ee-lead-nodue', { dueAt: null, createdAt: later(1) }),
        taskRecord('mine', {
          role: 'finance',
          college: null,
          assignee: 'u1',
          dueAt: later(72 * 60),
        }),
        taskRecord('someone-else', { assignee: 'u2' }),
        taskRecord('ee-done', { status: 'done', completedAt: later(1), completedBy: 'x' }),
      ];
      const inbox = async (
        actorId: string,
        roles: string[],
        college: string | null,
        limit = 50,
        offset = 0,
      ) => {
        const page = await store().read.inbox({ actorId, roles, college, limit, offset });
        return { ids: page.items.map((t) => t.id), total: page.total };
      };
      beforeEach(async () => {
        await store().transaction((tx) => tx.insertTasks(rows));
      });

      it('shows assigned tasks and unassigned tasks of my roles in my college or school-wide', async () => {
        expect(await inbox('u1', ['college_lead'], 'ee')).toEqual({
          ids: ['ee-lead', 'mine', 'ee-lead-nodue', 'school-lead'],
          total: 4,
        });
      });

      it('shows a school-wide person only school-wide tasks of their roles', async () => {
        expect(await inbox('u3', ['academic_affairs', 'college_lead'], null)).toEqual({
          ids: ['school-aa', 'school-lead'],
          total: 2,
        });
      });

      it('shows nothing to someone without roles or assignments', async () => {
        expect(await inbox('nobody', [], 'ee')).toEqual({ ids: [], total: 0 });
        expect(await inbox('u2', [], null)).toEqual({ ids: ['someone-else'], total: 1 });
      });

      it('pages with a stable order and the full total', async () => {
        expect(await inbox('u1', ['college_lead'], 'ee', 2, 1)).toEqual({
          ids: ['mine', 'ee-lead-nodue'],
          total: 4,
        });
        expect(await inbox('u1', ['college_lead'], 'ee', 2, 10)).toEqual({ ids: [], total: 4 });
      });

      it('returns whole records and follows reassignment and closing', async () => {
        const page = await store().read.inbox({
          actorId: 'u1',
          roles: ['college_lead'],
          college: 'ee',
          limit: 1,
          offset: 0,
        });
        expect(page.items).toStrictEqual([rows[1]]);
        await store().transaction(async (tx) => {
          await tx.reassignTask('ee-lead', 'u9');
          await tx.closeTasks(['mine'], 'done', 'u1', later(2));
        });
        expect(await inbox('u1', ['college_lead'], 'ee')).toEqual({
          ids: ['ee-lead-nodue', 'school-lead'],
          total: 2,
        });
        expect(await inbox('u9', [], null)).toEqual({ ids: ['ee-lead'], total: 1 });
      });
    });

    describe('timers', () => {
      const x1 = timerRecord('x1', { state: 's1', dueAt: later(30) });
      const x2 = timerRecord('x2', {
        state: 's2',
        dueAt: later(10),
        kind: 'escalate',
        taskId: 't-1',
      });
      const x3 = timerRecord('x3', {
        state: 's3',
        dueAt: later(20),
        kind: 'event',
        event: 'TIMEOUT',
      });
      const y1 = timerRecord('y1', { instanceId: 'i-2', state: 's1', dueAt: later(15) });
      beforeEach(async () => {
        await store().transaction((tx) => tx.insertTimers([x1, x2, x3, y1]));
      });

      it('lists pending timers by due time, for one instance or all', async () => {
        expect(await store().read.pendingTimers()).toStrictEqual([x2, y1, x3, x1]);
        expect(await store().read.pendingTimers('i-1')).toStrictEqual([x2, x3, x1]);
        expect(await store().read.getTimer('x3')).toStrictEqual(x3);
        expect(await store().read.getTimer('missing')).toBeUndefined();
      });

      it("cancels an instance's pending timers except those of the kept states", async () => {
        await store().transaction((tx) => tx.cancelTimers('i-1', ['s2']));
        expect(await store().read.pendingTimers()).toStrictEqual([x2, y1]);
        expect(await store().read.getTimer('x1')).toStrictEqual({ ...x1, status: 'cancelled' });
        await store().transaction((tx) => tx.cancelTimers('i-1', []));
        expect(await store().read.pendingTimers()).toStrictEqual([y1]);
      });

      it('claims a pending timer once: fired at the given time, the row as it was', async () => {
        const first = await store().transaction((tx) => tx.claimTimer('x2', later(11)));
        expect(first).toStrictEqual({ timer: x2, claimed: true });
        expect(await store().read.getTimer('x2')).toStrictEqual({
          ...x2,
          status: 'fired',
          firedAt: later(11),
        });
        const again = await store().transaction((tx) => tx.claimTimer('x2', later(12)));
        expect(again).toStrictEqual({
          timer: { ...x2, status: 'fired', firedAt: later(11) },
          claimed: false,
        });
        await store().transaction((tx) => tx.cancelTimers('i-1', []));
        expect((await store().transaction((tx) => tx.claimTimer('x1', later(13))))?.claimed).toBe(
          false,
        );
        expect(await store().transaction((tx) => tx.claimTimer('missing', later(13)))).toBe(
          undefined,
        );
      });

      it('locks a timer and marks it fired', async () => {
        const fired = await store().transaction(async (tx) => {
          const timer = await tx.lockTimer('x2');
          expect(timer).toStrictEqual(x2);
          expect(await tx.lockTimer('missing')).toBeUndefined();
          await tx.markTimerFired('x2', later(11));
          return tx.lockTimer('x2');
        });
        expect(fired).toStrictEqual({ ...x2, status: 'fired', firedAt: later(11) });
        expect(await store().read.pendingTimers('i-1')).toStrictEqual([x3, x1]);
        // A fired timer is no longer pending, so cancelling leaves it as it is.
        await store().transaction((tx) => tx.cancelTimers('i-1', []));
        expect((await store().read.getTimer('x2'))?.status).toBe('fired');
      });
    });

    describe('one command in two statements', () => {
      it('locks an instance with its open tasks, oldest first; undefined when missing', async () => {
        const row = instanceRecord({ college: null, subjectId: null });
        await seed(row);
        const a = taskRecord('t-a', { dueAt: null, college: null, assignee: 'u-9' });
        const b = taskRecord('t-b', { createdAt: later(1), kind: 'added', approval: false });
        const c = taskRecord('t-c', { createdAt: later(2), instanceId: 'i-2' });
        await store().transaction(async (tx) => {
          await tx.insertTasks([b, a, c]);
          await tx.closeTasks(['t-c'], 'done', 'x', later(3));
        });
        const [locked, missing] = await store().transaction(async (tx) => [
          await tx.lockInstanceWithOpenTasks('i-1'),
          await tx.lockInstanceWithOpenTasks('missing'),
        ]);
        expect(locked).toStrictEqual({ instance: row, openTasks: [a, b] });
        expect(locked?.instance.createdAt).toBeInstanceOf(Date);
        expect(missing).toBeUndefined();
      });

      it('writes a command: instance, history, tasks closed and opened, timers, outbox', async () => {
        const before = instanceRecord();
        await seed(before);
        const open = [taskRecord('t-a'), taskRecord('t-b', { createdAt: later(1) })];
        const timersBefore = [
          timerRecord('x1', { state: 's1' }),
          timerRecord('x2', { state: 's2' }),
        ];
        await store().transaction(async (tx) => {
          await tx.insertTasks(open);
          await tx.insertTimers(timersBefore);
        });
        const after: InstanceRecord = {
          ...before,
          state: 'next',
          version: before.version + 1,
          snapshot: { value: 'next', nested: { n: [1, '2'] } },
          stepActors: { review: 'lead-1' },
          headHash: 'h2',
          updatedAt: later(10),
        };
        const fresh = taskRecord('t-n', { createdAt: later(10), dueAt: null, events: ['X', 'Y'] });
        const timer = timerRecord('x3', { state: 'next', dueAt: later(60), taskId: 't-n' });
        const mail = outboxRecord('o-1', { payload: { to: ['a@b'], n: 1, s: '0.1' } });
        const history = historyRecord(before.version + 1, { data: { taskId: 't-a' } });
        const write = {
          instance: after,
          history,
          closeTasks: [
            { id: 't-a', status: 'done' as const, by: 'lead-1', at: later(10) },
            { id: 't-b', status: 'cancelled' as const, by: null, at: later(10) },
          ],
          newTasks: [fresh],
          cancelTimers: { keepStates: ['s2'] },
          timers: [timer],
          outbox: [mail],
        };
        const stale = await store().transaction((tx) =>
          tx.writeCommand({ ...write, expectedVersion: before.version + 5 }),
        );
        expect(stale).toBe(false);
        // (a caller rolls back on false; this test's transaction committed the rest, so reset)
        await s().reset();
        await seed(before);
        await store().transaction(async (tx) => {
          await tx.insertTasks(open);
          await tx.insertTimers(timersBefore);
        });
        const ok = await store().transaction((tx) =>
          tx.writeCommand({ ...write, expectedVersion: before.version }),
        );
        expect(ok).toBe(true);
        expect(await store().read.getInstance('i-1')).toStrictEqual(after);
        expect(await store().read.history('i-1')).toStrictEqual([history]);
        expect(await store().read.openTasks('i-1')).toStrictEqual([fresh]);
        const [doneRow] = await s().db.select().from(tasks).where(eq(tasks.id, 't-a'));
        expect(doneRow && copyTask(doneRow)).toMatchObject({
          status: 'done',
          completedBy: 'lead-1',
          completedAt: later(10),
        });
        expect(await store().read.pendingTimers('i-1')).toStrictEqual([timersBefore[1], timer]);
        expect((await store().read.getTimer('x1'))?.status).toBe('cancelled');
        const rows = await s().db.select().from(outbox);
        expect(rows.map(copyOutbox)).toStrictEqual([mail]);
      });

      it('writes a just-inserted instance without updating it, and cancels no timer on null', async () => {
        const row = instanceRecord();
        await seed(row);
        await store().transaction((tx) => tx.insertTimers([timerRecord('x1', { state: 's1' })]));
        const ok = await store().transaction((tx) =>
          tx.writeCommand({
            instance: { ...row, state: 'ignored' },
            expectedVersion: null,
            history: historyRecord(1),
            closeTasks: [],
            newTasks: [],
            cancelTimers: null,
            timers: [],
            outbox: [],
          }),
        );
        expect(ok).toBe(true);
        expect(await store().read.getInstance('i-1')).toStrictEqual(row);
        expect((await store().read.pendingTimers('i-1')).map((t) => t.id)).toEqual(['x1']);
      });
    });

    describe('outbox, idempotency, reference data', () => {
      it('inserts outbox rows', async () => {
        const a = outboxRecord('o-a');
        const b = outboxRecord('o-b', { instanceId: null, kind: 'webhook', availableAt: later(1) });
        await store().transaction((tx) => tx.insertOutbox([a, b]));
        await store().transaction((tx) => tx.insertOutbox([]));
        const rows = await s().db.select().from(outbox).orderBy(outbox.id);
        expect(rows.map(copyOutbox)).toStrictEqual([a, b]);
      });

      it('stores an idempotency key once; the second put returns false', async () => {
        const row = {
          key: 'k-1',
          actorId: 'u1',
          fingerprint: 'f-1',
          instanceId: 'i-1',
          result: { id: 'i-1', state: 'review.college', tasks: [{ id: 't-1' }] },
          createdAt: T0,
        };
        expect(await store().transaction((tx) => tx.putIdempotency(row))).toBe(true);
        const again = { ...row, fingerprint: 'f-2', result: {} };
        expect(await store().transaction((tx) => tx.putIdempotency(again))).toBe(false);
        expect(await store().transaction((tx) => tx.getIdempotency('k-1'))).toStrictEqual(row);
        expect(await store().transaction((tx) => tx.getIdempotency('k-2'))).toBeUndefined();
      });

      it('gets and upserts reference data', async () => {
        expect(await store().read.reference('budget', 'p-1')).toBeUndefined();
        await store().transaction((tx) => tx.putReference('budget', 'p-1', { executed: 10_000 }));
        await store().transaction((tx) => tx.putReference('budget', 'p-2', { executed: 1 }));
        expect(await store().read.reference('budget', 'p-1')).toStrictEqual({ executed: 10_000 });
        await store().transaction((tx) =>
          tx.putReference('budget', 'p-1', { executed: 12_000, by: ['a'] }),
        );
        expect(await store().transaction((tx) => tx.reference('budget', 'p-1'))).toStrictEqual({
          executed: 12_000,
          by: ['a'],
        });
        expect(await store().read.reference('scale', 'p-1')).toBeUndefined();
      });
    });

    describe('transactions', () => {
      it('returns the callback result', async () => {
        expect(await store().transaction(() => Promise.resolve(42))).toBe(42);
      });

      it('rolls everything back when the callback throws, rethrowing the same error', async () => {
        const refusal = refuse('EVENT_NOT_ACCEPTED');
        const attempt = store().transaction(async (tx) => {
          await tx.insertInstance(instanceRecord());
          await tx.appendHistory(historyRecord(1));
          await tx.insertTasks([taskRecord('t-1')]);
          await tx.insertTimers([timerRecord('x-1')]);
          await tx.insertOutbox([outboxRecord('o-1')]);
          await tx.putReference('budget', 'p-1', { executed: 1 });
          expect(await tx.lockInstance('i-1')).toBeDefined();
          throw refusal;
        });
        await expect(attempt).rejects.toBe(refusal);
        expect(await store().read.getInstance('i-1')).toBeUndefined();
        expect(await store().read.history('i-1')).toEqual([]);
        expect(await store().read.openTasks('i-1')).toEqual([]);
        expect(await store().read.pendingTimers()).toEqual([]);
        expect(await store().read.reference('budget', 'p-1')).toBeUndefined();
        expect(await s().db.select().from(outbox)).toEqual([]);
      });

      it('rolls back the earlier writes of a transaction whose later write fails', async () => {
        await seed(instanceRecord({ id: 'taken' }));
        await expect(
          store().transaction(async (tx) => {
            await tx.insertInstance(instanceRecord());
            await tx.insertInstance(instanceRecord({ id: 'taken' }));
          }),
        ).rejects.toBeInstanceOf(InfrastructureError);
        expect(await store().read.getInstance('i-1')).toBeUndefined();
      });
    });
  });
}
