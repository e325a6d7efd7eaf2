import { assign, setup } from 'xstate';
import type { JsonObject } from '@certflow/engine';
import type { EffectParams } from '../../../effects.js';
import type { ProjectInput } from '../input.js';
import { CHAIN_DECISIONS } from '../../../review-chain.js';

export interface LeadershipCheck {
  readonly needsLeadership: boolean;
  /** Why leadership must approve: `scale`, `budget`, `quota-missing`. */
  readonly reasons: readonly string[];
}

export interface ProjectContext {
  readonly instanceId: string;
  readonly submitterId: string;
  readonly application: ProjectInput;
  readonly leadership: LeadershipCheck;
  readonly revisions: number;
}

interface MachineInput {
  readonly input: ProjectInput;
  readonly refs: JsonObject;
  readonly instanceId: string;
  readonly submitterId: string;
}

type Decision = { type: 'APPROVE' | 'RETURN' | 'REJECT' | 'WITHDRAW'; data: JsonObject };
type Resubmit = { type: 'RESUBMIT'; data: { input?: ProjectInput }; refs: JsonObject };
export type ProjectEvent = Decision | Resubmit;

const leadershipOf = (refs: JsonObject): LeadershipCheck => ({
  needsLeadership: refs.needsLeadership === true,
  reasons: Array.isArray(refs.reasons) ? refs.reasons.map(String) : [],
});

/**
 * Annual plan / pilot project application (第六条2, 第七条2, 第八条1):
 * 二级学院 → 教务处 → (领导小组, when over the pilot scale or last year's executed budget) → approved.
 */
export const pilotProjectMachine = setup({
  types: {
    context: {} as ProjectContext,
    events: {} as ProjectEvent,
    input: {} as MachineInput,
  },
  actions: {
    // Effects are returned by `transition` and written to the outbox by the engine; never run here.
    effect: (_, _params: EffectParams) => undefined,
  },
  guards: {
    needsLeadership: ({ context }) => context.leadership.needsLeadership,
  },
}).createMachine({
  id: 'pilot-project',
  context: ({ input }) => ({
    instanceId: input.instanceId,
    submitterId: input.submitterId,
    application: input.input,
    leadership: leadershipOf(input.refs),
    revisions: 0,
  }),
  initial: 'collegeReview',
  states: {
    collegeReview: {
      on: {
        APPROVE: 'academicReview',
        ...CHAIN_DECISIONS,
      },
    },
    academicReview: {
      on: {
        APPROVE: [{ guard: 'needsLeadership', target: 'leadershipReview' }, { target: 'approved' }],
        ...CHAIN_DECISIONS,
      },
    },
    leadershipReview: {
      on: {
        APPROVE: 'approved',
        ...CHAIN_DECISIONS,
      },
    },
    returned: {
      on: {
        RESUBMIT: {
          target: 'collegeReview',
          actions: assign(({ context, event }) => ({
            application: event.data.input ?? context.application,
            leadership: leadershipOf(event.refs),
            revisions: context.revisions + 1,
          })),
        },
        WITHDRAW: 'withdrawn',
      },
    },
    approved: {
      type: 'final',
      entry: [
        {
          type: 'effect',
          params: ({ context }) => ({
            kind: 'reference.put',
            refKind: 'project',
            key: context.instanceId,
            value: {
              id: context.instanceId,
              ownerId: context.submitterId,
              ...context.application,
              status: 'implementing',
              creditBankLocked: false,
            },
          }),
        },
        {
          type: 'effect',
          params: ({ context }) => ({
            kind: 'pilot.project.approved',
            projectId: context.instanceId,
            year: context.application.year,
            collegeId: context.application.collegeId,
          }),
        },
      ],
    },
    rejected: { type: 'final' },
    withdrawn: { type: 'final' },
  },
});
