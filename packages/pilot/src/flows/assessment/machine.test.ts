import type { JsonObject } from '@certflow/engine';
import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { openLedger } from '../../ledger/ledger.js';
import {
  assessmentStart,
  feeAgreementFixture,
  projectRecord,
  resultsFixture,
  studentsFixture,
} from '../../testing/assessment-fixtures.js';
import { examPlanFixture } from './fixtures.js';
import { ARCHIVE_MATERIALS } from './input.js';
import { assessmentMachine } from './machine.js';

type Snap = ReturnType<typeof start>;
const AT = '2027-03-01T01:00:00.000Z';
const project = projectRecord();
const ledger = openLedger('proj-1', project.budget, AT) as unknown as JsonObject;

function start() {
  return initialTransition(assessmentMachine, {
    input: assessmentStart(),
    refs: { project: { ...project } },
    instanceId: 'a1',
    submitterId: 'u-owner',
  })[0];
}
function send(s: Snap, type: string, data: object = {}, refs: JsonObject = {}) {
  return transition(assessmentMachine, s, { type, data, refs, at: AT, actorId: 'u-x' } as never);
}
const step = (s: Snap, type: string, data: object = {}, refs: JsonObject = {}) =>
  send(s, type, data, refs)[0];
const cycle = (s: Snap) => (s.value as { running: { cycle: unknown } }).running.cycle;
const effects = (actions: readonly { type: string; params?: unknown }[]) =>
  actions.filter((a) => a.type === 'effect').map((a) => a.params as JsonObject);

const examPlan = { plan: examPlanFixture() };

/** Drive a fresh instance to the named stage with valid data. */
function upTo(stage: 'courses' | 'selection' | 'exam' | 'archive' | 'authority'): Snap {
  let s = step(start(), 'ACCEPT_SITE', { siteCode: 'SITE-01' });
  s = step(s, 'SUBMIT_FEE', { agreement: feeAgreementFixture() });
  s = step(s, 'CONFIRM_FEE');
  s = step(s, 'APPROVE', {}, { ledger });
  if (stage === 'courses') return s;
  s = step(s, 'ADD_COURSE', { course: { code: 'C1', name: 'Web前端课证融通', hours: 64 } });
  s = step(s, 'FINISH_COURSES');
  if (stage === 'selection') return s;
  for (const student of studentsFixture) {
    s = step(s, 'SELECT_STUDENT', { student });
    s = step(s, 'RECORD_CONSENT', {
      studentNo: student.studentNo,
      consentRef: `att://c/${student.studentNo}`,
    });
  }
  s = step(s, 'CLOSE_SELECTION');
  s = step(s, 'APPROVE');
  s = step(s, 'SUBMIT_EXAM_PLAN', examPlan);
  s = step(s, 'CONFIRM_PLAN');
  if (stage === 'exam') return s;
  s = step(s, 'ATTACH_EVIDENCE', { refs: ['att://video/room-a301.mp4'] });
  s = step(s, 'RECORD_RESULTS', { results: resultsFixture });
  s = step(s, 'SIGN_CERTIFICATES');
  s = step(s, 'APPROVE');
  if (stage === 'archive') return s;
  s = step(s, 'ATTACH_SCAN', { studentNo: '2025010101', scanRef: 'att://scan/1.pdf' });
  s = step(s, 'ATTACH_SCAN', { studentNo: '2025010102', scanRef: 'att://scan/2.pdf' });
  for (const kind of ARCHIVE_MATERIALS)
    s = step(s, 'ATTACH_MATERIAL', { kind, ref: `att://m/${kind}` });
  s = step(s, 'SUBMIT_ARCHIVE');
  s = step(s, 'POST_CREDIT_BANK', { registrationRef: 'att://credit-bank/reg.pdf' });
  return s;
}

describe('assessment machine (transition level)', () => {
  it('starts at the site application with the money region open', () => {
    const s = start();
    expect(s.value).toEqual({ running: { cycle: { site: 'review' }, money: 'open' } });
    expect(s.context.project.scale).toBe(40);
  });

  it('runs the whole cycle; the authority approval locks the project and writes transcripts', () => {
    const s = upTo('authority');
    expect(cycle(s)).toEqual({ creditBank: 'authority' });
    const [done, actions] = send(
      s,
      'AUTHORITY_APPROVED',
      { approvalRef: 'att://credit-bank/approval.pdf' },
      { project: { ...project } },
    );
    expect(done.value).toBe('completed');
    expect(done.status).toBe('done');
    const out = effects(actions);
    expect(out[0]).toMatchObject({
      kind: 'reference.put',
      refKind: 'project',
      key: 'proj-1',
      value: { creditBankLocked: true, status: 'implementing', scale: 40 },
    });
    expect(out.slice(1).map((e) => e.key)).toEqual([
      '2025010101/WEB-2027-0001',
      '2025010102/WEB-2027-0002',
    ]);
    expect(out[1]).toMatchObject({ refKind: 'transcript', value: { issuedAt: AT, score: 88 } });
  });

  it('the site can be returned, revised, rejected or withdrawn', () => {
    const returned = step(start(), 'RETURN');
    expect(cycle(returned)).toEqual({ site: 'revise' });
    const site = { name: '新站点', address: '济南', capacity: 10 };
    const resubmitted = step(returned, 'RESUBMIT_SITE', { site });
    expect(cycle(resubmitted)).toEqual({ site: 'review' });
    expect(resubmitted.context.site).toEqual(site);
    expect(step(start(), 'REJECT').value).toBe('rejected');
    expect(step(returned, 'WITHDRAW').value).toBe('withdrawn');
  });

  it('finance refuses a fee agreement over the budget or the scale (guard)', () => {
    let s = step(start(), 'ACCEPT_SITE', { siteCode: 'SITE-01' });
    s = step(s, 'SUBMIT_FEE', { agreement: feeAgreementFixture({ venue: 700_000 }) });
    s = step(s, 'CONFIRM_FEE');
    expect(step(s, 'APPROVE', {}, { ledger })).toBe(s);
    expect(step(s, 'APPROVE', {}, {})).toBe(s);
    expect(cycle(step(s, 'RETURN'))).toEqual({ fee: 'drafting' });
    let big = step(start(), 'ACCEPT_SITE', { siteCode: 'SITE-01' });
    big = step(big, 'SUBMIT_FEE', { agreement: feeAgreementFixture({ scale: 41 }) });
    big = step(big, 'CONFIRM_FEE');
    expect(step(big, 'APPROVE', {}, { ledger })).toBe(big);
  });

  it('courses: at least one before selection', () => {
    const s = upTo('courses');
    expect(step(s, 'FINISH_COURSES')).toBe(s);
  });

  it('selection cannot close while a selected student has no consent', () => {
    let s = upTo('selection');
    const [a, b] = studentsFixture;
    s = step(s, 'SELECT_STUDENT', { student: a });
    s = step(s, 'SELECT_STUDENT', { student: b });
    s = step(s, 'RECORD_CONSENT', { studentNo: a!.studentNo, consentRef: 'att://c/a' });
    expect(step(s, 'CLOSE_SELECTION')).toBe(s);
    // A student who does not consent is taken off the list instead; then it closes.
    s = step(s, 'DESELECT_STUDENT', { studentNo: b!.studentNo });
    const closed = step(s, 'CLOSE_SELECTION');
    expect(cycle(closed)).toEqual({ selection: 'confirm' });
    expect(cycle(step(closed, 'RETURN'))).toEqual({ selection: 'open' });
    // Consent for someone not selected is not accepted.
    expect(step(s, 'RECORD_CONSENT', { studentNo: 'nobody', consentRef: 'att://c/x' })).toBe(s);
  });

  it('results are not accepted before the monitoring evidence', () => {
    const s = upTo('exam');
    expect(step(s, 'RECORD_RESULTS', { results: resultsFixture })).toBe(s);
    const withEvidence = step(s, 'ATTACH_EVIDENCE', { refs: ['att://video/1.mp4'] });
    expect(step(withEvidence, 'RECORD_RESULTS', { results: resultsFixture.slice(1) })).toBe(
      withEvidence,
    );
    expect(cycle(step(withEvidence, 'RECORD_RESULTS', { results: resultsFixture }))).toEqual({
      certificates: 'org',
    });
  });

  it('the archive needs every passed student’s scan and every material', () => {
    let s = upTo('archive');
    expect(step(s, 'SUBMIT_ARCHIVE')).toBe(s);
    // The failed student has no certificate to scan.
    expect(step(s, 'ATTACH_SCAN', { studentNo: '2025010103', scanRef: 'att://scan/3.pdf' })).toBe(
      s,
    );
    s = step(s, 'ATTACH_SCAN', { studentNo: '2025010101', scanRef: 'att://scan/1.pdf' });
    s = step(s, 'ATTACH_SCAN', { studentNo: '2025010102', scanRef: 'att://scan/2.pdf' });
    for (const kind of ARCHIVE_MATERIALS.slice(1))
      s = step(s, 'ATTACH_MATERIAL', { kind, ref: `att://m/${kind}` });
    expect(step(s, 'SUBMIT_ARCHIVE')).toBe(s);
    s = step(s, 'ATTACH_MATERIAL', { kind: ARCHIVE_MATERIALS[0], ref: 'att://m/plan' });
    expect(cycle(step(s, 'SUBMIT_ARCHIVE'))).toEqual({ creditBank: 'posting' });
  });

  it('expenses append to the ledger within budget; over budget is not accepted', () => {
    const s = start();
    const expense = {
      category: 'examinerFees',
      amount: 150_000,
      receiptRef: 'att://r/1',
      note: '',
    };
    const [next, actions] = send(s, 'RECORD_EXPENSE', expense, { ledger });
    expect(next.context.spent).toBe(150_000);
    const put = effects(actions)[0] as { refKind: string; value: { entries: unknown[] } };
    expect(put.refKind).toBe('ledger');
    expect(put.value.entries).toHaveLength(2);
    expect(put.value.entries[1]).toMatchObject({ type: 'expense', amount: 150_000, source: 'a1' });
    expect(step(s, 'RECORD_EXPENSE', { ...expense, amount: 150_001 }, { ledger })).toBe(s);
    expect(step(s, 'RECORD_EXPENSE', expense, {})).toBe(s);
  });

  it('a fee charged to a student is a violation that opens a withdrawal case', () => {
    const fee = { studentNo: '2025010101', amount: 30_000, description: '收取考试费 300 元' };
    const [next, actions] = send(upTo('exam'), 'RECORD_STUDENT_FEE', fee, { ledger });
    expect(next.context.violations).toEqual([{ ...fee, at: AT, recordedBy: 'u-x' }]);
    const out = effects(actions);
    expect(out.map((e) => e.kind)).toEqual(['reference.put', 'pilot.withdrawal.open']);
    expect(out[1]).toMatchObject({
      withdrawal: { projectId: 'proj-1', collegeId: 'ee', trigger: 'student-fee' },
    });
  });

  it('the guards refuse what the rules refuse, so neither can drift', () => {
    const start0 = start();
    expect(start0.context).toMatchObject({ results: [], evidence: [], scans: {}, spent: 0 });
    const selection = upTo('selection');
    expect(step(selection, 'DESELECT_STUDENT', { studentNo: 'nobody' })).toBe(selection);
    const exam = upTo('exam');
    const drafting = send(
      step(upTo('selection'), 'SELECT_STUDENT', { student: studentsFixture[0] }),
      'RECORD_CONSENT',
      { studentNo: studentsFixture[0]!.studentNo, consentRef: 'att://c/1' },
    )[0];
    const confirmed = step(step(drafting, 'CLOSE_SELECTION'), 'APPROVE');
    // One student selected: a plan for three does not match.
    expect(step(confirmed, 'SUBMIT_EXAM_PLAN', examPlan)).toBe(confirmed);
    expect(cycle(exam)).toBe('exam');
    const authority = upTo('authority');
    expect(step(authority, 'AUTHORITY_APPROVED', { approvalRef: 'att://a.pdf' })).toBe(authority);
  });

  it('a fee charged to a student with no ledger read opens the withdrawal case only', () => {
    const [, actions] = send(start(), 'RECORD_STUDENT_FEE', {
      studentNo: '2025010101',
      amount: 100,
      description: '资料费',
    });
    expect(effects(actions).map((e) => e.kind)).toEqual(['pilot.withdrawal.open']);
  });
});
