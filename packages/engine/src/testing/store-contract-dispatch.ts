import { describe, expect, it } from 'vitest';
import type { DispatchStore } from '../ports/dispatch-store.js';
import { later, timerRecord } from './fixtures.js';
import type { StoreContractContext } from './store-contract-context.js';

const MINUTE = 60_000;

/** The timer side of `DispatchStore`: the leases timer pollers fire from. */
export function describeDispatchCases({ subject, seed }: StoreContractContext): void {
  const dispatch = (): DispatchStore => subject().dispatch;

  describe('timer leases', () => {
    const due = [
      timerRecord('a', { dueAt: later(1) }),
      timerRecord('b', { dueAt: later(2), instanceId: 'i-2' }),
      timerRecord('c', { dueAt: later(3) }),
      timerRecord('f', { dueAt: later(4), instanceId: 'i-3' }),
    ];
    const notYet = timerRecord('d', { dueAt: later(10) });
    const finished = [
      timerRecord('e', { dueAt: later(0), status: 'fired', firedAt: later(0) }),
      timerRecord('g', { dueAt: later(0), status: 'cancelled' }),
    ];
    const lease = (minutes: number, limit = 10, ids?: string[]) =>
      dispatch().leaseDueTimers({
        now: later(minutes),
        limit,
        leaseMs: MINUTE,
        ...(ids ? { ids } : {}),
      });

    it('leases due pending timers soonest first, up to the limit, skipping live leases', async () => {
      await seed({ newTimers: [notYet, due[2]!, ...finished, due[0]!, due[3]!, due[1]!] });
      expect(await lease(5, 2)).toEqual(['a', 'b']);
      expect(await lease(5, 10)).toEqual(['c', 'f']);
      // The leases run for a minute: not out yet just before it ends; all out just after.
      expect(await lease(5.99, 10)).toEqual([]);
      expect(await lease(6, 10)).toEqual(['a', 'b', 'c', 'f']);
      expect(await lease(6.5, 10)).toEqual([]);
      expect(await lease(10, 10)).toEqual(['a', 'b', 'c', 'f', 'd']);
    });

    it('leases only the timers asked for by id, if due, pending and free', async () => {
      await seed({ newTimers: [...due, notYet, ...finished] });
      expect(await lease(5, 10, ['c'])).toEqual(['c']);
      expect(await lease(5, 10, ['a', 'c', 'd', 'e', 'g', 'missing'])).toEqual(['a']);
      expect(await lease(5, 10, [])).toEqual([]);
      expect(await lease(5, 10)).toEqual(['b', 'f']);
    });

    it('never leases a timer once it is fired or cancelled', async () => {
      await seed({ newTimers: due });
      await seed({ claimTimer: { id: 'a', at: later(5) }, cancelTimers: ['b'] });
      expect(await lease(5)).toEqual(['c', 'f']);
    });

    it('tells when the soonest pending timer is due, leased or not', async () => {
      expect(await dispatch().nextTimerDue()).toBeUndefined();
      await seed({ newTimers: [notYet, ...finished] });
      expect(await dispatch().nextTimerDue()).toStrictEqual(later(10));
      await seed({ newTimers: due });
      expect(await dispatch().nextTimerDue()).toStrictEqual(later(1));
      await lease(5);
      expect(await dispatch().nextTimerDue()).toStrictEqual(later(1));
      await seed({ claimTimer: { id: 'a', at: later(5) } });
      expect(await dispatch().nextTimerDue()).toStrictEqual(later(2));
    });
  });
}
