import { describe, expect, it } from 'vitest';
import type { CommandWrite } from '../ports/store.js';
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

interface BrokenCheck {
  /** What another command did first, so that one check of the scene's write fails. */
  readonly before?: (ctx: StoreContractContext) => Promise<void>;
  /** Or: the scene's write itself, changed. */
  readonly change?: (write: CommandWrite) => CommandWrite;
}

const scene = commandScene();

const broken: Record<string, BrokenCheck> = {
  'the instance is at another version': {
    before: ({ seed }) =>
      seed({
        instance: { row: { ...scene.row, version: 2, headHash: 'other' }, expectedVersion: 1 },
        history: historyRecord(2, { event: 'COMMENT', hash: 'other' }),
      }),
  },
  'the instance does not exist': {
    change: (w) => ({
      ...w,
      instance: { row: { ...scene.next, id: 'i-404' }, expectedVersion: 1 },
    }),
  },
  'a reference row is at another version': {
    before: ({ seed }) =>
      seed({
        references: [{ kind: 'quota', key: '2027/ee', value: { used: 9 }, expectedVersion: 1 }],
      }),
  },
  'a reference row expected absent exists': {
    before: ({ seed }) =>
      seed({
        references: [{ kind: 'budget', key: 'p-1', value: { other: true }, expectedVersion: null }],
      }),
  },
  'the claimed timer was fired by another write': {
    before: ({ seed }) => seed({ claimTimer: { id: 'x1', at: later(6) } }),
  },
  'the claimed timer was cancelled': {
    before: ({ seed }) => seed({ cancelTimers: ['x1'] }),
  },
  'the claimed timer does not exist': {
    change: (w) => ({ ...w, claimTimer: { id: 'x-404', at: later(10) } }),
  },
  'the idempotency key is taken': {
    before: ({ seed }) => seed({ idempotency: idempotencyRecord('k-1', { fingerprint: 'other' }) }),
  },
  'the audit seq is taken': {
    before: ({ seed }) => seed({ audit: auditRecord(2, { subject: 'other', hash: 'other' }) }),
  },
};

/** The contract's checks: a write whose one check fails writes nothing at all and answers false. */
export function describeWriteChecks(ctx: StoreContractContext): void {
  const { store, seed } = ctx;

  describe('write checks: all or nothing', () => {
    it.each(Object.entries(broken))('writes nothing when %s', async (_, check) => {
      await scene.arrange(ctx);
      await check.before?.(ctx);
      const before = await scene.snapshot(ctx);
      const write = check.change ? check.change(scene.write) : scene.write;
      expect(await store().write(write)).toBe(false);
      expect(await scene.snapshot(ctx)).toStrictEqual(before);
    });

    it('writes nothing when a start finds its instance already there', async () => {
      const row = instanceRecord();
      await seed({ instance: { row, expectedVersion: null }, history: historyRecord(1) });
      const start = writeOf({
        instance: { row: { ...row, title: 'again' }, expectedVersion: null },
        history: historyRecord(1, { event: 'AGAIN' }),
        newTasks: [taskRecord('t-a')],
        newTimers: [timerRecord('x1')],
        outbox: [outboxRecord('o-1')],
        references: [{ kind: 'quota', key: 'q', value: { n: 1 }, expectedVersion: null }],
        idempotency: idempotencyRecord('k-1'),
        audit: auditRecord(1),
      });
      expect(await store().write(start)).toBe(false);
      expect(await store().read.getInstance('i-1')).toStrictEqual(row);
      expect(await store().read.history('i-1')).toStrictEqual([historyRecord(1)]);
      expect(await store().read.openTasks('i-1')).toStrictEqual([]);
      expect(await store().read.pendingTimers('i-1')).toStrictEqual([]);
      expect(await ctx.subject().dispatch.getOutbox('o-1')).toBeUndefined();
      expect(await store().read.reference('quota', 'q')).toBeUndefined();
      expect(await store().read.auditTrail({ limit: 10, offset: 0 })).toStrictEqual([]);
      const key = { scope: 'teacher-1|i-1', key: 'k-1' };
      expect((await store().load({ idempotency: key })).idempotency).toBeUndefined();
    });

    it('applies a write once: the same write again finds the versions it was decided on gone', async () => {
      await scene.arrange(ctx);
      expect(await store().write(scene.write)).toBe(true);
      const after = await scene.snapshot(ctx);
      expect(await store().write(scene.write)).toBe(false);
      expect(await scene.snapshot(ctx)).toStrictEqual(after);
    });
  });
}
