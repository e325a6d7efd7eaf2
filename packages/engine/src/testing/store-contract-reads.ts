import { describe, expect, it } from 'vitest';
import type { DueBasis } from '../ports/calendar.js';
import type { InboxQuery, InstanceQuery } from '../ports/store.js';
import type { InstanceRecord } from '../records.js';
import {
  auditRecord,
  historyRecord,
  instanceRecord,
  later,
  taskRecord,
  timerRecord,
} from './fixtures.js';
import type { StoreContractContext } from './store-contract-context.js';
import { describeInboxCases } from './store-contract-inbox.js';

const counted = (years: number[]): DueBasis => ({ ...taskRecord('t').dueBasis!, years });

/** The contract's reads outside a command (`Store.read`). */
export function describeReaderCases(ctx: StoreContractContext): void {
  const { store, seed } = ctx;
  const read = () => store().read;
  const insert = async (...rows: InstanceRecord[]) => {
    for (const row of rows) await seed({ instance: { row, expectedVersion: null } });
  };

  describe('reads', () => {
    it('gets an instance exactly as written: dates as Dates, nulls, nested JSON', async () => {
      const row = instanceRecord({ college: null, subjectId: null, organization: 'org-1' });
      await insert(row);
      const got = await read().getInstance('i-1');
      expect(got).toStrictEqual(row);
      expect(got?.createdAt).toBeInstanceOf(Date);
      expect(await read().getInstance('missing')).toBeUndefined();
    });

    it('lists instances with filters, paging and a total, oldest first', async () => {
      // Written in another order than they were created in.
      await insert(
        instanceRecord({ id: 'e0', createdAt: later(4) }),
        instanceRecord({ id: 'c', createdAt: later(3), college: 'cs', subjectId: 'p-2' }),
        instanceRecord({ id: 'a', createdAt: later(1) }),
        instanceRecord({ id: 'd', createdAt: later(4), flowId: 'budget-adjustment' }),
        instanceRecord({ id: 'b', createdAt: later(2), status: 'completed' }),
      );
      const ids = async (q: Partial<InstanceQuery>) => {
        const page = await read().listInstances({ limit: 10, offset: 0, ...q });
        return { ids: page.items.map((i) => i.id), total: page.total };
      };
      expect(await ids({})).toEqual({ ids: ['a', 'b', 'c', 'd', 'e0'], total: 5 });
      expect(await ids({ limit: 2, offset: 1 })).toEqual({ ids: ['b', 'c'], total: 5 });
      expect(await ids({ flowId: 'annual-plan', status: 'active' })).toEqual({
        ids: ['a', 'c', 'e0'],
        total: 3,
      });
      expect(await ids({ college: 'cs' })).toEqual({ ids: ['c'], total: 1 });
      expect(await ids({ subjectId: 'p-1', limit: 1 })).toEqual({ ids: ['a'], total: 4 });
      expect(await ids({ status: 'completed' })).toEqual({ ids: ['b'], total: 1 });
      expect(await ids({ flowId: 'none' })).toEqual({ ids: [], total: 0 });
      const [first] = (await read().listInstances({ limit: 1, offset: 0 })).items;
      expect(first).toStrictEqual(instanceRecord({ id: 'a', createdAt: later(1) }));
    });

    it("reads an instance's history in sequence order", async () => {
      const row = instanceRecord();
      await seed({ instance: { row, expectedVersion: null }, history: historyRecord(1) });
      for (const version of [2, 3]) {
        await seed({
          instance: { row: { ...row, version }, expectedVersion: version - 1 },
          history: historyRecord(version, { data: { version, deep: { list: [null, 'x'] } } }),
        });
      }
      await seed({
        instance: { row: { ...row, id: 'i-2' }, expectedVersion: null },
        history: historyRecord(1, { instanceId: 'i-2' }),
      });
      expect(await read().history('i-1')).toStrictEqual([
        historyRecord(1),
        historyRecord(2, { data: { version: 2, deep: { list: [null, 'x'] } } }),
        historyRecord(3, { data: { version: 3, deep: { list: [null, 'x'] } } }),
      ]);
      expect(await read().history('other')).toStrictEqual([]);
    });

    it('reads open tasks, oldest first', async () => {
      const a = taskRecord('t-a', { createdAt: later(2) });
      const b = taskRecord('t-b', { assignee: 'u-1', dueAt: null, dueBasis: null });
      await seed({ newTasks: [a, b, taskRecord('t-c', { status: 'cancelled' })] });
      expect(await read().openTasks('i-1')).toStrictEqual([b, a]);
      expect(await read().openTasks('i-2')).toStrictEqual([]);
    });

    it('reads pending timers soonest first, as the records they were written as', async () => {
      const x = timerRecord('x', { dueAt: later(50) });
      const y = timerRecord('y', { dueAt: later(5), dueBasis: counted([2026]) });
      const z = timerRecord('z', { status: 'fired', firedAt: later(1) });
      await seed({ newTimers: [x, y, z] });
      expect(await read().pendingTimers('i-1')).toStrictEqual([y, x]);
      expect(await read().pendingTimers('i-2')).toStrictEqual([]);
    });

    it('reads a reference row, undefined when missing', async () => {
      const value = { executed: 12_000, by: ['a'], nested: { n: null, s: '0.1' } };
      await seed({ references: [{ kind: 'budget', key: 'p-1', value, expectedVersion: null }] });
      expect(await read().reference('budget', 'p-1')).toStrictEqual(value);
      expect(await read().reference('budget', 'p-2')).toBeUndefined();
      expect(await read().reference('scale', 'p-1')).toBeUndefined();
    });

    it('finds the active instances with a deadline counted through a year', async () => {
      const ids = ['i-a', 'i-b', 'i-c', 'i-d', 'i-e', 'i-f', 'i-g'];
      await insert(
        ...ids.map((id) => instanceRecord({ id, status: id === 'i-d' ? 'completed' : 'active' })),
      );
      await seed({
        newTasks: [
          taskRecord('open-2027', { instanceId: 'i-a', dueBasis: counted([2027]) }),
          taskRecord('done-2027', {
            instanceId: 'i-c',
            dueBasis: counted([2027]),
            status: 'done',
          }),
          taskRecord('finished-instance', { instanceId: 'i-d', dueBasis: counted([2027]) }),
          taskRecord('open-2026', { instanceId: 'i-e', dueBasis: counted([2026]) }),
          taskRecord('no-basis', { instanceId: 'i-g', dueBasis: null }),
        ],
        newTimers: [
          timerRecord('pending-both', { instanceId: 'i-b', dueBasis: counted([2026, 2027]) }),
          timerRecord('cancelled-2027', {
            instanceId: 'i-f',
            dueBasis: counted([2027]),
            status: 'cancelled',
          }),
          timerRecord('pending-none', { instanceId: 'i-g' }),
        ],
      });
      expect(await read().instancesWithDeadlinesIn(2027)).toEqual(['i-a', 'i-b']);
      expect(await read().instancesWithDeadlinesIn(2026)).toEqual(['i-b', 'i-e']);
      expect(await read().instancesWithDeadlinesIn(2030)).toEqual([]);
    });

    it('reads the audit trail newest first, by pages', async () => {
      const rows = [1, 2, 3].map((seq) => auditRecord(seq));
      for (const audit of rows) await seed({ audit });
      expect(await read().auditTrail({ limit: 10, offset: 0 })).toStrictEqual([...rows].reverse());
      expect(await read().auditTrail({ limit: 1, offset: 1 })).toStrictEqual([rows[1]]);
      expect(await read().auditTrail({ limit: 5, offset: 3 })).toStrictEqual([]);
    });
  });

  describeInboxCases(ctx, (q: InboxQuery) => read().inbox(q));
}
