import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../app-env.js';
import { json } from '../schemas/common.js';

const health = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['operations'],
  summary: 'Liveness and database reachability (no token needed)',
  responses: {
    200: { description: 'up', content: json(z.object({ ok: z.boolean(), driver: z.enum(['postgres', 'pglite']) })) },
    503: { description: 'the database does not answer', content: json(z.object({ ok: z.boolean(), driver: z.enum(['postgres', 'pglite']) })) },
  },
});

export function healthRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(health, async (c) => {
    try {
      await deps.store.read.getInstance('healthz');
      return c.json({ ok: true, driver: deps.driver }, 200);
    } catch (error) {
      deps.logger.warn({ err: error }, 'health check failed');
      return c.json({ ok: false, driver: deps.driver }, 503);
    }
  });
}
