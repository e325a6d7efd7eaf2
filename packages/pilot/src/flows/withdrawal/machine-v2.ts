import { assign, enqueueActions, setup } from 'xstate';
import type { JsonObject } from '@certflow/engine';
import type { EffectParams } from '../../effects.js';
import { EFFECT_KINDS } from '../../effects/catalog.js';
import { projectRef, putProject } from '../../ledger/project-ref.js';
import { evidenceEntry, type EvidenceEntry } from './case-file.js';
import { cancellationReason, type WithdrawalContext } from './machine.js';
import type { WithdrawalInputV2 } from './input.js';

interface Meta {
  readonly refs: JsonObject;
  readonly at: string;
  readonly actorId: string;
}
export type WithdrawalEventV2 = Meta &
  (
    | { readonly type: 'ISSUE_NOTICE'; readonly data: { noticeRef: string; summary: string } }
    | { readonly type: 'DISMISS'; readonly data: Record<string, never> }
    | { readonly type: 'RESPOND'; readonly data: { statement: string; evidenceRefs: string[] } }
    | { readonly type: 'RESPONSE_OVERDUE'; readonly data: JsonObject }
    | { readonly type: 'APPROVE'; readonly data: Record<string, never> }
    | { readonly type: 'REJECT'; readonly data: Record<string, never> }
  );

export interface WithdrawalContextV2 extends Omit<WithdrawalContext, 'case'> {
  readonly case: WithdrawalInputV2;
  /** Set when this instance added its trigger to the project's open case instead of opening one. */
  readonly joinedCase: string | null;
  /** The case's evidence as the case file held it at the last decision (第七条1). */
  readonly evidence: readonly EvidenceEntry[];
}

interface MachineInput {
  readonly input: WithdrawalInputV2;
  readonly refs: JsonObject;
  readonly instanceId: string;
}

/** The evidence a rule read from the case file (`refs.evidence`), if any. */
const evidenceIn = (refs: JsonObject | undefined): EvidenceEntry[] | undefined => {
  const parsed = evidenceEntry.array().safeParse(refs?.evidence);
  return parsed.success ? parsed.data : undefined;
};

/**
 * Withdrawal of a pilot project, version 2 (第七条1): at most one open case per project. A start
 * while a case is open either is refused (a person) or adds its trigger to that case as evidence
 * and ends at once as `joined` (`ifOpen: 'add-evidence'`, what the effect handlers ask). Otherwise
 * as version 1: 教务处 issues a notice → the college responds by a deadline → the leadership
 * group decides on the case and all its evidence → the project is cancelled and its other open
 * instances end.
 */
export const withdrawalMachineV2 = setup({
  types: {
    context: {} as WithdrawalContextV2,
    events: {} as WithdrawalEventV2,
    input: {} as MachineInput,
  },
  actions: {
    effect: (_, _params: EffectParams) => undefined,
    /** The case file's evidence, as the event's rule read it. */
    evidence: assign(({ context, event }) => ({
      evidence: evidenceIn(event.refs) ?? context.evidence,
    })),
  },
  guards: {
    projectKnown: ({ event }) => projectRef.safeParse(event.refs.project).success,
    joinsOpenCase: ({ context }) => context.joinedCase !== null,
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
    joinedCase: typeof input.refs.joinedCase === 'string' ? input.refs.joinedCase : null,
    evidence: evidenceIn(input.refs) ?? [],
  }),
  initial: 'opening',
  states: {
    opening: {
      always: [{ guard: 'joinsOpenCase', target: 'joined' }, { target: 'notice' }],
    },
    notice: {
      on: {
        ISSUE_NOTICE: {
          target: 'response',
          actions: [
            assign({ notice: ({ event }) => ({ ...event.data, at: event.at }) }),
            'evidence',
          ],
        },
        DISMISS: { target: 'dismissed', actions: 'evidence' },
      },
    },
    response: {
      on: {
        RESPOND: {
          target: 'decision',
          actions: [
            assign({ response: ({ event }) => ({ ...event.data, at: event.at }) }),
            'evidence',
          ],
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
            'evidence',
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
          actions: [assign({ decidedAt: ({ event }) => event.at }), 'evidence'],
        },
      },
    },
    cancelled: { type: 'final' },
    retained: { type: 'final' },
    dismissed: { type: 'final' },
    /** The trigger was added to the open case `joinedCase` as evidence. */
    joined: { type: 'final' },
  },
});
