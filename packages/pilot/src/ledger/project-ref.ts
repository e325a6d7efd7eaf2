import type { JsonObject, ReferenceKey, ReferenceReader } from '@certflow/engine';
import type { DomainError } from '@certflow/engine';
import { z } from 'zod';
import { budget, certificate } from '../common.js';
import { ledgerErrors } from './errors.js';
import { LEDGER_REF } from './ledger.js';

/** Reference data kind of an approved pilot project, keyed by the pilot-project instance id. */
export const PROJECT_REF = 'project';

/**
 * The project record written by `pilot-project` on approval. Other flows add fields
 * (`creditBankLocked`, a changed certificate…), so unknown keys are kept.
 */
export const projectRef = z.looseObject({
  id: z.string(),
  collegeId: z.string(),
  year: z.number().int(),
  certificate,
  evaluationOrg: z.string(),
  scale: z.number().int(),
  budget,
  status: z.string(),
  creditBankLocked: z.boolean().optional(),
});
export type ProjectRef = z.infer<typeof projectRef>;

/** Read the project; refuse when it is missing, of another college, or (by default) not implementing. */
export function readProject(
  refs: ReferenceReader,
  projectId: string,
  options: { collegeId?: string; mustBeImplementing?: boolean } = {},
): ProjectRef | DomainError {
  const parsed = projectRef.safeParse(refs.get(PROJECT_REF, projectId));
  if (!parsed.success) return ledgerErrors.error('PROJECT_NOT_FOUND', { projectId });
  const project = parsed.data;
  if (options.collegeId !== undefined && project.collegeId !== options.collegeId) {
    return ledgerErrors.error('PROJECT_COLLEGE_MISMATCH', {
      projectId,
      collegeId: options.collegeId,
    });
  }
  if ((options.mustBeImplementing ?? true) && project.status !== 'implementing') {
    return ledgerErrors.error('PROJECT_NOT_IMPLEMENTING', { projectId, status: project.status });
  }
  return project;
}

/** The reference rows of a flow about one project: its record and its budget ledger. */
export function projectAndLedger(projectId: string): ReferenceKey[] {
  return [
    { kind: PROJECT_REF, key: projectId },
    { kind: LEDGER_REF, key: projectId },
  ];
}

/** The `reference.put` effect params that replace the project record. */
export function putProject(project: ProjectRef): JsonObject & { kind: string } {
  return {
    kind: 'reference.put',
    refKind: PROJECT_REF,
    key: project.id,
    value: JSON.parse(JSON.stringify(project)) as JsonObject,
  };
}
