import { z } from 'zod';

/** `dynamic`: a periodic 试点工作动态 report; `annual-summary`: the year's 年度总结. */
export const REPORT_KINDS = ['dynamic', 'annual-summary'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/**
 * A reporting task for one college (第五条3–4, 第六条8, 第十四条), opened by the scheduler (the
 * system actor) or by academic affairs. `period`: `2026` for an annual summary; `2026-11`,
 * `2026-Q4` or `2026-H2` for a dynamic report.
 */
export const reportInput = z
  .object({
    kind: z.enum(REPORT_KINDS),
    collegeId: z.string().trim().min(1).max(64),
    period: z
      .string()
      .regex(
        /^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]))?$/,
        'period is YYYY, YYYY-MM, YYYY-Qn or YYYY-Hn',
      ),
    /** What academic affairs asks for this time (e.g. 证书考核数据、经费执行情况). */
    topic: z.string().trim().max(500).optional(),
  })
  .strict()
  .refine((r) => (r.kind === 'annual-summary') === /^\d{4}$/.test(r.period), {
    message: 'an annual summary covers a year (YYYY); a dynamic report a shorter period',
    path: ['period'],
  });

export type ReportInput = z.infer<typeof reportInput>;

const text = (max: number) => z.string().trim().min(1).max(max);

/** The college's report (第六条8: 动态、经验、困难问题、政策建议; 第五条4: 数据). */
export const reportSubmission = z
  .object({
    summary: text(10_000),
    difficulties: z.string().trim().max(5000).optional(),
    suggestions: z.string().trim().max(5000).optional(),
    /** Statistics, e.g. `{ registered: 40, passed: 36 }`. */
    figures: z.record(z.string().min(1).max(64), z.number().finite()).optional(),
    // Files are the event's `attachments`, which the engine reads itself (checked, and recorded
    // with their sha256 in the history row, so the audit chain covers them) — never this schema's.
  })
  .strict();

/** Where feedback comes from (第七条8: 教育厅 and 培训评价组织). */
export const FEEDBACK_SOURCES = ['education-department', 'evaluation-org'] as const;

export const reportFeedback = z
  .object({
    source: z.enum(FEEDBACK_SOURCES),
    summary: text(5000),
    items: z.array(text(1000)).max(50).optional(),
  })
  .strict();

/** The college's diagnose-and-improve (诊改) answer to feedback. */
export const improvementSubmission = z
  .object({
    measures: text(10_000),
    // Files: the event's `attachments`, as for the report.
  })
  .strict();
