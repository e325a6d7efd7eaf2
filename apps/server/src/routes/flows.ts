import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../app-env.js';
import { flowCatalog } from '../flows/flow-catalog.js';
import { errorResponses, json } from '../schemas/common.js';
import { flowSchema } from '../schemas/flow.js';

const list = createRoute({
  method: 'get',
  path: '/api/flows',
  operationId: 'listFlows',
  tags: ['flows'],
  security: [{ bearer: [] }],
  summary: 'Every version of every flow: states, events per state, who acts, a diagram',
  responses: {
    200: { description: 'the flows', content: json(z.object({ items: z.array(flowSchema) })) },
    ...errorResponses,
  },
});

export function flowRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  // Flows are code: describe them once. A flow registered later (v2) is picked up on restart.
  let catalog: ReturnType<typeof flowCatalog> | undefined;
  app.openapi(list, (c) => {
    catalog ??= flowCatalog(deps.engine.flows.list());
    return c.json({ items: catalog }, 200);
  });
}
