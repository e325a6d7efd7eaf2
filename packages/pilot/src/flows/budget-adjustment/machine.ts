import { assign, enqueueActions, setup } from 'xstate';
import type { JsonObject } from '@certflow/engine';
import type { EffectParams } from '../../effects.js';
import { adjustedBudget, applyEntry, ledger, putLedger } from '../../ledger/ledger.js';
import { projectRef, putProject } from '../../ledger/project-ref.js';
import type { BudgetAdjustmentInput } from './input.js';
import { CHAIN_DECISIONS } from '../../review-chain.js';

interface Meta {
  readonly refs: JsonObject;
  readonly at: string;
  readonly actorId: string;
}
type Decision = {
  readonly type: 'APPROVE' | 'RETURN' | 'REJECT' | 'WITHDRAW';
  readonly data: Record<string, never>;
};
type Resubmit = {
  readonly type: 'RESUBMIT';
  readonly data: Partial<Pick<BudgetAdjustmentInput, 'delta' | 'reason'>>;
};
export type BudgetAdjustmentEvent = Meta & (Decision | Resubmit);

export interface LeadershipNeed {
  readonly needsLeadership: boolean;
  readonly magnitude: number;
  readonly threshold: number;
}

export interface BudgetAdjustmentContext {
  readonly instanceId: string;
  readonly request: BudgetAdjustmentInput;
  readonly leadership: LeadershipNeed;
  readonly revisions: number;
}

interface MachineInput {
  readonly input: BudgetAdjustmentInput;
  readonly refs: JsonObject;
  readonly instanceId: string;
}

const needOf = (refs: JsonObject): LeadershipNeed => ({
  needsLeadership: refs.needsLeadership !== false,
  magnitude: typeof refs.magnitude === 'number' ? refs.magnitude : 0,
  threshold: typeof refs.threshold === 'number' ? refs.threshold : 0,
});

/** The approved adjustment: the project budget and the ledger, atomically with the approval. */
export function adjustmentEffects(
  context: BudgetAdjustmentContext,
  event: { readonly refs: JsonObject; readonly at: string },
): EffectParams[] {
  const project = projectRef.parse(event.refs.project);
  const l = ledger.parse(event.refs.ledger);
  const { delta, reason } = context.request;
  const entry = {
    type: 'adjustment' as const,
    delta,
    reason,
    at: event.at,
    source: context.instanceId,
  };
  return [
    putProject({ ...project, budget: adjustedBudget(project.budget, delta) }),
    putLedger(applyEntry(l, entry)),
  ];
}

/**
 * Budget adjustment (第十一条): 财务审计处 → 教务处 → (领导小组 above the threshold) → approved;
 * the approval rewrites the project budget and appends to the ledger in the same transaction.
 */
export const budgetAdjustmentMachine = setup({
  types: {
    context: {} as BudgetAdjustmentContext,
    events: {} as BudgetAdjustmentEvent,
    input: {} as MachineInput,
  },
  actions: {
    effect: (_, _params: EffectParams) => undefined,
  },
  guards: {
    needsLeadership: ({ context }) => context.leadership.needsLeadership,
    refsReady: ({ event }) =>
      projectRef.safeParse(event.refs.project).success &&
      ledger.safeParse(event.refs.ledger).success,
  },
}).createMachine({
  id: 'budget-adjustment',
  context: ({ input }) => ({
    instanceId: input.instanceId,
    request: input.input,
    leadership: needOf(input.refs),
    revisions: 0,
  }),
  initial: 'financeReview',
  states: {
    financeReview: {
      on: {
        APPROVE: 'academicReview',
        ...CHAIN_DECISIONS,
      },
    },
    academicReview: {
      on: {
        APPROVE: [
          { guard: 'needsLeadership', target: 'leadershipReview' },
          {
            guard: 'refsReady',
            target: 'approved',
            actions: enqueueActions(({ context, event, enqueue }) => {
              for (const params of adjustmentEffects(context, event))
                enqueue({ type: 'effect', params });
            }),
          },
        ],
        ...CHAIN_DECISIONS,
      },
    },
    leadershipReview: {
      on: {
        APPROVE: {
          guard: 'refsReady',
          target: 'approved',
          actions: enqueueActions(({ context, event, enqueue }) => {
            for (const params of adjustmentEffects(context, event))
              enqueue({ type: 'effect', params });
          }),
        },
        ...CHAIN_DECISIONS,
      },
    },
    returned: {
      on: {
        RESUBMIT: {
          target: 'financeReview',
          actions: assign(({ context, event }) => ({
            request: { ...context.request, ...event.data },
            leadership: needOf(event.refs),
            revisions: context.revisions + 1,
          })),
        },
        WITHDRAW: 'withdrawn',
      },
    },
    approved: { type: 'final' },
    rejected: { type: 'final' },
    withdrawn: { type: 'final' },
  },
});
