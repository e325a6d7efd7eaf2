import { REVIEW_STEPS, reviewChain } from '../../review-chain.js';
import {
  defineFlow,
  refuse,
  type DomainError,
  type JsonObject,
  type ReferenceReader,
} from '@certflow/engine';
import { z } from 'zod';
import { budgetTotal, LEVELS } from '../../common.js';
import { pilotError } from '../../errors.js';
import { certificateChangeErrors } from './errors.js';
import { changeInput, type ChangeInput } from './input.js';
import { certificateChangeMachine, type ChangeContext } from './machine.js';
import { asJson, changeableProject, PROJECT_KIND } from './project-record.js';

/**
 * Every rule of a (re)submitted request (第七条3): a stated reason, intermediate or advanced
 * level, a real change, within the approved budget, and a changeable project. Gives the project.
 */
function checkRequest(request: ChangeInput, refs: ReferenceReader): JsonObject | DomainError {
  const { error } = certificateChangeErrors;
  if (request.reason.length === 0) return error('REASON_REQUIRED');
  if (request.newCertificate.level === 'elementary') {
    return pilotError('LEVEL_NOT_ALLOWED', { level: request.newCertificate.level });
  }
  const project = changeableProject(refs, request.projectId, request.collegeId);
  if (project instanceof Error) return project;
  const same =
    project.certificate.code === request.newCertificate.code &&
    project.certificate.level === request.newCertificate.level;
  if (same) return error('CERTIFICATE_UNCHANGED', { code: request.newCertificate.code });
  const requested = budgetTotal(request.budget);
  const approved = budgetTotal(project.budget);
  if (requested > approved) return error('OVER_BUDGET', { requested, approved });
  return { project: asJson(project) };
}

export const certificateChangeFlow = defineFlow<ChangeInput, ChangeContext>({
  id: 'certificate-change',
  version: 1,
  title: { zh: '证书种类变更', en: 'Certificate type change' },
  machine: certificateChangeMachine,
  input: changeInput,
  ...reviewChain({
    steps: [REVIEW_STEPS.college, REVIEW_STEPS.academic],
    resubmit: z.object({ input: changeInput.optional() }).strict(),
  }),
  startedBy: { roles: ['project_owner', 'college_lead'], scope: 'college' },
  college: (input) => input.collegeId,
  subject: (input) => input.projectId,
  describe: (i) =>
    `${i.collegeId} 证书变更：${i.newCertificate.name}（${LEVELS[i.newCertificate.level].zh}）`,
  references: ({ input }) => [{ kind: PROJECT_KIND, key: input.projectId }],
  prepare: ({ input, refs }) => {
    const verdict = checkRequest(input, refs);
    return verdict instanceof Error ? verdict : { refs: verdict };
  },
  rules: {
    // Each approval re-reads the project: a credit-bank lock may have come in the meantime, and
    // the final approval writes the change onto the project as it is now.
    APPROVE: ({ context, refs }) => {
      const project = changeableProject(refs, context.request.projectId, context.request.collegeId);
      return project instanceof Error ? project : { refs: { project: asJson(project) } };
    },
    RESUBMIT: ({ context, event, refs }) => {
      const revised = (event.data.input as ChangeInput | undefined) ?? context.request;
      if (
        revised.projectId !== context.request.projectId ||
        revised.collegeId !== context.request.collegeId
      ) {
        return refuse(
          'VALIDATION_FAILED',
          { field: 'input.projectId' },
          {
            zh: '修改后的变更申请不能更换项目或二级学院',
            en: 'A revised change request cannot move to another project or college',
          },
        );
      }
      const verdict = checkRequest(revised, refs);
      return verdict instanceof Error ? verdict : { refs: verdict };
    },
  },
});
