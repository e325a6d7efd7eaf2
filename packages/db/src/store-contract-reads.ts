import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { InfrastructureError } from '@certflow/engine';
import type { Store, TaskRecord } from '@certflow/engine';
import { historyRecord, instanceRecord, later, taskRecord } from './fixtures.js';
import { copyTask } from './rows.js';
import { instances, tasks } from './schema.js';
import type { StoreContractContext } from './store.contract.js';

/** The Store contract's rows and reads: instances, history, tasks and the inbox. */
export function describeStoreReads({ store, s, seed }: StoreContractContext): void {
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
      expect(await ids({ flowId: 'annual-plan', status: 'active', limit: 10, offset: 0 })).toEqual({
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
      expect(await store().read.history('i-1')).toStrictEqual([historyRecord(1), historyRecord(2)]);
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
      await store().transaction((tx) => tx.appendHistory(historyRecord(1, { instanceId: 'i-2' })));
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
      const page = await store().read.inbox({
        actorId,
        roles,
        college,
        organization: null,
        limit,
        offset,
      });
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
        organization: null,
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
}
