import { expect } from 'vitest';
import { referenceId, type CommandWrite } from '../ports/store.js';
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

/**
 * One instance with everything a command can touch, and a write that touches all of it: the
 * instance at the next version, a history row, a task closed, one updated, one moved, one
 * opened, a timer claimed, one cancelled, one moved, one scheduled, a mail, a reference row
 * updated and one inserted, an idempotency key and an audit row. The write cases apply it; the
 * check cases break one of its checks and see that none of it was written.
 */
export function commandScene() {
  const row = instanceRecord();
  const tasks = {
    close: taskRecord('t-a'),
    update: taskRecord('t-b', { createdAt: later(1) }),
    move: taskRecord('t-c', { createdAt: later(2), dueAt: null, dueBasis: null }),
    open: taskRecord('t-n', { createdAt: later(10), state: 'review.school', role: 'office' }),
  };
  const timers = {
    claim: timerRecord('x1', { dueAt: later(5) }),
    cancel: timerRecord('x2', { dueAt: later(20), kind: 'escalate', taskId: 't-a' }),
    move: timerRecord('x3', { dueAt: later(30), kind: 'event', event: 'EXPIRE' }),
    keep: timerRecord('x4', { dueAt: later(40) }),
    open: timerRecord('x5', { dueAt: later(100), state: 'review.school', createdAt: later(10) }),
  };
  const next: InstanceRecord = {
    ...row,
    state: 'review.school',
    version: 2,
    snapshot: { value: { review: 'school' }, context: { n: [1, '2', null] } },
    stepActors: { college_review: 'lead-1', school_review: 'aa-1' },
    headHash: 'h2',
    updatedAt: later(10),
  };
  const basis = { ...tasks.close.dueBasis!, years: [2027, 2028] };
  const updated = { ...tasks.update, assignee: 'u-9', urgedAt: later(9), dueAt: later(61) };
  const mail = outboxRecord('o-1', { createdAt: later(10), availableAt: later(10) });
  const key = idempotencyRecord('k-1', { createdAt: later(10) });
  const budget = { kind: 'budget', key: 'p-1' };
  const write: CommandWrite = writeOf({
    instance: { row: next, expectedVersion: 1 },
    history: historyRecord(2),
    closeTasks: [{ id: 't-a', status: 'done', by: 'lead-1', at: later(10) }],
    updateTasks: [updated],
    moveTasks: [{ id: 't-c', dueAt: later(99), dueBasis: basis }],
    newTasks: [tasks.open],
    claimTimer: { id: 'x1', at: later(10) },
    cancelTimers: ['x2'],
    moveTimers: [{ id: 'x3', dueAt: later(95), dueBasis: basis }],
    newTimers: [timers.open],
    outbox: [mail],
    references: [
      { kind: 'quota', key: '2027/ee', value: { used: 2 }, expectedVersion: 1 },
      { ...budget, value: { executed: 5 }, expectedVersion: null },
    ],
    idempotency: key,
    audit: auditRecord(2),
  });

  /** Everything the scene's write could change, as the port shows it. */
  async function snapshot({ store, subject }: StoreContractContext) {
    const read = store().read;
    const { peek } = subject();
    return {
      instance: await read.getInstance('i-1'),
      history: await read.history('i-1'),
      openTasks: await read.openTasks('i-1'),
      tasks: await Promise.all(['t-a', 't-b', 't-c', 't-n'].map((id) => peek.task(id))),
      timers: await Promise.all(['x1', 'x2', 'x3', 'x4', 'x5'].map((id) => peek.timer(id))),
      outbox: await subject().dispatch.pendingOutbox(later(10_000), 100),
      loaded: await store().load({
        instanceId: 'i-1',
        references: [budget],
        idempotency: { scope: key.scope, key: key.key },
        auditHead: true,
      }),
      audit: await read.auditTrail({ limit: 100, offset: 0 }),
      reference: await read.reference('budget', 'p-1'),
    };
  }

  return {
    row,
    next,
    write,
    snapshot,
    /** The instance as the scene's write finds it. */
    async arrange({ seed }: StoreContractContext): Promise<void> {
      await seed({
        instance: { row, expectedVersion: null },
        history: historyRecord(1),
        newTasks: Object.values(tasks).filter((t) => t !== tasks.open),
        newTimers: Object.values(timers).filter((t) => t !== timers.open),
        references: [{ kind: 'quota', key: '2027/ee', value: { used: 1 }, expectedVersion: null }],
        audit: auditRecord(1),
      });
    },
    async expectApplied(ctx: StoreContractContext): Promise<void> {
      const moved = { ...tasks.move, dueAt: later(99), dueBasis: basis };
      expect(await snapshot(ctx)).toStrictEqual({
        instance: next,
        history: [historyRecord(1), historyRecord(2)],
        openTasks: [updated, moved, tasks.open],
        tasks: [
          { ...tasks.close, status: 'done', completedBy: 'lead-1', completedAt: later(10) },
          updated,
          moved,
          tasks.open,
        ],
        timers: [
          { ...timers.claim, status: 'fired', firedAt: later(10) },
          { ...timers.cancel, status: 'cancelled' },
          { ...timers.move, dueAt: later(95), dueBasis: basis },
          timers.keep,
          timers.open,
        ],
        outbox: [mail],
        loaded: {
          instance: {
            row: next,
            openTasks: [updated, moved, tasks.open],
            pendingTimers: [
              timers.keep,
              { ...timers.move, dueAt: later(95), dueBasis: basis },
              timers.open,
            ],
          },
          references: new Map([
            [referenceId('quota', '2027/ee'), { value: { used: 2 }, version: 2 }],
            [referenceId('budget', 'p-1'), { value: { executed: 5 }, version: 1 }],
          ]),
          idempotency: key,
          auditHead: { seq: 2, hash: 'a2' },
        },
        audit: [auditRecord(2), auditRecord(1)],
        reference: { executed: 5 },
      });
    },
  };
}
