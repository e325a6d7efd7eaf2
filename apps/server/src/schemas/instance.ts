import { INSTANCE_STATUSES, type InstanceStatus } from '@certflow/engine';
import { z } from '@hono/zod-openapi';
import { attachmentFindingSchema, attachmentIds } from './attachment.js';
import { withinDepth } from './json-depth.js';
import { ISSUE } from './messages.js';

const shallow = { message: ISSUE.tooDeep.en };

/** Ids, flow ids and college ids: letters, digits, `_`, `-` (and `.` for ids). */
export const idPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
export const slugPattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

const status = z.enum(INSTANCE_STATUSES as [InstanceStatus, ...InstanceStatus[]]);

export const taskSchema = z
  .object({
    id: z.string(),
    state: z.string(),
    step: z.string(),
    kind: z.enum(['step', 'added', 'submitter', 'escalation', 'delegated']),
    role: z.string().openapi({ description: 'role id, or `submitter`' }),
    college: z.string().nullable(),
    assignee: z.string().nullable(),
    events: z.array(z.string()),
    approval: z.boolean(),
    dueAt: z.string().nullable(),
    due: z
      .object({
        at: z.string(),
        provisional: z.boolean().openapi({
          description:
            'the year has no official holiday table yet: counted on weekends alone (暂按周末计算), moved when 教务处 loads it',
        }),
        explanation: z.object({ zh: z.string(), en: z.string() }).openapi({
          example: {
            zh: '5个工作日；跳过 10月1日–7日 国庆',
            en: '5 working days; skips 1–7 Oct (National Day)',
          },
        }),
      })
      .nullable()
      .openapi({ description: 'the deadline, its rule and the days it skips (docs/calendar.md)' }),
    createdAt: z.string(),
  })
  .openapi('Task');

const summaryShape = {
  id: z.string(),
  flow: z.string(),
  flowVersion: z.number().int(),
  title: z.string(),
  state: z.string(),
  status,
  version: z.number().int(),
  college: z.string().nullable(),
  subjectId: z.string().nullable(),
  submitterId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const instanceSummarySchema = z.object(summaryShape).openapi('InstanceSummary');

export const instanceSchema = z
  .object({
    ...summaryShape,
    context: z.record(z.string(), z.unknown()),
    tasks: z.array(taskSchema).openapi({ description: 'the open tasks' }),
  })
  .openapi('Instance');

export const historySchema = z
  .object({
    seq: z.number().int(),
    actorId: z.string(),
    actorName: z.string().nullable(),
    event: z.string(),
    data: z.record(z.string(), z.unknown()),
    fromState: z.string().nullable(),
    toState: z.string(),
    comment: z.string().nullable(),
    at: z.string(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .openapi('HistoryEntry');

export const verdictSchema = z
  .object({
    ok: z.boolean(),
    count: z.number().int(),
    brokenAt: z.number().int().optional(),
    reason: z.string().optional().openapi({
      description:
        'hash / link (the chain), attachment-missing / attachment-altered (a stored file)',
    }),
    attachments: z.array(attachmentFindingSchema).optional().openapi({
      description:
        'every recorded attachment, its stored file re-hashed (absent when there is none)',
    }),
  })
  .openapi('Verdict');

export const startBody = z
  .object({
    flow: z.string().regex(slugPattern, ISSUE.flowId.en).openapi({ example: 'pilot-project' }),
    input: z
      .unknown()
      .refine((v) => withinDepth(v), shallow)
      .openapi({ description: 'the flow input (see GET /api/flows inputSchema)' }),
    attachments: attachmentIds.optional(),
  })
  .strict()
  .openapi('StartInstance');

export const eventBody = z
  .object({
    type: z
      .string()
      .regex(/^[A-Z][A-Z0-9_]{0,63}$/, ISSUE.eventType.en)
      .openapi({ example: 'APPROVE' }),
    comment: z.string().max(2000).optional().openapi({ example: '同意' }),
    data: z
      .record(z.string(), z.unknown())
      .refine((v) => withinDepth(v), shallow)
      .optional(),
    taskId: z.string().regex(idPattern, ISSUE.taskId.en).optional(),
    attachments: attachmentIds.optional(),
  })
  .strict()
  .openapi('SendEvent');

export const commandHeaders = z.object({
  'if-match': z.string().max(40).optional().openapi({
    description: 'expected instance version (409 VERSION_CONFLICT otherwise)',
    example: '"3"',
  }),
  'idempotency-key': z
    .string()
    .min(1)
    .max(200)
    .optional()
    .openapi({ description: 'a repeat returns the first answer and applies nothing' }),
});

export const listQuery = z.object({
  flow: z.string().regex(slugPattern, ISSUE.flowId.en).optional(),
  status: status.optional(),
  college: z.string().regex(slugPattern, ISSUE.collegeId.en).optional(),
});

export const pageOf = <T extends z.ZodType>(item: T, name: string) =>
  z
    .object({
      items: z.array(item),
      total: z.number().int(),
      limit: z.number().int(),
      offset: z.number().int(),
    })
    .openapi(name);
