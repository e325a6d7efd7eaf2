import { describe, expect, it } from 'vitest';
import { referenceId } from '../ports/store.js';
import type { InstanceRecord } from '../records.js';
import {
  auditRecord,
  historyRecord,
  idempotencyRecord,
  instanceRecord,
  later,
  outboxRecord,
  taskRecord,
  timerRecord,
} from './fixtures.js';
import { writeOf, type StoreContractContext } from './store-contract-context.js';
import { commandScene } from './store-contract-scene.js';

/** The contract's `write`: what an applied write leaves behind. */
export function describeWriteCases(ctx: StoreContractContext): void {
  const { store, subject, seed } = ctx;
  const read = () => store().read;

  describe('write', () => {
    it('writes a start: the instance, its history, tasks, timers, outbox, references, key and audit row', async () => {
      const row = instanceRecord({ organization: 'org-1', college: null });
      const history = historyRecord(1);
      const tasks = [taskRecord('t-a'), taskRecord('t-b', { createdAt: later(1), dueAt: null })];
      const timers = [timerRecord('x1', { taskId: 't-a', dueBasis: tasks[0]!.dueBasis })];
      const mail = outboxRecord('o-1', { payload: { to: ['a@b'], n: 1, s: '0.1', z: null } });
      const key = idempotencyRecord('k-1');
      const audit = auditRecord(1);
      const applied = await store().write(
        writeOf({
          instance: { row, expectedVersion: null },
          history,
          newTasks: tasks,
          newTimers: timers,
          outbox: [mail],
          references: [
            { kind: 'quota', key: '2027/ee', value: { used: 1 }, expectedVersion: null },
          ],
          idempotency: key,
          audit,
        }),
      );
      expect(applied).toBe(true);
      expect(await read().getInstance('i-1')).toStrictEqual(row);
      expect(await read().history('i-1')).toStrictEqual([history]);
      expect(await read().openTasks('i-1')).toStrictEqual(tasks);
      expect(await subject().dispatch.getOutbox('o-1')).toStrictEqual(mail);
      expect(await read().auditTrail({ limit: 10, offset: 0 })).toStrictEqual([audit]);
      const loaded = await store().load({
        instanceId: 'i-1',
        idempotency: { scope: key.scope, key: key.key },
        auditHead: true,
      });
      expect(loaded.instance?.pendingTimers).toStrictEqual(timers);
      expect(loaded.idempotency).toStrictEqual(key);
      expect(loaded.auditHead).toStrictEqual({ seq: 1, hash: 'a1' });
      expect(loaded.references.get(referenceId('quota', '2027/ee'))).toStrictEqual({
        value: { used: 1 },
        version: 1,
      });
    });

    it('writes a command on an instance: every part of it, at the next versions', async () => {
      const scene = commandScene();
      await scene.arrange(ctx);
      expect(await store().write(scene.write)).toBe(true);
      await scene.expectApplied(ctx);
    });

    it('closes, updates and moves a task only while it is open: a finished task keeps who finished it', async () => {
      const done = taskRecord('t-done', {
        status: 'done',
        completedAt: later(1),
        completedBy: 'lead-1',
      });
      const cancelled = taskRecord('t-cancelled', { status: 'cancelled', completedAt: later(1) });
      const open = taskRecord('t-open', { createdAt: later(2) });
      const row = instanceRecord();
      await seed({ instance: { row, expectedVersion: null }, newTasks: [done, cancelled, open] });
      const next: InstanceRecord = { ...row, version: 2, headHash: 'h2', updatedAt: later(10) };
      const basis = { ...open.dueBasis!, years: [2028] };
      const moved = { dueAt: later(99), dueBasis: basis };
      const applied = await store().write(
        writeOf({
          instance: { row: next, expectedVersion: 1 },
          history: historyRecord(2),
          closeTasks: [
            { id: 't-done', status: 'cancelled', by: null, at: later(10) },
            { id: 't-cancelled', status: 'done', by: 'u-2', at: later(10) },
          ],
          updateTasks: [
            { ...done, status: 'open', assignee: 'u-9', completedAt: null, completedBy: null },
            { ...cancelled, status: 'open', assignee: 'u-9', completedAt: null },
            { ...open, assignee: 'u-9', urgedAt: later(9), events: ['APPROVE'] },
          ],
          moveTasks: [{ id: 't-done', ...moved }],
        }),
      );
      expect(applied).toBe(true);
      expect(await subject().peek.task('t-done')).toStrictEqual(done);
      expect(await subject().peek.task('t-cancelled')).toStrictEqual(cancelled);
      const updated = { ...open, assignee: 'u-9', urgedAt: later(9), events: ['APPROVE'] };
      expect(await read().openTasks('i-1')).toStrictEqual([updated]);
      // (One write never both updates and moves a task: the statement would update it twice.)
      await seed({ moveTasks: [{ id: 't-open', ...moved }] });
      expect(await read().openTasks('i-1')).toStrictEqual([{ ...updated, ...moved }]);
      // Closing the open task: done, by whom and when.
      await seed({
        instance: { row: { ...next, version: 3 }, expectedVersion: 2 },
        closeTasks: [{ id: 't-open', status: 'done', by: 'lead-1', at: later(11) }],
      });
      expect(await subject().peek.task('t-open')).toStrictEqual({
        ...updated,
        ...moved,
        status: 'done',
        completedBy: 'lead-1',
        completedAt: later(11),
      });
      expect(await read().openTasks('i-1')).toStrictEqual([]);
    });

    it('cancels and moves a timer only while it is pending', async () => {
      const fired = timerRecord('x-fired', { status: 'fired', firedAt: later(1) });
      const cancelled = timerRecord('x-cancelled', { status: 'cancelled' });
      const pending = timerRecord('x-pending', { dueAt: later(20) });
      const kept = timerRecord('x-kept', { dueAt: later(50) });
      await seed({ newTimers: [fired, cancelled, pending, kept] });
      const basis = { ...taskRecord('t').dueBasis!, edge: 'reminder' as const };
      await seed({
        cancelTimers: ['x-fired', 'x-cancelled'],
        moveTimers: [
          { id: 'x-fired', dueAt: later(90), dueBasis: basis },
          { id: 'x-cancelled', dueAt: later(90), dueBasis: basis },
          { id: 'x-pending', dueAt: later(90), dueBasis: basis },
        ],
      });
      expect(await subject().peek.timer('x-fired')).toStrictEqual(fired);
      expect(await subject().peek.timer('x-cancelled')).toStrictEqual(cancelled);
      const moved = { ...pending, dueAt: later(90), dueBasis: basis };
      expect(await subject().peek.timer('x-pending')).toStrictEqual(moved);
      await seed({ cancelTimers: ['x-pending'] });
      expect(await subject().peek.timer('x-pending')).toStrictEqual({
        ...moved,
        status: 'cancelled',
      });
      expect(await subject().peek.timer('x-kept')).toStrictEqual(kept);
    });

    it('fires the timer a write claims and never cancels it in the same write', async () => {
      const claimed = timerRecord('x1', { dueAt: later(10) });
      const sibling = timerRecord('x2', { dueAt: later(20) });
      await seed({ newTimers: [claimed, sibling] });
      await seed({ claimTimer: { id: 'x1', at: later(11) }, cancelTimers: ['x1', 'x2'] });
      expect(await subject().peek.timer('x1')).toStrictEqual({
        ...claimed,
        status: 'fired',
        firedAt: later(11),
      });
      expect(await subject().peek.timer('x2')).toStrictEqual({ ...sibling, status: 'cancelled' });
      expect(await read().pendingTimers('i-1')).toStrictEqual([]);
    });
  });
}
