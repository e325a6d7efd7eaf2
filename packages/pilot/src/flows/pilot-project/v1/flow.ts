import { defineFlow, refuse, type JsonObject, type ReferenceReader } from '@certflow/engine';
import { z } from 'zod';
import { budgetTotal, LEVELS, QUOTA_REF, quotaV1, quotaKey } from '../../../common.js';
import { pilotError } from '../../../errors.js';
import { projectChain } from '../chain.js';
import { projectInput, type ProjectInput } from '../input.js';
import { pilotProjectMachine, type ProjectContext } from './machine.js';

/** Over the pilot scale or over last year's executed budget → leadership must approve (第七条2). */
export function leadershipCheck(input: ProjectInput, refs: ReferenceReader): JsonObject {
  const raw = refs.get(QUOTA_REF, quotaKey(input.year, input.collegeId));
  const parsed = quotaV1.safeParse(raw);
  if (!parsed.success) return { needsLeadership: true, reasons: ['quota-missing'] };
  const reasons = [
    ...(input.scale > parsed.data.scale ? ['scale'] : []),
    ...(budgetTotal(input.budget) > parsed.data.budget ? ['budget'] : []),
  ];
  return { needsLeadership: reasons.length > 0, reasons };
}

function levelRule(input: ProjectInput) {
  return input.certificate.level === 'elementary'
    ? pilotError('LEVEL_NOT_ALLOWED', { level: input.certificate.level })
    : undefined;
}

export const pilotProjectFlow = defineFlow<ProjectInput, ProjectContext>({
  id: 'pilot-project',
  version: 1,
  title: { zh: '年度试点项目申报', en: 'Annual pilot project application' },
  machine: pilotProjectMachine,
  input: projectInput,
  ...projectChain({
    resubmit: z.object({ input: projectInput.optional() }).strict(),
    batch: false,
  }),
  startedBy: { roles: ['project_owner', 'college_lead'], scope: 'college' },
  college: (input) => input.collegeId,
  subject: (_input, instanceId) => instanceId,
  describe: (i) => `${i.collegeId} ${i.certificate.name}（${LEVELS[i.certificate.level].zh}）`,
  references: ({ input }) => [{ kind: QUOTA_REF, key: quotaKey(input.year, input.collegeId) }],
  prepare: ({ input, refs }) => levelRule(input) ?? { refs: leadershipCheck(input, refs) },
  rules: {
    RESUBMIT: ({ context, event, refs }) => {
      const revised = (event.data.input as ProjectInput | undefined) ?? context.application;
      if (revised.collegeId !== context.application.collegeId) {
        return refuse(
          'VALIDATION_FAILED',
          { field: 'input.collegeId' },
          {
            zh: '修改后的申报不能更换二级学院',
            en: 'A revised application cannot move to another college',
          },
        );
      }
      return levelRule(revised) ?? { refs: leadershipCheck(revised, refs) };
    },
  },
});
