import { createEngine, emptyWrite, ManualClock, type OutboxRecord } from '@certflow/engine';
import { MemoryStore } from '@certflow/engine/testing';
import { describe, expect, it } from 'vitest';
import { deliverOutbox } from './deliver-outbox.js';
import { defaultRetryPolicy } from './retry-policy.js';

describe('deliverOutbox', () => {
  it('leaves a row not available yet alone and says when it is', async () => {
    const store = new MemoryStore();
    const clock = new ManualClock('2026-09-28T09:00:00+08:00');
    const later = new Date('2026-09-28T10:00:00+08:00');
    const row: OutboxRecord = {
      id: 'o-1',
      instanceId: 'i-1',
      kind: 'notify',
      payload: {},
      status: 'pending',
      attempts: 0,
      createdAt: clock.now(),
      availableAt: later,
      deliveredAt: null,
      lastError: null,
    };
    await store.write({ ...emptyWrite(), outbox: [row] });
    const delivered: string[] = [];
    const deps = {
      engine: createEngine({ store, flows: [], clock, ids: () => 'id' }),
      dispatch: store.dispatch,
      clock,
      handlers: { notify: async (r: OutboxRecord) => void delivered.push(r.id) },
      retry: defaultRetryPolicy,
    };
    expect(await deliverOutbox(deps, 'o-1', 0)).toEqual({
      outcome: 'skipped',
      reason: 'early',
      availableAt: later,
    });
    expect(delivered).toEqual([]);
    clock.set(later);
    expect(await deliverOutbox(deps, 'o-1', 0)).toEqual({ outcome: 'delivered', commands: 0 });
    expect(delivered).toEqual(['o-1']);
  });
});
