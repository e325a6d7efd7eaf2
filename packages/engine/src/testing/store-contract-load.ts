import { describe, expect, it } from 'vitest';
import { referenceId, type VersionedReference } from '../ports/store.js';
import {
  auditRecord,
  idempotencyRecord,
  instanceRecord,
  later,
  T0,
  taskRecord,
  timerRecord,
} from './fixtures.js';
import type { StoreContractContext } from './store-contract-context.js';

const refs = (...entries: [string, string, VersionedReference][]) =>
  new Map(entries.map(([kind, key, value]) => [referenceId(kind, key), value]));

/** The contract's `load`: everything one command decides on, in one read. */
export function describeLoadCases({ store, seed }: StoreContractContext): void {
  describe('load', () => {
    it('loads nothing for a missing instance, timer, reference, key or audit trail', async () => {
      expect(await store().load({})).toStrictEqual({ references: new Map() });
      expect(await store().load({ instanceId: 'missing' })).toStrictEqual({
        references: new Map(),
      });
      expect(
        await store().load({
          timerId: 'missing',
          references: [{ kind: 'quota', key: 'none' }],
          idempotency: { scope: 'u|i', key: 'none' },
          auditHead: true,
        }),
      ).toStrictEqual({ references: new Map() });
    });

    it('loads an instance whole, its open tasks oldest first and pending timers soonest first', async () => {
      const row = instanceRecord({ college: null, subjectId: null, refKeys: [] });
      const a = taskRecord('t-a', { dueAt: null, dueBasis: null, college: null, assignee: 'u-9' });
      const b = taskRecord('t-b', { createdAt: later(1), kind: 'added', approval: false });
      const c = taskRecord('t-c', {
        createdAt: later(0.5),
        urgedAt: later(2),
        organization: 'org-1',
        college: null,
      });
      const done = taskRecord('t-d', { status: 'done', completedAt: later(3), completedBy: 'x' });
      const elsewhere = taskRecord('t-e', { instanceId: 'i-2' });
      const x1 = timerRecord('x1', { dueAt: later(30), taskId: 't-a' });
      const x2 = timerRecord('x2', { dueAt: later(10), kind: 'escalate', dueBasis: b.dueBasis });
      const fired = timerRecord('x3', { dueAt: later(5), status: 'fired', firedAt: later(6) });
      const cancelled = timerRecord('x4', { dueAt: later(1), status: 'cancelled' });
      const other = timerRecord('y1', { instanceId: 'i-2', dueAt: later(2) });
      await seed({
        instance: { row, expectedVersion: null },
        newTasks: [b, done, c, elsewhere, a],
        newTimers: [x1, fired, other, x2, cancelled],
      });
      const loaded = await store().load({ instanceId: 'i-1' });
      expect(loaded).toStrictEqual({
        instance: { row, openTasks: [a, c, b], pendingTimers: [x2, x1] },
        references: new Map(),
      });
      expect(loaded.instance?.row.createdAt).toBeInstanceOf(Date);
      expect(loaded.instance?.openTasks[0]?.dueAt).toBeNull();
      expect(loaded.instance?.pendingTimers[0]?.dueAt).toBeInstanceOf(Date);
    });

    it('orders open tasks opened at one instant by id', async () => {
      const row = instanceRecord();
      const tasks = ['t-3', 't-1', 't-4', 't-2'].map((id) => taskRecord(id));
      await seed({ instance: { row, expectedVersion: null }, newTasks: tasks });
      const loaded = await store().load({ instanceId: 'i-1' });
      expect(loaded.instance?.openTasks.map((t) => t.id)).toEqual(['t-1', 't-2', 't-3', 't-4']);
      expect((await store().read.openTasks('i-1')).map((t) => t.id)).toEqual([
        't-1',
        't-2',
        't-3',
        't-4',
      ]);
    });

    it('loads the requested reference rows and those the instance declares, with versions', async () => {
      const row = instanceRecord({ refKeys: [{ kind: 'quota', key: '2027/ee' }] });
      await seed({
        instance: { row, expectedVersion: null },
        references: [
          { kind: 'quota', key: '2027/ee', value: { total: 40 }, expectedVersion: null },
          { kind: 'budget', key: 'p-1', value: { executed: 1 }, expectedVersion: null },
          { kind: 'budget', key: 'p-2', value: { executed: 2 }, expectedVersion: null },
        ],
      });
      const nested = { executed: 12_000, items: [{ cat: '耗材', amount: 0.5 }], note: null };
      await seed({
        references: [{ kind: 'budget', key: 'p-1', value: nested, expectedVersion: 1 }],
      });
      const asked = [
        { kind: 'budget', key: 'p-1' },
        { kind: 'ledger', key: 'none' },
      ];
      expect(
        (await store().load({ instanceId: 'i-1', references: asked })).references,
      ).toStrictEqual(
        refs(
          ['quota', '2027/ee', { value: { total: 40 }, version: 1 }],
          ['budget', 'p-1', { value: nested, version: 2 }],
        ),
      );
      // Without an instance, only what was asked for.
      expect((await store().load({ references: asked })).references).toStrictEqual(
        refs(['budget', 'p-1', { value: nested, version: 2 }]),
      );
      expect((await store().load({ instanceId: 'i-1' })).references).toStrictEqual(
        refs(['quota', '2027/ee', { value: { total: 40 }, version: 1 }]),
      );
    });

    it('loads an idempotency record by scope and key', async () => {
      const record = idempotencyRecord('k-1');
      await seed({ idempotency: record });
      await seed({
        idempotency: idempotencyRecord('k-1', { scope: 'other|i-1', fingerprint: 'g' }),
      });
      const load = (scope: string, key: string) => store().load({ idempotency: { scope, key } });
      expect(await load('teacher-1|i-1', 'k-1')).toStrictEqual({
        references: new Map(),
        idempotency: record,
      });
      expect((await load('teacher-1|i-1', 'k-2')).idempotency).toBeUndefined();
      expect((await load('teacher-9|i-1', 'k-1')).idempotency).toBeUndefined();
    });

    it('loads a timer with its instance; a timer without one alone', async () => {
      const row = instanceRecord();
      const task = taskRecord('t-a');
      const mine = timerRecord('x1', { taskId: 't-a', dueBasis: task.dueBasis });
      const sibling = timerRecord('x2', { dueAt: later(40) });
      const fired = timerRecord('x3', { status: 'fired', firedAt: later(31) });
      const orphan = timerRecord('x9', { instanceId: 'i-gone' });
      await seed({
        instance: { row, expectedVersion: null },
        newTasks: [task],
        newTimers: [mine, sibling, fired, orphan],
        references: [{ kind: 'quota', key: '2027/ee', value: { total: 1 }, expectedVersion: null }],
      });
      expect(await store().load({ timerId: 'x1' })).toStrictEqual({
        instance: { row, openTasks: [task], pendingTimers: [mine, sibling] },
        timer: mine,
        references: refs(['quota', '2027/ee', { value: { total: 1 }, version: 1 }]),
      });
      // A timer no longer pending is loaded as it is: the fire decides it is a no-op.
      expect((await store().load({ timerId: 'x3' })).timer).toStrictEqual(fired);
      expect(await store().load({ timerId: 'x9' })).toStrictEqual({
        timer: orphan,
        references: new Map(),
      });
    });

    it('loads the head of the audit trail when asked for it', async () => {
      await seed({ audit: auditRecord(1) });
      await seed({ audit: auditRecord(2, { at: T0 }) });
      expect((await store().load({ auditHead: true })).auditHead).toStrictEqual({
        seq: 2,
        hash: 'a2',
      });
      expect(await store().load({})).toStrictEqual({ references: new Map() });
    });
  });
}
