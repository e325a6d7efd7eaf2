import { defineFlow, type JsonObject } from '@certflow/engine';
import { z } from 'zod';
import { attachmentRef } from '../../ledger/attachment-ref.js';
import { PROJECT_REF, readProject } from '../../ledger/project-ref.js';
import { withdrawalInput, WITHDRAWAL_TRIGGERS, type WithdrawalInput } from './input.js';
import { withdrawalMachine, type WithdrawalContext } from './machine.js';

const empty = z.object({}).strict();

/** The college answers the notice within 5 working days, or the case goes to the leadership group. */
export const RESPONSE_DEADLINE = { workingDays: 5 } as const;

/** Withdrawal of a pilot project (第七条1). */
export const withdrawalFlow = defineFlow<WithdrawalInput, WithdrawalContext>({
  id: 'withdrawal',
  version: 1,
  title: { zh: '试点项目退出（撤销）', en: 'Pilot project withdrawal' },
  machine: withdrawalMachine,
  input: withdrawalInput,
  events: {
    ISSUE_NOTICE: z
      .object({ noticeRef: attachmentRef, summary: z.string().trim().min(1).max(2000) })
      .strict(),
    DISMISS: empty,
    RESPOND: z
      .object({
        statement: z.string().trim().min(1).max(5000),
        evidenceRefs: z.array(attachmentRef).max(50).default([]),
      })
      .strict(),
    APPROVE: empty,
    REJECT: empty,
  },
  states: {
    notice: {
      tasks: [
        {
          step: 'notice',
          role: 'academic_affairs',
          scope: 'school',
          events: ['ISSUE_NOTICE', 'DISMISS', 'TRANSFER', 'CC', 'COMMENT'],
          approval: false,
        },
      ],
    },
    response: {
      tasks: [
        {
          step: 'response',
          role: 'college_lead',
          scope: 'college',
          events: ['RESPOND', 'TRANSFER', 'CC', 'COMMENT'],
          approval: false,
          deadline: RESPONSE_DEADLINE,
          reminders: [{ workingDays: 3 }],
        },
      ],
      timeout: { after: RESPONSE_DEADLINE, event: 'RESPONSE_OVERDUE' },
    },
    decision: {
      tasks: [
        {
          step: 'decision',
          role: 'leadership',
          scope: 'school',
          events: ['APPROVE', 'REJECT', 'ADD_APPROVER', 'CC', 'COMMENT'],
          approval: true,
          // A leadership decision is never taken by reply mail.
          replyAllowed: false,
        },
      ],
    },
  },
  outcomes: { cancelled: 'completed', retained: 'rejected', dismissed: 'withdrawn' },
  startedBy: { roles: ['academic_affairs'], scope: 'school' },
  college: (input) => input.collegeId,
  subject: (input) => input.projectId,
  describe: (i) => `${i.collegeId} 项目 ${i.projectId} 退出：${WITHDRAWAL_TRIGGERS[i.trigger].zh}`,
  references: ({ input }) => [{ kind: PROJECT_REF, key: input.projectId }],
  prepare: ({ input, refs }) => {
    const project = readProject(refs, input.projectId, { collegeId: input.collegeId });
    return project instanceof Error ? project : {};
  },
  rules: {
    APPROVE: ({ context, refs }) => {
      const project = readProject(refs, context.case.projectId, {
        mustBeImplementing: false,
      });
      if (project instanceof Error) return project;
      return { refs: { project: project as unknown as JsonObject } };
    },
  },
});
