import { INSTANCE_STATUSES, type InstanceStatus } from '@certflow/engine';
import { z } from '@hono/zod-openapi';
import { pageQuery } from './common.js';
import { taskSchema, slugPattern } from './instance.js';
import { ISSUE } from './messages.js';

/**
 * The work lists' queries and answers (docs/lists.md): 待办 `GET /api/tasks`, 已办
 * `GET /api/me/done`, 我发起的 `GET /api/me/started`, 抄送我的 `GET /api/me/copies`.
 */

const status = z.enum(INSTANCE_STATUSES as [InstanceStatus, ...InstanceStatus[]]);

/** `2026-03-01` (a day in Asia/Shanghai) or an ISO date-time with an offset. */
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const when = z
  .string()
  .max(40)
  .refine((v) => (DAY.test(v) || DATE_TIME.test(v)) && !Number.isNaN(Date.parse(v)), {
    message: ISSUE.listDate.en,
  });

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

/**
 * The start of a bound: a bare day begins at 00:00 Beijing time. An upper bound that is a bare day
 * includes that day (`to=2026-03-31` ends at 2026-04-01 00:00 +08:00, exclusive).
 */
export function boundOf(value: string, upper: boolean): Date {
  if (!DAY.test(value)) return new Date(value);
  const start = new Date(`${value}T00:00:00+08:00`);
  return upper ? new Date(start.getTime() + 86_400_000) : start;
}

export const listFilterShape = {
  flow: z.string().regex(slugPattern, ISSUE.flowId.en).optional(),
  status: status.optional(),
  college: z.string().regex(slugPattern, ISSUE.collegeId.en).optional(),
  from: when.optional().openapi({
    description: 'from this day (Beijing time) or instant on, inclusive',
    example: '2026-03-01',
  }),
  to: when.optional().openapi({
    description: 'up to this day (inclusive) or instant (exclusive)',
    example: '2026-03-31',
  }),
  overdue: bool.optional().openapi({
    description:
      '待办: past its deadline; other lists: the instance has an open task past its deadline',
    example: 'true',
  }),
  keyword: z.string().trim().min(1).max(100).optional().openapi({
    description:
      'words (space-separated, all must match; at most 5) in the title, applicant name, certificate or college name',
    example: '电子商务',
  }),
  scanFrom: z
    .string()
    .regex(/^\d{1,7}$/, ISSUE.scanFrom.en)
    .refine((v) => Number(v) <= 1_000_000, { message: ISSUE.scanFrom.en })
    .transform(Number)
    .optional()
    .openapi({
      description:
        "a filtered page (flow, status, college, overdue, keyword) walks at most 2000 rows of the list from this position of the unfiltered list (default 0); the answer's `scan.to` is the next window's scanFrom",
      example: '2000',
    }),
  order: z.enum(['asc', 'desc']).optional().openapi({
    description:
      '待办: by deadline, `asc` (default) soonest first; other lists by time, `desc` (default) newest first',
  }),
  ...pageQuery,
};

const ordered = <T extends { from?: string | undefined; to?: string | undefined }>(q: T) =>
  q.from === undefined ||
  q.to === undefined ||
  boundOf(q.from, false).getTime() < boundOf(q.to, true).getTime();
const rangeIssue = { message: ISSUE.listRange.en, path: ['to'] };

export const listQuery = z.object(listFilterShape).refine(ordered, rangeIssue);
export const copiesQuery = z
  .object({
    ...listFilterShape,
    read: bool
      .optional()
      .openapi({ description: '`false` = 待阅, `true` = 已阅', example: 'false' }),
  })
  .refine(ordered, rangeIssue);

export const listInstanceSchema = z
  .object({
    id: z.string(),
    flow: z.string(),
    flowVersion: z.number().int(),
    title: z.string(),
    state: z.string(),
    status,
    college: z.string().nullable(),
    submitterId: z.string(),
    submitterName: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    overdue: z.boolean().openapi({ description: 'an open task of it is past its deadline now' }),
  })
  .openapi('ListInstance');

export const todoItemSchema = taskSchema
  .extend({
    instanceId: z.string(),
    flow: z.string(),
    title: z.string(),
    overdue: z.boolean().openapi({ description: 'past its deadline now' }),
    batch: z.boolean().openapi({
      description:
        'may be approved with others in POST /api/tasks/batch (its step allows 批量审批)',
    }),
    instance: listInstanceSchema,
  })
  .openapi('InboxTask');

export const doneItemSchema = z
  .object({
    seq: z.number().int().openapi({ description: 'the history row of the decision' }),
    event: z.string(),
    at: z.string(),
    comment: z.string().nullable(),
    fromState: z.string().nullable(),
    toState: z.string(),
    instance: listInstanceSchema,
  })
  .openapi('DoneItem');

export const startedItemSchema = z.object({ instance: listInstanceSchema }).openapi('StartedItem');

export const copyItemSchema = z
  .object({
    id: z.string(),
    seq: z.number().int().openapi({ description: 'the history row of the 抄送' }),
    fromId: z.string(),
    fromName: z.string().nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
    instance: listInstanceSchema,
  })
  .openapi('CopyItem');

export const copyReadSchema = z.object({ id: z.string(), readAt: z.string() }).openapi('CopyRead');

export const copyIdParam = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/, ISSUE.copyId.en)
    .openapi({
      param: { name: 'id', in: 'path' },
      example: '0f6c1f0e-5b7a-4c1e-9d3a-2f4b6c8d0e1f',
    }),
});

/** The window a filtered page walked (docs/lists.md § Bounded totals and the scan window). */
export const listScanSchema = z
  .object({
    from: z.number().int().openapi({ description: 'the first position walked (scanFrom)' }),
    to: z.number().int().openapi({
      description: 'one past the last position walked: the next window starts here',
    }),
    complete: z.boolean().openapi({ description: "the window reached the list's end" }),
  })
  .openapi('ListScan', {
    description:
      'the window a page filtered by flow, status, college, overdue or keyword walked (at most 2000 rows); the page is null without such a filter',
  });

export const listPageOf = <T extends z.ZodType>(item: T, name: string) =>
  z
    .object({
      items: z.array(item),
      total: z.number().int().openapi({
        description:
          'without a filter of the window: the rows, counted up to max(1000, offset + limit); with one: the matches in the window walked',
      }),
      totalExact: z.boolean().openapi({
        description: 'false when the count reached its cap: `total` then means "at least"',
      }),
      scan: listScanSchema.nullable(),
      limit: z.number().int(),
      offset: z.number().int(),
    })
    .openapi(name);
