import { z } from 'zod';
import { fen } from '../../common.js';

/**
 * A 1+X training and assessment base designed by a college (第七条6): what it serves, where,
 * and what it costs (integer fen). Approved by academic affairs, then by the school.
 */
export const trainingBaseInput = z
  .object({
    collegeId: z.string().trim().min(1).max(64),
    name: z.string().trim().min(1).max(200),
    /** Codes of the certificates whose training and assessment it serves. */
    certificateCodes: z.array(z.string().trim().min(1).max(64)).min(1).max(20),
    location: z.string().trim().min(1).max(200),
    areaSqm: z.number().int().positive().max(100_000),
    stations: z.number().int().positive().max(10_000),
    equipmentBudget: fen,
    /** The design: how it meets the certificate's skill standard and training requirements. */
    design: z.string().trim().min(1).max(5000),
  })
  .strict();

export type TrainingBaseInput = z.infer<typeof trainingBaseInput>;
