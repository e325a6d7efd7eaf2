import { createLists, type ListFilter, type ListPage, type ListScan } from '@certflow/db';
import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../app-env.js';
import { httpError } from '../http/api-error.js';
import { presentCopy, presentDone, presentStarted } from '../http/present-lists.js';
import { commandErrorResponses, errorResponses, json } from '../schemas/common.js';
import {
  boundOf,
  copiesQuery,
  copyIdParam,
  copyItemSchema,
  copyReadSchema,
  doneItemSchema,
  listPageOf,
  listQuery,
  startedItemSchema,
} from '../schemas/lists.js';

/**
 * 已办, 我发起的, 抄送我的 and the 已阅 mark (docs/lists.md). Each list is the caller's own: their
 * decisions, their applications, the copies to them — never another person's or college's.
 */

type ListQuery = z.infer<typeof listQuery>;

/** The validated query → the store's filter and page. */
export function filterOf(q: ListQuery): ListFilter {
  return {
    flow: q.flow,
    status: q.status,
    college: q.college,
    from: q.from === undefined ? undefined : boundOf(q.from, false),
    to: q.to === undefined ? undefined : boundOf(q.to, true),
    overdue: q.overdue,
    keyword: q.keyword,
  };
}

export const pageOfQuery = (q: ListQuery): ListPage => ({
  limit: q.limit,
  offset: q.offset,
  order: q.order,
  scanFrom: q.scanFrom,
});

/** A page's answer: its items, the (bounded) total and the window it walked (docs/lists.md). */
export const pageAnswer = <T>(
  items: T[],
  page: { total: number; totalExact: boolean; scan: ListScan | null },
  q: ListQuery,
) => ({
  items,
  total: page.total,
  totalExact: page.totalExact,
  scan: page.scan,
  limit: q.limit,
  offset: q.offset,
});

const secured = { security: [{ bearer: [] }], tags: ['lists'] };

const done = createRoute({
  ...secured,
  method: 'get',
  path: '/api/me/done',
  operationId: 'doneList',
  summary: '已办: the decisions the caller made, newest first; filtered, searched, paged',
  request: { query: listQuery },
  responses: {
    200: { description: 'a page', content: json(listPageOf(doneItemSchema, 'DonePage')) },
    ...errorResponses,
  },
});

const started = createRoute({
  ...secured,
  method: 'get',
  path: '/api/me/started',
  operationId: 'startedList',
  summary: '我发起的: the instances the caller started, newest first; filtered, searched, paged',
  request: { query: listQuery },
  responses: {
    200: { description: 'a page', content: json(listPageOf(startedItemSchema, 'StartedPage')) },
    ...errorResponses,
  },
});

const copies = createRoute({
  ...secured,
  method: 'get',
  path: '/api/me/copies',
  operationId: 'copiesList',
  summary: '抄送我的: the instances copied to the caller (待阅 / 已阅), newest first',
  request: { query: copiesQuery },
  responses: {
    200: { description: 'a page', content: json(listPageOf(copyItemSchema, 'CopyPage')) },
    ...errorResponses,
  },
});

const markRead = createRoute({
  ...secured,
  method: 'post',
  path: '/api/me/copies/{id}/read',
  operationId: 'markCopyRead',
  summary: '已阅: marks a copy to the caller read (again: the first mark stays)',
  request: { params: copyIdParam },
  responses: {
    200: { description: 'read', content: json(copyReadSchema) },
    ...errorResponses,
    404: { description: 'COPY_NOT_FOUND', content: errorResponses[404].content },
    415: commandErrorResponses[415],
  },
});

export function listRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const lists = createLists(deps.db);

  app.openapi(done, async (c) => {
    const q = c.req.valid('query');
    const page = await lists.decided(c.get('actor').id, filterOf(q), pageOfQuery(q), new Date());
    return c.json(pageAnswer(page.items.map(presentDone), page, q), 200);
  });

  app.openapi(started, async (c) => {
    const q = c.req.valid('query');
    const page = await lists.started(c.get('actor').id, filterOf(q), pageOfQuery(q), new Date());
    return c.json(pageAnswer(page.items.map(presentStarted), page, q), 200);
  });

  app.openapi(copies, async (c) => {
    const q = c.req.valid('query');
    const page = await lists.copies(
      c.get('actor').id,
      { ...filterOf(q), read: q.read },
      pageOfQuery(q),
      new Date(),
    );
    return c.json(pageAnswer(page.items.map(presentCopy), page, q), 200);
  });

  app.openapi(markRead, async (c) => {
    const { id } = c.req.valid('param');
    const read = await lists.markCopyRead(c.get('actor').id, id, new Date());
    if (!read) throw httpError(404, 'COPY_NOT_FOUND');
    return c.json({ id, readAt: read.readAt.toISOString() }, 200);
  });
}
