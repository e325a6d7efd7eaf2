import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { assertMayRead, hidingMissing } from '../access/read-access.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { validationFailed } from '../http/error-handler.js';
import { presentPreview } from '../http/present-preview.js';
import { commandErrorResponses, errorResponses, idParam, json } from '../schemas/common.js';
import { flowIdParam, previewSchema, previewStartBody } from '../schemas/operations.js';

const security = [{ bearer: [] }];

/** 流程预览 of an instance and of an application before it is submitted (docs/http-api.md). */
const preview = createRoute({
  operationId: 'previewInstance',
  method: 'get',
  path: '/api/instances/{id}/preview',
  tags: ['operations'],
  security,
  summary: '流程预览: the steps ahead, who can act (substitutes applied), by when and why',
  request: { params: idParam },
  responses: {
    200: { description: 'the route ahead', content: json(previewSchema) },
    ...errorResponses,
  },
});

const previewFlow = createRoute({
  operationId: 'previewStart',
  method: 'post',
  path: '/api/flows/{flowId}/preview',
  tags: ['operations'],
  security,
  summary: '流程预览 of an application before it is submitted (refused as its start would be)',
  request: { params: flowIdParam, body: { content: json(previewStartBody), required: true } },
  responses: {
    200: { description: 'the route it would take', content: json(previewSchema) },
    ...commandErrorResponses,
  },
});

export function previewRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(preview, async (c) => {
    const { id } = c.req.valid('param');
    await assertMayRead(deps.db, c.get('actor'), id);
    const route = await hidingMissing(() => deps.engine.preview(id));
    return c.json(presentPreview(route), 200);
  });

  app.openapi(previewFlow, async (c) => {
    const actor = c.get('actor');
    const { flowId } = c.req.valid('param');
    const { input } = c.req.valid('json');
    const parsed = deps.engine.flows.latest(flowId).input.safeParse(input);
    if (!parsed.success) throw validationFailed('input', parsed.error.issues);
    const route = await deps.engine.previewStart(flowId, input, actor);
    return c.json(presentPreview(route), 200);
  });
}
