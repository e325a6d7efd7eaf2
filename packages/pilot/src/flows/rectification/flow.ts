import { defineFlow } from '@certflow/engine';
import { z } from 'zod';
import { PROJECT_REF, readProject } from '../../ledger/project-ref.js';
import { WITHDRAWAL_TRIGGERS } from '../withdrawal/input.js';
import { rectificationInput, rectificationPlan, type RectificationInput } from './input.js';
import { rectificationMachine, type RectificationContext } from './machine.js';

const empty = z.object({}).strict();

/** The college submits its rectification plan within 10 working days of the finding (or a return). */
export const PLAN_DEADLINE = { workingDays: 10 } as const;

/** Supervision and rectification (第九条). */
export const rectificationFlow = defineFlow<RectificationInput, RectificationContext>({
  id: 'rectification',
  version: 1,
  title: { zh: '监督检查与整改', en: 'Supervision and rectification' },
  machine: rectificationMachine,
  input: rectificationInput,
  events: {
    SUBMIT_PLAN: rectificationPlan,
    APPROVE: empty,
    RETURN: empty,
    REJECT: empty,
  },
  states: {
    planPending: {
      tasks: [
        {
          step: 'plan',
          role: 'college_lead',
          scope: 'college',
          events: ['SUBMIT_PLAN', 'TRANSFER', 'CC', 'COMMENT'],
          approval: false,
          deadline: PLAN_DEADLINE,
          reminders: [{ workingDays: 7 }],
        },
      ],
      timeout: { after: PLAN_DEADLINE, event: 'PLAN_OVERDUE' },
    },
    verification: {
      tasks: [
        {
          // 教务处 verifies the college's plan; the finding it recorded itself is not what is judged,
          // so the office that found the problem may verify it (not an approval of its own submission).
          step: 'verify',
          role: 'academic_affairs',
          scope: 'school',
          events: ['APPROVE', 'RETURN', 'REJECT', 'TRANSFER', 'ADD_APPROVER', 'CC', 'COMMENT'],
          approval: false,
          replyAllowed: true,
        },
      ],
    },
  },
  outcomes: { closed: 'completed', failed: 'rejected', overdue: 'rejected' },
  startedBy: { roles: ['academic_affairs'], scope: 'school' },
  college: (input) => input.collegeId,
  subject: (input) => input.projectId,
  describe: (i) =>
    `${i.collegeId} 项目 ${i.projectId} 整改：${WITHDRAWAL_TRIGGERS[i.finding.trigger].zh}`,
  references: ({ input }) => [{ kind: PROJECT_REF, key: input.projectId }],
  prepare: ({ input, refs }) => {
    const project = readProject(refs, input.projectId, { collegeId: input.collegeId });
    return project instanceof Error ? project : {};
  },
});
