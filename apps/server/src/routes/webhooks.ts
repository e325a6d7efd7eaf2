import { refuse } from '@certflow/engine';
import { urlProblem, webhookStore } from '@certflow/webhooks';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { assertMayAct } from '../access/read-access.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { ApiError } from '../http/api-error.js';
import { commandErrorResponses, errorResponses, json } from '../schemas/common.js';
import {
  deliveriesQuery,
  deliveryListSchema,
  deliveryParams,
  deliverySchema,
  webhookBody,
  webhookListSchema,
  webhookParams,
  webhookPatch,
  webhookSchema,
} from '../schemas/webhooks.js';

const tags = ['webhooks'];
const security = [{ bearer: [] }];

/** Who manages webhooks: 教务处 (academic affairs), the pilot's administering office. */
export const WEBHOOK_ROLES: readonly string[] = ['academic_affairs'];

export const WEBHOOK_URL_REFUSED = {
  zh: '不能向内网、本机或无法解析的地址发送 webhook（管理员可设置 CERTFLOW_WEBHOOK_ALLOW_PRIVATE=1）',
  en: 'Webhooks may not target private, loopback or unresolvable addresses (CERTFLOW_WEBHOOK_ALLOW_PRIVATE=1 allows private ones)',
};

const create = createRoute({
  operationId: 'createWebhook',
  method: 'post',
  path: '/api/webhooks',
  tags,
  security,
  summary: 'Subscribe a URL to the change feed (academic_affairs)',
  request: { body: { content: json(webhookBody), required: true } },
  responses: {
    201: { description: 'subscribed', content: json(webhookSchema) },
    ...commandErrorResponses,
  },
});
const list = createRoute({
  operationId: 'listWebhooks',
  method: 'get',
  path: '/api/webhooks',
  tags,
  security,
  summary: 'Every webhook subscription (academic_affairs)',
  responses: {
    200: { description: 'the subscriptions', content: json(webhookListSchema) },
    ...errorResponses,
  },
});
const get = createRoute({
  operationId: 'getWebhook',
  method: 'get',
  path: '/api/webhooks/{id}',
  tags,
  security,
  summary: 'One webhook subscription',
  request: { params: webhookParams },
  responses: {
    200: { description: 'the subscription', content: json(webhookSchema) },
    ...errorResponses,
  },
});
const patch = createRoute({
  operationId: 'updateWebhook',
  method: 'patch',
  path: '/api/webhooks/{id}',
  tags,
  security,
  summary: 'Change a subscription; `active: true` re-enables a disabled one',
  request: { params: webhookParams, body: { content: json(webhookPatch), required: true } },
  responses: {
    200: { description: 'changed', content: json(webhookSchema) },
    ...commandErrorResponses,
  },
});
const remove = createRoute({
  operationId: 'deleteWebhook',
  method: 'delete',
  path: '/api/webhooks/{id}',
  tags,
  security,
  summary: 'Delete a subscription and its delivery log',
  request: { params: webhookParams },
  responses: {
    200: { description: 'deleted', content: json(z.object({ deleted: z.literal(true) })) },
    ...errorResponses,
  },
});
const deliveries = createRoute({
  operationId: 'listWebhookDeliveries',
  method: 'get',
  path: '/api/webhooks/{id}/deliveries',
  tags,
  security,
  summary: 'The delivery log of a subscription, newest first',
  request: { params: webhookParams, query: deliveriesQuery },
  responses: {
    200: { description: 'deliveries', content: json(deliveryListSchema) },
    ...errorResponses,
  },
});
const redeliver = createRoute({
  operationId: 'redeliverWebhook',
  method: 'post',
  path: '/api/webhooks/{id}/deliveries/{deliveryId}/redeliver',
  tags,
  security,
  summary: 'Send a delivery again (now, attempts from zero)',
  request: { params: deliveryParams },
  responses: {
    200: { description: 'queued again', content: json(deliverySchema) },
    ...commandErrorResponses,
  },
});

const webhookNotFound = () =>
  refuse('NOT_FOUND', undefined, { zh: '没有该 webhook 订阅', en: 'No such webhook' });

/** `/api/webhooks` (docs/http-api.md § Webhooks). */
export function webhookRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const store = webhookStore(deps.db);
  const allowPrivate = deps.webhooks?.allowPrivate ?? false;
  const manager = (actor: AppEnv['Variables']['actor']) => {
    assertMayAct(actor);
    if (!actor.roles.some((r) => WEBHOOK_ROLES.includes(r))) {
      throw refuse('NOT_AUTHORIZED', { requires: WEBHOOK_ROLES.join('|') });
    }
    return actor;
  };
  const checkUrl = async (url: string) => {
    const problem = await urlProblem(url, allowPrivate);
    if (problem) throw new ApiError(400, 'WEBHOOK_URL_REFUSED', WEBHOOK_URL_REFUSED, { problem });
  };

  app.openapi(create, async (c) => {
    const actor = manager(c.get('actor'));
    const body = c.req.valid('json');
    await checkUrl(body.url);
    const sub = await store.create({
      ...body,
      ownerId: actor.id,
      ownerEmail: actor.email ?? null,
    });
    deps.logger.info({ actor: actor.id, webhook: sub.id, url: sub.url }, 'webhook created');
    return c.json(sub, 201);
  });

  app.openapi(list, async (c) => {
    manager(c.get('actor'));
    return c.json({ items: await store.list() }, 200);
  });

  app.openapi(get, async (c) => {
    manager(c.get('actor'));
    const sub = await store.get(c.req.valid('param').id);
    if (!sub) throw webhookNotFound();
    return c.json(sub, 200);
  });

  app.openapi(patch, async (c) => {
    const actor = manager(c.get('actor'));
    const body = c.req.valid('json');
    if (body.url !== undefined) await checkUrl(body.url);
    const sub = await store.update(c.req.valid('param').id, body);
    if (!sub) throw webhookNotFound();
    deps.logger.info({ actor: actor.id, webhook: sub.id, active: sub.active }, 'webhook changed');
    deps.webhooks?.nudge?.();
    return c.json(sub, 200);
  });

  app.openapi(remove, async (c) => {
    const actor = manager(c.get('actor'));
    const id = c.req.valid('param').id;
    if (!(await store.remove(id))) throw webhookNotFound();
    deps.logger.info({ actor: actor.id, webhook: id }, 'webhook deleted');
    return c.json({ deleted: true as const }, 200);
  });

  app.openapi(deliveries, async (c) => {
    manager(c.get('actor'));
    const { id } = c.req.valid('param');
    if (!(await store.get(id))) throw webhookNotFound();
    const q = c.req.valid('query');
    return c.json({ items: await store.deliveries(id, q) }, 200);
  });

  app.openapi(redeliver, async (c) => {
    manager(c.get('actor'));
    const { id, deliveryId } = c.req.valid('param');
    const delivery = await store.redeliver(id, deliveryId);
    if (!delivery) throw webhookNotFound();
    deps.webhooks?.nudge?.();
    return c.json(delivery, 200);
  });
}
