import { z } from 'zod';
import { budget, certificate } from '../../common.js';

/**
 * A certificate type change request (第七条3) for one approved pilot project. Money in integer
 * fen. `budget` is what the project will cost with the new certificate: it may not exceed the
 * project's approved budget. `evaluationOrg` is the new evaluation organization, when it changes.
 */
export const changeInput = z
  .object({
    projectId: z.string().trim().min(1).max(100),
    collegeId: z.string().trim().min(1).max(64),
    newCertificate: certificate,
    evaluationOrg: z.string().trim().min(1).max(200).optional(),
    budget,
    reason: z.string().trim().max(2000),
  })
  .strict();

export type ChangeInput = z.infer<typeof changeInput>;
