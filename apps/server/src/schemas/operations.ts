import { z } from '@hono/zod-openapi';
import { attachmentIds } from './attachment.js';
import { idPattern } from './instance.js';
import { withinDepth } from './json-depth.js';
import { ISSUE } from './messages.js';

/** Schemas of the approval operations (docs/http-api.md § Approval operations). */

const personId = z
  .string()
  .regex(idPattern, ISSUE.personId.en)
  .openapi({ description: 'a person id (工号)', example: 'u-office2' });
const comment = z.string().max(2000).optional().openapi({ example: '请协助审核' });

export const taskIdParam = z.object({
  taskId: z
    .string()
    .regex(idPattern, ISSUE.taskId.en)
    .openapi({ param: { name: 'taskId', in: 'path' } }),
});

export const delegateBody = z.object({ to: personId, comment }).strict().openapi('DelegateTask', {
  description: '委派: the delegate works on the task and hands it back (resolve)',
});

export const transferBody = z
  .object({ to: personId, comment })
  .strict()
  .openapi('TransferTask', { description: '转办: the task moves to another holder for good' });

export const resolveBody = z
  .object({ comment })
  .strict()
  .openapi('ResolveDelegation', { description: "委派办理完毕: the delegate's opinion" });

export const addSignerBody = z
  .object({
    userId: personId,
    position: z
      .enum(['before', 'after', 'with'])
      .default('before')
      .openapi({ description: '前加签 before, 后加签 after, or alongside (with)' }),
    comment,
  })
  .strict()
  .openapi('AddSigner');

export const removeSignerBody = z
  .object({ userId: personId, comment })
  .strict()
  .openapi('RemoveSigner', { description: '减签: an approver the caller added, still pending' });

export const takeBackBody = z
  .object({ comment })
  .strict()
  .openapi('TakeBack', { description: '拿回: the caller takes back their last approval' });

export const returnBody = z
  .object({
    toStep: z
      .string()
      .min(1)
      .max(100)
      .openapi({ description: "an earlier step's name, or `applicant`", example: 'college' }),
    comment: z
      .string()
      .max(2000)
      .openapi({ description: 'the reason (required)', example: '请复核' }),
  })
  .strict()
  .openapi('ReturnToStep');

export const ccBody = z
  .object({ userIds: z.array(personId).min(1).max(50), comment })
  .strict()
  .openapi('CopyTask', { description: '抄送: readers are told, get no task' });

const slotSchema = z
  .object({
    kind: z.enum(['role', 'person']),
    personId: z.string().nullable(),
    name: z.string().nullable(),
    addedBy: z.string().nullable(),
    decision: z.enum(['approved', 'against', 'pending', 'waiting', 'closed']).openapi({
      description:
        'waiting: a later round (依次, 后加签), not open yet; closed: an earlier round completed without them',
    }),
  })
  .openapi('StepSlot');

export const stepStateSchema = z
  .object({
    step: z.string(),
    state: z.string().nullable(),
    open: z.boolean().openapi({ description: 'the step has open tasks now' }),
    returnable: z.boolean().openapi({
      description:
        '退回 may send the instance to this step now: decided since the last (re)submission, not open',
    }),
    mode: z.enum(['any', 'all', 'sequence']),
    decided: z.array(
      z.object({
        actorId: z.string(),
        actorName: z.string().nullable(),
        onBehalfOf: z.string().nullable().openapi({ description: '由 X 代 Y 审批: Y' }),
        seq: z.number().int(),
        supersededBy: z.number().int().nullable().openapi({
          description:
            'the seq of the (re)submission after this decision: the step is to be decided again',
        }),
      }),
    ),
    pending: z.array(
      z.object({
        taskId: z.string(),
        kind: z.string(),
        role: z.string(),
        assignee: z.string().nullable(),
        assigneeName: z.string().nullable(),
        delegatedTo: z.string().nullable(),
        dueAt: z.string().nullable(),
      }),
    ),
    votes: z
      .object({
        approved: z.number().int(),
        against: z.number().int(),
        threshold: z.number().int(),
        approvers: z.number().int(),
        round: z.number().int(),
        rounds: z.number().int(),
      })
      .nullable()
      .openapi({ description: 'the current round of a 会签/依次/加签 step; null for 或签' }),
    slots: z.array(slotSchema).openapi({ description: 'every round, in order' }),
  })
  .openapi('StepState');

export const stepsSchema = z
  .object({ instanceId: z.string(), version: z.number().int(), items: z.array(stepStateSchema) })
  .openapi('InstanceSteps');

const messages = z.object({ zh: z.string(), en: z.string() });

export const previewSchema = z
  .object({
    flow: z.string(),
    flowVersion: z.number().int(),
    complete: z.boolean(),
    assumption: messages,
    steps: z.array(
      z.object({
        state: z.string(),
        step: z.string(),
        role: z.string(),
        scope: z.string(),
        mode: z.enum(['any', 'all', 'sequence']),
        threshold: z.number().int(),
        current: z.boolean(),
        approvers: z.array(
          z.object({
            id: z.string(),
            name: z.string(),
            substitute: z.object({ id: z.string(), name: z.string() }).nullable(),
          }),
        ),
        enteredAt: z.string(),
        dueAt: z.string().nullable(),
        dueProvisional: z.boolean(),
        dueExplanation: messages.nullable(),
      }),
    ),
  })
  .openapi('RoutePreview');

export const batchBody = z
  .object({
    items: z
      .array(
        z
          .object({
            taskId: z.string().regex(idPattern, ISSUE.taskId.en),
            comment,
            ifMatch: z
              .number()
              .int()
              .nonnegative()
              .optional()
              .openapi({ description: "the instance version the caller saw (each item's own)" }),
            attachments: attachmentIds.optional().openapi({
              description:
                "the item's own uploads (POST /api/attachments), recorded with its decision as a single 同意 records them",
            }),
          })
          .strict(),
      )
      .min(1)
      .max(50),
    comment: z
      .string()
      .max(2000)
      .optional()
      .openapi({ description: 'for items without their own' }),
  })
  .strict()
  .openapi('BatchApprove');

export const batchResultSchema = z
  .object({
    approved: z.number().int(),
    refused: z.number().int(),
    items: z.array(
      z.object({
        taskId: z.string(),
        ok: z.boolean(),
        instanceId: z.string().nullable(),
        version: z.number().int().nullable(),
        state: z.string().nullable(),
        status: z.string().nullable(),
        error: z
          .object({
            status: z.number().int(),
            code: z.string(),
            message: z.string(),
            messageEn: z.string(),
            details: z.record(z.string(), z.unknown()).optional(),
          })
          .nullable(),
      }),
    ),
  })
  .openapi('BatchResult');

export const flowIdParam = z.object({
  flowId: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, ISSUE.flowId.en)
    .openapi({ param: { name: 'flowId', in: 'path' }, example: 'pilot-project' }),
});

export const previewStartBody = z
  .object({
    input: z
      .unknown()
      .refine((v) => withinDepth(v), { message: ISSUE.tooDeep.en })
      .openapi({ description: 'the flow input, as for POST /api/instances' }),
  })
  .strict()
  .openapi('PreviewStart');
