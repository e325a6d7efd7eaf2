import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../app-env.js';
import { presentInboxTask } from '../http/present.js';
import { errorResponses, json, pageQuery } from '../schemas/common.js';
import { inboxTaskSchema, pageOf } from '../schemas/instance.js';

const inbox = createRoute({
  method: 'get',
  path: '/api/tasks',
  operationId: 'inbox',
  tags: ['tasks'],
  security: [{ bearer: [] }],
  summary: "The caller's inbox: open tasks of their roles and scope, oldest deadline first",
  request: { query: z.object(pageQuery) },
  responses: {
    200: { description: 'a page', content: json(pageOf(inboxTaskSchema, 'InboxPage')) },
    ...errorResponses,
  },
});

export function taskRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(inbox, async (c) => {
    const page = c.req.valid('query');
    const { items, total } = await deps.engine.inbox(c.get('actor'), page);
    const titles = new Map<string, string>();
    for (const t of items) {
      if (titles.has(t.instanceId)) continue;
      const row = await deps.store.read.getInstance(t.instanceId);
      titles.set(t.instanceId, row?.title ?? '');
    }
    return c.json(
      {
        items: items.map((t) => presentInboxTask(t, titles.get(t.instanceId) ?? '')),
        total,
        limit: page.limit,
        offset: page.offset,
      },
      200,
    );
  });
}
