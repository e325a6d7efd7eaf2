import { defineFlow, type FlowDefinition } from '@certflow/engine';
import { setup } from 'xstate';
import { z } from 'zod';

/**
 * A one-step review for the scheduler tests: the reviewer (`lead` of the college) must decide
 * within 5 working days, is reminded after 3 and 4, and the office head (`head`) gets an
 * escalation task at the deadline. `EXPIRE` (a state timeout after 10 working days in `second`)
 * exercises machine events sent by timers.
 */
export function deadlineFlow(): FlowDefinition<{ college: string; title: string }, object> {
  const machine = setup({}).createMachine({
    id: 'deadline',
    initial: 'review',
    states: {
      review: { on: { APPROVE: 'second', REJECT: 'rejected' } },
      second: { on: { APPROVE: 'done', EXPIRE: 'expired' } },
      done: { type: 'final' },
      rejected: { type: 'final' },
      expired: { type: 'final' },
    },
  });
  return defineFlow({
    id: 'deadline-review',
    version: 1,
    title: { zh: '限时审核', en: 'Review with a deadline' },
    machine,
    input: z.object({ college: z.string(), title: z.string() }).strict(),
    events: { APPROVE: z.object({}).strict(), REJECT: z.object({}).strict() },
    states: {
      review: {
        tasks: [
          {
            step: 'review',
            role: 'lead',
            scope: 'college',
            events: ['APPROVE', 'REJECT'],
            approval: true,
            deadline: { workingDays: 5 },
            reminders: [{ workingDays: 3 }, { workingDays: 4 }],
            escalateTo: { role: 'head', scope: 'school' },
          },
        ],
      },
      second: {
        tasks: [
          { step: 'second', role: 'head', scope: 'school', events: ['APPROVE'], approval: true },
        ],
        timeout: { after: { workingDays: 10 }, event: 'EXPIRE' },
      },
    },
    outcomes: { done: 'completed', rejected: 'rejected', expired: 'cancelled' },
    startedBy: { roles: ['owner'], scope: 'college' },
    college: (i) => i.college,
    describe: (i) => i.title,
  });
}

export const owner = { id: 'u-owner', roles: ['owner'], college: 'ee' } as const;
export const lead = { id: 'u-lead', roles: ['lead'], college: 'ee' } as const;
