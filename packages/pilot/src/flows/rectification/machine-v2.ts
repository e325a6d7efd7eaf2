import { assign, setup } from 'xstate';
import type { JsonObject } from '@certflow/engine';
import type { EffectParams } from '../../effects.js';
import { EFFECT_KINDS } from '../../effects/catalog.js';
import type { WithdrawalTrigger } from '../withdrawal/input.js';
import type { RectificationInput, RectificationPlan, RectificationResults } from './input.js';

interface Meta {
  readonly refs: JsonObject;
  readonly at: string;
  readonly actorId: string;
}
export type RectificationEventV2 = Meta &
  (
    | { readonly type: 'SUBMIT_PLAN'; readonly data: RectificationPlan }
    | { readonly type: 'REPORT_RESULTS'; readonly data: RectificationResults }
    | { readonly type: 'PLAN_OVERDUE' | 'RESULTS_OVERDUE'; readonly data: JsonObject }
    | { readonly type: 'APPROVE' | 'RETURN' | 'REJECT'; readonly data: Record<string, never> }
  );

export interface RectificationContextV2 {
  readonly instanceId: string;
  readonly case: RectificationInput;
  readonly plan: (RectificationPlan & { readonly at: string }) | null;
  readonly planAcceptedAt: string | null;
  /** The college's report of what it did (落实整改), as last submitted. */
  readonly results: (RectificationResults & { readonly at: string }) | null;
  /** How many times the plan went back for revision. */
  readonly rounds: number;
  /** How many times the reported results went back. */
  readonly resultRounds: number;
}

function openWithdrawal(
  ctx: RectificationContextV2,
  trigger: WithdrawalTrigger,
  reason: string,
): EffectParams {
  return {
    kind: EFFECT_KINDS.openWithdrawal,
    withdrawal: {
      projectId: ctx.case.projectId,
      collegeId: ctx.case.collegeId,
      trigger,
      reason: `${reason}：${ctx.case.finding.summary}`,
      source: { flowId: 'rectification', instanceId: ctx.instanceId },
    },
  };
}

/**
 * Supervision and rectification, version 2 (第九条: 督促各二级学院拟定整改方案，积极落实整改成果):
 * finding → the college's plan by a deadline → 教务处 accepts it → the college reports the results
 * by a deadline → 教务处 verifies them → closed; a failed plan or results, or a missed deadline,
 * opens a withdrawal case (第七条1).
 */
export const rectificationMachineV2 = setup({
  types: {
    context: {} as RectificationContextV2,
    events: {} as RectificationEventV2,
    input: {} as { readonly input: RectificationInput; readonly instanceId: string },
  },
  actions: { effect: (_, _params: EffectParams) => undefined },
}).createMachine({
  id: 'rectification',
  context: ({ input }) => ({
    instanceId: input.instanceId,
    case: input.input,
    plan: null,
    planAcceptedAt: null,
    results: null,
    rounds: 0,
    resultRounds: 0,
  }),
  initial: 'planPending',
  states: {
    planPending: {
      on: {
        SUBMIT_PLAN: {
          target: 'verification',
          actions: assign({ plan: ({ event }) => ({ ...event.data, at: event.at }) }),
        },
        PLAN_OVERDUE: {
          target: 'overdue',
          actions: {
            type: 'effect',
            params: ({ context }) =>
              openWithdrawal(context, 'rectification-overdue', '逾期未提交整改方案'),
          },
        },
      },
    },
    verification: {
      on: {
        APPROVE: {
          target: 'implementing',
          actions: assign({ planAcceptedAt: ({ event }) => event.at }),
        },
        RETURN: {
          target: 'planPending',
          actions: assign({ rounds: ({ context }) => context.rounds + 1 }),
        },
        REJECT: {
          target: 'failed',
          actions: {
            type: 'effect',
            params: ({ context }) =>
              openWithdrawal(context, context.case.finding.trigger, '整改方案未通过审核'),
          },
        },
      },
    },
    implementing: {
      on: {
        REPORT_RESULTS: {
          target: 'resultsVerification',
          actions: assign({ results: ({ event }) => ({ ...event.data, at: event.at }) }),
        },
        RESULTS_OVERDUE: {
          target: 'overdue',
          actions: {
            type: 'effect',
            params: ({ context }) =>
              openWithdrawal(context, 'rectification-overdue', '逾期未报送整改落实情况'),
          },
        },
      },
    },
    resultsVerification: {
      on: {
        APPROVE: 'closed',
        RETURN: {
          target: 'implementing',
          actions: assign({ resultRounds: ({ context }) => context.resultRounds + 1 }),
        },
        REJECT: {
          target: 'failed',
          actions: {
            type: 'effect',
            params: ({ context }) =>
              openWithdrawal(context, context.case.finding.trigger, '整改落实情况未通过验收'),
          },
        },
      },
    },
    closed: { type: 'final' },
    failed: { type: 'final' },
    overdue: { type: 'final' },
  },
});
