import { z } from 'zod';
import { fen } from '../../common.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');

/** Kinds of teacher training the policy names (第七条5). */
export const TRAINING_KINDS = ['provincial-plan', 'evaluation-org', 'other'] as const;

/**
 * A request to send a teacher to a training (第六条5, 第七条5): 山东省职业院校教师素质提高计划
 * (`provincial-plan`), an evaluation organization's teacher training (`evaluation-org`), or
 * another one. Cost in integer fen. `justification` is required when the training is beyond
 * the standard (see standard.ts).
 */
export const trainingRequestInput = z
  .object({
    collegeId: z.string().trim().min(1).max(64),
    teacher: z
      .object({ id: z.string().trim().min(1).max(100), name: z.string().trim().min(1).max(100) })
      .strict(),
    training: z
      .object({
        title: z.string().trim().min(1).max(200),
        organizer: z.string().trim().min(1).max(200),
        kind: z.enum(TRAINING_KINDS),
        startDate: isoDate,
        endDate: isoDate,
        days: z.number().int().min(1).max(365),
        cost: fen,
        /** Flagged by the applicant as beyond the usual standard (e.g. abroad, first class). */
        nonStandard: z.boolean(),
      })
      .strict()
      .refine((t) => t.endDate >= t.startDate, {
        message: 'endDate is before startDate',
        path: ['endDate'],
      }),
    justification: z.string().trim().max(2000).optional(),
  })
  .strict();

export type TrainingRequestInput = z.infer<typeof trainingRequestInput>;
