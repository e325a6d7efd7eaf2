import { z } from 'zod';
import { budget, certificate } from '../common.js';

/** An annual-plan line: one pilot project (第七条2, 第八条1). Money in integer fen. */
export const projectInput = z
  .object({
    year: z.number().int().min(2019).max(2100),
    collegeId: z.string().trim().min(1).max(64),
    certificate,
    evaluationOrg: z.string().trim().min(1).max(200),
    scale: z.number().int().positive().max(100_000),
    budget,
  })
  .strict();

export type ProjectInput = z.infer<typeof projectInput>;
