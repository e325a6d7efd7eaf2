import type { DomainError } from '@certflow/engine';
import { ledgerTotals, type Ledger } from '../../ledger/ledger.js';
import { ledgerErrors } from '../../ledger/errors.js';
import type { AssessmentContext } from './context.js';
import { assessmentErrors } from './errors.js';
import {
  ARCHIVE_MATERIALS,
  feeTotal,
  type ExamPlan,
  type FeeAgreement,
  type Result,
} from './input.js';

/**
 * The assessment's business checks as pure functions of the context. Event rules turn them into
 * typed refusals; the machine's guards use the same functions, so neither can drift.
 */
const { error } = assessmentErrors;

/** Finance's check of the fee agreement: within the pilot scale, and the fees fit the budget. */
export function feeProblem(
  ctx: AssessmentContext,
  agreement: FeeAgreement,
  ledger: Ledger,
): DomainError | undefined {
  if (agreement.scale > ctx.project.scale) {
    return error('SCALE_EXCEEDED', { scale: agreement.scale, approved: ctx.project.scale });
  }
  // The whole agreement must fit what is left of the project budget (第十一条 不得超支).
  const remaining = ledgerTotals(ledger).total.remaining;
  const fees = feeTotal(agreement);
  return fees <= remaining ? undefined : ledgerErrors.error('OVER_BUDGET', { fees, remaining });
}

export function coursesProblem(ctx: AssessmentContext): DomainError | undefined {
  return ctx.courses.length === 0 ? error('COURSES_MISSING') : undefined;
}

export function isSelected(ctx: AssessmentContext, studentNo: string): boolean {
  return ctx.students.some((s) => s.studentNo === studentNo);
}

/** Closing the selection: someone selected, each with their own consent, within the agreed scale. */
export function selectionProblem(ctx: AssessmentContext): DomainError | undefined {
  if (ctx.students.length === 0) return error('NO_STUDENTS_SELECTED');
  const missing = ctx.students.filter((s) => !ctx.consents[s.studentNo]).map((s) => s.studentNo);
  if (missing.length > 0) return error('CONSENT_MISSING', { studentNos: missing });
  const limit = Math.min(ctx.agreement?.scale ?? ctx.project.scale, ctx.project.scale);
  if (ctx.students.length > limit) {
    return error('SCALE_EXCEEDED', { selected: ctx.students.length, limit });
  }
  return undefined;
}

export function examPlanProblem(ctx: AssessmentContext, plan: ExamPlan): DomainError | undefined {
  const fields = [
    ...(plan.siteCode !== ctx.siteCode ? ['siteCode'] : []),
    ...(plan.batch !== ctx.batch ? ['batch'] : []),
    ...(plan.headCount !== ctx.students.length ? ['headCount'] : []),
  ];
  return fields.length > 0 ? error('EXAM_PLAN_MISMATCH', { fields }) : undefined;
}

/** Results need the monitoring evidence first, and cover exactly the examined students. */
export function resultsProblem(
  ctx: AssessmentContext,
  results: readonly Result[],
): DomainError | undefined {
  if (ctx.evidence.length === 0) return error('MONITORING_EVIDENCE_MISSING');
  const nos = results.map((r) => r.studentNo);
  const expected = new Set(ctx.students.map((s) => s.studentNo));
  const unknown = nos.filter((n) => !expected.has(n));
  const missing = [...expected].filter((n) => !nos.includes(n));
  const duplicates = nos.filter((n, i) => nos.indexOf(n) !== i);
  const certs = results.flatMap((r) => (r.certificateNo ? [r.certificateNo] : []));
  const duplicateCerts = certs.filter((c, i) => certs.indexOf(c) !== i);
  if (unknown.length + missing.length + duplicates.length + duplicateCerts.length === 0) {
    return undefined;
  }
  return error('RESULTS_INVALID', { unknown, missing, duplicates, duplicateCerts });
}

export function passed(ctx: AssessmentContext): Result[] {
  return ctx.results.filter((r) => r.passed);
}

export function scanProblem(ctx: AssessmentContext, studentNo: string): DomainError | undefined {
  if (!isSelected(ctx, studentNo)) return error('STUDENT_NOT_FOUND', { studentNo });
  return passed(ctx).some((r) => r.studentNo === studentNo)
    ? undefined
    : error('STUDENT_NOT_PASSED', { studentNo });
}

/** The archive (第八条7): every passed student's certificate scan and every material. */
export function archiveProblem(ctx: AssessmentContext): DomainError | undefined {
  const missingScans = passed(ctx)
    .filter((r) => !ctx.scans[r.studentNo])
    .map((r) => r.studentNo);
  const missingMaterials = ARCHIVE_MATERIALS.filter((m) => !ctx.materials[m]);
  return missingScans.length + missingMaterials.length === 0
    ? undefined
    : error('ARCHIVE_INCOMPLETE', { missingScans, missingMaterials });
}
