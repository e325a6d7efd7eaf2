import type { AddressInfo } from 'node:net';
import {
  calendarCoverageWarning,
  DEFAULT_CALENDAR_SETTINGS,
  loadBusinessCalendar,
  openDeadlinesFromReader,
  adminAuditLog,
  engineRecompute,
  type RefreshableCalendar,
} from '@certflow/calendar';
import { CertflowClient } from '@certflow/client';
import { createTestPostgres, type TestPostgres } from '@certflow/db/testing';
import { ManualClock } from '@certflow/engine';
import { people, type PersonKey } from '@certflow/pilot/testing';
import { serve, type ServerType } from '@hono/node-server';
import pino from 'pino';
import { fingerprint } from './school-state.js';
import { createApp, engineFor, TokenService } from '../../src/index.js';
import { calendarRoutes } from '../../src/routes/calendar.js';
import { claimsOf, TEST_SECRET } from './api-world.js';

/** A real HTTP server with the calendar routes over a fresh PostgreSQL database, at `clock`. */
export interface CalendarWorld {
  readonly url: string;
  readonly pg: TestPostgres;
  readonly calendar: RefreshableCalendar;
  readonly clock: ManualClock;
  as(who: PersonKey): CertflowClient;
  token(who: PersonKey): string;
  /** Every row of every table: equal before and after = nothing changed. */
  fingerprint(): Promise<string>;
  close(): Promise<void>;
}

export async function startCalendarWorld(now: string): Promise<CalendarWorld> {
  const pg = await createTestPostgres();
  for (const p of Object.values(people)) {
    await pg.directory.upsertUser({
      ...p,
      roles: [...p.roles],
      college: 'college' in p ? p.college : null,
    });
  }
  const clock = new ManualClock(now);
  const calendar = await loadBusinessCalendar(pg.store.read);
  const tokens = new TokenService(TEST_SECRET);
  const logger = pino({ level: 'silent' });
  const engine = engineFor(pg, calendar, { clock });
  const app = createApp({
    engine,
    store: pg.store,
    directory: pg.directory,
    db: pg.db,
    driver: 'postgres',
    tokens,
    logger,
    calendarWarning: () => calendarCoverageWarning(calendar, clock.now()),
  });
  calendarRoutes(app, {
    engine,
    logger,
    calendar,
    deadlines: openDeadlinesFromReader(pg.store.read),
    audit: adminAuditLog(pg.store.read),
    recompute: engineRecompute(engine, pg.store.read),
    clock,
    settings: DEFAULT_CALENDAR_SETTINGS,
  });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const signed = new Map<PersonKey, string>();
  for (const who of Object.keys(people) as PersonKey[]) {
    // The engine runs at `clock`; the server checks tokens against the real time.
    signed.set(who, await tokens.sign(claimsOf(who), 3600));
  }
  const token = (who: PersonKey): string => signed.get(who) ?? '';
  return {
    url,
    pg,
    calendar,
    clock,
    token,
    as: (who) => new CertflowClient({ baseUrl: url, token: token(who) }),
    fingerprint: () => fingerprint(pg.db),
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pg.drop();
    },
  };
}
