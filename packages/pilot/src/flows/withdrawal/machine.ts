import { assign, enqueueActions, setup } from 'xstate';
import type { JsonObject } from '@certflow/engine';
import type { EffectParams } from '../../effects.js';
import { EFFECT_KINDS } from '../../effects/catalog.js';
import { projectRef, putProject } from '../../ledger/project-ref.js';
import { WITHDRAWAL_TRIGGERS, type WithdrawalInput } from './input.js';

interface Meta {
  readonly refs: JsonObject;
  readonly at: string;
  readonly actorId: string;
}
export type WithdrawalEvent = Meta &
  (
    | { readonly type: 'ISSUE_NOTICE'; readonly data: { noticeRef: string; summary: string } }
    | { readonly type: 'DISMISS'; readonly data: Record<string, never> }
    | { readonly type: 'RESPOND'; readonly data: { statement: string; evidenceRefs: string[] } }
    | { readonly type: 'RESPONSE_OVERDUE'; readonly data: JsonObject }
    | { readonly type: 'APPROVE'; readonly data: Record<string, never> }
    | { readonly type: 'REJECT'; readonly data: Record<string, never> }
  );

export interface WithdrawalContext {
  readonly instanceId: string;
  readonly case: WithdrawalInput;
  readonly notice: {
    readonly noticeRef: string;
    readonly summary: string;
    readonly at: string;
  } | null;
  readonly response: {
    readonly statement: string;
    readonly evidenceRefs: readonly string[];
    readonly at: string;
  } | null;
  readonly responseOverdue: boolean;
  readonly decidedAt: string | null;
}

interface MachineInput {
  readonly input: WithdrawalInput;
  readonly instanceId: string;
}

/** Why other instances end, for their audit rows (zh-CN first). */
export function cancellationReason(ctx: WithdrawalContext): string {
  const t = WITHDRAWAL_TRIGGERS[ctx.case.trigger];
  return `试点项目已按${t.article}撤销（${t.zh}），撤销流程 ${ctx.instanceId} / pilot project withdrawn (${t.en})`;
}

/**
 * Withdrawal of a pilot project (第七条1): 教务处 issues a notice → the college responds by a
 * deadline → the leadership group decides → the project is cancelled and its other open
 * instances end.
 */
export const withdrawalMachine = setup({
  types: {
    context: {} as WithdrawalContext,
    events: {} as WithdrawalEvent,
    input: {} as MachineInput,
  },
  actions: {
    effect: (_, _params: EffectParams) => undefined,
  },
  guards: {
    projectKnown: ({ event }) => projectRef.safeParse(event.refs.project).success,
  },
}).createMachine({
  id: 'withdrawal',
  context: ({ input }) => ({
    instanceId: input.instanceId,
    case: input.input,
    notice: null,
    response: null,
    responseOverdue: false,
    decidedAt: null,
  }),
  initial: 'notice',
  states: {
    notice: {
      on: {
        ISSUE_NOTICE: {
          target: 'response',
          actions: assign({ notice: ({ event }) => ({ ...event.data, at: event.at }) }),
        },
        DISMISS: 'dismissed',
      },
    },
    response: {
      on: {
        RESPOND: {
          target: 'decision',
          actions: assign({ response: ({ event }) => ({ ...event.data, at: event.at }) }),
        },
        RESPONSE_OVERDUE: {
          target: 'decision',
          actions: assign({ responseOverdue: true }),
        },
      },
    },
    decision: {
      on: {
        APPROVE: {
          guard: 'projectKnown',
          target: 'cancelled',
          actions: [
            assign({ decidedAt: ({ event }) => event.at }),
            enqueueActions(({ context, event, enqueue }) => {
              const project = projectRef.parse(event.refs.project);
              enqueue({
                type: 'effect',
                params: putProject({
                  ...project,
                  status: 'cancelled',
                  cancelledAt: event.at,
                  cancelledBy: context.instanceId,
                  cancelTrigger: context.case.trigger,
                }),
              });
              enqueue({
                type: 'effect',
                params: {
                  kind: EFFECT_KINDS.endProjectInstances,
                  projectId: context.case.projectId,
                  reason: cancellationReason(context),
                },
              });
            }),
          ],
        },
        REJECT: {
          target: 'retained',
          actions: assign({ decidedAt: ({ event }) => event.at }),
        },
      },
    },
    cancelled: { type: 'final' },
    retained: { type: 'final' },
    dismissed: { type: 'final' },
  },
});
