import type { CommandEvent, JsonObject } from '@certflow/engine';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { listVisibleInstances } from '../access/list-instances.js';
import { assertMayAct, assertMayRead, hidingMissing } from '../access/read-access.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { validationFailed } from '../http/error-handler.js';
import { verifyInstance } from '../sheet/instance-verdict.js';
import { attachmentStoreOf, resolveAttachments } from './attachments.js';
import { ISSUE } from '../schemas/messages.js';
import { etagOf, parseIfMatch } from '../http/if-match.js';
import { presentHistory, presentInstance, presentSummary } from '../http/present.js';
import {
  commandErrorResponses,
  errorResponses,
  idParam,
  json,
  pageQuery,
} from '../schemas/common.js';
import {
  commandHeaders,
  eventBody,
  historySchema,
  instanceSchema,
  instanceSummarySchema,
  listQuery,
  pageOf,
  startBody,
  verdictSchema,
} from '../schemas/instance.js';

const security = [{ bearer: [] }];
const tags = ['instances'];

const start = createRoute({
  operationId: 'startInstance',
  method: 'post',
  path: '/api/instances',
  tags,
  security,
  summary: 'Start an instance of the newest version of a flow',
  request: {
    headers: commandHeaders.pick({ 'idempotency-key': true }),
    body: { content: json(startBody), required: true },
  },
  responses: {
    201: { description: 'started', content: json(instanceSchema) },
    ...commandErrorResponses,
  },
});

const send = createRoute({
  operationId: 'sendEvent',
  method: 'post',
  path: '/api/instances/{id}/events',
  tags,
  security,
  summary: 'Send an event (APPROVE, RETURN, REJECT, WITHDRAW, TRANSFER …) as the caller',
  request: {
    params: idParam,
    headers: commandHeaders,
    body: { content: json(eventBody), required: true },
  },
  responses: {
    200: { description: 'accepted', content: json(instanceSchema) },
    ...commandErrorResponses,
  },
});

const get = createRoute({
  operationId: 'getInstance',
  method: 'get',
  path: '/api/instances/{id}',
  tags,
  security,
  summary: 'An instance with its open tasks (ETag = version)',
  request: { params: idParam },
  responses: {
    200: { description: 'the instance', content: json(instanceSchema) },
    ...errorResponses,
  },
});

const historyRoute = createRoute({
  operationId: 'getHistory',
  method: 'get',
  path: '/api/instances/{id}/history',
  tags,
  security,
  summary: 'The append-only, hash-chained audit trail',
  request: { params: idParam },
  responses: {
    200: {
      description: 'oldest first',
      content: json(z.object({ items: z.array(historySchema) })),
    },
    ...errorResponses,
  },
});

const verify = createRoute({
  operationId: 'verifyHistory',
  method: 'get',
  path: '/api/instances/{id}/verify',
  tags,
  security,
  summary: 'Recompute the hash chain',
  request: { params: idParam },
  responses: { 200: { description: 'verdict', content: json(verdictSchema) }, ...errorResponses },
});

const list = createRoute({
  operationId: 'listInstances',
  method: 'get',
  path: '/api/instances',
  tags,
  security,
  summary: 'Instances the caller may read, oldest first, paged',
  request: { query: listQuery.extend(pageQuery) },
  responses: {
    200: { description: 'a page', content: json(pageOf(instanceSummarySchema, 'InstancePage')) },
    ...errorResponses,
  },
});

export function instanceRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const { engine, db } = deps;
  const files = attachmentStoreOf(deps);

  app.openapi(start, async (c) => {
    const actor = c.get('actor');
    assertMayAct(actor);
    const { flow, input, attachments: ids } = c.req.valid('json');
    // The engine validates the input too; checked here first for a refusal in Chinese and English.
    const parsed = engine.flows.latest(flow).input.safeParse(input);
    if (!parsed.success) throw validationFailed('input', parsed.error.issues);
    const key = c.req.valid('header')['idempotency-key'];
    // Uploaded files by id → their recorded sha256 goes into the START row (docs/attachments.md).
    const attachments = await resolveAttachments(files, actor, ids);
    const view = await engine.start(flow, input, actor, {
      ...(key === undefined ? {} : { idempotencyKey: key }),
      ...(attachments.length > 0 ? { attachments } : {}),
    });
    deps.afterCommand?.(view.id);
    c.header('ETag', etagOf(view.version));
    c.header('Location', `/api/instances/${encodeURIComponent(view.id)}`);
    return c.json(presentInstance(view), 201);
  });

  app.openapi(send, async (c) => {
    const actor = c.get('actor');
    const { id } = c.req.valid('param');
    // Whoever may not read the instance learns nothing more than for a missing id.
    await assertMayRead(db, actor, id);
    assertMayAct(actor);
    const headers = c.req.valid('header');
    const expectedVersion = parseIfMatch(headers['if-match']);
    const body = c.req.valid('json');
    // Attachment refs come from the uploads only, never from the client's own data.
    if (body.data !== undefined && 'attachments' in body.data) {
      throw validationFailed('json', [
        { path: ['data', 'attachments'], message: ISSUE.attachmentData.en, code: 'custom' },
      ]);
    }
    const attachments = await resolveAttachments(files, actor, body.attachments);
    const data = {
      ...((body.data ?? {}) as JsonObject),
      ...(attachments.length > 0 ? { attachments: attachments as unknown as JsonObject[] } : {}),
    };
    const event: CommandEvent = {
      type: body.type,
      ...(body.comment === undefined ? {} : { comment: body.comment }),
      ...(body.data !== undefined || attachments.length > 0 ? { data } : {}),
      ...(body.taskId === undefined ? {} : { taskId: body.taskId }),
    };
    const view = await hidingMissing(() =>
      engine.send(id, event, actor, {
        ...(expectedVersion === undefined ? {} : { expectedVersion }),
        ...(headers['idempotency-key'] === undefined
          ? {}
          : { idempotencyKey: headers['idempotency-key'] }),
      }),
    );
    deps.afterCommand?.(view.id);
    c.header('ETag', etagOf(view.version));
    return c.json(presentInstance(view), 200);
  });

  app.openapi(get, async (c) => {
    const { id } = c.req.valid('param');
    await assertMayRead(db, c.get('actor'), id);
    const view = await hidingMissing(() => engine.get(id));
    c.header('ETag', etagOf(view.version));
    return c.json(presentInstance(view), 200);
  });

  app.openapi(historyRoute, async (c) => {
    const { id } = c.req.valid('param');
    await assertMayRead(db, c.get('actor'), id);
    const rows = await hidingMissing(() => engine.history(id));
    return c.json({ items: rows.map(presentHistory) }, 200);
  });

  app.openapi(verify, async (c) => {
    const { id } = c.req.valid('param');
    await assertMayRead(db, c.get('actor'), id);
    // The chain covers each attachment's sha256; the stored files are re-hashed against it.
    const verdict = await hidingMissing(() => verifyInstance(engine, files, id));
    return c.json(
      {
        ok: verdict.ok,
        count: verdict.count,
        ...(verdict.ok ? {} : { brokenAt: verdict.brokenAt, reason: verdict.reason }),
        // Only when the history records any (the answer of an instance without stays as it was).
        ...(verdict.attachments.length === 0
          ? {}
          : {
              attachments: verdict.attachments.map((f) => ({
                id: f.ref.id,
                name: f.ref.name,
                seq: f.seq,
                sha256: f.ref.sha256,
                check: f.check,
              })),
            }),
      },
      200,
    );
  });

  app.openapi(list, async (c) => {
    const q = c.req.valid('query');
    const page = await listVisibleInstances(db, c.get('actor'), q);
    return c.json(
      {
        items: page.items.map(presentSummary),
        total: page.total,
        limit: q.limit,
        offset: q.offset,
      },
      200,
    );
  });
}
