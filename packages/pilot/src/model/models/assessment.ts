import type { JsonObject } from '@certflow/engine';
import type { AnyMachineSnapshot } from 'xstate';
import type { AssessmentContext } from '../../flows/assessment/context.js';
import { archiveProblem } from '../../flows/assessment/checks.js';
import { ARCHIVE_MATERIALS, type Result } from '../../flows/assessment/input.js';
import { openLedger } from '../../ledger/ledger.js';
import {
  assessmentStart,
  feeAgreementFixture,
  projectRecord,
  studentsFixture,
} from '../../testing/assessment-fixtures.js';
import { people } from '../../testing/people.js';
import { plain, type FlowModel, type ModelEvent, type ModelProbe } from '../flow-model.js';

const ctx = (s: AnyMachineSnapshot) => s.context as AssessmentContext;
const at = (s: AnyMachineSnapshot, state: string): boolean => s.matches(state);
const project = projectRecord();
/** The ledger as the rules read it while none is stored: the project budget allocated. */
const ledger = openLedger(
  project.id,
  project.budget,
  '2026-11-02T01:00:00.000Z',
) as unknown as JsonObject;

/** Two students: the first passes, the second does not (no certificate, no scan). */
const [first, second] = studentsFixture as [
  (typeof studentsFixture)[0],
  (typeof studentsFixture)[0],
];
const students = [first, second];
const resultOf = (studentNo: string): Result =>
  studentNo === first.studentNo
    ? { studentNo, score: 88, passed: true, certificateNo: 'WEB-2027-0001' }
    : { studentNo, score: 52, passed: false };

const goodAgreement = feeAgreementFixture();
/** 7,800 yuan of fees against a 7,500 yuan budget: finance must refuse it (OVER_BUDGET). */
const overBudgetAgreement = feeAgreementFixture({ staff: 550_000 });
const OVER_BUDGET_SCENARIO = 'a fee agreement beyond the budget, with expenses and a student fee';
/** The batch of that scenario: the traversal key tells the money region apart only there. */
const MONEY_BATCH = '2027-2';

const plan = (c: AssessmentContext, headCount = c.students.length) => ({
  plan: {
    siteCode: c.siteCode ?? 'SITE-01',
    batch: c.batch,
    date: '2027-05-20',
    form: 'computer',
    headCount,
  },
});
const expense = {
  category: 'consumables',
  amount: 10_000,
  receiptRef: 'att://receipt/consumables-1.pdf',
  note: '考试耗材',
};
const studentFee = { studentNo: first.studentNo, amount: 5_000, description: '收取资料费' };

/**
 * The cycle's payloads, chosen from the context so that the graph makes progress: the next
 * student to select or to ask for consent, the exam plan matching the selection, results for
 * exactly the selected students, the next missing scan or archive material.
 */
function events(s: AnyMachineSnapshot, scenarioName: string): ModelEvent[] {
  const c = ctx(s);
  const selected = new Set(c.students.map((x) => x.studentNo));
  const nextStudent = students.find((x) => !selected.has(x.studentNo));
  const unconsented = c.students.find((x) => !c.consents[x.studentNo]);
  const lastSelected = c.students.at(-1);
  const missingScan = c.results.find((r) => r.passed && !c.scans[r.studentNo]);
  const missingMaterial = ARCHIVE_MATERIALS.find((m) => !c.materials[m]);
  const toConsent = unconsented ?? lastSelected ?? first;
  const toScan = (missingScan ?? c.results.find((r) => r.passed))?.studentNo ?? first.studentNo;
  const toArchive = missingMaterial ?? ARCHIVE_MATERIALS.at(-1)!;
  const agreement = scenarioName === OVER_BUDGET_SCENARIO ? overBudgetAgreement : goodAgreement;
  return [
    { type: 'ACCEPT_SITE', data: { siteCode: 'SITE-01' } },
    ...plain('RETURN', 'REJECT', 'WITHDRAW'),
    // Finance's 同意 of the fee agreement reads the ledger; the other approvals read nothing.
    at(s, 'running.cycle.fee.finance')
      ? { type: 'APPROVE', data: {}, refs: { ledger } }
      : { type: 'APPROVE', data: {} },
    {
      type: 'RESUBMIT_SITE',
      data: { site: { name: '电子工程学院实训楼 B201', address: '济南市高新区', capacity: 80 } },
    },
    { type: 'SUBMIT_FEE', data: { agreement } },
    ...plain('CONFIRM_FEE'),
    { type: 'ADD_COURSE', data: { course: { code: 'C1', name: 'Web前端课证融通', hours: 64 } } },
    ...plain('FINISH_COURSES'),
    // Every accepted type needs a payload (an empty one would not parse): once all are done,
    // the last one again, which changes nothing.
    { type: 'SELECT_STUDENT', data: { student: nextStudent ?? lastSelected ?? first } },
    { type: 'DESELECT_STUDENT', data: { studentNo: (lastSelected ?? first).studentNo } },
    {
      type: 'RECORD_CONSENT',
      data: {
        studentNo: toConsent.studentNo,
        consentRef: `att://consent/${toConsent.studentNo}.pdf`,
      },
    },
    ...plain('CLOSE_SELECTION'),
    { type: 'SUBMIT_EXAM_PLAN', data: plan(c) },
    ...plain('CONFIRM_PLAN'),
    { type: 'ATTACH_EVIDENCE', data: { refs: ['att://video/a301-0520.mp4'] } },
    { type: 'RECORD_RESULTS', data: { results: c.students.map((x) => resultOf(x.studentNo)) } },
    ...plain('SIGN_CERTIFICATES'),
    {
      type: 'ATTACH_SCAN',
      data: { studentNo: toScan, scanRef: `att://scan/${toScan}.pdf` },
    },
    {
      type: 'ATTACH_MATERIAL',
      data: { kind: toArchive, ref: `att://archive/${toArchive}.pdf` },
    },
    ...plain('SUBMIT_ARCHIVE'),
    { type: 'POST_CREDIT_BANK', data: { registrationRef: 'att://credit-bank/reg.pdf' } },
    // The higher authority's approval reads the project as stored.
    {
      type: 'AUTHORITY_APPROVED',
      data: { approvalRef: 'att://credit-bank/approval.pdf' },
      refs: { project },
    },
    ...plain('AUTHORITY_RETURNED'),
    // The money region: an expense at actual cost and a fee charged to a student, over the ledger.
    { type: 'RECORD_EXPENSE', data: expense, refs: { ledger } },
    { type: 'RECORD_STUDENT_FEE', data: studentFee, refs: { ledger } },
  ];
}

function probes(s: AnyMachineSnapshot): ModelProbe[] {
  const c = ctx(s);
  const out: ModelProbe[] = [];
  const submitter = (event: ModelProbe['event'], code: string): void => {
    out.push({ event, actor: 'submitter', code });
  };
  if (at(s, 'running.cycle.fee.finance') && c.agreement?.staff === overBudgetAgreement.staff) {
    out.push({ event: { type: 'APPROVE' }, actor: people.finance, code: 'OVER_BUDGET' });
  }
  if (at(s, 'running.cycle.courses') && c.courses.length === 0) {
    submitter({ type: 'FINISH_COURSES' }, 'COURSES_MISSING');
  }
  if (at(s, 'running.cycle.selection.open')) {
    submitter(
      { type: 'RECORD_CONSENT', data: { studentNo: '1999', consentRef: 'att://consent/x.pdf' } },
      'STUDENT_NOT_FOUND',
    );
    if (c.students.length === 0) submitter({ type: 'CLOSE_SELECTION' }, 'NO_STUDENTS_SELECTED');
    else if (c.students.some((x) => !c.consents[x.studentNo]))
      submitter({ type: 'CLOSE_SELECTION' }, 'CONSENT_MISSING');
  }
  if (at(s, 'running.cycle.examPlan.drafting')) {
    submitter(
      { type: 'SUBMIT_EXAM_PLAN', data: plan(c, c.students.length + 1) },
      'EXAM_PLAN_MISMATCH',
    );
  }
  if (at(s, 'running.cycle.exam')) {
    const all = { results: c.students.map((x) => resultOf(x.studentNo)) };
    const unknown = { results: [...all.results, resultOf('1999')] };
    out.push(
      c.evidence.length === 0
        ? {
            event: { type: 'RECORD_RESULTS', data: all },
            actor: people.evaluator,
            code: 'MONITORING_EVIDENCE_MISSING',
          }
        : {
            event: { type: 'RECORD_RESULTS', data: unknown },
            actor: people.evaluator,
            code: 'RESULTS_INVALID',
          },
    );
  }
  if (at(s, 'running.cycle.archive')) {
    submitter(
      { type: 'ATTACH_SCAN', data: { studentNo: second.studentNo, scanRef: 'att://scan/x.pdf' } },
      c.students.some((x) => x.studentNo === second.studentNo)
        ? 'STUDENT_NOT_PASSED'
        : 'STUDENT_NOT_FOUND',
    );
    if (archiveProblem(c)) submitter({ type: 'SUBMIT_ARCHIVE' }, 'ARCHIVE_INCOMPLETE');
  }
  return out;
}

export const assessmentModel: FlowModel = {
  flowId: 'assessment',
  scenarios: [
    {
      name: 'a batch of an implementing project',
      starter: people.owner,
      input: assessmentStart(),
      references: [{ kind: 'project', key: 'proj-1', value: project }],
    },
    {
      name: OVER_BUDGET_SCENARIO,
      starter: people.owner,
      input: assessmentStart({ batch: MONEY_BATCH }),
      references: [{ kind: 'project', key: 'proj-1', value: project }],
    },
  ],
  events: (s, scenario) => events(s, scenario.name),
  // What the guards read: courses, the selection and consents, the evidence, scans and materials.
  // In the money scenario (its own batch, its graph ends at the fee) also whether an expense or
  // a student fee was recorded, so that the money region's events are replayed in every state
  // up to the fee approval. In the full cycle they are self-loops the paths do not take (the
  // randomized suite sends them with the payloads below): 4× the 55 states of the cycle took
  // ~14 s to replay, against the suite's ~40 s budget.
  key: (s) => {
    const c = ctx(s);
    return [
      c.courses.length > 0,
      c.students.length,
      Object.keys(c.consents).length,
      c.evidence.length > 0,
      Object.keys(c.scans).length,
      Object.keys(c.materials).length,
      ...(c.batch === MONEY_BATCH ? [c.spent > 0, c.violations.length > 0] : []),
    ];
  },
  requiredApprovals: () => ['fee-finance', 'selection-confirm', 'certificates-school'],
  probes,
  startProbes: [
    { input: assessmentStart({ projectId: 'nope' }), code: 'PROJECT_NOT_FOUND' },
    {
      input: assessmentStart({ site: { name: 'A301', address: '济南', capacity: 0 } }),
      code: 'VALIDATION_FAILED',
    },
    { input: assessmentStart({ batch: ' ' }), code: 'VALIDATION_FAILED' },
  ],
  watch: [
    ['project', 'proj-1'],
    ['ledger', 'proj-1'],
    ['spending', 'ee'],
    ['transcript', `${first.studentNo}/WEB-2027-0001`],
  ],
};
