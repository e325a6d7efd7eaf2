import { MemoryStore } from '@certflow/engine/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBusinessCalendar } from './business-calendar.js';
import { startCoverageMailJob } from './coverage-mail.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('the coverage mail job without listeners', () => {
  it('queues and answers the payload when no one asked to be told', async () => {
    vi.useFakeTimers();
    const store = new MemoryStore();
    let now = new Date('2026-11-02T08:00:00+08:00');
    const job = startCoverageMailJob({
      store,
      calendar: createBusinessCalendar(),
      clock: { now: () => now },
    });
    await vi.advanceTimersByTimeAsync(0);
    now = new Date('2026-11-02T09:30:00+08:00');
    expect((await job.runOnce())?.week).toBe('2026-W45');
    expect(store.outbox()).toHaveLength(1);
    job.stop();
  });
});
