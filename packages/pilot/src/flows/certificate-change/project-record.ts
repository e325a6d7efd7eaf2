import type { DomainError, JsonObject, ReferenceReader } from '@certflow/engine';
import { z } from 'zod';
import { budget, certificate } from '../../common.js';
import { certificateChangeErrors } from './errors.js';

/** Reference data kind of an approved pilot project, keyed by its pilot-project instance id. */
export const PROJECT_KIND = 'project';

/** One approved change, kept on the project record (第七条3: the old certificate is not lost). */
export const certificateChangeEntry = z
  .object({
    changeId: z.string(),
    from: certificate,
    to: certificate,
    fromEvaluationOrg: z.string(),
    toEvaluationOrg: z.string(),
    reason: z.string(),
    approvedAt: z.string(),
  })
  .strict();
export type CertificateChangeEntry = z.infer<typeof certificateChangeEntry>;

/**
 * The fields of the project record this flow reads. Other flows add their own fields, so the
 * record is read loosely and written back with every field it had.
 */
export const projectRecord = z.looseObject({
  id: z.string(),
  collegeId: z.string(),
  certificate,
  evaluationOrg: z.string(),
  budget,
  status: z.string(),
  creditBankLocked: z.boolean().optional(),
  certificateChanges: z.array(certificateChangeEntry).optional(),
});
export type ProjectRecord = z.infer<typeof projectRecord>;

/**
 * The project a change is for, read in the command's transaction: it must exist, belong to the
 * college, be implementing, and not be locked by the credit bank.
 */
export function changeableProject(
  refs: ReferenceReader,
  projectId: string,
  collegeId: string,
): ProjectRecord | DomainError {
  const parsed = projectRecord.safeParse(refs.get(PROJECT_KIND, projectId));
  const { error } = certificateChangeErrors;
  if (!parsed.success) return error('PROJECT_NOT_FOUND', { projectId });
  const project = parsed.data;
  if (project.collegeId !== collegeId) {
    return error('PROJECT_COLLEGE_MISMATCH', { projectId, collegeId });
  }
  if (project.creditBankLocked === true) {
    return error('CHANGE_LOCKED_BY_CREDIT_BANK', { projectId });
  }
  if (project.status !== 'implementing') {
    return error('PROJECT_NOT_IMPLEMENTING', { projectId, status: project.status });
  }
  return project;
}

export function asJson(value: unknown): JsonObject {
  return JSON.parse(JSON.stringify(value)) as JsonObject;
}
