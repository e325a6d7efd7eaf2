import { REVIEW_STEPS, reviewChain } from '../../review-chain.js';
import { defineFlow, refuse, type DomainError } from '@certflow/engine';
import { z } from 'zod';
import { teacherTrainingErrors } from './errors.js';
import { trainingRequestInput, type TrainingRequestInput } from './input.js';
import { teacherTrainingMachine, type TrainingContext } from './machine.js';
import { beyondStandard } from './standard.js';

/** A request beyond the standard must say why (第七条5). */
function justificationRule(request: TrainingRequestInput): DomainError | undefined {
  const reasons = beyondStandard(request);
  if (reasons.length > 0 && !request.justification) {
    return teacherTrainingErrors.error('JUSTIFICATION_REQUIRED', { reasons });
  }
  return undefined;
}

export const teacherTrainingFlow = defineFlow<TrainingRequestInput, TrainingContext>({
  id: 'teacher-training',
  version: 1,
  title: { zh: '教师参加师资培训申请', en: 'Teacher training request' },
  machine: teacherTrainingMachine,
  input: trainingRequestInput,
  ...reviewChain({
    steps: [REVIEW_STEPS.college, REVIEW_STEPS.academic, REVIEW_STEPS.leadership],
    resubmit: z.object({ input: trainingRequestInput.optional() }).strict(),
  }),
  startedBy: { roles: ['project_owner', 'college_lead'], scope: 'college' },
  college: (input) => input.collegeId,
  subject: () => null,
  describe: (i) => `${i.collegeId} ${i.teacher.name}：${i.training.title}`,
  prepare: ({ input }) => justificationRule(input) ?? {},
  rules: {
    RESUBMIT: ({ context, event }) => {
      const revised = (event.data.input as TrainingRequestInput | undefined) ?? context.request;
      if (revised.collegeId !== context.request.collegeId) {
        return refuse(
          'VALIDATION_FAILED',
          { field: 'input.collegeId' },
          {
            zh: '修改后的申请不能更换二级学院',
            en: 'A revised request cannot move to another college',
          },
        );
      }
      return justificationRule(revised);
    },
  },
});
