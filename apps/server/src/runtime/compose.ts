import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { openPglite, openPostgres, type DbHandle } from '@certflow/db';
import {
  createEngine,
  type AnyFlow,
  type BusinessCalendar,
  type Clock,
  type Engine,
  type Store,
} from '@certflow/engine';
import { loadBusinessCalendar } from '@certflow/calendar';
import { mountMailActions } from '../routes/mail-actions.js';
import { createPilotFlows, pilotFlows } from '@certflow/pilot';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Logger } from 'pino';
import { createApp } from '../app.js';
import type { AppEnv } from '../app-env.js';
import { TokenService } from '../auth/token-service.js';
import type { ServerConfig } from '../config.js';
import { startBackground, type Background } from './background.js';
import { resolveJwtSecret } from './jwt-secret.js';

export const systemClock: Clock = { now: () => new Date() };

/**
 * The business calendar: Asia/Shanghai working days with statutory holidays and 调休
 * (`chinese-days`) plus the administrator's overrides stored as reference data. A deadline in a
 * year neither covers is refused with `CALENDAR_YEAR_NOT_COVERED` — never a guess.
 */
export function businessCalendar(handle: DbHandle<unknown>): Promise<BusinessCalendar> {
  return loadBusinessCalendar(handle.store.read);
}

/**
 * The engine over an open database (or a mail token's transaction), with the 1+X pilot flows
 * (by default with the default settings; the server passes `createPilotFlows(config.pilot.flows)`).
 */
export function engineFor(
  handle: DbHandle<unknown>,
  calendar: BusinessCalendar | undefined,
  options: { clock?: Clock; store?: Store; flows?: readonly AnyFlow[] } = {},
): Engine {
  const { clock = systemClock, store = handle.store, flows = pilotFlows } = options;
  return createEngine({
    store,
    flows,
    clock,
    ids: randomUUID,
    directory: handle.directory,
    ...(calendar ? { calendar } : {}),
  });
}

export async function openDatabase(config: ServerConfig): Promise<DbHandle<unknown>> {
  if (config.databaseUrl) {
    return openPostgres({ url: config.databaseUrl, max: config.databasePoolMax });
  }
  return openPglite({ dataDir: join(config.dataDir, 'pglite') });
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

/** Everything the server process runs, wired from the configuration (the one wiring module). */
export async function composeRuntime(config: ServerConfig, logger: Logger): Promise<Runtime> {
  const tokens = new TokenService(
    resolveJwtSecret({
      configured: config.jwtSecret,
      dataDir: config.dataDir,
      allowGenerated: config.databaseUrl === undefined,
    }),
  );
  let nudge: (instanceId: string) => void = () => undefined;
  const handle = await openDatabase(config);
  const calendar = await businessCalendar(handle);
  const flows = createPilotFlows(config.pilot.flows);
  const engine = engineFor(handle, calendar, { flows });
  const app = createApp({
    engine,
    store: handle.store,
    db: handle.db,
    driver: handle.driver,
    tokens,
    logger,
    bodyLimit: config.bodyLimit,
    afterCommand: (instanceId) => nudge(instanceId),
  });
  const background = await startBackground({
    config,
    handle,
    engine,
    engineFor: (store) => engineFor(handle, calendar, { store, flows }),
    calendar,
    clock: systemClock,
    logger,
  });
  nudge = (instanceId) => background.nudge(instanceId);
  mountMailActions(app, background.mail);
  return {
    config,
    handle,
    engine,
    tokens,
    app,
    background,
    close: async () => {
      await background.stop();
      await handle.close();
    },
  };
}
