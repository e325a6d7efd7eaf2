/**
 * A worker process for the crash tests (crash.int.test.ts runs it with tsx and kills it with
 * SIGKILL): the deadline-review flow over PostgreSQL, delivering with BullMQ or the in-process
 * scheduler. Env: DATABASE_URL, REDIS_URL, PREFIX, MODE (`bullmq` | `in-process`).
 */
import { createBusinessCalendar } from '@certflow/calendar';
import { openPostgres } from '@certflow/db';
import { createEngine, type Clock } from '@certflow/engine';
import { BullmqScheduler } from '../bullmq-scheduler.js';
import { InProcessScheduler } from '../in-process-scheduler.js';
import type { Scheduler } from '../scheduler.js';
import { deadlineFlow } from './deadline-flow.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const clock: Clock = { now: () => new Date() };
const handle = await openPostgres({ url: env('DATABASE_URL'), migrate: false, max: 4 });
const calendar = createBusinessCalendar();
const engine = createEngine({
  store: handle.store,
  flows: [deadlineFlow()],
  clock,
  calendar,
});
const deps = {
  engine,
  store: handle.store,
  dispatch: handle.dispatch,
  clock,
  calendar,
  handlers: {},
  batchSize: 50,
};
const scheduler: Scheduler =
  env('MODE') === 'bullmq'
    ? new BullmqScheduler({
        ...deps,
        redisUrl: env('REDIS_URL'),
        prefix: env('PREFIX'),
        concurrency: { timers: 4 },
        lockDurationMs: 1500,
        stalledIntervalMs: 500,
        reconcileEveryMs: 0,
      })
    : new InProcessScheduler(deps);
await scheduler.start();
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  void scheduler
    .stop()
    .then(() => handle.close())
    .then(() => process.exit(0));
});
