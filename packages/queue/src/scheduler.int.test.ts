import { sharedPglite, resetPglite, createTestPostgres, type TestPostgres } from '@certflow/db/testing';
import { truncateAll } from '@certflow/db';
import { afterAll, beforeAll } from 'vitest';
import { BullmqScheduler } from './bullmq-scheduler.js';
import { InProcessScheduler } from './in-process-scheduler.js';
import { assertRedis, deletePrefix, settleBullmq, testPrefix, testRedisUrl } from './testing/bullmq-testing.js';
import { describeSchedulerContract, type ContractDb } from './testing/scheduler-contract.js';

let pg: TestPostgres | undefined;
let pglite: ContractDb | undefined;
const redisUrl = testRedisUrl();

beforeAll(async () => {
  await assertRedis(redisUrl);
  pg = await createTestPostgres();
  const lite = await sharedPglite();
  pglite = { store: lite.store, dispatch: lite.dispatch, directory: lite.directory, reset: resetPglite };
});
afterAll(async () => {
  await pg?.drop();
});

describeSchedulerContract({
  name: 'in-process on PGlite',
  db: () => {
    if (!pglite) throw new Error('PGlite not open');
    return pglite;
  },
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
  db: () => {
    const db = pg;
    if (!db) throw new Error('PostgreSQL not open');
    return { store: db.store, dispatch: db.dispatch, directory: db.directory, reset: () => truncateAll(db) };
  },
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
