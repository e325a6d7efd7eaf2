import { assign, setup } from 'xstate';
import type { JsonObject } from '@certflow/engine';
import type { EffectParams } from '../../effects.js';
import type { ReportInput } from './input.js';

export interface ReportContext {
  readonly instanceId: string;
  readonly request: ReportInput;
  /** Every version the college submitted, oldest first. */
  readonly submissions: readonly JsonObject[];
  /** Feedback received, each with the 诊改 measures answering it. */
  readonly feedback: readonly JsonObject[];
  readonly improvements: readonly JsonObject[];
  readonly overdue: boolean;
}

interface MachineInput {
  readonly input: ReportInput;
  readonly instanceId: string;
}

type Stamp = { actorId?: string; at?: string };
export type ReportEvent =
  | ({ type: 'SUBMIT' | 'FEEDBACK' | 'SUBMIT_IMPROVEMENT'; data: JsonObject } & Stamp)
  | ({ type: 'APPROVE' | 'RETURN' | 'CLOSE'; data: JsonObject } & Stamp)
  | ({ type: 'DEADLINE_PASSED' | 'FEEDBACK_WINDOW_CLOSED'; data: JsonObject } & Stamp);

const stamped = (event: ReportEvent): JsonObject => ({
  ...event.data,
  by: event.actorId ?? null,
  at: event.at ?? null,
});

const submit = { target: 'review', actions: 'recordSubmission' } as const;

/**
 * Reporting (第五条3–4, 第六条8, 第七条8, 第十四条): the college drafts and submits (working-day
 * deadline, reminders, overdue → escalation), 教务处 accepts or returns it, and the filed report
 * stays open for feedback from 教育厅 or an evaluation organization, which opens a
 * diagnose-and-improve (诊改) task for the college, reviewed by 教务处.
 */
export const reportMachine = setup({
  types: {
    context: {} as ReportContext,
    events: {} as ReportEvent,
    input: {} as MachineInput,
  },
  actions: {
    effect: (_, _params: EffectParams) => undefined,
    recordSubmission: assign({
      submissions: ({ context, event }) => [...context.submissions, stamped(event)],
    }),
    recordFeedback: assign({
      feedback: ({ context, event }) => [...context.feedback, stamped(event)],
    }),
    recordImprovement: assign({
      improvements: ({ context, event }) => [...context.improvements, stamped(event)],
    }),
    markOverdue: assign({ overdue: true }),
  },
  guards: {
    annual: ({ context }) => context.request.kind === 'annual-summary',
  },
}).createMachine({
  id: 'report',
  context: ({ input }) => ({
    instanceId: input.instanceId,
    request: input.input,
    submissions: [],
    feedback: [],
    improvements: [],
    overdue: false,
  }),
  initial: 'opening',
  states: {
    opening: {
      always: [{ guard: 'annual', target: 'annualDrafting' }, { target: 'drafting' }],
    },
    drafting: {
      on: { SUBMIT: submit, DEADLINE_PASSED: 'overdue' },
    },
    annualDrafting: {
      on: { SUBMIT: submit, DEADLINE_PASSED: 'overdue' },
    },
    overdue: {
      entry: [
        'markOverdue',
        {
          type: 'effect',
          params: ({ context }) => ({
            kind: 'pilot.report.overdue',
            collegeId: context.request.collegeId,
            period: context.request.period,
            reportKind: context.request.kind,
          }),
        },
      ],
      on: { SUBMIT: submit },
    },
    review: {
      on: { APPROVE: 'filed', RETURN: 'returned' },
    },
    returned: {
      on: { SUBMIT: submit },
    },
    filed: {
      on: {
        FEEDBACK: {
          target: 'improving',
          actions: [
            'recordFeedback',
            {
              type: 'effect',
              params: ({ context, event }) => ({
                kind: 'pilot.report.feedback',
                collegeId: context.request.collegeId,
                period: context.request.period,
                source: typeof event.data.source === 'string' ? event.data.source : null,
              }),
            },
          ],
        },
        CLOSE: 'closed',
        FEEDBACK_WINDOW_CLOSED: 'closed',
      },
    },
    improving: {
      on: {
        SUBMIT_IMPROVEMENT: {
          target: 'improvementReview',
          actions: 'recordImprovement',
        },
      },
    },
    improvementReview: {
      on: { APPROVE: 'filed', RETURN: 'improving' },
    },
    closed: { type: 'final' },
  },
});
