import type { RedisStatus } from '@certflow/queue';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../app-env.js';
import { errorSchema, json } from '../schemas/common.js';

/** A check answers within this long, whatever is down (a pool waiting to reconnect included). */
const CHECK_TIMEOUT_MS = 1500;

const check = z.union([
  z.object({ ok: z.literal(true), ms: z.number() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

const calendarWarning = z
  .object({
    code: z.literal('CALENDAR_NEXT_YEAR_NOT_COVERED'),
    year: z.number().int().openapi({ example: 2027 }),
    since: z
      .string()
      .openapi({ description: 'the Beijing day the warning started', example: '2026-11-01' }),
    message: z.string(),
    messageEn: z.string(),
  })
  .openapi('CalendarCoverageWarning');

const report = z.object({
  ok: z.boolean(),
  driver: z.enum(['postgres', 'embedded']),
  redis: check.optional().openapi({ description: 'with REDIS_URL: the BullMQ relay’s Redis' }),
  degraded: z
    .boolean()
    .optional()
    .openapi({ description: 'Redis is down: commands are accepted, their delivery waits' }),
  calendar: z
    .object({ warning: calendarWarning.nullable() })
    .optional()
    .openapi({
      description:
        'From 1 November (CERTFLOW_CALENDAR_WARN_FROM) while next year has no holiday table: ' +
        'the warning (still 200: deadlines in that year are provisional, counted on weekends alone)',
    }),
});

const health = createRoute({
  method: 'get',
  path: '/healthz',
  operationId: 'health',
  tags: ['operations'],
  security: [],
  summary: 'Liveness: PostgreSQL (and Redis with REDIS_URL), each within 1.5 s (no token needed)',
  description:
    'PostgreSQL holds every command, so the server is up (200) while it answers; with REDIS_URL ' +
    'Redis is reported too, and its loss only degrades delivery (200, `degraded: true`). ' +
    '`calendar.warning`: next year has no holiday table yet (docs/calendar.md).',
  responses: {
    200: { description: 'up (perhaps degraded)', content: json(report) },
    404: {
      description: 'ROUTE_NOT_FOUND: any other method on this path',
      content: json(errorSchema),
    },
    503: { description: 'the database does not answer', content: json(report) },
  },
});

async function timed(fn: () => Promise<unknown>): Promise<RedisStatus> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)),
          CHECK_TIMEOUT_MS,
        );
      }),
    ]);
    return { ok: true, ms: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

export function healthRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(health, async (c) => {
    const probe = deps.redis;
    const [database, redis] = await Promise.all([
      timed(() => deps.store.read.getInstance('healthz')),
      probe
        ? timed(async () => {
            const status = await probe.check();
            if (!status.ok) throw new Error(status.error);
          })
        : undefined,
    ]);
    if (!database.ok || redis?.ok === false) {
      deps.logger.warn({ database, redis }, 'health check: something is down');
    }
    const body = {
      ok: database.ok,
      driver: deps.driver,
      ...(redis ? { redis } : {}),
      ...(redis?.ok === false ? { degraded: true } : {}),
      ...(deps.calendarWarning ? { calendar: { warning: deps.calendarWarning() } } : {}),
    };
    return database.ok ? c.json(body, 200) : c.json(body, 503);
  });
}
