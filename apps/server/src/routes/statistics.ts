import { refuse, type JsonObject } from '@certflow/engine';
import { instances, referenceData, type Database } from '@certflow/db';
import {
  LEDGER_REF,
  PROJECT_REF,
  schoolStatistics,
  statisticsCsv,
  statisticsXlsx,
  type StatisticsSource,
} from '@certflow/pilot';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { readsEverything } from '../access/read-access.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { errorResponses, json } from '../schemas/common.js';
import { statisticsQuery, statisticsSchema } from '../schemas/statistics.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const get = createRoute({
  method: 'get',
  path: '/api/statistics',
  operationId: 'getStatistics',
  tags: ['statistics'],
  security: [{ bearer: [] }],
  summary: "The school's 1+X pilot statistics of a year (第五条4, 第十四条), JSON, CSV or XLSX",
  description:
    'Projects, students trained, pass rates and spending against budget, per college and certificate, per college and for the school; school-wide readers only (academic_affairs, leadership, finance, auditor).',
  request: { query: statisticsQuery },
  responses: {
    200: {
      description: 'the statistics',
      content: {
        ...json(statisticsSchema),
        'text/csv': { schema: z.string() },
        [XLSX]: { schema: z.string().openapi({ format: 'binary' }) },
      },
    },
    ...errorResponses,
  },
});

/** The year's project records, their ledgers and their assessment cycles, as stored. */
export async function statisticsSource(db: Database, year: number): Promise<StatisticsSource> {
  const projects = await db
    .select({ key: referenceData.key, value: referenceData.value })
    .from(referenceData)
    .where(
      and(
        eq(referenceData.kind, PROJECT_REF),
        sql`${referenceData.value} ->> 'year' = ${String(year)}`,
      ),
    );
  const ids = projects.map((p) => p.key);
  if (ids.length === 0) return { year, projects: [], ledgers: {}, assessments: [] };
  const ledgers = await db
    .select({ key: referenceData.key, value: referenceData.value })
    .from(referenceData)
    .where(and(eq(referenceData.kind, LEDGER_REF), inArray(referenceData.key, ids)));
  const cycles = await db
    .select({ projectId: instances.subjectId, snapshot: instances.snapshot })
    .from(instances)
    .where(
      and(
        eq(instances.flowId, 'assessment'),
        inArray(instances.subjectId, ids),
        notInArray(instances.status, ['rejected', 'withdrawn']),
      ),
    );
  return {
    year,
    projects: projects.map((p) => p.value),
    ledgers: Object.fromEntries(ledgers.map((l) => [l.key, l.value])),
    assessments: cycles.map((c) => ({
      projectId: c.projectId ?? '',
      context: (c.snapshot as { context?: JsonObject }).context ?? {},
    })),
  };
}

/** `GET /api/statistics?year=&format=` — 教务处's statistics, exportable as CSV and XLSX. */
export function statisticsRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(get, async (c) => {
    const actor = c.get('actor');
    if (!readsEverything(actor)) throw refuse('NOT_AUTHORIZED', { requires: 'school-wide reader' });
    const { year, format } = c.req.valid('query');
    const stats = schoolStatistics(await statisticsSource(deps.db, year));
    const file = `pilot-statistics-${year}`;
    if (format === 'csv') {
      return c.body(statisticsCsv(stats), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${file}.csv"`,
      });
    }
    if (format === 'xlsx') {
      return c.body((await statisticsXlsx(stats)) as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': XLSX,
        'Content-Disposition': `attachment; filename="${file}.xlsx"`,
      });
    }
    return c.json(stats, 200);
  });
}
