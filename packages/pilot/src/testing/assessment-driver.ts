import type { Engine, InstanceView } from '@certflow/engine';
import { ARCHIVE_MATERIALS } from '../flows/assessment/input.js';
import { feeAgreementFixture, resultsFixture, studentsFixture } from './assessment-fixtures.js';
import { people } from './people.js';

export type AssessmentStage =
  'courses' | 'selection' | 'exam' | 'archive' | 'authority' | 'completed';
const ORDER: readonly AssessmentStage[] = [
  'courses',
  'selection',
  'exam',
  'archive',
  'authority',
  'completed',
];

/**
 * Drive an assessment instance (started by `people.owner`) through the engine with valid data,
 * each step by its role, and stop when it reaches `until`.
 */
export async function driveAssessment(
  engine: Engine,
  instance: InstanceView,
  until: AssessmentStage,
): Promise<InstanceView> {
  const go = (type: string, who: (typeof people)[keyof typeof people], data: object = {}) =>
    engine.send(instance.id, { type, data: data as never }, who);
  const stop = (stage: AssessmentStage) => ORDER.indexOf(stage) >= ORDER.indexOf(until);
  let i = await go('ACCEPT_SITE', people.evaluator, { siteCode: 'SITE-01' });
  i = await go('SUBMIT_FEE', people.owner, { agreement: feeAgreementFixture() });
  i = await go('CONFIRM_FEE', people.evaluator);
  i = await go('APPROVE', people.finance);
  if (stop('courses')) return i;
  i = await go('ADD_COURSE', people.owner, {
    course: { code: 'C1', name: 'Web前端课证融通', hours: 64 },
  });
  i = await go('FINISH_COURSES', people.owner);
  if (stop('selection')) return i;
  for (const student of studentsFixture) {
    await go('SELECT_STUDENT', people.owner, { student });
    await go('RECORD_CONSENT', people.owner, {
      studentNo: student.studentNo,
      consentRef: `att://consent/${student.studentNo}.pdf`,
    });
  }
  i = await go('CLOSE_SELECTION', people.owner);
  i = await go('APPROVE', people.collegeLead);
  i = await go('SUBMIT_EXAM_PLAN', people.owner, {
    plan: {
      siteCode: 'SITE-01',
      batch: '2027-1',
      date: '2027-05-20',
      form: 'computer',
      headCount: 3,
    },
  });
  i = await go('CONFIRM_PLAN', people.evaluator);
  if (stop('exam')) return i;
  i = await go('ATTACH_EVIDENCE', people.evaluator, { refs: ['att://video/a301-0520.mp4'] });
  i = await go('RECORD_RESULTS', people.evaluator, { results: resultsFixture });
  i = await go('SIGN_CERTIFICATES', people.evaluator);
  i = await go('APPROVE', people.academic);
  if (stop('archive')) return i;
  return finishAssessment(engine, i, until);
}

/** From the archive stage on: scans, materials, credit-bank posting and the authority's approval. */
export async function finishAssessment(
  engine: Engine,
  instance: InstanceView,
  until: AssessmentStage = 'completed',
): Promise<InstanceView> {
  const go = (type: string, who: (typeof people)[keyof typeof people], data: object = {}) =>
    engine.send(instance.id, { type, data: data as never }, who);
  for (const r of resultsFixture.filter((x) => x.passed)) {
    await go('ATTACH_SCAN', people.owner, {
      studentNo: r.studentNo,
      scanRef: `att://scan/${r.studentNo}.pdf`,
    });
  }
  for (const kind of ARCHIVE_MATERIALS) {
    await go('ATTACH_MATERIAL', people.owner, { kind, ref: `att://archive/${kind}.pdf` });
  }
  await go('SUBMIT_ARCHIVE', people.owner);
  const posted = await go('POST_CREDIT_BANK', people.owner, {
    registrationRef: 'att://credit-bank/reg.pdf',
  });
  if (until === 'authority') return posted;
  return go('AUTHORITY_APPROVED', people.academic, {
    approvalRef: 'att://credit-bank/approval.pdf',
  });
}
