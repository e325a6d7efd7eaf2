import { join } from 'node:path';
import { createDirectoryAttachmentStore } from '@certflow/attachments';
import { openEmbedded, openPostgres, type DbHandle } from '@certflow/db';
import {
  createEngine,
  type AnyFlow,
  type BusinessCalendar,
  type Clock,
  type Engine,
} from '@certflow/engine';
import {
  adminAuditLog,
  calendarCoverageWarning,
  calendarSettingsFromEnv,
  DEFAULT_CALENDAR_SETTINGS,
  engineRecompute,
  loadBusinessCalendar,
  openDeadlinesFromReader,
  type CalendarSettings,
  type RefreshableCalendar,
} from '@certflow/calendar';
import { calendarRoutes } from '../routes/calendar.js';
import { mountDemoLogin } from '../routes/demo-login.js';
import { mountMailActions } from '../routes/mail-actions.js';
import { createPilotFlows, pilotFlows } from '@certflow/pilot';
import { createRedisProbe } from '@certflow/queue';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Logger } from 'pino';
import { createApp } from '../app.js';
import type { AppEnv } from '../app-env.js';
import type { HostActorResolver } from '../auth/host-actor.js';
import { TokenService } from '../auth/token-service.js';
import type { ServerConfig } from '../config.js';
import { startBackground, type Background } from './background.js';
import { resolveJwtSecret } from './jwt-secret.js';

export const systemClock: Clock = { now: () => new Date() };

/**
 * The business calendar: Asia/Shanghai working days with statutory holidays and 调休
 * (`chinese-days`) plus the tables administrators imported (reference data). A year neither
 * covers is counted on weekends alone, its deadlines marked provisional.
 */
export function businessCalendar(
  handle: DbHandle<unknown>,
  settings: CalendarSettings = DEFAULT_CALENDAR_SETTINGS,
): Promise<RefreshableCalendar> {
  return loadBusinessCalendar(handle.store.read, settings);
}

/**
 * The engine over an open database (or a mail token's transaction), with the 1+X pilot flows
 * (by default with the default settings; the server passes `createPilotFlows(config.pilot.flows)`).
 */
export function engineFor(
  handle: DbHandle<unknown>,
  calendar: BusinessCalendar | undefined,
  options: { clock?: Clock; flows?: readonly AnyFlow[] } = {},
): Engine {
  const { clock = systemClock, flows = pilotFlows } = options;
  return createEngine({
    store: handle.store,
    flows,
    clock,
    directory: handle.store.directory,
    ...(calendar ? { calendar } : {}),
  });
}

export async function openDatabase(config: ServerConfig): Promise<DbHandle<unknown>> {
  if (config.databaseUrl) {
    return openPostgres({ url: config.databaseUrl, max: config.databasePoolMax });
  }
  // The all-in-one mode: a real PostgreSQL this process manages in its data directory.
  return openEmbedded({ dataDir: join(config.dataDir, 'postgres'), max: config.databasePoolMax });
}

export interface Runtime {
  readonly config: ServerConfig;
  readonly handle: DbHandle<unknown>;
  readonly engine: Engine;
  readonly tokens: TokenService;
  readonly app: OpenAPIHono<AppEnv>;
  readonly background: Background;
  close(): Promise<void>;
}

/** What a host application embedding certflow (`@certflow/certflow`) may set beyond the config. */
export interface RuntimeOptions {
  /** The host's own sign-in: who is calling (certflow's bearer tokens otherwise). */
  readonly resolveActor?: HostActorResolver;
  /** The flows to run (default: the 1+X pilot flows of `config.pilot.flows`). */
  readonly flows?: readonly AnyFlow[];
  /** Working hours and the calendar warning (default: from the environment). */
  readonly calendarSettings?: CalendarSettings;
}

/** Everything the server process runs, wired from the configuration (the one wiring module). */
export async function composeRuntime(
  config: ServerConfig,
  logger: Logger,
  options: RuntimeOptions = {},
): Promise<Runtime> {
  const tokens = new TokenService(
    resolveJwtSecret({
      configured: config.jwtSecret,
      dataDir: config.dataDir,
      allowGenerated: config.databaseUrl === undefined,
    }),
    config.auth,
  );
  let nudge: (instanceId: string) => void = () => undefined;
  let webhooksNudge: () => void = () => undefined;
  const calendarSettings = options.calendarSettings ?? calendarSettingsFromEnv(process.env);
  const handle = await openDatabase(config);
  const calendar = await businessCalendar(handle, calendarSettings);
  const flows = options.flows ?? createPilotFlows(config.pilot.flows);
  const engine = engineFor(handle, calendar, { flows });
  const warning = calendarCoverageWarning(calendar, systemClock.now(), calendarSettings);
  if (warning) logger.warn({ code: warning.code, year: warning.year }, warning.message);
  const redis = config.redisUrl ? createRedisProbe(config.redisUrl) : undefined;
  const app = createApp({
    ...(redis ? { redis } : {}),
    engine,
    store: handle.store,
    db: handle.db,
    driver: config.databaseUrl ? 'postgres' : 'embedded',
    tokens,
    directory: handle.directory,
    corsOrigins: config.corsOrigins,
    logger,
    bodyLimit: config.bodyLimit,
    // Attachments in the configured directory, else in PostgreSQL (createApp's default).
    ...(config.attachmentDir
      ? { attachments: createDirectoryAttachmentStore(config.attachmentDir) }
      : {}),
    attachmentLimit: config.attachmentLimit,
    afterCommand: (instanceId) => nudge(instanceId),
    webhooks: { allowPrivate: config.webhookAllowPrivate, nudge: () => webhooksNudge() },
    ...(options.resolveActor ? { resolveActor: options.resolveActor } : {}),
    calendarWarning: () => calendarCoverageWarning(calendar, systemClock.now(), calendarSettings),
  });
  const background = await startBackground({
    config,
    handle,
    engine,
    calendar,
    clock: systemClock,
    logger,
    calendarSettings,
  });
  nudge = (instanceId) => background.nudge(instanceId);
  webhooksNudge = () => background.webhooks?.nudge();
  mountMailActions(app, background.mail);
  calendarRoutes(app, {
    engine,
    logger,
    calendar,
    deadlines: openDeadlinesFromReader(handle.store.read),
    audit: adminAuditLog(handle.store.read),
    // Moved timers are mirrored again (BullMQ: the delayed job of a moved timer).
    recompute: engineRecompute(engine, handle.store.read, (id) => nudge(id)),
    clock: systemClock,
    settings: calendarSettings,
  });
  if (config.demo) mountDemoLogin(app, tokens);
  return {
    config,
    handle,
    engine,
    tokens,
    app,
    background,
    close: async () => {
      await redis?.close();
      await background.stop();
      await handle.close();
    },
  };
}
