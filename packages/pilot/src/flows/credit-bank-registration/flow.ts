import { defineFlow, type JsonObject } from '@certflow/engine';
import { z } from 'zod';
import { PROJECT_REF, readProject } from '../../ledger/project-ref.js';
import { creditBankErrors } from './errors.js';
import { authorityApproval, creditBankInput, repost, type CreditBankInput } from './input.js';
import { creditBankMachine, type CreditBankContext } from './machine.js';

const empty = z.object({}).strict();

/**
 * 学分银行试点证书申报 of a pilot project (第七条3), version 1: recorded on the project whenever
 * the higher authority approves it — before, during or after an assessment — by its own event.
 */
export const creditBankRegistrationFlow = defineFlow<CreditBankInput, CreditBankContext>({
  id: 'credit-bank-registration',
  version: 1,
  title: { zh: '学分银行试点证书申报', en: 'Credit-bank certificate registration' },
  machine: creditBankMachine,
  input: creditBankInput,
  events: {
    AUTHORITY_APPROVED: authorityApproval,
    AUTHORITY_RETURNED: empty,
    REPOST: repost,
    WITHDRAW: empty,
  },
  states: {
    authority: {
      tasks: [
        {
          // 教务处 records the higher authority's decision: not an approval of its own.
          step: 'authority',
          role: 'academic_affairs',
          scope: 'school',
          events: ['AUTHORITY_APPROVED', 'AUTHORITY_RETURNED', 'TRANSFER', 'CC', 'COMMENT'],
          approval: false,
        },
      ],
      submitterEvents: ['WITHDRAW'],
    },
    returned: {
      tasks: [
        {
          step: 'repost',
          role: 'submitter',
          scope: 'submitter',
          events: ['REPOST', 'WITHDRAW'],
          approval: false,
        },
      ],
    },
  },
  outcomes: { recorded: 'completed', withdrawn: 'withdrawn' },
  startedBy: { roles: ['project_owner', 'college_lead'], scope: 'college' },
  college: (input) => input.collegeId,
  subject: (input) => input.projectId,
  describe: (i) => `${i.collegeId} 项目 ${i.projectId} 学分银行试点证书申报`,
  references: ({ input }) => [{ kind: PROJECT_REF, key: input.projectId }],
  prepare: ({ input, refs }) => {
    const project = readProject(refs, input.projectId, { collegeId: input.collegeId });
    if (project instanceof Error) return project;
    if (project.creditBankLocked === true) {
      return creditBankErrors.error('CREDIT_BANK_ALREADY_RECORDED', { projectId: input.projectId });
    }
    return {};
  },
  rules: {
    // The project as it is now: the lock is written onto the current record (pure of what was read).
    AUTHORITY_APPROVED: ({ context, refs }) => {
      const project = readProject(refs, context.registration.projectId, {
        mustBeImplementing: false,
      });
      return project instanceof Error
        ? project
        : { refs: { project: project as unknown as JsonObject } };
    },
  },
});
