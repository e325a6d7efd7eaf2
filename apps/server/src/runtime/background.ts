import {
  COVERAGE_WARNING_OUTBOX_KIND,
  startCoverageMailJob,
  type CalendarSettings,
} from '@certflow/calendar';
import type { DbHandle } from '@certflow/db';
import { createMailStore } from '@certflow/db';
import type { BusinessCalendar, Clock, Engine } from '@certflow/engine';
import { createMail, mailConfigFromSettings, type Mail } from '@certflow/mail';
import { pilotCalls, pilotEffectHandlers } from '@certflow/pilot';
import {
  BullmqScheduler,
  effectHandlers,
  InProcessScheduler,
  type OutboxHandlers,
  type Scheduler,
} from '@certflow/queue';
import { WEBHOOK_DISABLED_OUTBOX_KIND, WebhookDispatcher } from '@certflow/webhooks';
import type { Logger } from 'pino';
import type { ServerConfig } from '../config.js';
import { resolveSecret } from './jwt-secret.js';

/** What runs beside the API: timers (deadlines, reminders) and the outbox (mail, effects). */
export interface Background {
  /** One line for the start banner. */
  readonly description: string;
  /** Signed action links and reply approval. */
  readonly mail: Mail;
  /** A command committed: deliver its rows now instead of at the next periodic look. */
  nudge(instanceId: string): void;
  /** Outbound webhooks, delivered from this process (the embedded mode); absent with REDIS_URL. */
  readonly webhooks?: WebhookDispatcher;
  stop(): Promise<void>;
}

/**
 * The webhook delivery loop (docs/http-api.md § Webhooks) over this database: the all-in-one
 * server runs it beside the in-process scheduler, apps/worker beside BullMQ.
 */
export function webhookDispatcher(
  args: Pick<BackgroundArgs, 'config' | 'handle' | 'logger'>,
): WebhookDispatcher {
  return new WebhookDispatcher({
    db: args.handle.db,
    allowPrivate: args.config.webhookAllowPrivate,
    onError: (error) => args.logger.error({ err: error }, 'webhooks'),
    onDisabled: (sub) =>
      args.logger.warn(
        { webhook: sub.id, url: sub.url, owner: sub.ownerId, reason: sub.reason },
        'webhook disabled after persistent failure',
      ),
  });
}

export interface BackgroundArgs {
  readonly config: ServerConfig;
  readonly handle: DbHandle<unknown>;
  readonly engine: Engine;
  readonly calendar: BusinessCalendar;
  readonly clock: Clock;
  readonly logger: Logger;
  /** When the coverage warning starts (`warnFrom`); default 1 November. */
  readonly calendarSettings?: Pick<CalendarSettings, 'warnFrom'>;
}

/** The demo school's colleges, for mail subjects (二级学院 names). */
const COLLEGES: Readonly<Record<string, string>> = { ee: '电子工程学院', cs: '计算机学院' };

/**
 * Outbox handlers: `notify` rows, the calendar's coverage warning and the webhook-disabled mail
 * to mail, pilot effects to the flow pack's handlers.
 */
export function outboxHandlers(mail: Mail, handle: DbHandle<unknown>): OutboxHandlers {
  return {
    notify: (row) => mail.notify(row),
    [COVERAGE_WARNING_OUTBOX_KIND]: (row) => mail.coverageWarning(row),
    [WEBHOOK_DISABLED_OUTBOX_KIND]: (row) => mail.webhookDisabled(row),
    ...effectHandlers(pilotEffectHandlers, { instances: handle.store.read }),
  };
}

/** The mail package from the environment; the embedded mode generates its link secret once. */
export function mailFor(args: BackgroundArgs, onDecision?: (instanceId: string) => void): Mail {
  const { config, handle } = args;
  const secret = resolveSecret({
    configured: config.mail.secret ?? undefined,
    dataDir: config.dataDir,
    allowGenerated: config.databaseUrl === undefined,
    name: 'CERTFLOW_MAIL_SECRET',
    file: 'mail-secret',
  });
  return createMail(mailConfigFromSettings(config.mail, secret), {
    store: createMailStore(handle.db),
    engine: args.engine,
    directory: handle.directory,
    colleges: COLLEGES,
    clock: args.clock,
    onError: (error) => args.logger.error({ err: error }, 'mail'),
    ...(onDecision ? { onDecision } : {}),
  });
}

/**
 * Embedded (no REDIS_URL): the in-process scheduler fires timers and delivers the outbox from
 * this process — mail to `.eml` files in `<dataDir>/mail` (or SMTP_URL). With REDIS_URL the API
 * only writes rows; `apps/worker` (BullMQ) delivers them.
 */
export async function startBackground(args: BackgroundArgs): Promise<Background> {
  // Decisions by mail link or reply are commands too: deliver what they wrote at once.
  let nudge: (instanceId: string) => void = () => undefined;
  const mail = mailFor(args, (instanceId) => nudge(instanceId));
  const inbound = await mail.startInbound();
  const nudgeWith = (scheduler: Scheduler) => (instanceId: string) => {
    scheduler
      .nudge(instanceId)
      .catch((error: unknown) => args.logger.error({ err: error }, 'nudge'));
  };
  if (args.config.redisUrl) {
    // A producer only: mirrors the command's timers and relays its outbox rows to BullMQ at once;
    // apps/worker consumes them (and its reconciler catches anything a nudge missed).
    const producer = new BullmqScheduler({
      engine: args.engine,
      store: args.handle.store,
      dispatch: args.handle.dispatch,
      clock: args.clock,
      calendar: args.calendar,
      handlers: outboxHandlers(mail, args.handle),
      logger: args.logger,
      redisUrl: args.config.redisUrl,
      prefix: args.config.redisPrefix,
      work: false,
      reconcileEveryMs: 0,
    });
    await producer.start();
    nudge = nudgeWith(producer);
    args.logger.info({ mode: 'bullmq' }, 'background delivery runs in apps/worker');
    return {
      description: `BullMQ at ${redact(args.config.redisUrl)}: run apps/worker to deliver`,
      mail,
      nudge: nudgeWith(producer),
      stop: async () => {
        await producer.stop();
        await inbound?.close();
      },
    };
  }
  const scheduler: Scheduler = embeddedScheduler(args, outboxHandlers(mail, args.handle));
  await scheduler.start();
  const webhooks = webhookDispatcher(args);
  webhooks.start();
  const nudgeScheduler = nudgeWith(scheduler);
  // 「请导入…年节假日安排」 to 教务处 once a week from 1 November (docs/calendar.md); with REDIS_URL
  // apps/worker runs this job instead. The outbox row has no instance: the scheduler's next look
  // delivers it.
  const coverage = startCoverageMailJob({
    store: args.handle.store,
    calendar: args.calendar,
    clock: args.clock,
    ...(args.calendarSettings ? { settings: args.calendarSettings } : {}),
    onQueued: (payload) =>
      args.logger.warn({ year: payload.year, week: payload.week }, 'calendar coverage mail queued'),
    onError: (error) => args.logger.error({ err: error }, 'calendar coverage mail'),
  });
  nudge = (instanceId) => {
    nudgeScheduler(instanceId);
    webhooks.nudge();
  };
  args.logger.info({ mode: 'in-process', mailDir: mail.config.emlDir }, 'background delivery');
  return {
    description: `in-process scheduler; mail ${mail.config.smtpUrl ? 'via SMTP' : `to ${mail.config.emlDir}`}`,
    mail,
    nudge: (instanceId) => nudge(instanceId),
    webhooks,
    stop: async () => {
      coverage.stop();
      await webhooks.stop();
      await scheduler.stop();
      await inbound?.close();
    },
  };
}

/**
 * The embedded mode's scheduler: timers, the outbox and the recurring calls (dynamic reports,
 * the autumn annual-plan call) from this process, the database as the only index. With
 * REDIS_URL the recurring calls are apps/worker's BullMQ job schedulers instead.
 */
export function embeddedScheduler(
  args: Pick<BackgroundArgs, 'config' | 'handle' | 'engine' | 'calendar' | 'clock' | 'logger'>,
  handlers: OutboxHandlers,
): InProcessScheduler {
  return new InProcessScheduler({
    engine: args.engine,
    store: args.handle.store,
    dispatch: args.handle.dispatch,
    clock: args.clock,
    calendar: args.calendar,
    handlers,
    logger: args.logger,
    maxSleepMs: 2_000,
    recurring: pilotCalls(args.config.pilot.calls),
  });
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.href;
  } catch {
    return 'redis';
  }
}
