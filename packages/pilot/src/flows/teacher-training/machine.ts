import { assign, setup } from 'xstate';
import type { JsonObject } from '@certflow/engine';
import type { EffectParams } from '../../effects.js';
import type { TrainingRequestInput } from './input.js';
import { beyondStandard } from './standard.js';
import { CHAIN_DECISIONS } from '../../review-chain.js';

export interface TrainingContext {
  readonly instanceId: string;
  readonly submitterId: string;
  readonly request: TrainingRequestInput;
  readonly revisions: number;
}

interface MachineInput {
  readonly input: TrainingRequestInput;
  readonly instanceId: string;
  readonly submitterId: string;
}

type Decision = { type: 'APPROVE' | 'RETURN' | 'REJECT' | 'WITHDRAW'; data: JsonObject };
type Resubmit = { type: 'RESUBMIT'; data: { input?: TrainingRequestInput } };
export type TrainingEvent = Decision | Resubmit;

/**
 * Teacher training request (第六条5, 第七条5): 二级学院 → 教务处 → (领导小组, when clearly beyond
 * the standard) → approved.
 */
export const teacherTrainingMachine = setup({
  types: {
    context: {} as TrainingContext,
    events: {} as TrainingEvent,
    input: {} as MachineInput,
  },
  actions: {
    effect: (_, _params: EffectParams) => undefined,
  },
  guards: {
    beyondStandard: ({ context }) => beyondStandard(context.request).length > 0,
  },
}).createMachine({
  id: 'teacher-training',
  context: ({ input }) => ({
    instanceId: input.instanceId,
    submitterId: input.submitterId,
    request: input.input,
    revisions: 0,
  }),
  initial: 'collegeReview',
  states: {
    collegeReview: {
      on: { APPROVE: 'academicReview', ...CHAIN_DECISIONS },
    },
    academicReview: {
      on: {
        APPROVE: [{ guard: 'beyondStandard', target: 'leadershipReview' }, { target: 'approved' }],
        ...CHAIN_DECISIONS,
      },
    },
    leadershipReview: {
      on: { APPROVE: 'approved', ...CHAIN_DECISIONS },
    },
    returned: {
      on: {
        RESUBMIT: {
          target: 'collegeReview',
          actions: assign(({ context, event }) => ({
            request: event.data.input ?? context.request,
            revisions: context.revisions + 1,
          })),
        },
        WITHDRAW: 'withdrawn',
      },
    },
    approved: {
      type: 'final',
      entry: {
        type: 'effect',
        params: ({ context }) => ({
          kind: 'pilot.teacher-training.approved',
          collegeId: context.request.collegeId,
          teacherId: context.request.teacher.id,
          title: context.request.training.title,
          beyondStandard: beyondStandard(context.request),
        }),
      },
    },
    rejected: { type: 'final' },
    withdrawn: { type: 'final' },
  },
});
