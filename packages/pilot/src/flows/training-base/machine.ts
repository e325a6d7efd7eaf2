import { assign, setup } from 'xstate';
import type { JsonObject } from '@certflow/engine';
import type { EffectParams } from '../../effects.js';
import type { TrainingBaseInput } from './input.js';
import { CHAIN_DECISIONS } from '../../review-chain.js';

/** Reference data kind of an established training base, keyed by its instance id. */
export const TRAINING_BASE_KIND = 'training-base';

export interface TrainingBaseContext {
  readonly instanceId: string;
  readonly submitterId: string;
  readonly design: TrainingBaseInput;
  readonly revisions: number;
  readonly establishedAt: string | null;
}

interface MachineInput {
  readonly input: TrainingBaseInput;
  readonly instanceId: string;
  readonly submitterId: string;
}

type Decision = {
  type: 'APPROVE' | 'RETURN' | 'REJECT' | 'WITHDRAW';
  data: JsonObject;
  at?: string;
};
type Resubmit = { type: 'RESUBMIT'; data: { input?: TrainingBaseInput } };
export type TrainingBaseEvent = Decision | Resubmit;

/**
 * Training-base construction (第七条6): the college's design → 教务处 → 学校 (the leadership
 * group) → established: the base is recorded as reference data for construction to start.
 */
export const trainingBaseMachine = setup({
  types: {
    context: {} as TrainingBaseContext,
    events: {} as TrainingBaseEvent,
    input: {} as MachineInput,
  },
  actions: {
    effect: (_, _params: EffectParams) => undefined,
  },
}).createMachine({
  id: 'training-base',
  context: ({ input }) => ({
    instanceId: input.instanceId,
    submitterId: input.submitterId,
    design: input.input,
    revisions: 0,
    establishedAt: null,
  }),
  initial: 'academicReview',
  states: {
    academicReview: {
      on: { APPROVE: 'schoolReview', ...CHAIN_DECISIONS },
    },
    schoolReview: {
      on: {
        APPROVE: {
          target: 'established',
          actions: assign({
            establishedAt: ({ event }) => (event.type === 'APPROVE' ? (event.at ?? null) : null),
          }),
        },
        ...CHAIN_DECISIONS,
      },
    },
    returned: {
      on: {
        RESUBMIT: {
          target: 'academicReview',
          actions: assign(({ context, event }) => ({
            design: event.data.input ?? context.design,
            revisions: context.revisions + 1,
          })),
        },
        WITHDRAW: 'withdrawn',
      },
    },
    established: {
      type: 'final',
      entry: [
        {
          type: 'effect',
          params: ({ context }) => ({
            kind: 'reference.put',
            refKind: TRAINING_BASE_KIND,
            key: context.instanceId,
            value: JSON.parse(
              JSON.stringify({
                id: context.instanceId,
                ...context.design,
                status: 'established',
                establishedAt: context.establishedAt,
                proposerId: context.submitterId,
              }),
            ) as JsonObject,
          }),
        },
        {
          type: 'effect',
          params: ({ context }) => ({
            kind: 'pilot.training-base.established',
            trainingBaseId: context.instanceId,
            collegeId: context.design.collegeId,
          }),
        },
      ],
    },
    rejected: { type: 'final' },
    withdrawn: { type: 'final' },
  },
});
