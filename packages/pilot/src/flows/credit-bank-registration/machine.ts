import { assign, enqueueActions, setup } from 'xstate';
import type { JsonObject } from '@certflow/engine';
import type { EffectParams } from '../../effects.js';
import { projectRef, putProject } from '../../ledger/project-ref.js';
import type { CreditBankInput } from './input.js';

interface Meta {
  readonly refs: JsonObject;
  readonly at: string;
  readonly actorId: string;
}
export type CreditBankEvent = Meta &
  (
    | { readonly type: 'AUTHORITY_APPROVED'; readonly data: { approvalRef: string } }
    | { readonly type: 'AUTHORITY_RETURNED'; readonly data: JsonObject }
    | { readonly type: 'REPOST'; readonly data: { registrationRef: string } }
    | { readonly type: 'WITHDRAW'; readonly data: JsonObject }
  );

export interface CreditBankContext {
  readonly instanceId: string;
  readonly registration: CreditBankInput;
  readonly approvalRef: string | null;
  readonly approvedAt: string | null;
  readonly returns: number;
}

/**
 * The credit-bank registration of a project (第七条3): the college files the 试点证书申报 on the
 * platform → 教务处 records the higher authority's decision. Approved: the project record is
 * locked (`creditBankLocked`), from then on its certificate type does not change; returned: the
 * college files again.
 */
export const creditBankMachine = setup({
  types: {
    context: {} as CreditBankContext,
    events: {} as CreditBankEvent,
    input: {} as { readonly input: CreditBankInput; readonly instanceId: string },
  },
  actions: { effect: (_, _params: EffectParams) => undefined },
  guards: {
    // The rule reads the project in the command and passes it on.
    projectKnown: ({ event }) => projectRef.safeParse(event.refs.project).success,
  },
}).createMachine({
  id: 'credit-bank-registration',
  context: ({ input }) => ({
    instanceId: input.instanceId,
    registration: input.input,
    approvalRef: null,
    approvedAt: null,
    returns: 0,
  }),
  initial: 'authority',
  states: {
    authority: {
      on: {
        AUTHORITY_APPROVED: {
          guard: 'projectKnown',
          target: 'recorded',
          actions: [
            assign({
              approvalRef: ({ event }) => event.data.approvalRef,
              approvedAt: ({ event }) => event.at,
            }),
            enqueueActions(({ context, event, enqueue }) => {
              const project = projectRef.parse(event.refs.project);
              enqueue({
                type: 'effect',
                params: putProject({
                  ...project,
                  creditBankLocked: true,
                  creditBank: {
                    registrationRef: context.registration.registrationRef,
                    approvalRef: event.data.approvalRef,
                    approvedAt: event.at,
                    recordedBy: event.actorId,
                    instanceId: context.instanceId,
                  },
                }),
              });
            }),
          ],
        },
        AUTHORITY_RETURNED: {
          target: 'returned',
          actions: assign({ returns: ({ context }) => context.returns + 1 }),
        },
        WITHDRAW: 'withdrawn',
      },
    },
    returned: {
      on: {
        REPOST: {
          target: 'authority',
          actions: assign({
            registration: ({ context, event }) => ({
              ...context.registration,
              registrationRef: event.data.registrationRef,
            }),
          }),
        },
        WITHDRAW: 'withdrawn',
      },
    },
    recorded: { type: 'final' },
    withdrawn: { type: 'final' },
  },
});
