import { z } from 'zod';
import { budget, certificate } from '../../common.js';

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

/**
 * A pilot-project application of version 2: the project, and — required when the college's
 * projects of the year together exceed its 试点规模数 or last year's executed budget — why it is
 * needed (确需超出…须向领导小组提出申请, 第七条2).
 */
export const projectApplicationInput = projectInput
  .extend({ justification: z.string().trim().max(2000).optional() })
  .strict();
export type ProjectApplication = z.infer<typeof projectApplicationInput>;
