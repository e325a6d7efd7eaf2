import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import { redisUrl } from './redis-connection.js';
import type { DueTimer } from './timer-fixture.js';
import { sleep } from './stats.js';

/** Every BullMQ key of the benchmark lives under this prefix (obliterated afterwards). */
export const BENCH_PREFIX = 'certflow-bench';

export function bullConnection(): ConnectionOptions {
  const url = new URL(redisUrl());
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    maxRetriesPerRequest: null,
  };
}

export function benchQueue(name: string): Queue {
  return new Queue(name, { connection: bullConnection(), prefix: BENCH_PREFIX });
}

/** Mirror timers as delayed jobs, job id = timer row id (DESIGN §2), in bulk. */
export async function enqueueTimers(queue: Queue, timers: readonly DueTimer[]): Promise<void> {
  const chunk = 1000;
  for (let i = 0; i < timers.length; i += chunk) {
    const now = Date.now();
    await queue.addBulk(
      timers.slice(i, i + chunk).map((t) => ({
        name: 'timer',
        data: { timerId: t.id, due: t.due },
        opts: {
          jobId: t.id,
          delay: Math.max(0, t.due - now),
          removeOnComplete: true,
          removeOnFail: true,
        },
      })),
    );
  }
}

/**
 * Run a worker until every one of `count` jobs has been handled; returns each job's lateness
 * (handled − due, ms). `handle` is the work (an engine `fireTimer`, or nothing for the baseline).
 */
export async function drainTimers(
  name: string,
  count: number,
  concurrency: number,
  timeoutMs: number,
  handle: (timerId: string) => Promise<void>,
): Promise<{ lateness: number[]; errors: number }> {
  const lateness: number[] = [];
  let errors = 0;
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const worker = new Worker(
    name,
    async (job) => {
      const data = job.data as { timerId: string; due: number };
      try {
        await handle(data.timerId);
        lateness.push(Date.now() - data.due);
      } catch {
        errors += 1;
      }
      if (lateness.length + errors >= count) done();
    },
    { connection: bullConnection(), prefix: BENCH_PREFIX, concurrency },
  );
  await worker.waitUntilReady();
  await Promise.race([finished, sleep(timeoutMs)]);
  await worker.close();
  return { lateness, errors };
}
