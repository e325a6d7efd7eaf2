import { InvalidCursorError, readFeed, type FeedPage } from '@certflow/db';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { visibleTo } from '../access/read-access.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { ApiError } from '../http/api-error.js';
import { errorResponses, json } from '../schemas/common.js';
import { eventsQuery, feedPageSchema } from '../schemas/events.js';

const list = createRoute({
  operationId: 'listEvents',
  method: 'get',
  path: '/api/events',
  tags: ['change feed'],
  security: [{ bearer: [] }],
  summary: 'The change feed: what happened, in commit order, after a cursor (long-poll with wait)',
  request: { query: eventsQuery },
  responses: {
    200: { description: 'a page of events', content: json(feedPageSchema) },
    ...errorResponses,
  },
});

export const INVALID_CURSOR = {
  zh: '游标无效：请使用上一页返回的 cursor',
  en: 'Invalid cursor: pass the cursor of a previous page',
};

/** How often a long-poll looks again. */
const POLL_MS = 250;

/**
 * `GET /api/events` (docs/http-api.md § Change feed): the events of the instances the caller may
 * read (the same rule as `GET /api/instances/{id}`), after `after`, in commit order.
 */
export function eventRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(list, async (c) => {
    const actor = c.get('actor');
    const q = c.req.valid('query');
    const read = async (): Promise<FeedPage> => {
      try {
        return await readFeed(deps.db, {
          after: q.after ?? '',
          limit: q.limit,
          where: visibleTo(deps.db, actor),
          flows: q.flow,
          types: q.type,
        });
      } catch (error) {
        if (error instanceof InvalidCursorError) {
          throw new ApiError(400, 'INVALID_CURSOR', INVALID_CURSOR, { after: q.after });
        }
        throw error;
      }
    };
    let page = await read();
    const until = Date.now() + q.wait * 1000;
    const signal = c.req.raw.signal;
    while (page.events.length === 0 && Date.now() < until && !signal.aborted) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      page = await read();
    }
    c.header('Cache-Control', 'no-store');
    return c.json(page, 200);
  });
}
