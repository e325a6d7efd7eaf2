import { z } from '@hono/zod-openapi';
import { ISSUE } from './messages.js';

/** The id pattern of instance.ts (not imported: instance.ts imports this file). */
const idPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** What an upload answers: the id to name in a start or an event, and what was recorded. */
export const attachmentSchema = z
  .object({
    id: z.string(),
    sha256: z.string().openapi({ description: 'SHA-256 of the bytes, lowercase hex' }),
    size: z.number().int(),
    name: z.string(),
    type: z.string().openapi({ description: 'the media type sniffed from the content' }),
  })
  .openapi('Attachment');

export const uploadForm = z.object({
  file: z
    .custom<File>((v) => v instanceof File, { message: ISSUE.attachmentFile.en })
    .openapi({ type: 'string', format: 'binary', description: 'the file (one part named file)' }),
});

/** Upload ids named by a start or an event (uploaded by the caller, at most 50). */
export const attachmentIds = z
  .array(z.string().regex(idPattern, ISSUE.attachmentId.en))
  .max(50)
  .openapi({ description: 'ids answered by POST /api/attachments (uploaded by the caller)' });

export const attachmentParams = z.object({
  id: z
    .string()
    .regex(idPattern, ISSUE.instanceId.en)
    .openapi({ param: { name: 'id', in: 'path' } }),
  attachmentId: z
    .string()
    .regex(idPattern, ISSUE.attachmentId.en)
    .openapi({ param: { name: 'attachmentId', in: 'path' } }),
});

export const attachmentFindingSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    seq: z.number().int().openapi({ description: 'the history row that recorded it' }),
    sha256: z.string(),
    check: z.enum(['ok', 'missing', 'altered']),
  })
  .openapi('AttachmentCheck');
