import { defineFlow, type JsonObject, type StateSpec, type TaskSpec } from '@certflow/engine';
import { z } from 'zod';
import {
  expenseData,
  expenseRule,
  readLedger,
  studentFeeData,
  type ExpenseData,
} from '../../ledger/expense-rule.js';
import { projectAndLedger, readProject } from '../../ledger/project-ref.js';
import {
  archiveProblem,
  coursesProblem,
  examPlanProblem,
  feeProblem,
  isSelected,
  resultsProblem,
  scanProblem,
  selectionProblem,
} from './checks.js';
import type { AssessmentContext } from './context.js';
import { assessmentErrors } from './errors.js';
import {
  addCourse,
  assessmentInput,
  authorityApproval,
  consent,
  creditBankPosting,
  evidence,
  material,
  results,
  resubmitSite,
  selectStudent,
  siteDecision,
  studentNoOnly,
  submitExamPlan,
  submitFee,
  type AssessmentInput,
  type ExamPlan,
  type Result,
} from './input.js';
import { assessmentMachine } from './machine.js';

const empty = z.object({}).strict();
const OPS = ['TRANSFER', 'ADD_APPROVER', 'CC', 'COMMENT'] as const;

const applicant = (step: string, events: string[], extra: Partial<TaskSpec> = {}): TaskSpec => ({
  step,
  role: 'submitter',
  scope: 'submitter',
  events,
  approval: false,
  ...extra,
});
const org = (step: string, events: string[]): TaskSpec => ({
  step,
  role: 'evaluation_org',
  scope: 'school',
  events: [...events, 'CC', 'COMMENT'],
  approval: false,
});
const approval = (step: string, role: string, scope: 'school' | 'college'): TaskSpec => ({
  step,
  role,
  scope,
  events: ['APPROVE', 'RETURN', ...OPS],
  approval: true,
  replyAllowed: true,
});

/** The archive is due 20 working days after the certificates are issued (第八条7). */
export const ARCHIVE_DEADLINE = { workingDays: 20 } as const;

const states: Record<string, StateSpec> = {
  'running.cycle.site.review': {
    tasks: [org('site', ['ACCEPT_SITE', 'RETURN', 'REJECT'])],
    submitterEvents: ['WITHDRAW'],
  },
  'running.cycle.site.revise': { tasks: [applicant('site-revise', ['RESUBMIT_SITE', 'WITHDRAW'])] },
  'running.cycle.fee.drafting': { tasks: [applicant('fee-draft', ['SUBMIT_FEE'])] },
  'running.cycle.fee.orgConfirm': { tasks: [org('fee-org', ['CONFIRM_FEE', 'RETURN'])] },
  'running.cycle.fee.finance': { tasks: [approval('fee-finance', 'finance', 'school')] },
  'running.cycle.courses': { tasks: [applicant('courses', ['ADD_COURSE', 'FINISH_COURSES'])] },
  'running.cycle.selection.open': {
    tasks: [
      applicant('selection', [
        'SELECT_STUDENT',
        'DESELECT_STUDENT',
        'RECORD_CONSENT',
        'CLOSE_SELECTION',
      ]),
    ],
  },
  'running.cycle.selection.confirm': {
    tasks: [approval('selection-confirm', 'college_lead', 'college')],
  },
  'running.cycle.examPlan.drafting': { tasks: [applicant('exam-plan', ['SUBMIT_EXAM_PLAN'])] },
  'running.cycle.examPlan.review': { tasks: [org('exam-plan-org', ['CONFIRM_PLAN', 'RETURN'])] },
  'running.cycle.exam': { tasks: [org('exam', ['ATTACH_EVIDENCE', 'RECORD_RESULTS'])] },
  'running.cycle.certificates.org': { tasks: [org('certificates-org', ['SIGN_CERTIFICATES'])] },
  'running.cycle.certificates.school': {
    tasks: [approval('certificates-school', 'academic_affairs', 'school')],
  },
  'running.cycle.archive': {
    tasks: [
      applicant('archive', ['ATTACH_SCAN', 'ATTACH_MATERIAL', 'SUBMIT_ARCHIVE'], {
        deadline: ARCHIVE_DEADLINE,
        reminders: [{ workingDays: 15 }],
        escalateTo: { role: 'college_lead', scope: 'college' },
      }),
    ],
  },
  'running.cycle.creditBank.posting': { tasks: [applicant('credit-bank', ['POST_CREDIT_BANK'])] },
  'running.cycle.creditBank.authority': {
    tasks: [
      {
        step: 'credit-bank-authority',
        role: 'academic_affairs',
        scope: 'school',
        events: ['AUTHORITY_APPROVED', 'AUTHORITY_RETURNED', 'COMMENT'],
        approval: false,
      },
    ],
  },
  'running.money.open': {
    tasks: [
      {
        step: 'expenses',
        role: 'finance',
        scope: 'school',
        events: ['RECORD_EXPENSE', 'COMMENT'],
        approval: false,
      },
      {
        step: 'supervision',
        role: 'academic_affairs',
        scope: 'school',
        events: ['RECORD_STUDENT_FEE', 'COMMENT'],
        approval: false,
      },
    ],
  },
};

const { error } = assessmentErrors;

/** The assessment cycle of one batch of an approved pilot project (第八条2–7). */
export const assessmentFlow = defineFlow<AssessmentInput, AssessmentContext>({
  id: 'assessment',
  version: 1,
  title: { zh: '证书培训考核', en: 'Certificate assessment cycle' },
  machine: assessmentMachine,
  input: assessmentInput,
  events: {
    ACCEPT_SITE: siteDecision,
    RETURN: empty,
    REJECT: empty,
    WITHDRAW: empty,
    APPROVE: empty,
    RESUBMIT_SITE: resubmitSite,
    SUBMIT_FEE: submitFee,
    CONFIRM_FEE: empty,
    ADD_COURSE: addCourse,
    FINISH_COURSES: empty,
    SELECT_STUDENT: selectStudent,
    DESELECT_STUDENT: studentNoOnly,
    RECORD_CONSENT: consent,
    CLOSE_SELECTION: empty,
    SUBMIT_EXAM_PLAN: submitExamPlan,
    CONFIRM_PLAN: empty,
    ATTACH_EVIDENCE: evidence,
    RECORD_RESULTS: results,
    SIGN_CERTIFICATES: empty,
    ATTACH_SCAN: z
      .object({ studentNo: z.string().trim().min(1).max(32), scanRef: material.shape.ref })
      .strict(),
    ATTACH_MATERIAL: material,
    SUBMIT_ARCHIVE: empty,
    POST_CREDIT_BANK: creditBankPosting,
    AUTHORITY_APPROVED: authorityApproval,
    AUTHORITY_RETURNED: empty,
    RECORD_EXPENSE: expenseData,
    RECORD_STUDENT_FEE: studentFeeData,
  },
  states,
  outcomes: { completed: 'completed', rejected: 'rejected', withdrawn: 'withdrawn' },
  startedBy: { roles: ['project_owner', 'college_lead'], scope: 'college' },
  college: (input) => input.collegeId,
  subject: (input) => input.projectId,
  describe: (i) => `${i.collegeId} 考核批次 ${i.batch}`,
  references: ({ input }) => projectAndLedger(input.projectId),
  prepare: ({ input, refs }) => {
    const project = readProject(refs, input.projectId, { collegeId: input.collegeId });
    if (project instanceof Error) return project;
    const summary = {
      certificate: project.certificate,
      evaluationOrg: project.evaluationOrg,
      scale: project.scale,
      budget: project.budget,
    };
    return { refs: { project: summary as unknown as JsonObject } };
  },
  rules: {
    APPROVE: ({ context, state, refs, now }) => {
      if (!state.includes('running.cycle.fee.finance') || !context.agreement) return undefined;
      const l = readLedger(refs, context.projectId, now.toISOString());
      if (l instanceof Error) return l;
      return feeProblem(context, context.agreement, l) ?? { refs: { ledger: l } };
    },
    FINISH_COURSES: ({ context }) => coursesProblem(context),
    DESELECT_STUDENT: ({ context, event }) => known(context, event.data),
    RECORD_CONSENT: ({ context, event }) => known(context, event.data),
    CLOSE_SELECTION: ({ context }) => selectionProblem(context),
    SUBMIT_EXAM_PLAN: ({ context, event }) =>
      examPlanProblem(context, (event.data as { plan: ExamPlan }).plan),
    RECORD_RESULTS: ({ context, event }) =>
      resultsProblem(context, (event.data as { results: Result[] }).results),
    ATTACH_SCAN: ({ context, event }) =>
      scanProblem(context, (event.data as { studentNo: string }).studentNo),
    SUBMIT_ARCHIVE: ({ context }) => archiveProblem(context),
    AUTHORITY_APPROVED: ({ context, refs }) => {
      const project = readProject(refs, context.projectId);
      if (project instanceof Error) return project;
      return { refs: { project: project as unknown as JsonObject } };
    },
    RECORD_EXPENSE: ({ context, event, refs, now }) =>
      expenseRule(refs, context.projectId, event.data as unknown as ExpenseData, now.toISOString()),
    RECORD_STUDENT_FEE: ({ context, refs, now }) => {
      const l = readLedger(refs, context.projectId, now.toISOString());
      return l instanceof Error ? l : { refs: { ledger: l } };
    },
  },
});

function known(context: AssessmentContext, data: JsonObject) {
  const { studentNo } = data as { studentNo: string };
  return isSelected(context, studentNo) ? undefined : error('STUDENT_NOT_FOUND', { studentNo });
}
