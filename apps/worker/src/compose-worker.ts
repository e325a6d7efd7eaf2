import { loadBusinessCalendar } from '@certflow/calendar';
import { createMailStore, openPostgres } from '@certflow/db';
import { createEngine, type Clock, type Store } from '@certflow/engine';
import { createMailFromEnv } from '@certflow/mail';
import { createPilotFlows, pilotCalls, pilotEffectHandlers } from '@certflow/pilot';
import { BullmqScheduler, effectHandlers } from '@certflow/queue';
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { startHealthServer } from './health-server.js';
import type { WorkerConfig } from './worker-config.js';

export interface RunningWorker {
  readonly health: Server;
  stop(): Promise<void>;
}

const systemClock: Clock = { now: () => new Date() };

/** Wire the production worker: PostgreSQL, the calendar, the engine, mail, effects, BullMQ. */
export async function startWorker(
  config: WorkerConfig,
  env: Readonly<Record<string, string | undefined>>,
  logger: Logger,
): Promise<RunningWorker> {
  // The server applies migrations; the worker only checks they are there (migrate is idempotent).
  const handle = await openPostgres({ url: config.DATABASE_URL, max: config.DATABASE_POOL_MAX });
  const calendar = await loadBusinessCalendar(handle.store.read);
  logger.info({ years: calendar.coveredYears().at(-1) }, 'business calendar loaded');
  const flows = createPilotFlows(config.pilot.flows);
  const base = { flows, clock: systemClock, ids: randomUUID, calendar, directory: handle.directory };
  const engine = createEngine({ ...base, store: handle.store });
  const mail = createMailFromEnv(env, {
    store: createMailStore(handle.db),
    engine,
    engineFor: (store: Store) => createEngine({ ...base, flows: engine.flows, store }),
    directory: handle.directory,
    onError: (err) => logger.error({ err }, 'mail error'),
  });
  const scheduler = new BullmqScheduler({
    engine,
    store: handle.store,
    dispatch: handle.dispatch,
    clock: systemClock,
    calendar,
    handlers: {
      ...effectHandlers(pilotEffectHandlers, { instances: handle.store.read }),
      notify: (row) => mail.notify(row),
    },
    recurring: pilotCalls(config.pilot.calls),
    redisUrl: config.REDIS_URL,
    prefix: config.REDIS_PREFIX,
    reconcileEveryMs: config.RECONCILE_EVERY_MS,
    logger,
  });
  await scheduler.start();
  const refresh = setInterval(() => {
    calendar.refresh().catch((err: unknown) => logger.error({ err }, 'calendar refresh failed'));
  }, config.CALENDAR_REFRESH_MS);
  refresh.unref();
  const health = await startHealthServer(config.WORKER_HEALTH_PORT, async () => {
    await handle.sql`select 1`;
    return { queues: await scheduler.jobCounts() };
  });
  logger.info({ port: config.WORKER_HEALTH_PORT, prefix: config.REDIS_PREFIX }, 'worker started');
  return {
    health,
    stop: async () => {
      clearInterval(refresh);
      await new Promise<void>((resolve) => health.close(() => resolve()));
      await scheduler.stop();
      await handle.close();
    },
  };
}
