import { REVIEW_STEPS, reviewChain } from '../../review-chain.js';
import { defineFlow, refuse } from '@certflow/engine';
import { z } from 'zod';
import { trainingBaseInput, type TrainingBaseInput } from './input.js';
import { trainingBaseMachine, type TrainingBaseContext } from './machine.js';

export const trainingBaseFlow = defineFlow<TrainingBaseInput, TrainingBaseContext>({
  id: 'training-base',
  version: 1,
  title: { zh: '1+X 培训考核基地立项', en: '1+X training and assessment base' },
  machine: trainingBaseMachine,
  input: trainingBaseInput,
  ...reviewChain({
    // 学校 decides the base: the 领导小组, in a step named `school`.
    steps: [
      REVIEW_STEPS.academic,
      { ...REVIEW_STEPS.leadership, state: 'schoolReview', step: 'school' },
    ],
    resubmit: z.object({ input: trainingBaseInput.optional() }).strict(),
    approvedState: 'established',
  }),
  // The college designs the base: its pilot lead submits the design.
  startedBy: { roles: ['college_lead'], scope: 'college' },
  college: (input) => input.collegeId,
  subject: (_input, instanceId) => instanceId,
  describe: (i) => `${i.collegeId} 培训考核基地：${i.name}`,
  rules: {
    RESUBMIT: ({ context, event }) => {
      const revised = event.data.input as TrainingBaseInput | undefined;
      if (revised && revised.collegeId !== context.design.collegeId) {
        return refuse(
          'VALIDATION_FAILED',
          { field: 'input.collegeId' },
          {
            zh: '修改后的设计方案不能更换二级学院',
            en: 'A revised design cannot move to another college',
          },
        );
      }
      return undefined;
    },
  },
});
