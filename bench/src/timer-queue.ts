import { JOB_CATALOG, timerJobId } from '@certflow/queue';
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

/** Mirror timers as delayed jobs of the raw baseline queue, job id = timer row id, in bulk. */
export async function enqueueTimers(queue: Queue, timers: readonly DueTimer[]): Promise<void> {
  await addInChunks(queue, timers, (t, delay) => ({
    name: 'timer',
    data: { timerId: t.id, due: t.due },
    opts: { jobId: t.id, delay, removeOnComplete: true, removeOnFail: true },
  }));
}

/**
 * Mirror timers exactly as `BullmqScheduler` does (its `reconcile`/`nudge`): job `timer.fire`
 * with id `timerJobId(row id)` and the catalog's retry options, in its `timers` queue — so its
 * own timer worker fires them. (Its `reconcile()` would re-read every pending row, a million with
 * the backlog; the bench adds the jobs it just inserted rows for.)
 */
export async function enqueueSchedulerTimers(
  queue: Queue,
  timers: readonly DueTimer[],
): Promise<void> {
  const o = JOB_CATALOG['timer.fire'].options;
  await addInChunks(queue, timers, (t, delay) => ({
    name: 'timer.fire',
    data: { timerId: t.id },
    opts: {
      jobId: timerJobId(t.id),
      delay,
      attempts: o.attempts,
      backoff: { type: 'exponential', delay: o.backoffMs },
      removeOnComplete: true,
      removeOnFail: true,
    },
  }));
}

type BulkJob = Parameters<Queue['addBulk']>[0][number];

async function addInChunks(
  queue: Queue,
  timers: readonly DueTimer[],
  job: (t: DueTimer, delay: number) => BulkJob,
): Promise<void> {
  const chunk = 1000;
  for (let i = 0; i < timers.length; i += chunk) {
    const now = Date.now();
    await queue.addBulk(timers.slice(i, i + chunk).map((t) => job(t, Math.max(0, t.due - now))));
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
