import { z } from '@hono/zod-openapi';
import { attachmentIds, attachmentSchema } from './attachment.js';
import { withinDepth } from './json-depth.js';
import { slugPattern } from './instance.js';
import { ISSUE } from './messages.js';

const input = z
  .unknown()
  .refine((v) => v !== undefined && withinDepth(v), { message: ISSUE.tooDeep.en })
  .openapi({ description: 'the application as typed so far (checked at submit)' });
const title = z
  .string()
  .trim()
  .max(200)
  .optional()
  .openapi({ example: '2027 年 Web 前端开发申报' });
const attachments = attachmentIds.optional().openapi({
  description:
    'ids answered by POST /api/attachments (uploaded by the caller); on an update, absent keeps the ones saved before and [] removes them',
});

export const draftCreateBody = z
  .object({
    flow: z.string().regex(slugPattern, ISSUE.flowId.en).openapi({ example: 'pilot-project' }),
    input,
    title,
    attachments,
  })
  .strict()
  .openapi('CreateDraft');

export const draftUpdateBody = z
  .object({ input, title, attachments })
  .strict()
  .openapi('UpdateDraft');

export const draftSchema = z
  .object({
    id: z.string(),
    flow: z.string(),
    title: z.string(),
    input: z.unknown(),
    attachments: z.array(attachmentSchema).openapi({
      description: 'the files saved with the draft, named in the application when it is submitted',
    }),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Draft');

export const draftSummarySchema = draftSchema.omit({ input: true }).openapi('DraftSummary');

export const draftListQuery = z.object({
  flow: z.string().regex(slugPattern, ISSUE.flowId.en).optional(),
});

export const draftIdParam = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, ISSUE.instanceId.en)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const phrasesBody = z
  .object({
    items: z
      .array(z.string().trim().min(1).max(200))
      .max(50)
      .openapi({ example: ['同意', '材料齐全，同意', '请补充合作协议后重新提交'] }),
  })
  .strict()
  .openapi('Phrases');
