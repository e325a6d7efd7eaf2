import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { InfrastructureError, refuse } from '@certflow/engine';
import type { InstanceRecord } from '@certflow/engine';
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
import { outbox, tasks } from './schema.js';
import type { StoreContractContext } from './store.contract.js';

/** The Store contract's writes: timers, one command's statements, outbox, idempotency, reference data, transactions. */
export function describeStoreWrites({ store, s, seed }: StoreContractContext): void {
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

    it('claims only a timer due by `dueBy` when asked; one not due stays pending', async () => {
      // x2 is due at later(10) (see the fixtures above)
      const early = await store().transaction((tx) =>
        tx.claimTimer('x2', later(9), { dueBy: later(9) }),
      );
      expect(early).toStrictEqual({ timer: x2, claimed: false });
      expect((await store().read.getTimer('x2'))?.status).toBe('pending');
      const due = await store().transaction((tx) =>
        tx.claimTimer('x2', later(10), { dueBy: x2.dueAt }),
      );
      expect(due).toStrictEqual({ timer: x2, claimed: true });
    });

    it('leaves a fired timer as it is when the rest of its instance is cancelled', async () => {
      await store().transaction((tx) => tx.claimTimer('x2', later(11)));
      expect(await store().read.pendingTimers('i-1')).toStrictEqual([x3, x1]);
      await store().transaction((tx) => tx.cancelTimers('i-1', []));
      expect(await store().read.getTimer('x2')).toStrictEqual({
        ...x2,
        status: 'fired',
        firedAt: later(11),
      });
      expect((await store().read.getTimer('x1'))?.status).toBe('cancelled');
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
      const timersBefore = [timerRecord('x1', { state: 's1' }), timerRecord('x2', { state: 's2' })];
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
      // A write that loses its version check writes nothing (its transaction committed here).
      expect(await store().read.getInstance('i-1')).toStrictEqual(before);
      expect(await store().read.history('i-1')).toStrictEqual([]);
      expect(await store().read.openTasks('i-1')).toStrictEqual(open);
      expect(await store().read.pendingTimers('i-1')).toStrictEqual(timersBefore);
      expect(await s().db.select().from(outbox)).toStrictEqual([]);
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
    it('reads a timer with its instance and open tasks; the timer alone without its instance', async () => {
      const row = instanceRecord();
      await seed(row);
      const open = [taskRecord('t-a'), taskRecord('t-b', { createdAt: later(1) })];
      const mine = timerRecord('x1', { state: 's1', taskId: 't-a' });
      const orphan = timerRecord('x2', { instanceId: 'i-gone', state: 's1' });
      await store().transaction(async (tx) => {
        await tx.insertTasks(open);
        await tx.insertTimers([mine, orphan]);
      });
      const read = (id: string) => store().transaction((tx) => tx.timerWithInstance(id));
      expect(await read('x1')).toStrictEqual({
        timer: mine,
        instance: { instance: row, openTasks: open },
      });
      expect(await read('x2')).toStrictEqual({ timer: orphan });
      expect(await read('missing')).toBeUndefined();
    });

    it('fires a timer with the write, all or nothing', async () => {
      const before = instanceRecord();
      await seed(before);
      const remind = timerRecord('x1', { state: 's1' });
      const sibling = timerRecord('x2', { state: 's1' });
      await store().transaction((tx) => tx.insertTimers([remind, sibling]));
      const after: InstanceRecord = {
        ...before,
        version: before.version + 1,
        headHash: 'h2',
        updatedAt: later(10),
      };
      const write = {
        instance: after,
        history: historyRecord(before.version + 1),
        closeTasks: [],
        newTasks: [],
        // Cancels every other pending timer of the instance, never the one it claims.
        cancelTimers: { keepStates: [] },
        timers: [],
        outbox: [outboxRecord('o-1')],
        claimTimer: { id: 'x1', at: later(10) },
      };
      const nothingWritten = async () => {
        expect(await store().read.getInstance('i-1')).toStrictEqual(before);
        expect(await store().read.history('i-1')).toStrictEqual([]);
        expect(await s().db.select().from(outbox)).toStrictEqual([]);
        expect((await store().read.getTimer('x2'))?.status).toBe('pending');
      };
      // A stale version: the timer it would claim stays pending.
      const stale = { ...write, expectedVersion: before.version + 5 };
      expect(await store().transaction((tx) => tx.writeCommand(stale))).toBe(false);
      await nothingWritten();
      expect(await store().read.getTimer('x1')).toStrictEqual(remind);
      // A timer no longer pending (another fire took it): nothing, although the version matches.
      const gone = {
        ...write,
        expectedVersion: before.version,
        claimTimer: { id: 'x9', at: later(10) },
      };
      await store().transaction((tx) =>
        tx.insertTimers([{ ...remind, id: 'x9', status: 'fired' }]),
      );
      expect(await store().transaction((tx) => tx.writeCommand(gone))).toBe(false);
      await nothingWritten();
      const ok = { ...write, expectedVersion: before.version };
      expect(await store().transaction((tx) => tx.writeCommand(ok))).toBe(true);
      expect(await store().read.getInstance('i-1')).toStrictEqual(after);
      expect(await store().read.getTimer('x1')).toStrictEqual({
        ...remind,
        status: 'fired',
        firedAt: later(10),
      });
      expect((await store().read.getTimer('x2'))?.status).toBe('cancelled');
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
}
