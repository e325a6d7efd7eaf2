import { defineFlow, refuse, type TaskSpec } from '@certflow/engine';
import { z } from 'zod';
import { trainingBaseInput, type TrainingBaseInput } from './input.js';
import { trainingBaseMachine, type TrainingBaseContext } from './machine.js';

const review = (step: string, role: string): TaskSpec => ({
  step,
  role,
  scope: 'school',
  events: ['APPROVE', 'RETURN', 'REJECT', 'TRANSFER', 'ADD_APPROVER', 'CC', 'COMMENT'],
  approval: true,
  // Leadership decisions are never taken by reply mail.
  replyAllowed: role !== 'leadership',
});

export const trainingBaseFlow = defineFlow<TrainingBaseInput, TrainingBaseContext>({
  id: 'training-base',
  version: 1,
  title: { zh: '1+X 培训考核基地立项', en: '1+X training and assessment base' },
  machine: trainingBaseMachine,
  input: trainingBaseInput,
  events: {
    APPROVE: z.object({}).strict(),
    RETURN: z.object({}).strict(),
    REJECT: z.object({}).strict(),
    WITHDRAW: z.object({}).strict(),
    RESUBMIT: z.object({ input: trainingBaseInput.optional() }).strict(),
  },
  states: {
    academicReview: {
      tasks: [review('academic', 'academic_affairs')],
      submitterEvents: ['WITHDRAW'],
    },
    schoolReview: {
      tasks: [review('school', 'leadership')],
      submitterEvents: ['WITHDRAW'],
    },
    returned: {
      tasks: [
        {
          step: 'revise',
          role: 'submitter',
          scope: 'submitter',
          events: ['RESUBMIT', 'WITHDRAW'],
          approval: false,
        },
      ],
    },
  },
  outcomes: { established: 'completed', rejected: 'rejected', withdrawn: 'withdrawn' },
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
