import type { JsonObject } from '@certflow/engine';
import type { z } from 'zod';
import type { ExpenseData, StudentFeeData } from '../../ledger/expense-rule.js';
import type {
  course,
  ExamPlan,
  FeeAgreement,
  material,
  Result,
  SiteApplication,
  Student,
} from './input.js';

/** Fields the engine adds to every machine event. */
export interface Meta {
  readonly refs: JsonObject;
  readonly at: string;
  readonly actorId: string;
}
export type E<T extends string, D = Record<string, never>> = Meta & {
  readonly type: T;
  readonly data: D;
};

export type AssessmentEvent =
  | E<'ACCEPT_SITE', { siteCode: string }>
  | E<'RETURN'>
  | E<'REJECT'>
  | E<'WITHDRAW'>
  | E<'APPROVE'>
  | E<'RESUBMIT_SITE', { site: SiteApplication }>
  | E<'SUBMIT_FEE', { agreement: FeeAgreement }>
  | E<'CONFIRM_FEE'>
  | E<'ADD_COURSE', { course: z.infer<typeof course> }>
  | E<'FINISH_COURSES'>
  | E<'SELECT_STUDENT', { student: Student }>
  | E<'DESELECT_STUDENT', { studentNo: string }>
  | E<'RECORD_CONSENT', { studentNo: string; consentRef: string }>
  | E<'CLOSE_SELECTION'>
  | E<'SUBMIT_EXAM_PLAN', { plan: ExamPlan }>
  | E<'CONFIRM_PLAN'>
  | E<'ATTACH_EVIDENCE', { refs: string[] }>
  | E<'RECORD_RESULTS', { results: Result[] }>
  | E<'SIGN_CERTIFICATES'>
  | E<'ATTACH_SCAN', { studentNo: string; scanRef: string }>
  | E<'ATTACH_MATERIAL', z.infer<typeof material>>
  | E<'SUBMIT_ARCHIVE'>
  | E<'POST_CREDIT_BANK', { registrationRef: string }>
  | E<'AUTHORITY_APPROVED', { approvalRef: string }>
  | E<'AUTHORITY_RETURNED'>
  | E<'RECORD_EXPENSE', ExpenseData>
  | E<'RECORD_STUDENT_FEE', StudentFeeData>;
