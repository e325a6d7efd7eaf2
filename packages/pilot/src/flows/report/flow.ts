import { defineFlow, refuse, type TaskSpec } from '@certflow/engine';
import { z } from 'zod';
import { REPORT_DEADLINES, type ReportDeadline } from './deadlines.js';
import {
  improvementSubmission,
  reportFeedback,
  reportInput,
  reportSubmission,
  type ReportInput,
} from './input.js';
import { reportMachine, type ReportContext } from './machine.js';

const ops = ['TRANSFER', 'CC', 'COMMENT'] as const;

/** The college's own task: write and submit (not an approval). */
const collegeTask = (
  step: string,
  event: string,
  d: ReportDeadline,
  escalate: boolean,
): TaskSpec => ({
  step,
  role: 'college_lead',
  scope: 'college',
  events: [event, ...ops],
  approval: false,
  deadline: d.due,
  reminders: d.reminders,
  ...(escalate ? { escalateTo: { role: 'academic_affairs', scope: 'school' } as const } : {}),
});

/** Academic affairs accepts (同意) or returns (退回); one step name, so one reviewer may do both. */
const academicReview: TaskSpec = {
  step: 'academic',
  role: 'academic_affairs',
  scope: 'school',
  events: ['APPROVE', 'RETURN', 'TRANSFER', 'ADD_APPROVER', 'CC', 'COMMENT'],
  approval: true,
  replyAllowed: true,
  deadline: REPORT_DEADLINES.review.due,
  reminders: REPORT_DEADLINES.review.reminders,
};

export const reportFlow = defineFlow<ReportInput, ReportContext>({
  id: 'report',
  version: 1,
  title: { zh: '试点工作动态报送与年度总结', en: 'Pilot reporting and annual summary' },
  machine: reportMachine,
  input: reportInput,
  events: {
    SUBMIT: reportSubmission,
    APPROVE: z.object({}).strict(),
    RETURN: z.object({}).strict(),
    CLOSE: z.object({}).strict(),
    FEEDBACK: reportFeedback,
    SUBMIT_IMPROVEMENT: improvementSubmission,
  },
  states: {
    drafting: {
      tasks: [collegeTask('report', 'SUBMIT', REPORT_DEADLINES.dynamic, false)],
      timeout: { after: REPORT_DEADLINES.dynamic.due, event: 'DEADLINE_PASSED' },
    },
    annualDrafting: {
      tasks: [collegeTask('report', 'SUBMIT', REPORT_DEADLINES.annual, false)],
      timeout: { after: REPORT_DEADLINES.annual.due, event: 'DEADLINE_PASSED' },
    },
    overdue: { tasks: [collegeTask('report', 'SUBMIT', REPORT_DEADLINES.overdue, true)] },
    review: { tasks: [academicReview] },
    returned: { tasks: [collegeTask('report', 'SUBMIT', REPORT_DEADLINES.returned, true)] },
    filed: {
      tasks: [
        {
          step: 'feedback-intake',
          role: 'academic_affairs',
          scope: 'school',
          events: ['FEEDBACK', 'CLOSE', 'CC', 'COMMENT'],
          approval: false,
        },
        {
          step: 'evaluation-feedback',
          role: 'evaluation_org',
          scope: 'school',
          events: ['FEEDBACK', 'COMMENT'],
          approval: false,
        },
      ],
      timeout: { after: REPORT_DEADLINES.feedbackWindow, event: 'FEEDBACK_WINDOW_CLOSED' },
    },
    improving: {
      tasks: [collegeTask('improve', 'SUBMIT_IMPROVEMENT', REPORT_DEADLINES.improve, true)],
    },
    improvementReview: { tasks: [academicReview] },
  },
  // Each submission of the report (after it was sent back) is reviewed afresh.
  submissionEvents: ['SUBMIT'],
  outcomes: { closed: 'completed' },
  // The scheduler opens reports as the system actor; academic affairs may call one by hand.
  startedBy: { roles: ['academic_affairs'], scope: 'school' },
  college: (input) => input.collegeId,
  subject: (input) => `${input.kind}:${input.collegeId}:${input.period}`,
  describe: (i) =>
    `${i.collegeId} ${i.kind === 'annual-summary' ? '年度总结' : '试点工作动态'} ${i.period}`,
  rules: {
    // An evaluation organization speaks for itself only; 教育厅 feedback is entered by 教务处.
    FEEDBACK: ({ actor, event }) =>
      !actor.roles.includes('academic_affairs') && event.data.source !== 'evaluation-org'
        ? refuse(
            'VALIDATION_FAILED',
            { field: 'data.source' },
            {
              zh: '培训评价组织只能以评价组织身份反馈意见',
              en: 'An evaluation organization can only give feedback as itself',
            },
          )
        : undefined,
  },
});
