import { createLists } from '@certflow/db';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../app-env.js';
import { presentTodo, todoOwnerOf } from '../http/present-lists.js';
import { errorResponses, json } from '../schemas/common.js';
import { listPageOf, listQuery, todoItemSchema } from '../schemas/lists.js';
import { filterOf, pageAnswer, pageOfQuery } from './lists.js';

const inbox = createRoute({
  method: 'get',
  path: '/api/tasks',
  operationId: 'inbox',
  tags: ['tasks', 'lists'],
  security: [{ bearer: [] }],
  summary:
    "待办: the caller's inbox — open tasks of their roles and scope, oldest deadline first; filtered, searched, paged",
  request: { query: listQuery },
  responses: {
    200: { description: 'a page', content: json(listPageOf(todoItemSchema, 'InboxPage')) },
    ...errorResponses,
  },
});

export function taskRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const lists = createLists(deps.db);
  app.openapi(inbox, async (c) => {
    const q = c.req.valid('query');
    const now = new Date();
    const page = await lists.todo(todoOwnerOf(c.get('actor')), filterOf(q), pageOfQuery(q), now);
    return c.json(
      pageAnswer(
        page.items.map((t) => presentTodo(t, now, deps.engine.flows)),
        page,
        q,
      ),
      200,
    );
  });
}
