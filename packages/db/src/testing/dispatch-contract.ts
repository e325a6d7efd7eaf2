import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DispatchStore, OutboxRecord, Store } from '@certflow/engine';
import { writeOf } from '@certflow/engine/testing';
import { T0, later, outboxRecord, timerRecord } from './fixtures.js';

export interface DispatchSubject {
  readonly store: Store;
  readonly dispatch: DispatchStore;
  reset(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The `DispatchStore` port's outbox side, and its reconciler's list of pending timers; every
 * adapter runs it (see store.int.test.ts). The timer leases are in the engine's store contract.
 */
export function describeDispatchContract(name: string, open: () => Promise<DispatchSubject>): void {
  describe(`DispatchStore contract: ${name}`, () => {
    let subject: DispatchSubject | undefined;
    const s = (): DispatchSubject => {
      if (!subject) throw new Error('dispatch subject not opened');
      return subject;
    };
    const dispatch = (): DispatchStore => s().dispatch;

    const a = outboxRecord('o-a');
    const b = outboxRecord('o-b', { availableAt: later(10) });
    const c = outboxRecord('o-c', { status: 'delivered', deliveredAt: later(1) });
    const d = outboxRecord('o-d', { status: 'failed', attempts: 5, lastError: 'bounced' });
    const e = outboxRecord('o-e', { createdAt: later(1), instanceId: null });

    beforeAll(async () => {
      subject = await open();
    });
    beforeEach(async () => {
      await s().reset();
      expect(await s().store.write(writeOf({ outbox: [b, c, d, e, a] }))).toBe(true);
    });
    afterAll(async () => {
      await subject?.close();
    });

    const pendingIds = async (now: Date, limit = 10): Promise<string[]> =>
      (await dispatch().pendingOutbox(now, limit)).map((r) => r.id);

    it('lists pending outbox rows available by now, oldest first, up to the limit', async () => {
      expect(await dispatch().pendingOutbox(later(5), 10)).toStrictEqual([a, e]);
      expect(await pendingIds(later(5), 1)).toEqual(['o-a']);
      expect(await pendingIds(later(10))).toEqual(['o-a', 'o-e', 'o-b']);
      expect(await pendingIds(new Date(T0.getTime() - 1))).toEqual([]);
    });

    it('lists the same rows as keys only, in the same order', async () => {
      const key = (r: OutboxRecord) => ({
        id: r.id,
        attempts: r.attempts,
        availableAt: r.availableAt,
      });
      expect(await dispatch().pendingOutboxKeys(later(10), 10)).toStrictEqual(
        (await dispatch().pendingOutbox(later(10), 10)).map(key),
      );
      expect(await dispatch().pendingOutboxKeys(later(5), 1)).toStrictEqual([key(a)]);
    });

    it('gets one row by id', async () => {
      expect(await dispatch().getOutbox('o-d')).toStrictEqual(d);
      expect(await dispatch().getOutbox('missing')).toBeUndefined();
    });

    it('marks a row delivered once; a redelivery returns false', async () => {
      expect(await dispatch().markDelivered('o-a', later(2))).toBe(true);
      expect(await dispatch().markDelivered('o-a', later(3))).toBe(false);
      expect(await dispatch().markDelivered('missing', later(3))).toBe(false);
      expect(await dispatch().getOutbox('o-a')).toStrictEqual({
        ...a,
        status: 'delivered',
        deliveredAt: later(2),
      });
      expect(await pendingIds(later(10))).toEqual(['o-e', 'o-b']);
    });

    it('records failed attempts: retry later, or fail for good', async () => {
      await dispatch().markAttemptFailed('o-a', 'SMTP 451', later(30));
      expect(await dispatch().getOutbox('o-a')).toStrictEqual({
        ...a,
        attempts: 1,
        lastError: 'SMTP 451',
        availableAt: later(30),
      });
      expect(await pendingIds(later(10))).toEqual(['o-e', 'o-b']);
      expect(await pendingIds(later(30))).toEqual(['o-e', 'o-b', 'o-a']);

      await dispatch().markAttemptFailed('o-a', 'SMTP 550', null);
      expect(await dispatch().getOutbox('o-a')).toStrictEqual({
        ...a,
        status: 'failed',
        attempts: 2,
        lastError: 'SMTP 550',
        availableAt: later(30),
      });
      expect(await pendingIds(later(60))).toEqual(['o-e', 'o-b']);
    });

    it('never turns a delivered row back into a pending or failed one', async () => {
      await dispatch().markAttemptFailed('o-c', 'late report', later(30));
      await dispatch().markAttemptFailed('o-c', 'late report', null);
      expect(await dispatch().getOutbox('o-c')).toStrictEqual(c);
    });

    it('lists pending timers soonest first, optionally only those due by a time', async () => {
      const x = timerRecord('x', { dueAt: later(30) });
      const y = timerRecord('y', { dueAt: later(10), instanceId: 'i-2' });
      const z = timerRecord('z', { dueAt: later(20), status: 'fired', firedAt: later(20) });
      const w = timerRecord('w', { dueAt: later(40), status: 'cancelled' });
      expect(await s().store.write(writeOf({ newTimers: [x, y, z, w] }))).toBe(true);
      expect(await dispatch().pendingTimers(10)).toStrictEqual([y, x]);
      expect(await dispatch().pendingTimers(1)).toStrictEqual([y]);
      expect(await dispatch().pendingTimers(10, later(10))).toStrictEqual([y]);
      expect(await dispatch().pendingTimers(10, later(9))).toEqual([]);
    });
  });
}
