import { createTestPostgres, type TestPostgres } from '@certflow/db/testing';
import { truncateAll } from '@certflow/db';
import { afterAll, beforeAll } from 'vitest';
import { BullmqScheduler } from './bullmq-scheduler.js';
import { InProcessScheduler } from './in-process-scheduler.js';
import {
  assertRedis,
  deletePrefix,
  settleBullmq,
  testPrefix,
  testRedisUrl,
} from './testing/bullmq-testing.js';
import { describeSchedulerContract, type ContractDb } from './testing/scheduler-contract.js';

let pg: TestPostgres | undefined;
/** The embedded mode's database is a real PostgreSQL too: a second database for its suite. */
let embedded: TestPostgres | undefined;
const redisUrl = testRedisUrl();

beforeAll(async () => {
  await assertRedis(redisUrl);
  pg = await createTestPostgres();
  embedded = await createTestPostgres();
});
afterAll(async () => {
  await pg?.drop();
  await embedded?.drop();
});

const contractDb = (db: TestPostgres | undefined): ContractDb => {
  if (!db) throw new Error('PostgreSQL not open');
  return {
    store: db.store,
    dispatch: db.dispatch,
    directory: db.directory,
    reset: () => truncateAll(db),
  };
};

describeSchedulerContract({
  name: 'in-process on PostgreSQL',
  db: () => contractDb(embedded),
  open: async (deps) => {
    const scheduler = new InProcessScheduler(deps);
    await scheduler.start();
    let current = scheduler;
    return {
      get scheduler() {
        return current;
      },
      settle: async () => {
        await current.runDue();
      },
      // Embedded mode has no index to lose: a restart (a new scheduler) must carry on alone.
      loseIndex: async () => {
        await current.stop();
        current = new InProcessScheduler(deps);
        await current.start();
      },
    };
  },
});

describeSchedulerContract({
  name: 'BullMQ on PostgreSQL + Redis',
  db: () => contractDb(pg),
  open: async (deps) => {
    const prefix = testPrefix();
    const scheduler = new BullmqScheduler({ ...deps, redisUrl, prefix, reconcileEveryMs: 0 });
    await scheduler.start();
    return {
      scheduler,
      settle: () => settleBullmq(scheduler, deps.dispatch, deps.clock),
      loseIndex: async () => {
        await deletePrefix(redisUrl, prefix);
      },
    };
  },
});
