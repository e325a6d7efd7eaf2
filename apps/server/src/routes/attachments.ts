import { randomUUID } from 'node:crypto';
import {
  attachmentsOf,
  attachmentTooLarge,
  DEFAULT_ATTACHMENT_LIMIT,
  saveUpload,
  sha256Hex,
} from '@certflow/attachments';
import { createPostgresAttachmentStore } from '@certflow/db';
import {
  DomainError,
  refuse,
  type Actor,
  type AttachmentRef,
  type AttachmentStore,
} from '@certflow/engine';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { assertMayAct, assertMayRead, hidingMissing } from '../access/read-access.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { httpError } from '../http/api-error.js';
import { attachmentParams, attachmentSchema, uploadForm } from '../schemas/attachment.js';
import { errorResponses, json } from '../schemas/common.js';

export const UPLOAD_PATH = '/api/attachments';
/** Room for the multipart framing around the file. */
const MULTIPART_OVERHEAD = 64 * 1024;

const security = [{ bearer: [] }];
const tags = ['attachments'];
const errorContent = errorResponses[400].content;

/** The upload request (its own body limit and content type, app.ts). */
export const isUpload = (c: Context): boolean =>
  c.req.method === 'POST' && c.req.path === UPLOAD_PATH;

/** The attachment store of the app: the configured one, or the PostgreSQL table. */
export function attachmentStoreOf(deps: AppDeps): AttachmentStore {
  return deps.attachments ?? defaultStores.get(deps) ?? remember(deps);
}
const defaultStores = new WeakMap<AppDeps, AttachmentStore>();
function remember(deps: AppDeps): AttachmentStore {
  const store = createPostgresAttachmentStore(deps.db);
  defaultStores.set(deps, store);
  return store;
}

/** An upload's body is refused unread past the attachment limit: `ATTACHMENT_TOO_LARGE`. */
export function uploadBodyLimit(deps: AppDeps): MiddlewareHandler {
  const limit = deps.attachmentLimit ?? DEFAULT_ATTACHMENT_LIMIT;
  return bodyLimit({
    maxSize: limit + MULTIPART_OVERHEAD,
    onError: () => {
      throw attachmentTooLarge(limit);
    },
  });
}

const upload = createRoute({
  operationId: 'uploadAttachment',
  method: 'post',
  path: UPLOAD_PATH,
  tags,
  security,
  summary: 'Upload a file to attach to an application or a decision (multipart/form-data)',
  description:
    'One part named `file`. The type is sniffed from the content (PDF, PNG, JPEG, docx, xlsx, UTF-8 text) and must agree with the file name extension and the declared Content-Type; the SHA-256 is computed here. Name the answered id in `attachments` of POST /api/instances or of an event.',
  request: {
    body: { content: { 'multipart/form-data': { schema: uploadForm } }, required: true },
  },
  responses: {
    201: { description: 'stored', content: json(attachmentSchema) },
    ...errorResponses,
    413: { description: 'ATTACHMENT_TOO_LARGE', content: errorContent },
    415: {
      description: 'ATTACHMENT_TYPE_NOT_ALLOWED / UNSUPPORTED_MEDIA_TYPE',
      content: errorContent,
    },
  },
});

const download = createRoute({
  operationId: 'downloadAttachment',
  method: 'get',
  path: '/api/instances/{id}/attachments/{attachmentId}',
  tags,
  security,
  summary: 'Download an attachment of an instance (whoever may read the instance)',
  request: { params: attachmentParams },
  responses: {
    200: {
      description: 'the file as uploaded (ETag = its SHA-256)',
      content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...errorResponses,
    409: { description: 'ATTACHMENT_ALTERED', content: errorContent },
    410: { description: 'ATTACHMENT_MISSING', content: errorContent },
  },
});

/** `Content-Disposition` with the UTF-8 name (RFC 6266/5987) and an ASCII fallback. */
function disposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/gu, '_').replace(/["\\]/gu, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function attachmentRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const store = attachmentStoreOf(deps);
  const limit = deps.attachmentLimit ?? DEFAULT_ATTACHMENT_LIMIT;

  app.use(UPLOAD_PATH, async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
    if (type !== 'multipart/form-data') throw httpError(415, 'UNSUPPORTED_MEDIA_TYPE');
    return next();
  });

  app.openapi(upload, async (c) => {
    const actor = c.get('actor');
    assertMayAct(actor);
    const { file } = c.req.valid('form');
    const record = await saveUpload(store, {
      id: randomUUID(),
      name: file.name,
      declaredType: file.type,
      bytes: new Uint8Array(await file.arrayBuffer()),
      limit,
      uploadedBy: actor.id,
      uploadedAt: new Date(),
    });
    c.header('Location', UPLOAD_PATH);
    return c.json(presentAttachment(record), 201);
  });

  app.openapi(download, async (c) => {
    const { id, attachmentId } = c.req.valid('param');
    await assertMayRead(deps.db, c.get('actor'), id);
    const history = await hidingMissing(() => deps.engine.history(id));
    // Only what this instance's history records: another instance's file is not found here.
    const found = attachmentsOf(history).find((a) => a.ref.id === attachmentId);
    if (!found) throw refuse('NOT_FOUND');
    const bytes = await store.read(attachmentId);
    if (!bytes) throw attachmentProblem('ATTACHMENT_MISSING', found.ref);
    if (bytes.length !== found.ref.size || sha256Hex(bytes) !== found.ref.sha256) {
      throw attachmentProblem('ATTACHMENT_ALTERED', found.ref);
    }
    const type =
      found.ref.mediaType === 'text/plain' ? 'text/plain; charset=utf-8' : found.ref.mediaType;
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': type,
      'Content-Length': String(bytes.length),
      'Content-Disposition': disposition(found.ref.name),
      ETag: `"${found.ref.sha256}"`,
      'Cache-Control': 'private, no-store',
    });
  });
}

function attachmentProblem(
  code: 'ATTACHMENT_MISSING' | 'ATTACHMENT_ALTERED',
  ref: AttachmentRef,
): DomainError {
  const messages =
    code === 'ATTACHMENT_MISSING'
      ? {
          zh: '附件文件缺失：存储中已找不到该文件',
          en: 'The attachment file is missing from storage',
        }
      : {
          zh: '附件文件与审计记录中的 SHA-256 不一致，可能已被篡改',
          en: 'The attachment file does not match the SHA-256 in the audit trail; it may have been altered',
        };
  return new DomainError(code, messages, { attachmentId: ref.id, sha256: ref.sha256 });
}

/** A stored file as the API answers it (`Attachment`: its media type as `type`). */
export function presentAttachment(file: AttachmentRef): z.infer<typeof attachmentSchema> {
  return {
    id: file.id,
    sha256: file.sha256,
    size: file.size,
    name: file.name,
    type: file.mediaType,
  };
}

/**
 * The attachments a command names, by upload id → the refs the engine records (name, sha256,
 * size, type as recorded at upload). Only the caller's own uploads: anyone else's id is
 * `ATTACHMENT_NOT_FOUND`, as is an unknown one.
 */
export async function resolveAttachments(
  store: AttachmentStore,
  actor: Actor,
  ids: readonly string[] | undefined,
): Promise<AttachmentRef[]> {
  if (!ids || ids.length === 0) return [];
  const refs: AttachmentRef[] = [];
  for (const id of new Set(ids)) {
    const record = await store.describe(id);
    if (!record || record.uploadedBy !== actor.id) {
      throw new DomainError(
        'ATTACHMENT_NOT_FOUND',
        {
          zh: '附件不存在或不是您上传的，请先上传附件',
          en: 'No such attachment among your uploads; upload it first',
        },
        { attachmentId: id },
      );
    }
    refs.push({
      id: record.id,
      name: record.name,
      sha256: record.sha256,
      size: record.size,
      mediaType: record.mediaType,
    });
  }
  return refs;
}
