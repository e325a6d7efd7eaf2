import { createBusinessCalendar } from '@certflow/calendar';
import { createTestPostgres, type TestPostgres } from '@certflow/db/testing';
import { createEngine, ManualClock } from '@certflow/engine';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BullmqScheduler } from './bullmq-scheduler.js';
import { assertRedis, settleBullmq, testPrefix, testRedisUrl } from './testing/bullmq-testing.js';
import { deadlineFlow, owner } from './testing/deadline-flow.js';
import { fireCounts, insertReminderTimers } from './testing/timer-rows.js';

/**
 * Redis database 14 belongs to this file alone: it is flushed (FLUSHDB — FLUSHALL would empty
 * the databases other test files use concurrently).
 */
const REDIS_DB = 14;
const redisUrl = testRedisUrl(REDIS_DB);
let db: TestPostgres;

beforeAll(async () => {
  await assertRedis(redisUrl);
  db = await createTestPostgres({ max: 20 });
});
afterAll(async () => {
  await db?.drop();
});

describe('Redis loss', () => {
  it('FLUSHDB with 10,000 timers pending: the reconciler restores them all, each fires once', async () => {
    const clock = new ManualClock('2026-09-28T09:00:00+08:00');
    const calendar = createBusinessCalendar();
    const engine = createEngine({
      store: db.store,
      flows: [deadlineFlow()],
      clock,
      ids: randomUUID,
      calendar,
    });
    for (let n = 0; n < 100; n += 1) {
      await engine.start('deadline-review', { college: 'ee', title: `T${n}` }, owner);
    }
    await db.sql`update timers set due_at = '2030-01-01'`; // the flow's own 300 stay out of it
    const count = await insertReminderTimers(db, 100, new Date('2026-09-28T10:00:00+08:00'));
    expect(count).toBe(10_000);

    const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
    const scheduler = new BullmqScheduler({
      engine,
      store: db.store,
      dispatch: db.dispatch,
      clock,
      calendar,
      handlers: {},
      redisUrl,
      prefix: testPrefix(),
      concurrency: { timers: 32 },
      reconcileEveryMs: 0,
    });
    try {
      await scheduler.start();
      expect((await scheduler.jobCounts()).timers['delayed']).toBe(10_300);

      await redis.flushdb();
      expect(await redis.dbsize()).toBe(0);
      expect((await fireCounts(db)).pending).toBe(10_300);

      const report = await scheduler.reconcile();
      expect(report.timers).toBe(10_300);
      expect((await scheduler.jobCounts()).timers['delayed']).toBe(10_300);

      clock.set('2026-09-28T10:00:00+08:00');
      await settleBullmq(scheduler, db.dispatch, clock, 120_000);
      expect(await fireCounts(db)).toEqual({
        total: 10_000,
        distinct: 10_000,
        doubled: 0,
        pending: 300,
      });
      // A second reconcile after the fact re-enqueues nothing that could fire again.
      await scheduler.reconcile();
      await settleBullmq(scheduler, db.dispatch, clock);
      expect((await fireCounts(db)).total).toBe(10_000);
    } finally {
      await scheduler.stop();
      await redis.flushdb();
      await redis.quit();
    }
  }, 180_000);
});
