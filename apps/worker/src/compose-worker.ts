import {
  calendarCoverageWarning,
  calendarSettingsFromEnv,
  COVERAGE_WARNING_OUTBOX_KIND,
  loadBusinessCalendar,
  startCoverageMailJob,
} from '@certflow/calendar';
import { createMailStore, openPostgres } from '@certflow/db';
import { createEngine, type Clock } from '@certflow/engine';
import { createMail, mailConfigFromSettings } from '@certflow/mail';
import { createPilotFlows, pilotCalls, pilotEffectHandlers } from '@certflow/pilot';
import { BullmqScheduler, createRedisProbe, effectHandlers } from '@certflow/queue';
import { WEBHOOK_DISABLED_OUTBOX_KIND, WebhookDispatcher } from '@certflow/webhooks';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { workerHealth } from './health-check.js';
import { startHealthServer } from './health-server.js';
import { reliabilitySettingsFromEnv } from './reliability-settings.js';
import { retrySoonWhenUnavailable } from './unavailable-retry.js';
import type { WorkerConfig } from './worker-config.js';

export interface RunningWorker {
  readonly health: Server;
  /**
   * Stop taking jobs, let running ones finish, close the connections — within
   * `WORKER_SHUTDOWN_TIMEOUT_MS`: `forced` when that was not enough (Redis or PostgreSQL
   * unreachable), and what was left is the reconciler's (PostgreSQL holds every row).
   */
  stop(): Promise<'drained' | 'forced'>;
}

const systemClock: Clock = { now: () => new Date() };
/** How long SIGTERM waits for running jobs when Redis is down (it cannot record them anyway). */
const REDIS_DOWN_GRACE_MS = 2_000;

/** Wire the production worker: PostgreSQL, the calendar, the engine, mail, effects, BullMQ. */
export async function startWorker(
  config: WorkerConfig,
  env: Readonly<Record<string, string | undefined>>,
  logger: Logger,
): Promise<RunningWorker> {
  const settings = reliabilitySettingsFromEnv(env);
  // The server applies migrations; the worker only checks they are there (migrate is idempotent).
  const handle = await openPostgres({ url: config.DATABASE_URL, max: config.DATABASE_POOL_MAX });
  const calendarSettings = calendarSettingsFromEnv(env);
  const calendar = await loadBusinessCalendar(handle.store.read, calendarSettings);
  logger.info({ years: calendar.coveredYears().at(-1) }, 'business calendar loaded');
  const warning = calendarCoverageWarning(calendar, systemClock.now(), calendarSettings);
  if (warning) logger.warn({ code: warning.code, year: warning.year }, warning.message);
  const flows = createPilotFlows(config.pilot.flows);
  const engine = createEngine({
    flows,
    clock: systemClock,
    calendar,
    directory: handle.store.directory,
    store: handle.store,
  });
  const mail = createMail(mailConfigFromSettings(config.shared.mail), {
    store: createMailStore(handle.db),
    engine,
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
      [COVERAGE_WARNING_OUTBOX_KIND]: (row) => mail.coverageWarning(row),
      [WEBHOOK_DISABLED_OUTBOX_KIND]: (row) => mail.webhookDisabled(row),
    },
    recurring: pilotCalls(config.pilot.calls),
    redisUrl: config.REDIS_URL,
    prefix: config.REDIS_PREFIX,
    reconcileEveryMs: config.RECONCILE_EVERY_MS,
    lockDurationMs: settings.WORKER_LOCK_DURATION_MS,
    stalledIntervalMs: settings.WORKER_STALLED_INTERVAL_MS,
    maxStalledCount: settings.WORKER_MAX_STALLED_COUNT,
    retry: retrySoonWhenUnavailable(),
    logger,
  });
  // Health checks get a Redis connection of their own (BullMQ's waits while Redis is down); when
  // Redis answers again — restarted empty, perhaps — the worker reconciles at once instead of at
  // the next RECONCILE_EVERY_MS.
  const redis = createRedisProbe(config.REDIS_URL, {
    timeoutMs: settings.WORKER_HEALTH_TIMEOUT_MS,
  });
  let reconciling = false;
  redis.onRecovered(({ restarted }) => {
    if (reconciling) return;
    reconciling = true;
    logger.warn({ restarted }, 'Redis is back: reconciling from PostgreSQL');
    scheduler
      .reconcile()
      .catch((err: unknown) => logger.error({ err }, 'reconcile after Redis came back failed'))
      .finally(() => (reconciling = false));
  });
  await scheduler.start();
  // Outbound webhooks (docs/http-api.md § Webhooks): the change feed's events, delivered from here.
  const webhooks = new WebhookDispatcher({
    db: handle.db,
    allowPrivate: config.shared.webhookAllowPrivate,
    onError: (err) => logger.error({ err }, 'webhooks'),
    onDisabled: (sub) =>
      logger.warn(
        { webhook: sub.id, url: sub.url, owner: sub.ownerId, reason: sub.reason },
        'webhook disabled after persistent failure',
      ),
  });
  webhooks.start();
  const refresh = setInterval(() => {
    calendar.refresh().catch((err: unknown) => logger.error({ err }, 'calendar refresh failed'));
  }, config.CALENDAR_REFRESH_MS);
  refresh.unref();
  // 「请导入…年节假日安排」 to 教务处 once a week from 1 November (docs/calendar.md): hourly looks
  // from 09:00 Beijing, one mail a week however many workers run; the reconciler relays the row.
  const coverage = startCoverageMailJob({
    store: handle.store,
    calendar,
    clock: systemClock,
    settings: calendarSettings,
    onQueued: (payload) =>
      logger.warn({ year: payload.year, week: payload.week }, 'calendar coverage mail queued'),
    onError: (err) => logger.error({ err }, 'calendar coverage mail'),
  });
  const health = await startHealthServer(
    config.WORKER_HEALTH_PORT,
    workerHealth({
      postgres: () => handle.sql`select 1`,
      redis,
      queues: () => scheduler.jobCounts(),
      timeoutMs: settings.WORKER_HEALTH_TIMEOUT_MS,
    }),
  );
  logger.info({ port: config.WORKER_HEALTH_PORT, prefix: config.REDIS_PREFIX }, 'worker started');
  return {
    health,
    stop: async () => {
      clearInterval(refresh);
      coverage.stop();
      health.close();
      health.closeAllConnections();
      const drained = async () => {
        await webhooks.stop();
        await scheduler.stop();
        await handle.close();
        return 'drained' as const;
      };
      // With Redis down a finished job cannot even be recorded: running handlers get a short
      // grace for their PostgreSQL work, and the rest is the reconciler's.
      const redisUp = (await redis.check()).ok;
      const limit = Math.min(
        settings.WORKER_SHUTDOWN_TIMEOUT_MS,
        redisUp ? Infinity : REDIS_DOWN_GRACE_MS,
      );
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<'forced'>((resolve) => {
        timer = setTimeout(() => resolve('forced'), limit);
      });
      const outcome = await Promise.race([drained(), deadline]);
      clearTimeout(timer);
      await redis.close();
      return outcome;
    },
  };
}
