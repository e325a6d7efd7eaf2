import { z } from 'zod';
import { projectInput } from '../pilot-project/input.js';

/**
 * The autumn call (第七条2) for one college: compile next year's certificate assessment plan and
 * its budget indicators (编报下一年度证书考核年度计划及考核预算指标). Opened by the scheduler
 * at semester start (the system actor) or by academic affairs by hand.
 */
export const annualPlanInput = z
  .object({
    /** The plan year (the year after the autumn semester of the call). */
    year: z.number().int().min(2019).max(2100),
    collegeId: z.string().trim().min(1).max(64),
  })
  .strict();

export type AnnualPlanInput = z.infer<typeof annualPlanInput>;

/**
 * One line of the plan: a certificate the college will assess next year — what a pilot-project
 * application holds, without the year and college the call already names. Money in fen.
 */
export const planLine = projectInput.omit({ year: true, collegeId: true });

export type PlanLine = z.infer<typeof planLine>;

/**
 * The college's plan. A college that plans no certificate next year says why in `note`.
 */
export const planSubmission = z
  .object({
    lines: z.array(planLine).max(50),
    note: z.string().trim().max(2000).optional(),
  })
  .strict()
  .refine((p) => p.lines.length > 0 || (p.note ?? '').length > 0, {
    message: 'a plan with no certificate must say why in note',
    path: ['note'],
  });

export type PlanSubmission = z.infer<typeof planSubmission>;
