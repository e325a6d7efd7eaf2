import type { Clock, DispatchStore } from '@certflow/engine';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { BullmqScheduler } from '../bullmq-scheduler.js';

/** The Redis of the integration tests: `REDIS_URL`, default the local server (db 0). */
export function testRedisUrl(db?: number): string {
  const url = new URL(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
  if (db !== undefined) url.pathname = `/${db}`;
  return url.href;
}

/** A prefix of its own per test, so concurrent test files never see each other's jobs. */
export function testPrefix(): string {
  return `certflow-test-${randomBytes(5).toString('hex')}`;
}

/** Fails (never skips) when Redis is unreachable. */
export async function assertRedis(url: string): Promise<void> {
  const redis = new Redis(url, {
    maxRetriesPerRequest: 1,
    lazyConnect: true,
    retryStrategy: () => null,
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(`test Redis at ${url} is unreachable: ${String(error)}`, { cause: error });
  } finally {
    redis.disconnect();
  }
}

/** Delete every key of a prefix (the Redis loss of one test, without touching others). */
export async function deletePrefix(url: string, prefix: string): Promise<number> {
  const redis = new Redis(url, { maxRetriesPerRequest: null });
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) deleted += await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
  return deleted;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Wait until the BullMQ scheduler has done everything due by `clock`: no pending timer or
 * outbox row due, no job waiting or running. Promotes jobs Redis still holds as delayed
 * (the clock is a ManualClock that jumped ahead) through `reconcile()`.
 */
export async function settleBullmq(
  scheduler: BullmqScheduler,
  dispatch: DispatchStore,
  clock: Clock,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quiet = 0;
  let stuck = 0;
  await scheduler.reconcile();
  while (Date.now() < deadline) {
    const now = clock.now();
    const [timer] = await dispatch.pendingTimers(1, now);
    const [row] = await dispatch.pendingOutbox(now, 1);
    const counts = await scheduler.jobCounts();
    const busy = Object.values(counts).some(
      (c) => (c['waiting'] ?? 0) + (c['active'] ?? 0) + (c['prioritized'] ?? 0) > 0,
    );
    const due = Boolean(timer || row);
    quiet = !due && !busy ? quiet + 1 : 0;
    if (quiet >= 2) return;
    // Rows due by the clock but no job running: their jobs are delayed by real time (the
    // clock jumped) or were written after the last pass — reconcile promotes/adds them.
    stuck = due && !busy ? stuck + 1 : 0;
    if (stuck >= 4) {
      stuck = 0;
      await scheduler.reconcile();
    }
    await sleep(25);
  }
  throw new Error('BullMQ scheduler did not settle in time');
}
