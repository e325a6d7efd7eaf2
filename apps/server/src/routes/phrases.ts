import { createDraftStore } from '@certflow/db';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../app-env.js';
import { commandErrorResponses, errorResponses, json } from '../schemas/common.js';
import { phrasesBody } from '../schemas/drafts.js';

const tags = ['me'];
const security = [{ bearer: [] }];

const get = createRoute({
  operationId: 'getPhrases',
  method: 'get',
  path: '/api/me/phrases',
  tags,
  security,
  summary: '常用意见: my common phrases for opinions, in my order',
  responses: {
    200: { description: 'the phrases', content: json(phrasesBody) },
    ...errorResponses,
  },
});

const put = createRoute({
  operationId: 'putPhrases',
  method: 'put',
  path: '/api/me/phrases',
  tags,
  security,
  summary: '常用意见: replace my common phrases (at most 50, duplicates dropped)',
  request: { body: { content: json(phrasesBody), required: true } },
  responses: {
    200: { description: 'stored', content: json(phrasesBody) },
    ...commandErrorResponses,
  },
});

/** 常用意见: one row per person; nobody reads another's. */
export function phraseRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const store = createDraftStore(deps.db);
  app.openapi(get, async (c) => c.json({ items: await store.phrasesOf(c.get('actor').id) }, 200));
  app.openapi(put, async (c) => {
    const items = [...new Set(c.req.valid('json').items)];
    return c.json({ items: await store.putPhrases(c.get('actor').id, items, new Date()) }, 200);
  });
}
