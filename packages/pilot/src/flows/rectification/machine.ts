import { assign, setup } from 'xstate';
import type { JsonObject } from '@certflow/engine';
import type { EffectParams } from '../../effects.js';
import { EFFECT_KINDS } from '../../effects/catalog.js';
import type { WithdrawalTrigger } from '../withdrawal/input.js';
import type { RectificationInput, RectificationPlan } from './input.js';

interface Meta {
  readonly refs: JsonObject;
  readonly at: string;
  readonly actorId: string;
}
export type RectificationEvent = Meta &
  (
    | { readonly type: 'SUBMIT_PLAN'; readonly data: RectificationPlan }
    | { readonly type: 'PLAN_OVERDUE'; readonly data: JsonObject }
    | { readonly type: 'APPROVE' | 'RETURN' | 'REJECT'; readonly data: Record<string, never> }
  );

export interface RectificationContext {
  readonly instanceId: string;
  readonly case: RectificationInput;
  readonly plan: (RectificationPlan & { readonly at: string }) | null;
  /** How many times the plan went back for revision. */
  readonly rounds: number;
}

interface MachineInput {
  readonly input: RectificationInput;
  readonly instanceId: string;
}

/** A failed or overdue rectification opens a withdrawal case (第九条 → 第七条1). */
function openWithdrawal(
  ctx: RectificationContext,
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
 * Supervision and rectification (第九条): 教务处 records a finding → the college submits a plan
 * by a deadline → 教务处 verifies → closed; or failed / overdue → a withdrawal case opens.
 */
export const rectificationMachine = setup({
  types: {
    context: {} as RectificationContext,
    events: {} as RectificationEvent,
    input: {} as MachineInput,
  },
  actions: {
    effect: (_, _params: EffectParams) => undefined,
  },
}).createMachine({
  id: 'rectification',
  context: ({ input }) => ({
    instanceId: input.instanceId,
    case: input.input,
    plan: null,
    rounds: 0,
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
        APPROVE: 'closed',
        RETURN: {
          target: 'planPending',
          actions: assign({ rounds: ({ context }) => context.rounds + 1 }),
        },
        REJECT: {
          target: 'failed',
          actions: {
            type: 'effect',
            params: ({ context }) =>
              openWithdrawal(context, context.case.finding.trigger, '整改未通过验收'),
          },
        },
      },
    },
    closed: { type: 'final' },
    failed: { type: 'final' },
    overdue: { type: 'final' },
  },
});
