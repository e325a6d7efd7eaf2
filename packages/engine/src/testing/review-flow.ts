import { setup } from 'xstate';
import { z } from 'zod';
import { defineFlow, type ApproverMode, type FlowDefinition } from '../flows/flow.js';

/** A two-step review flow for the engine's own tests; `version` lets tests register v2. */
export function reviewFlow(
  version = 1,
  options: {
    extraStep?: boolean;
    deadlines?: boolean;
    /** How the second step (教务处, role `office`) is decided: 会签, 依次 … (default 或签). */
    approvers?: ApproverMode;
    rejectEndsStep?: boolean;
    /** Whether the second step's tasks may be approved in a batch. */
    batch?: boolean;
  } = {},
): FlowDefinition<{ college: string; title: string }, object> {
  const machine = setup({
    types: { context: {} as { title: string }, input: {} as { input: { title: string } } },
  }).createMachine({
    id: 'review',
    context: ({ input }) => ({ title: input.input.title }),
    initial: 'first',
    states: {
      first: {
        on: { APPROVE: 'second', RETURN: 'returned', REJECT: 'rejected', WITHDRAW: 'withdrawn' },
      },
      second: {
        on: {
          APPROVE: options.extraStep ? 'third' : 'done',
          RETURN: 'returned',
          REJECT: 'rejected',
          EXPIRE: 'expired',
        },
      },
      third: { on: { APPROVE: 'done' } },
      returned: { on: { RESUBMIT: 'first', WITHDRAW: 'withdrawn' } },
      done: { type: 'final' },
      rejected: { type: 'final' },
      withdrawn: { type: 'final' },
      expired: { type: 'final' },
    },
  });
  const ops = [
    'TRANSFER',
    'DELEGATE',
    'RESOLVE',
    'ADD_APPROVER',
    'REMOVE_APPROVER',
    'CC',
    'COMMENT',
    'TAKE_BACK',
  ];
  return defineFlow({
    id: 'review',
    version,
    title: { zh: '测试审批', en: 'Test review' },
    machine,
    input: z.object({ college: z.string(), title: z.string() }).strict(),
    events: {
      APPROVE: z.object({}).strict(),
      RETURN: z.object({}).strict(),
      REJECT: z.object({}).strict(),
      WITHDRAW: z.object({}).strict(),
      RESUBMIT: z.object({}).strict(),
    },
    states: {
      first: {
        tasks: [
          {
            step: 'first',
            role: 'lead',
            scope: 'college',
            events: ['APPROVE', 'RETURN', 'REJECT', ...ops],
            approval: true,
            ...(options.deadlines
              ? {
                  deadline: { workingDays: 5 },
                  reminders: [{ workingDays: 3 }],
                  escalateTo: { role: 'head', scope: 'school' as const },
                }
              : {}),
          },
        ],
        submitterEvents: ['WITHDRAW'],
      },
      second: {
        tasks: [
          {
            step: 'second',
            role: 'office',
            scope: 'school',
            events: ['APPROVE', 'RETURN', 'REJECT', ...ops],
            approval: true,
            ...(options.approvers ? { approvers: options.approvers } : {}),
            ...(options.rejectEndsStep === undefined
              ? {}
              : { rejectEndsStep: options.rejectEndsStep }),
            ...(options.batch ? { batch: true } : {}),
          },
        ],
        ...(options.deadlines ? { timeout: { after: { workingDays: 10 }, event: 'EXPIRE' } } : {}),
      },
      third: {
        tasks: [
          { step: 'third', role: 'office', scope: 'school', events: ['APPROVE'], approval: true },
        ],
      },
      returned: {
        tasks: [
          {
            step: 'revise',
            role: 'submitter',
            scope: 'submitter',
            events: ['RESUBMIT', 'WITHDRAW'],
            approval: false,
          },
        ],
      },
    },
    outcomes: {
      done: 'completed',
      rejected: 'rejected',
      withdrawn: 'withdrawn',
      expired: 'cancelled',
    },
    startedBy: { roles: ['owner'], scope: 'college' },
    college: (i) => i.college,
    describe: (i) => i.title,
  });
}
