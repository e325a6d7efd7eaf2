import { randomUUID } from 'node:crypto';
import { createDraftStore, type DraftRecord } from '@certflow/db';
import type { JsonValue } from '@certflow/engine';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { assertMayAct } from '../access/read-access.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { validationFailed } from '../http/error-handler.js';
import { etagOf, parseIfMatch } from '../http/if-match.js';
import { OPS_ERRORS, opsRefusal } from '../http/ops-errors.js';
import { presentInstance } from '../http/present.js';
import { commandErrorResponses, errorResponses, json, pageQuery } from '../schemas/common.js';
import {
  draftCreateBody,
  draftIdParam,
  draftListQuery,
  draftSchema,
  draftSummarySchema,
  draftUpdateBody,
} from '../schemas/drafts.js';
import { instanceSchema, pageOf } from '../schemas/instance.js';
import { previewSchema } from '../schemas/operations.js';
import { versionHeader } from '../schemas/substitutes.js';
import { presentPreview } from '../http/present-preview.js';
import { attachmentStoreOf, presentAttachment, resolveAttachments } from './attachments.js';

/** How many drafts one person may keep. */
export const MAX_DRAFTS_PER_PERSON = 200;

const tags = ['drafts'];
const security = [{ bearer: [] }];
const one = { description: 'the draft', content: json(draftSchema) };

const create = createRoute({
  operationId: 'createDraft',
  method: 'post',
  path: '/api/drafts',
  tags,
  security,
  summary: '草稿: save an application without submitting it (visible only to you)',
  request: { body: { content: json(draftCreateBody), required: true } },
  responses: { 201: one, ...commandErrorResponses },
});

const list = createRoute({
  operationId: 'listDrafts',
  method: 'get',
  path: '/api/drafts',
  tags,
  security,
  summary: 'My drafts, last saved first',
  request: { query: draftListQuery.extend(pageQuery) },
  responses: {
    200: { description: 'a page', content: json(pageOf(draftSummarySchema, 'DraftPage')) },
    ...errorResponses,
  },
});

const get = createRoute({
  operationId: 'getDraft',
  method: 'get',
  path: '/api/drafts/{id}',
  tags,
  security,
  summary: 'One of my drafts (ETag = version)',
  request: { params: draftIdParam },
  responses: { 200: one, ...errorResponses },
});

const update = createRoute({
  operationId: 'updateDraft',
  method: 'put',
  path: '/api/drafts/{id}',
  tags,
  security,
  summary: 'Save a draft again (If-Match: the version you edited)',
  request: {
    params: draftIdParam,
    headers: versionHeader,
    body: { content: json(draftUpdateBody), required: true },
  },
  responses: { 200: one, ...commandErrorResponses },
});

const remove = createRoute({
  operationId: 'deleteDraft',
  method: 'delete',
  path: '/api/drafts/{id}',
  tags,
  security,
  summary: 'Delete one of my drafts',
  request: { params: draftIdParam },
  responses: { 204: { description: 'deleted' }, ...errorResponses },
});

const submit = createRoute({
  operationId: 'submitDraft',
  method: 'post',
  path: '/api/drafts/{id}/submit',
  tags,
  security,
  summary: 'Submit a draft: start its instance (idempotency key `draft:<id>`) and delete it',
  request: {
    params: draftIdParam,
    body: { content: json(z.object({}).strict()), required: false },
  },
  responses: {
    201: { description: 'started', content: json(instanceSchema) },
    ...commandErrorResponses,
  },
});

const preview = createRoute({
  operationId: 'previewDraft',
  method: 'get',
  path: '/api/drafts/{id}/preview',
  tags,
  security,
  summary: '流程预览 of a draft: the route it would take if submitted now',
  request: { params: draftIdParam },
  responses: {
    200: { description: 'the route it would take', content: json(previewSchema) },
    ...commandErrorResponses,
  },
});

function present(d: DraftRecord): z.infer<typeof draftSchema> {
  return {
    id: d.id,
    flow: d.flowId,
    title: d.title,
    input: d.input,
    attachments: d.attachments.map(presentAttachment),
    version: d.version,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

/**
 * 草稿: applications saved before they are submitted. Only their author sees them (another
 * person's draft answers `DRAFT_NOT_FOUND`, as a missing one). A draft's input is checked against
 * its flow only at submit (and preview); submitting starts the instance with the idempotency key
 * `draft:<id>` and then deletes the draft — a repeated or concurrent submit starts nothing more
 * and answers the same instance while the draft is there, `DRAFT_NOT_FOUND` once it is gone.
 */
export function draftRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const store = createDraftStore(deps.db);
  const files = attachmentStoreOf(deps);
  const titleOf = (flowId: string, input: unknown, given: string | undefined): string => {
    if (given) return given;
    const parsed = deps.engine.flows.latest(flowId).input.safeParse(input);
    return parsed.success ? deps.engine.flows.latest(flowId).describe(parsed.data) : '';
  };
  const mine = async (authorId: string, id: string): Promise<DraftRecord> => {
    const draft = await store.get(authorId, id);
    if (!draft) throw opsRefusal('DRAFT_NOT_FOUND', { draftId: id });
    return draft;
  };
  /** The draft's input as its flow takes it now (bilingual issues), else VALIDATION_FAILED. */
  const checked = (draft: DraftRecord): void => {
    const parsed = deps.engine.flows.latest(draft.flowId).input.safeParse(draft.input);
    if (!parsed.success) throw validationFailed('input', parsed.error.issues);
  };

  app.openapi(create, async (c) => {
    const actor = c.get('actor');
    assertMayAct(actor);
    const body = c.req.valid('json');
    const title = titleOf(body.flow, body.input, body.title);
    if ((await store.countOf(actor.id)) >= MAX_DRAFTS_PER_PERSON) {
      throw opsRefusal('DRAFT_LIMIT_REACHED', { limit: MAX_DRAFTS_PER_PERSON });
    }
    const draft = await store.create({
      id: randomUUID(),
      authorId: actor.id,
      flowId: body.flow,
      title,
      input: body.input as JsonValue,
      // Only the author's own uploads (ATTACHMENT_NOT_FOUND otherwise), as at POST /api/instances.
      attachments: await resolveAttachments(files, actor, body.attachments),
      createdAt: new Date(),
    });
    c.header('ETag', etagOf(draft.version));
    c.header('Location', `/api/drafts/${encodeURIComponent(draft.id)}`);
    return c.json(present(draft), 201);
  });

  app.openapi(list, async (c) => {
    const q = c.req.valid('query');
    const page = await store.list(c.get('actor').id, {
      ...(q.flow ? { flowId: q.flow } : {}),
      limit: q.limit,
      offset: q.offset,
    });
    return c.json(
      {
        items: page.items.map((d) => {
          const { input: _input, ...summary } = present(d);
          return summary;
        }),
        total: page.total,
        limit: q.limit,
        offset: q.offset,
      },
      200,
    );
  });

  app.openapi(get, async (c) => {
    const draft = await mine(c.get('actor').id, c.req.valid('param').id);
    c.header('ETag', etagOf(draft.version));
    return c.json(present(draft), 200);
  });

  app.openapi(update, async (c) => {
    const actor = c.get('actor');
    const { id } = c.req.valid('param');
    const expected = parseIfMatch(c.req.valid('header')['if-match']);
    const before = await mine(actor.id, id);
    const body = c.req.valid('json');
    const attachments =
      body.attachments === undefined
        ? undefined
        : await resolveAttachments(files, actor, body.attachments);
    const saved = await store.update(
      actor.id,
      id,
      {
        title: titleOf(before.flowId, body.input, body.title),
        input: body.input as JsonValue,
        ...(attachments ? { attachments } : {}),
        at: new Date(),
      },
      expected,
    );
    if (!saved) {
      const now = await store.get(actor.id, id);
      if (!now) throw opsRefusal('DRAFT_NOT_FOUND', { draftId: id });
      throw opsRefusal(
        'VERSION_CONFLICT',
        { expected, actual: now.version },
        OPS_ERRORS.VERSION_CONFLICT,
      );
    }
    c.header('ETag', etagOf(saved.version));
    return c.json(present(saved), 200);
  });

  app.openapi(remove, async (c) => {
    const { id } = c.req.valid('param');
    if (!(await store.remove(c.get('actor').id, id))) {
      throw opsRefusal('DRAFT_NOT_FOUND', { draftId: id });
    }
    return c.body(null, 204);
  });

  app.openapi(submit, async (c) => {
    const actor = c.get('actor');
    assertMayAct(actor);
    const { id } = c.req.valid('param');
    const draft = await mine(actor.id, id);
    checked(draft);
    // The saved files are looked up again: each must still be stored as it was uploaded.
    const attachments = await resolveAttachments(
      files,
      actor,
      draft.attachments.map((a) => a.id),
    );
    // The key makes the start happen once, however often (or concurrently) this is called while
    // the draft exists; the draft goes after the instance is there.
    const view = await deps.engine.start(draft.flowId, draft.input, actor, {
      idempotencyKey: `draft:${draft.id}`,
      ...(attachments.length > 0 ? { attachments } : {}),
    });
    await store.remove(actor.id, id);
    deps.afterCommand?.(view.id);
    c.header('ETag', etagOf(view.version));
    c.header('Location', `/api/instances/${encodeURIComponent(view.id)}`);
    return c.json(presentInstance(view), 201);
  });

  app.openapi(preview, async (c) => {
    const actor = c.get('actor');
    const draft = await mine(actor.id, c.req.valid('param').id);
    checked(draft);
    const route = await deps.engine.previewStart(draft.flowId, draft.input, actor);
    return c.json(presentPreview(route), 200);
  });
}
