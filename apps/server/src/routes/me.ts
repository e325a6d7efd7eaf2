import { createLists } from '@certflow/db';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../app-env.js';
import { todoOwnerOf } from '../http/present-lists.js';
import { errorResponses, json } from '../schemas/common.js';
import { countsSchema, meSchema } from '../schemas/me.js';

const secured = { security: [{ bearer: [] }], tags: ['me'] };

const me = createRoute({
  ...secured,
  method: 'get',
  path: '/api/me',
  operationId: 'me',
  summary: 'Who the caller is: id, name, roles, college (as the server resolved the token)',
  responses: { 200: { description: 'the caller', content: json(meSchema) }, ...errorResponses },
});

const counts = createRoute({
  ...secured,
  method: 'get',
  path: '/api/me/counts',
  operationId: 'myCounts',
  summary: 'The counts of 待办, 已办, 我发起的, 抄送我的 (待阅 and all) and the overdue 待办',
  responses: { 200: { description: 'the counts', content: json(countsSchema) }, ...errorResponses },
});

export function meRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const lists = createLists(deps.db);

  app.openapi(me, (c) => {
    const actor = c.get('actor');
    return c.json(
      {
        id: actor.id,
        name: actor.name ?? null,
        email: actor.email ?? null,
        roles: [...actor.roles],
        college: actor.college ?? null,
        organization: actor.organization ?? null,
      },
      200,
    );
  });

  app.openapi(counts, async (c) => {
    const counts = await lists.counts(todoOwnerOf(c.get('actor')), new Date());
    return c.json({ ...counts, atLeast: [...counts.atLeast] }, 200);
  });
}
