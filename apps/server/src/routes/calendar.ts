import {
  calendarCoverageWarning,
  calendarOverview,
  importCalendarTable,
  yearDays,
  type CalendarAuditLog,
  type CalendarImportAudit,
  type CalendarSettings,
  type DeadlineRecompute,
  type OpenDeadlineSource,
  type RecomputeSummary,
  type RefreshableCalendar,
  type TableDiff,
} from '@certflow/calendar';
import { isDomainError, refuse, type Clock, type Engine } from '@certflow/engine';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Logger } from 'pino';
import { assertMayAct, readsEverything } from '../access/read-access.js';
import type { AppEnv } from '../app-env.js';
import {
  calendarFileSchema,
  calendarImportQuery,
  calendarImportSchema,
  calendarOverviewSchema,
  calendarYearParams,
  calendarYearSchema,
} from '../schemas/calendar.js';
import { commandErrorResponses, errorResponses, json } from '../schemas/common.js';

/** What the calendar routes need (mounted by `calendarRoutes(app, deps)` in app.ts). */
export interface CalendarRouteDeps {
  /** Reads the stored tables; writes one with its audit entry (version-checked). */
  readonly engine: Pick<Engine, 'reference' | 'putReference'>;
  readonly logger: Logger;
  /** The calendar the engine runs on: refreshed right after an import made here. */
  readonly calendar: RefreshableCalendar;
  /** Open deadlines by year (the store's query, or `openDeadlinesFromReader(store.read)`). */
  readonly deadlines: OpenDeadlineSource;
  readonly audit: CalendarAuditLog;
  /** The engine's recompute after an import; null only where no engine runs commands. */
  readonly recompute: DeadlineRecompute | null;
  readonly clock: Clock;
  readonly settings: Pick<CalendarSettings, 'warnFrom'>;
}

const tags = ['calendar'];
const security = [{ bearer: [] }];

const overview = createRoute({
  method: 'get',
  path: '/api/calendar',
  operationId: 'getCalendar',
  tags,
  security,
  summary: 'Covered years (official or provisional, and where each table comes from)',
  responses: {
    200: { description: 'the years', content: json(calendarOverviewSchema) },
    ...errorResponses,
  },
});

const year = createRoute({
  method: 'get',
  path: '/api/calendar/{year}',
  operationId: 'getCalendarYear',
  tags,
  security,
  summary:
    "Every day of a year: working day, weekend, holiday or make-up working day, with the holiday's name",
  request: { params: calendarYearParams },
  responses: {
    200: { description: 'the year', content: json(calendarYearSchema) },
    ...errorResponses,
  },
});

const put = createRoute({
  method: 'put',
  path: '/api/calendar/{year}',
  operationId: 'importCalendarYear',
  tags,
  security,
  summary: "Import a year's official holiday table (academic_affairs only; ?dryRun=1 previews)",
  description:
    'The body is the table file (docs/calendar.md), checked as a whole: any problem refuses it with ' +
    'the line of each (400 VALIDATION_FAILED for a malformed file, 422 CALENDAR_TABLE_INVALID for a ' +
    'table the rules refuse) and nothing changes. Otherwise the table replaces the year, the load is ' +
    'audited, the calendar refreshed and the open deadlines it moves recomputed.',
  request: {
    params: calendarYearParams,
    query: calendarImportQuery,
    // A reference, not a zod schema: the route reads the text itself to name lines.
    body: {
      content: { 'application/json': { schema: { $ref: '#/components/schemas/CalendarFile' } } },
      required: true,
    },
  },
  responses: {
    200: { description: 'imported (or previewed)', content: json(calendarImportSchema) },
    ...commandErrorResponses,
  },
});

/** Fresh, mutable copies for the JSON answers. */
const presentDiff = (d: TableDiff) => ({
  added: d.added.map((a) => ({ ...a })),
  removed: d.removed.map((r) => ({ ...r })),
  renamed: d.renamed.map((r) => ({ ...r })),
  before: d.before,
});
const presentAudit = (a: CalendarImportAudit) => ({
  ...a,
  by: { ...a.by },
  diff: presentDiff(a.diff),
});

export function calendarRoutes(app: OpenAPIHono<AppEnv>, deps: CalendarRouteDeps): void {
  app.openAPIRegistry.register('CalendarFile', calendarFileSchema);

  app.openapi(overview, (c) => {
    const now = deps.clock.now();
    const { workdayStart, workdayEnd } = deps.calendar.settings;
    return c.json(
      {
        years: calendarOverview(deps.calendar, deps.calendar.stored(), now),
        warning: calendarCoverageWarning(deps.calendar, now, deps.settings),
        workday: { start: workdayStart, end: workdayEnd },
      },
      200,
    );
  });

  app.openapi(year, async (c) => {
    const { year: y } = c.req.valid('param');
    const status = calendarOverview(deps.calendar, deps.calendar.stored(), deps.clock.now()).find(
      (s) => s.year === y,
    );
    const days = yearDays(deps.calendar, y).map((d) => ({
      date: d.date,
      weekday: d.weekday,
      kind: d.kind,
      ...(d.name ? { name: { zh: d.name.zh, en: d.name.en } } : {}),
    }));
    const imports = readsEverything(c.get('actor'))
      ? (await deps.audit.list(y)).map(presentAudit)
      : [];
    return c.json(
      {
        year: y,
        status: status?.status ?? 'provisional',
        origin: status?.origin ?? null,
        source: status?.source ?? null,
        imported: status?.imported ?? null,
        days,
        imports,
      },
      200,
    );
  });

  app.openapi(put, async (c) => {
    const actor = c.get('actor');
    assertMayAct(actor);
    if (!actor.roles.includes('academic_affairs')) {
      throw refuse('NOT_AUTHORIZED', { requires: 'academic_affairs' });
    }
    const { year: y } = c.req.valid('param');
    const dryRun = ['1', 'true'].includes(c.req.valid('query').dryRun ?? '');
    const text = await c.req.text();
    const who = { id: actor.id, name: actor.name ?? null };
    let result;
    try {
      result = await importCalendarTable(deps, {
        text,
        year: y,
        actor: who,
        now: deps.clock.now(),
        dryRun,
      });
    } catch (error) {
      if (isDomainError(error)) {
        deps.logger.info(
          { actor: actor.id, year: y, code: error.code, details: error.details },
          'calendar import refused',
        );
      }
      throw error;
    }
    let recomputed: RecomputeSummary | null = null;
    if (!dryRun && deps.recompute) {
      recomputed = await deps.recompute.recomputeDeadlines(deps.calendar, y);
    }
    deps.logger.info(
      {
        actor: actor.id,
        year: y,
        dryRun,
        sha256: result.sha256,
        moved: result.deadlines.length,
        recomputed,
      },
      dryRun ? 'calendar import previewed' : 'calendar imported',
    );
    return c.json(
      {
        year: result.year,
        dryRun,
        sha256: result.sha256,
        diff: presentDiff(result.diff),
        deadlines: result.deadlines.map((m) => ({ ...m, provisional: { ...m.provisional } })),
        audit: result.audit && presentAudit(result.audit),
        recomputed,
      },
      200,
    );
  });
}
