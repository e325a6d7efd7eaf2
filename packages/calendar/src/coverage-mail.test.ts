import type { CommandStore, CommandWrite } from '@certflow/engine';
import { MemoryStore } from '@certflow/engine/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBusinessCalendar } from './business-calendar.js';
import {
  COVERAGE_JOB_EVERY_MS,
  COVERAGE_JOB_FROM_HOUR,
  COVERAGE_MAIL_KIND,
  sendCoverageWarningIfDue,
  startCoverageMailJob,
} from './coverage-mail.js';
import type { CoverageWarningPayload } from './coverage-warning.js';

const cal = createBusinessCalendar(); // 2027 not covered
const at = (iso: string): Date => new Date(iso);
const monday = at('2026-11-02T09:00:00+08:00');

/** A store whose first `failures` writes lose (another writer moved the marker). */
function losingStore(store: MemoryStore, failures: number) {
  const writes: CommandWrite[] = [];
  const wrapped: CommandStore = {
    load: (request) => store.load(request),
    write: async (w) => {
      writes.push(w);
      return writes.length <= failures ? false : store.write(w);
    },
  };
  return { wrapped, writes };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the weekly coverage mail', () => {
  it('writes the outbox row with the week marker, against the marker’s version', async () => {
    const store = new MemoryStore();
    const { wrapped, writes } = losingStore(store, 0);
    const payload = await sendCoverageWarningIfDue(wrapped, cal, monday);
    expect(payload).toEqual({
      notification: 'calendar-coverage',
      year: 2027,
      week: '2026-W45',
      since: '2026-11-01',
      audience: { role: 'academic_affairs', college: null },
      message: expect.stringContaining('2027年节假日安排尚未导入') as unknown,
      messageEn: expect.stringContaining('The 2027 holiday table') as unknown,
    });
    expect(writes).toHaveLength(1);
    expect(writes[0]?.outbox.map((r) => r.id)).toEqual(['calendar-coverage:2027:2026-W45']);
    expect(writes[0]?.references).toEqual([
      {
        kind: COVERAGE_MAIL_KIND,
        key: '2027',
        value: { weeks: ['2026-W45'] },
        expectedVersion: null,
      },
    ]);
    await sendCoverageWarningIfDue(wrapped, cal, at('2026-11-09T09:00:00+08:00'));
    expect(writes[1]?.references).toEqual([
      {
        kind: 'calendar-coverage-mail',
        key: '2027',
        value: { weeks: ['2026-W45', '2026-W46'] },
        expectedVersion: 1,
      },
    ]);
  });

  it('starts the weeks again over a marker it cannot read', async () => {
    const store = new MemoryStore();
    store.setReference(COVERAGE_MAIL_KIND, '2027', { weeks: 'W45' });
    const { wrapped, writes } = losingStore(store, 0);
    expect((await sendCoverageWarningIfDue(wrapped, cal, monday))?.week).toBe('2026-W45');
    expect(writes[0]?.references[0]).toMatchObject({
      value: { weeks: ['2026-W45'] },
      expectedVersion: 1,
    });
  });

  it('reads the marker again after losing a write, and gives up after five', async () => {
    const store = new MemoryStore();
    const four = losingStore(store, 4);
    expect((await sendCoverageWarningIfDue(four.wrapped, cal, monday))?.week).toBe('2026-W45');
    expect(four.writes).toHaveLength(5);
    expect(store.outbox()).toHaveLength(1);

    const other = new MemoryStore();
    const five = losingStore(other, 5);
    expect(await sendCoverageWarningIfDue(five.wrapped, cal, monday)).toBeNull();
    expect(five.writes).toHaveLength(5);
    expect(other.outbox()).toEqual([]);
  });

  it('queues nothing when another writer queued the week meanwhile', async () => {
    const store = new MemoryStore();
    let first = true;
    const racing: CommandStore = {
      load: (request) => store.load(request),
      write: async (w) => {
        if (first) {
          first = false;
          // The other worker wins with the same week.
          await store.write(w);
          return false;
        }
        return store.write(w);
      },
    };
    expect(await sendCoverageWarningIfDue(racing, cal, monday)).toBeNull();
    expect(store.outbox()).toHaveLength(1);
  });

  it('uses the configured warning day', async () => {
    const store = new MemoryStore();
    const early = at('2026-10-15T09:00:00+08:00');
    expect(await sendCoverageWarningIfDue(store, cal, early)).toBeNull();
    expect((await sendCoverageWarningIfDue(store, cal, early, { warnFrom: '10-15' }))?.since).toBe(
      '2026-10-15',
    );
  });
});

describe('the coverage mail job', () => {
  it('looks hourly, queues from 09:00 Beijing, and tells who asked', async () => {
    expect(COVERAGE_JOB_EVERY_MS).toBe(3_600_000);
    expect(COVERAGE_JOB_FROM_HOUR).toBe(9);
    vi.useFakeTimers();
    const store = new MemoryStore();
    let now = at('2026-11-02T08:59:59.999+08:00');
    const queued: CoverageWarningPayload[] = [];
    const job = startCoverageMailJob({
      store,
      calendar: cal,
      clock: { now: () => now },
      onQueued: (p) => queued.push(p),
    });
    await vi.advanceTimersByTimeAsync(0);
    // The look at start: before 09:00, nothing.
    expect(store.outbox()).toEqual([]);
    expect(await job.runOnce()).toBeNull();
    now = at('2026-11-02T09:00:00+08:00');
    await vi.advanceTimersByTimeAsync(COVERAGE_JOB_EVERY_MS - 1);
    expect(store.outbox()).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(store.outbox().map((r) => r.id)).toEqual(['calendar-coverage:2027:2026-W45']);
    expect(queued.map((p) => p.week)).toEqual(['2026-W45']);
    // The next look, the same week: nothing more, and no one is told.
    await vi.advanceTimersByTimeAsync(COVERAGE_JOB_EVERY_MS);
    expect(queued).toHaveLength(1);
    job.stop();
    now = at('2026-11-09T10:00:00+08:00');
    await vi.advanceTimersByTimeAsync(3 * COVERAGE_JOB_EVERY_MS);
    expect(store.outbox()).toHaveLength(1);
    expect((await job.runOnce())?.week).toBe('2026-W46');
    expect(queued.map((p) => p.week)).toEqual(['2026-W45', '2026-W46']);
  });

  it('looks at start, at its own interval, with its settings', async () => {
    vi.useFakeTimers();
    const store = new MemoryStore();
    const job = startCoverageMailJob({
      store,
      calendar: cal,
      clock: { now: () => at('2026-10-20T09:00:00+08:00') },
      settings: { warnFrom: '10-15' },
      everyMs: 1000,
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(store.outbox().map((r) => r.id)).toEqual(['calendar-coverage:2027:2026-W43']);
    job.stop();
  });

  it('runs one look at a time, and reports a failed look', async () => {
    vi.useFakeTimers();
    const errors: unknown[] = [];
    let loads = 0;
    const failing: CommandStore = {
      load: async () => {
        loads += 1;
        await Promise.resolve();
        throw new Error('store down');
      },
      write: () => Promise.resolve(true),
    };
    const job = startCoverageMailJob({
      store: failing,
      calendar: cal,
      clock: { now: () => monday },
      onError: (e) => errors.push(e),
      everyMs: 1000,
    });
    const a = job.runOnce();
    const b = job.runOnce();
    expect(a).toBe(b);
    await expect(a).rejects.toThrow('store down');
    expect(loads).toBe(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(errors.map((e) => (e as Error).message)).toEqual(['store down']);
    // A look after the last one ended is a new look.
    await expect(job.runOnce()).rejects.toThrow('store down');
    expect(loads).toBe(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(loads).toBe(3);
    expect(errors).toHaveLength(2);
    job.stop();
    // Without onError, a failed look is swallowed.
    const quiet = startCoverageMailJob({
      store: failing,
      calendar: cal,
      clock: { now: () => monday },
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(loads).toBe(4);
    quiet.stop();
  });
});
