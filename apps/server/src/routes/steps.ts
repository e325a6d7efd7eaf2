import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { assertMayRead, notFound } from '../access/read-access.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { stepStates } from '../http/step-states.js';
import { errorResponses, idParam, json } from '../schemas/common.js';
import { stepsSchema } from '../schemas/operations.js';

const security = [{ bearer: [] }];

/** `GET /api/instances/{id}/steps`: each step decided or open, with its votes (docs/http-api.md). */
const steps = createRoute({
  operationId: 'getSteps',
  method: 'get',
  path: '/api/instances/{id}/steps',
  tags: ['operations'],
  security,
  summary: 'Each step decided or open: who decided, who is pending, the votes of 会签/依次',
  request: { params: idParam },
  responses: { 200: { description: 'the steps', content: json(stepsSchema) }, ...errorResponses },
});

export function stepRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(steps, async (c) => {
    const { id } = c.req.valid('param');
    await assertMayRead(deps.db, c.get('actor'), id);
    const row = await deps.store.read.getInstance(id);
    if (!row) throw notFound();
    const open = await deps.store.read.openTasks(id);
    const flow = deps.engine.flows.get(row.flowId, row.flowVersion);
    const ids = new Set<string>([
      ...row.decisions.map((d) => d.actorId),
      ...open.flatMap((t) => (t.assignee ? [t.assignee] : [])),
      ...Object.values(row.steps).flatMap((p) =>
        p.rounds.flatMap((r) => [
          ...r.approved,
          ...(r.against ?? []),
          ...r.slots.flatMap((s) => (s.kind === 'person' ? [s.id] : [])),
        ]),
      ),
    ]);
    const names = new Map<string, string>();
    await Promise.all(
      [...ids].map(async (pid) => {
        const p = await deps.directory.getUser(pid);
        if (p) names.set(pid, p.name);
      }),
    );
    const items = stepStates(flow, row, open, (pid) => names.get(pid) ?? null);
    return c.json({ instanceId: row.id, version: row.version, items }, 200);
  });
}
