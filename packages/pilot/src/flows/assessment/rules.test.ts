import type { Actor, InstanceView, JsonObject } from '@certflow/engine';
import { beforeEach, describe, expect, it } from 'vitest';
import { driveAssessment } from '../../testing/assessment-driver.js';
import {
  assessmentStart,
  feeAgreementFixture,
  projectRecord,
  resultsFixture,
  studentsFixture,
} from '../../testing/assessment-fixtures.js';
import { memoryPilotWorld, type MemoryPilotWorld } from '../../testing/effects-world.js';
import { people } from '../../testing/people.js';
import { flowsFor, memoryWorld } from '../../model/memory-world.js';
import { examPlanFixture } from './fixtures.js';
import { assessmentFlow } from './flow.js';
import type { ExamPlan } from './input.js';
import { invalidInput as invalid, refusalOf } from '../../testing/refusals.js';

/**
 * The assessment cycle's rules (第八条2–7, 第六条2–4, 第七条1(4)) at their edges: every refusal
 * with its code, details and both messages written out, a refused command changes nothing, and
 * every bound at exactly its value and one past it. The project (proj-1): scale 40, budget
 * 200,000 + 400,000 + 150,000 fen; the world opens on Monday 1 March 2027, 09:00 Beijing.
 */
describe('assessment rules: refusals in full, bounds at their values', () => {
  let w: MemoryPilotWorld;
  beforeEach(() => {
    w = memoryPilotWorld();
    w.store.setReference('project', 'proj-1', projectRecord());
  });
  const begin = () => w.engine.start('assessment', assessmentStart(), people.owner);
  const send = (i: InstanceView, type: string, who: Actor, data: JsonObject = {}) =>
    w.engine.send(i.id, { type, data }, who);
  /** The cycle's tasks (the money region's two are open throughout). */
  const cycle = (i: InstanceView) => i.tasks.filter((t) => !t.state.startsWith('running.money'));
  const at = (i: InstanceView, stage: Parameters<typeof driveAssessment>[2]) =>
    driveAssessment(w.engine, i, stage);
  /** Every student of the fixture selected, each with their own consent. */
  const selectAll = async (i: InstanceView) => {
    for (const st of studentsFixture) {
      await send(i, 'SELECT_STUDENT', people.owner, { student: st });
      await send(i, 'RECORD_CONSENT', people.owner, {
        studentNo: st.studentNo,
        consentRef: `att://c/${st.studentNo}.pdf`,
      });
    }
  };
  /** The refusal `attempt` throws, as the API shows it, and that nothing was written. */
  const refusal = (attempt: () => Promise<unknown>) => refusalOf(() => w.store.dump(), attempt);
  const x = (n: number) => 'x'.repeat(n);
  const [a, b, c] = studentsFixture;
  const plan = (overrides: Partial<ExamPlan> = {}) => ({ plan: examPlanFixture(overrides) });

  describe('the start (第八条2: the site application of an approved project)', () => {
    it('keeps what it needs of the project; the title names the batch; site bounds at their values', async () => {
      const i = await w.engine.start(
        'assessment',
        assessmentStart({
          batch: ' 2027-1 ',
          site: { name: ` ${x(200)} `, address: ` ${x(300)} `, capacity: 10_000 },
        }),
        people.collegeLead,
      );
      expect(i).toMatchObject({
        title: 'ee 考核批次 2027-1',
        subjectId: 'proj-1',
        college: 'ee',
        organization: '工信部教育与考试中心',
      });
      expect(i.context).toMatchObject({
        batch: '2027-1',
        site: { name: x(200), address: x(300), capacity: 10_000 },
        project: {
          certificate: { code: 'WEB-FE', name: 'Web前端开发', level: 'intermediate' },
          evaluationOrg: '工信部教育与考试中心',
          scale: 40,
          budget: { consumables: 200_000, certificateFees: 400_000, examinerFees: 150_000 },
        },
      });
      expect(Object.keys(i.context.project as object).sort()).toEqual([
        'budget',
        'certificate',
        'evaluationOrg',
        'scale',
      ]);
      const start = (site: JsonObject) =>
        w.engine.start('assessment', { ...assessmentStart(), site }, people.owner);
      const site = assessmentStart().site;
      expect(await refusal(() => start({ ...site, capacity: 10_001 }))).toEqual(
        invalid('site.capacity', 'Too big: expected number to be <=10000'),
      );
      expect(await refusal(() => start({ ...site, name: x(201) }))).toEqual(
        invalid('site.name', 'Too big: expected string to have <=200 characters'),
      );
      expect(await refusal(() => start({ ...site, address: ' ' }))).toEqual(
        invalid('site.address', 'Too small: expected string to have >=1 characters'),
      );
      expect(assessmentFlow.title).toEqual({
        zh: '证书培训考核',
        en: 'Certificate assessment cycle',
      });
    });
  });

  describe('the fee agreement (第六条3, 第十一条)', () => {
    const agreed = async (overrides = {}) => {
      const i = await begin();
      await send(i, 'ACCEPT_SITE', people.evaluator, { siteCode: 'SITE-01' });
      await send(i, 'SUBMIT_FEE', people.owner, { agreement: feeAgreementFixture(overrides) });
      return send(i, 'CONFIRM_FEE', people.evaluator);
    };

    it('the scale: exactly the project’s 40 is approved, 41 is SCALE_EXCEEDED in full', async () => {
      const over = await agreed({ scale: 41 });
      expect(await refusal(() => send(over, 'APPROVE', people.finance))).toEqual({
        code: 'SCALE_EXCEEDED',
        message: '考证人数超出批准的试点规模或协议规模（第六条第2款）',
        messageEn: 'The head count exceeds the approved pilot scale or the agreed scale (Art. 6.2)',
        details: { scale: 41, approved: 40 },
      });
      const exact = await agreed({ scale: 40 });
      expect((await send(exact, 'APPROVE', people.finance)).state).toContain('cycle.courses');
    });

    it('the fees: exactly the remaining 750,000 fen fit, one fen more is OVER_BUDGET in full', async () => {
      const fees = { venue: 200_000, equipment: 200_000, staff: 200_000, consumables: 150_000 };
      const exact = await agreed(fees);
      expect((await send(exact, 'APPROVE', people.finance)).state).toContain('cycle.courses');
      const over = await agreed({ ...fees, consumables: 150_001 });
      expect(await refusal(() => send(over, 'APPROVE', people.finance))).toEqual({
        code: 'OVER_BUDGET',
        message: '支出超出项目预算，专款专用，不得超支（第十一条）',
        messageEn:
          'The expense exceeds the project budget; funds are earmarked and may not be overspent (Art. 11)',
        details: { fees: 750_001, remaining: 750_000 },
      });
    });

    it('the evaluation organization may send the agreement back; the finance step is an approval school-wide', async () => {
      const i = await begin();
      await send(i, 'ACCEPT_SITE', people.evaluator, { siteCode: 'SITE-01' });
      const confirming = await send(i, 'SUBMIT_FEE', people.owner, {
        agreement: feeAgreementFixture(),
      });
      expect(cycle(confirming)).toMatchObject([
        {
          step: 'fee-org',
          role: 'evaluation_org',
          events: ['CONFIRM_FEE', 'RETURN', 'CC', 'COMMENT'],
        },
      ]);
      const back = await w.engine.send(
        i.id,
        { type: 'RETURN', comment: '场地费偏高' },
        people.evaluator,
      );
      expect(back.state).toContain('cycle.fee.drafting');
      await send(back, 'SUBMIT_FEE', people.owner, { agreement: feeAgreementFixture() });
      const finance = await send(back, 'CONFIRM_FEE', people.evaluator);
      expect(cycle(finance)).toMatchObject([
        {
          step: 'fee-finance',
          role: 'finance',
          college: null,
          events: ['APPROVE', 'RETURN', 'TRANSFER', 'ADD_APPROVER', 'CC', 'COMMENT'],
          approval: true,
        },
      ]);
    });
  });

  describe('courses and the selection (第八条3, 第七条1(4), 第七条4)', () => {
    it('COURSES_MISSING in full; a course added again by code replaces it', async () => {
      const i = await at(await begin(), 'courses');
      expect(await refusal(() => send(i, 'FINISH_COURSES', people.owner))).toEqual({
        code: 'COURSES_MISSING',
        message: '须至少开设一门课证融通课程（第八条第3款）',
        messageEn: 'At least one course–certificate integration course is required (Art. 8.3)',
      });
      await send(i, 'ADD_COURSE', people.owner, {
        course: { code: 'C1', name: '旧名', hours: 32 },
      });
      const again = await send(i, 'ADD_COURSE', people.owner, {
        course: { code: ' C1 ', name: ' Web前端课证融通 ', hours: 1000 },
      });
      expect(again.context.courses).toEqual([{ code: 'C1', name: 'Web前端课证融通', hours: 1000 }]);
      const two = await send(i, 'ADD_COURSE', people.owner, {
        course: { code: 'C2', name: '前端工程化', hours: 1 },
      });
      expect(two.context.courses).toEqual([
        { code: 'C1', name: 'Web前端课证融通', hours: 1000 },
        { code: 'C2', name: '前端工程化', hours: 1 },
      ]);
      expect(
        await refusal(() =>
          send(i, 'ADD_COURSE', people.owner, { course: { code: 'C2', name: 'n', hours: 1001 } }),
        ),
      ).toEqual(invalid('course.hours', 'Too big: expected number to be <=1000'));
    });

    it('NO_STUDENTS_SELECTED, CONSENT_MISSING naming who, STUDENT_NOT_FOUND — each in full', async () => {
      const i = await at(await begin(), 'selection');
      expect(await refusal(() => send(i, 'CLOSE_SELECTION', people.owner))).toEqual({
        code: 'NO_STUDENTS_SELECTED',
        message: '尚未遴选任何学生',
        messageEn: 'No student has been selected',
      });
      await send(i, 'SELECT_STUDENT', people.owner, { student: a! });
      await send(i, 'SELECT_STUDENT', people.owner, { student: b! });
      await send(i, 'RECORD_CONSENT', people.owner, {
        studentNo: a!.studentNo,
        consentRef: 'att://c/a.pdf',
      });
      expect(await refusal(() => send(i, 'CLOSE_SELECTION', people.owner))).toEqual({
        code: 'CONSENT_MISSING',
        message:
          '有入选学生尚未登记本人自愿参加的确认，不得强制或变相强制学生参加考核（第七条第1款第(4)项）',
        messageEn:
          'A selected student has no recorded voluntary consent; students are never forced to take part (Art. 7.1(4))',
        details: { studentNos: [b!.studentNo] },
      });
      const notFound = {
        code: 'STUDENT_NOT_FOUND',
        message: '该学生不在遴选名单中',
        messageEn: 'That student is not on the selection list',
        details: { studentNo: c!.studentNo },
      };
      expect(
        await refusal(() => send(i, 'DESELECT_STUDENT', people.owner, { studentNo: c!.studentNo })),
      ).toEqual(notFound);
      expect(
        await refusal(() =>
          send(i, 'RECORD_CONSENT', people.owner, {
            studentNo: c!.studentNo,
            consentRef: 'att://c/c.pdf',
          }),
        ),
      ).toEqual(notFound);
      // Deselecting takes the student and their consent off the list; selecting again replaces.
      const off = await send(i, 'DESELECT_STUDENT', people.owner, { studentNo: a!.studentNo });
      expect(off.context).toMatchObject({ students: [b] });
      expect(off.context.consents).toEqual({});
      const renamed = await send(i, 'SELECT_STUDENT', people.owner, {
        student: { ...b!, name: '学生乙（更正）' },
      });
      expect(renamed.context.students).toEqual([{ ...b!, name: '学生乙（更正）' }]);
    });

    it('the selection within the agreed scale: exactly 2 of 2 closes, 3 of 2 is SCALE_EXCEEDED in full', async () => {
      const i = await begin();
      await send(i, 'ACCEPT_SITE', people.evaluator, { siteCode: 'SITE-01' });
      await send(i, 'SUBMIT_FEE', people.owner, { agreement: feeAgreementFixture({ scale: 2 }) });
      await send(i, 'CONFIRM_FEE', people.evaluator);
      await send(i, 'APPROVE', people.finance);
      await send(i, 'ADD_COURSE', people.owner, { course: { code: 'C1', name: 'n', hours: 1 } });
      await send(i, 'FINISH_COURSES', people.owner);
      await selectAll(i);
      expect(await refusal(() => send(i, 'CLOSE_SELECTION', people.owner))).toEqual({
        code: 'SCALE_EXCEEDED',
        message: '考证人数超出批准的试点规模或协议规模（第六条第2款）',
        messageEn: 'The head count exceeds the approved pilot scale or the agreed scale (Art. 6.2)',
        details: { selected: 3, limit: 2 },
      });
      await send(i, 'DESELECT_STUDENT', people.owner, { studentNo: c!.studentNo });
      const closed = await send(i, 'CLOSE_SELECTION', people.owner);
      expect(cycle(closed)).toMatchObject([
        {
          step: 'selection-confirm',
          role: 'college_lead',
          college: 'ee',
          events: ['APPROVE', 'RETURN', 'TRANSFER', 'ADD_APPROVER', 'CC', 'COMMENT'],
          approval: true,
        },
      ]);
      const reopened = await w.engine.send(
        i.id,
        { type: 'RETURN', comment: '名单需复核' },
        people.collegeLead,
      );
      expect(reopened.state).toContain('cycle.selection.open');
    });
  });

  describe('the exam (第八条5: the plan as approved, full monitoring, results for exactly the examined)', () => {
    const confirmed = async () => {
      const i = await at(await begin(), 'selection');
      await selectAll(i);
      await send(i, 'CLOSE_SELECTION', people.owner);
      return send(i, 'APPROVE', people.collegeLead);
    };

    it('EXAM_PLAN_MISMATCH names every field that differs; a matching plan goes to the organization', async () => {
      const i = await confirmed();
      const mismatch = (fields: string[]) => ({
        code: 'EXAM_PLAN_MISMATCH',
        message: '考核计划与已批准的考核站点、批次或遴选人数不一致（第八条第5款）',
        messageEn:
          'The exam plan does not match the approved site, the batch or the number of selected students (Art. 8.5)',
        details: { fields },
      });
      expect(
        await refusal(() =>
          send(
            i,
            'SUBMIT_EXAM_PLAN',
            people.owner,
            plan({ siteCode: 'S2', batch: '2027-2', headCount: 2 }),
          ),
        ),
      ).toEqual(mismatch(['siteCode', 'batch', 'headCount']));
      expect(
        await refusal(() => send(i, 'SUBMIT_EXAM_PLAN', people.owner, plan({ headCount: 4 }))),
      ).toEqual(mismatch(['headCount']));
      expect(
        await refusal(() => send(i, 'SUBMIT_EXAM_PLAN', people.owner, plan({ date: '2027-5-20' }))),
      ).toEqual(invalid('plan.date', 'a date YYYY-MM-DD'));
      const review = await send(i, 'SUBMIT_EXAM_PLAN', people.owner, plan());
      expect(review.context.plan).toEqual(plan().plan);
      expect(cycle(review)).toMatchObject([
        {
          step: 'exam-plan-org',
          role: 'evaluation_org',
          events: ['CONFIRM_PLAN', 'RETURN', 'CC', 'COMMENT'],
        },
      ]);
    });

    it('MONITORING_EVIDENCE_MISSING and RESULTS_INVALID in full; evidence is kept once each', async () => {
      const i = await at(await begin(), 'exam');
      expect(
        await refusal(() =>
          send(i, 'RECORD_RESULTS', people.evaluator, { results: [...resultsFixture] }),
        ),
      ).toEqual({
        code: 'MONITORING_EVIDENCE_MISSING',
        message: '考核须在全程监控下完成，请先上传监控录像等证据再登记成绩（第八条第5款）',
        messageEn:
          'The exam runs under full video monitoring: attach the monitoring evidence before the results (Art. 8.5)',
      });
      await send(i, 'ATTACH_EVIDENCE', people.evaluator, { refs: ['att://v/1.mp4'] });
      const twice = await send(i, 'ATTACH_EVIDENCE', people.evaluator, {
        refs: ['att://v/1.mp4', 'att://v/2.mp4'],
      });
      expect(twice.context.evidence).toEqual(['att://v/1.mp4', 'att://v/2.mp4']);
      const [r1, r2] = resultsFixture;
      const results = [
        r1!,
        { ...r2!, certificateNo: r1!.certificateNo },
        r1!,
        { studentNo: '2099000000', score: 1, passed: false },
      ];
      expect(await refusal(() => send(i, 'RECORD_RESULTS', people.evaluator, { results }))).toEqual(
        {
          code: 'RESULTS_INVALID',
          message: '成绩须覆盖且仅覆盖全部参考学生，证书编号不得重复',
          messageEn:
            'Results must cover exactly the examined students, with unique certificate numbers',
          details: {
            unknown: ['2099000000'],
            missing: [c!.studentNo],
            duplicates: [r1!.studentNo],
            duplicateCerts: [r1!.certificateNo, r1!.certificateNo],
          },
        },
      );
      expect(
        await refusal(() =>
          send(i, 'RECORD_RESULTS', people.evaluator, {
            results: [{ studentNo: a!.studentNo, score: 90, passed: true }],
          }),
        ),
      ).toEqual(invalid('results.0.certificateNo', 'a passed student needs a certificate number'));
      expect(
        await refusal(() =>
          send(i, 'RECORD_RESULTS', people.evaluator, {
            results: [{ studentNo: a!.studentNo, score: 1001, passed: false }],
          }),
        ),
      ).toEqual(invalid('results.0.score', 'Too big: expected number to be <=1000'));
    });
  });

  describe('certificates and the archive (第八条6–7)', () => {
    it('the organization signs, 教务处 issues (an approval) or sends it back; both times kept', async () => {
      const i = await at(await begin(), 'exam');
      await send(i, 'ATTACH_EVIDENCE', people.evaluator, { refs: ['att://v/1.mp4'] });
      const org = await send(i, 'RECORD_RESULTS', people.evaluator, {
        results: [...resultsFixture],
      });
      expect(cycle(org)).toMatchObject([
        {
          step: 'certificates-org',
          role: 'evaluation_org',
          events: ['SIGN_CERTIFICATES', 'CC', 'COMMENT'],
        },
      ]);
      const school = await send(i, 'SIGN_CERTIFICATES', people.evaluator);
      expect(school.context).toMatchObject({
        certificatesSignedAt: '2027-03-01T01:00:00.000Z',
        certificatesIssuedAt: null,
      });
      expect(cycle(school)).toMatchObject([
        {
          step: 'certificates-school',
          role: 'academic_affairs',
          college: null,
          events: ['APPROVE', 'RETURN', 'TRANSFER', 'ADD_APPROVER', 'CC', 'COMMENT'],
          approval: true,
        },
      ]);
      const back = await w.engine.send(
        i.id,
        { type: 'RETURN', comment: '签章不清' },
        people.academic,
      );
      expect(back.state).toContain('cycle.certificates.org');
      await send(back, 'SIGN_CERTIFICATES', people.evaluator);
      const archive = await send(back, 'APPROVE', people.academic);
      expect(archive.context.certificatesIssuedAt).toBe('2027-03-01T01:00:00.000Z');
    });

    it('the archive: 20 working days, a reminder after 15, then escalated to the college lead; ARCHIVE_INCOMPLETE in full', async () => {
      const i = await at(await begin(), 'archive');
      expect(cycle(i)).toMatchObject([
        {
          step: 'archive',
          role: 'submitter',
          assignee: people.owner.id,
          events: ['ATTACH_SCAN', 'ATTACH_MATERIAL', 'SUBMIT_ARCHIVE'],
          approval: false,
          // Mon 1 Mar + 20 working days: Mon 29 Mar, 17:30 Beijing.
          dueAt: '2027-03-29T09:30:00.000Z',
        },
      ]);
      const timers = (await w.store.read.pendingTimers(i.id))
        .map((t) => [t.kind, t.dueAt.toISOString()])
        .sort();
      expect(timers).toEqual([
        ['escalate', '2027-03-29T09:30:00.000Z'],
        // 09:00 of the working day after the 15th (Mon 22 Mar).
        ['remind', '2027-03-23T01:00:00.000Z'],
      ]);
      const incomplete = (missingScans: string[], missingMaterials: string[]) => ({
        code: 'ARCHIVE_INCOMPLETE',
        message: '归档材料不全：须含全部通过学生的证书扫描件及考核资料（第八条第7款）',
        messageEn:
          'The archive is incomplete: every passed student’s certificate scan and the exam materials are required (Art. 8.7)',
        details: { missingScans, missingMaterials },
      });
      const all = ['exam-plan', 'sign-in-sheet', 'monitoring-video', 'summary'];
      expect(await refusal(() => send(i, 'SUBMIT_ARCHIVE', people.owner))).toEqual(
        incomplete([a!.studentNo, b!.studentNo], all),
      );
      expect(
        await refusal(() =>
          send(i, 'ATTACH_SCAN', people.owner, {
            studentNo: c!.studentNo,
            scanRef: 'att://s/c.pdf',
          }),
        ),
      ).toEqual({
        code: 'STUDENT_NOT_PASSED',
        message: '该学生未通过考核，无证书',
        messageEn: 'That student did not pass and has no certificate',
        details: { studentNo: c!.studentNo },
      });
      expect(
        await refusal(() =>
          send(i, 'ATTACH_SCAN', people.owner, {
            studentNo: '2099000000',
            scanRef: 'att://s/x.pdf',
          }),
        ),
      ).toEqual({
        code: 'STUDENT_NOT_FOUND',
        message: '该学生不在遴选名单中',
        messageEn: 'That student is not on the selection list',
        details: { studentNo: '2099000000' },
      });
      await send(i, 'ATTACH_SCAN', people.owner, {
        studentNo: a!.studentNo,
        scanRef: 'att://s/a.pdf',
      });
      const scanned = await send(i, 'ATTACH_MATERIAL', people.owner, {
        kind: 'summary',
        ref: 'att://m/summary.pdf',
      });
      expect(scanned.context).toMatchObject({
        scans: { [a!.studentNo]: 'att://s/a.pdf' },
        materials: { summary: 'att://m/summary.pdf' },
      });
      expect(await refusal(() => send(i, 'SUBMIT_ARCHIVE', people.owner))).toEqual(
        incomplete([b!.studentNo], ['exam-plan', 'sign-in-sheet', 'monitoring-video']),
      );
    });

    it('the credit bank: posted by the applicant, approved by the authority through 教务处; returned, posted again', async () => {
      const i = await at(await begin(), 'authority');
      expect(cycle(i)).toMatchObject([
        {
          step: 'credit-bank-authority',
          role: 'academic_affairs',
          college: null,
          events: ['AUTHORITY_APPROVED', 'AUTHORITY_RETURNED', 'COMMENT'],
          approval: false,
        },
      ]);
      const back = await send(i, 'AUTHORITY_RETURNED', people.academic);
      expect(back.context.creditBank).toEqual({
        registrationRef: 'att://credit-bank/reg.pdf',
        approvalRef: null,
      });
      expect(cycle(back)).toMatchObject([
        { step: 'credit-bank', role: 'submitter', events: ['POST_CREDIT_BANK'] },
      ]);
      await send(back, 'POST_CREDIT_BANK', people.owner, { registrationRef: 'att://cb/reg2.pdf' });
      w.store.setReference('project', 'proj-1', {});
      expect(
        await refusal(() =>
          send(back, 'AUTHORITY_APPROVED', people.academic, { approvalRef: 'att://cb/ok.pdf' }),
        ),
      ).toEqual({
        code: 'PROJECT_NOT_FOUND',
        message: '未找到已批准的试点项目',
        messageEn: 'No approved pilot project with that id',
        details: { projectId: 'proj-1' },
      });
      w.store.setReference('project', 'proj-1', projectRecord());
      const done = await send(back, 'AUTHORITY_APPROVED', people.academic, {
        approvalRef: 'att://cb/ok.pdf',
      });
      expect(done).toMatchObject({
        state: 'completed',
        status: 'completed',
        context: {
          creditBank: { registrationRef: 'att://cb/reg2.pdf', approvalRef: 'att://cb/ok.pdf' },
        },
      });
    });
  });

  describe('money (第十一条, 第十二条)', () => {
    it('finance records expenses, 教务处 records fees charged to students, school-wide, at any stage', async () => {
      const i = await begin();
      const money = (await w.store.read.openTasks(i.id)).filter(
        (t) => t.state === 'running.money.open',
      );
      expect(money.map((t) => [t.step, t.role, t.college, [...t.events], t.approval])).toEqual([
        ['expenses', 'finance', null, ['RECORD_EXPENSE', 'COMMENT'], false],
        ['supervision', 'academic_affairs', null, ['RECORD_STUDENT_FEE', 'COMMENT'], false],
      ]);
      const fee = await send(i, 'RECORD_STUDENT_FEE', people.academic, {
        studentNo: ' 2025010101 ',
        amount: 30_000,
        description: ' 资料费 ',
      });
      expect(fee.context.violations).toEqual([
        {
          studentNo: '2025010101',
          amount: 30_000,
          description: '资料费',
          at: '2027-03-01T01:00:00.000Z',
          recordedBy: people.academic.id,
        },
      ]);
      const spent = await send(i, 'RECORD_EXPENSE', people.finance, {
        category: 'consumables',
        amount: 200_000,
        receiptRef: 'att://r/1.pdf',
      });
      expect(spent.context.spent).toBe(200_000);
    });
  });

  describe('the site (第八条2) and the path through the cycle', () => {
    it('the organization returns the site: the applicant revises or withdraws; rejected and withdrawn end so', async () => {
      const i = await begin();
      const revise = await w.engine.send(
        i.id,
        { type: 'RETURN', comment: '容量不足' },
        people.evaluator,
      );
      expect(cycle(revise)).toMatchObject([
        {
          step: 'site-revise',
          role: 'submitter',
          assignee: people.owner.id,
          events: ['RESUBMIT_SITE', 'WITHDRAW'],
          approval: false,
        },
      ]);
      const site = { name: ' 实训楼 B201 ', address: ' 济南市高新区 ', capacity: 80 };
      const again = await send(revise, 'RESUBMIT_SITE', people.owner, { site });
      expect(again.context.site).toEqual({
        name: '实训楼 B201',
        address: '济南市高新区',
        capacity: 80,
      });
      expect(cycle(again)).toMatchObject([
        {
          step: 'site',
          role: 'evaluation_org',
          events: ['ACCEPT_SITE', 'RETURN', 'REJECT', 'CC', 'COMMENT'],
        },
      ]);
      // Under review the applicant may still withdraw (no task of theirs is needed).
      expect(await send(again, 'WITHDRAW', people.owner)).toMatchObject({
        state: 'withdrawn',
        status: 'withdrawn',
      });
      const other = await begin();
      const back = await w.engine.send(
        other.id,
        { type: 'RETURN', comment: '请修改' },
        people.evaluator,
      );
      expect(await send(back, 'WITHDRAW', people.owner)).toMatchObject({ status: 'withdrawn' });
      const third = await begin();
      expect(
        await w.engine.send(third.id, { type: 'REJECT', comment: '不具备条件' }, people.evaluator),
      ).toMatchObject({ state: 'rejected', status: 'rejected' });
    });

    it('each stage’s task is the applicant’s or the organization’s, by its step name', async () => {
      const i = await begin();
      const steps = (v: InstanceView) => cycle(v).map((t) => [t.step, t.role]);
      let v = await send(i, 'ACCEPT_SITE', people.evaluator, { siteCode: ' SITE-01 ' });
      expect(v.context.siteCode).toBe('SITE-01');
      expect(steps(v)).toEqual([['fee-draft', 'submitter']]);
      v = await at(await begin(), 'courses');
      expect(steps(v)).toEqual([['courses', 'submitter']]);
      v = await at(await begin(), 'selection');
      expect(cycle(v)).toMatchObject([
        {
          step: 'selection',
          role: 'submitter',
          events: ['SELECT_STUDENT', 'DESELECT_STUDENT', 'RECORD_CONSENT', 'CLOSE_SELECTION'],
        },
      ]);
      v = await at(await begin(), 'exam');
      expect(cycle(v)).toMatchObject([
        {
          step: 'exam',
          role: 'evaluation_org',
          events: ['ATTACH_EVIDENCE', 'RECORD_RESULTS', 'CC', 'COMMENT'],
        },
      ]);
      const approval = assessmentFlow.states['running.cycle.fee.finance']?.tasks?.[0];
      expect(approval).toMatchObject({ approval: true, replyAllowed: true });
    });

    it('the fee check is finance’s only: later approvals are not refused when the budget is spent meanwhile', async () => {
      const i = await at(await begin(), 'selection');
      // The fee agreement (380,000 fen) fitted; now the whole budget is spent.
      for (const [category, amount] of [
        ['consumables', 200_000],
        ['certificateFees', 400_000],
        ['examinerFees', 150_000],
      ] as const) {
        await send(i, 'RECORD_EXPENSE', people.finance, {
          category,
          amount,
          receiptRef: 'att://r/1.pdf',
        });
      }
      await selectAll(i);
      await send(i, 'CLOSE_SELECTION', people.owner);
      const confirmed = await send(i, 'APPROVE', people.collegeLead);
      expect(confirmed.state).toContain('cycle.examPlan.drafting');
      expect(confirmed.context.consents).toEqual(
        Object.fromEntries(
          studentsFixture.map((st) => [
            st.studentNo,
            { consentRef: `att://c/${st.studentNo}.pdf`, at: '2027-03-01T01:00:00.000Z' },
          ]),
        ),
      );
    });

    it('finance’s approval reads the project: a record gone is PROJECT_NOT_FOUND in full', async () => {
      const i = await begin();
      await send(i, 'ACCEPT_SITE', people.evaluator, { siteCode: 'SITE-01' });
      await send(i, 'SUBMIT_FEE', people.owner, { agreement: feeAgreementFixture() });
      const finance = await send(i, 'CONFIRM_FEE', people.evaluator);
      w.store.setReference('project', 'proj-1', {});
      expect(await refusal(() => send(finance, 'APPROVE', people.finance))).toEqual({
        code: 'PROJECT_NOT_FOUND',
        message: '未找到已批准的试点项目',
        messageEn: 'No approved pilot project with that id',
        details: { projectId: 'proj-1' },
      });
    });

    it('the exam plan: the organization may send it back; a date is exactly YYYY-MM-DD', async () => {
      const i = await at(await begin(), 'exam');
      expect(i.state).toContain('cycle.exam');
      const j = await begin();
      await at(j, 'selection');
      await selectAll(j);
      await send(j, 'CLOSE_SELECTION', people.owner);
      const drafting = await send(j, 'APPROVE', people.collegeLead);
      expect(cycle(drafting)).toMatchObject([
        { step: 'exam-plan', role: 'submitter', events: ['SUBMIT_EXAM_PLAN'] },
      ]);
      for (const date of ['x2027-05-20', '2027-05-20x']) {
        expect(
          await refusal(() => send(j, 'SUBMIT_EXAM_PLAN', people.owner, plan({ date }))),
        ).toEqual(invalid('plan.date', 'a date YYYY-MM-DD'));
      }
      await send(j, 'SUBMIT_EXAM_PLAN', people.owner, plan());
      const back = await w.engine.send(
        j.id,
        { type: 'RETURN', comment: '日期冲突' },
        people.evaluator,
      );
      expect(back.state).toContain('cycle.examPlan.drafting');
    });

    it('RESULTS_INVALID whatever mix of faults: each alone is refused', async () => {
      const i = await at(await begin(), 'exam');
      await send(i, 'ATTACH_EVIDENCE', people.evaluator, { refs: ['att://v/1.mp4'] });
      const [r1, r2, r3] = resultsFixture;
      const refused = (results: readonly unknown[], details: object) =>
        refusal(() =>
          send(i, 'RECORD_RESULTS', people.evaluator, { results: results as JsonObject[] }),
        ).then((e) => expect(e).toMatchObject({ code: 'RESULTS_INVALID', details }));
      // The same student twice with the same certificate.
      await refused([r1, r1, r2, r3], {
        unknown: [],
        missing: [],
        duplicates: [r1!.studentNo],
        duplicateCerts: [r1!.certificateNo],
      });
      // A student twice (once without a certificate) and one missing.
      await refused([r1, { studentNo: r1!.studentNo, score: 1, passed: false }, r2], {
        unknown: [],
        missing: [r3!.studentNo],
        duplicates: [r1!.studentNo],
        duplicateCerts: [],
      });
      // A stranger instead of an examined student.
      await refused([r1, r2, { studentNo: '2099000000', score: 1, passed: false }], {
        unknown: ['2099000000'],
        missing: [r3!.studentNo],
        duplicates: [],
        duplicateCerts: [],
      });
    });

    it('the archive: one scan and one material missing is still incomplete; scans by the trimmed student number', async () => {
      const i = await at(await begin(), 'archive');
      await send(i, 'ATTACH_SCAN', people.owner, {
        studentNo: ' 2025010101 ',
        scanRef: 'att://s/a.pdf',
      });
      for (const kind of ['exam-plan', 'sign-in-sheet', 'monitoring-video']) {
        await send(i, 'ATTACH_MATERIAL', people.owner, { kind, ref: `att://m/${kind}.pdf` });
      }
      expect(await refusal(() => send(i, 'SUBMIT_ARCHIVE', people.owner))).toMatchObject({
        code: 'ARCHIVE_INCOMPLETE',
        details: { missingScans: ['2025010102'], missingMaterials: ['summary'] },
      });
    });

    it('completion writes each passed student’s transcript entry in full (第十二条)', async () => {
      const done = await at(await begin(), 'completed');
      expect(done.status).toBe('completed');
      expect(await w.store.read.reference('transcript', '2025010102/WEB-2027-0002')).toEqual({
        studentNo: '2025010102',
        name: '学生乙',
        item: '1+X 职业技能等级证书：Web前端开发（中级）',
        certificateCode: 'WEB-FE',
        level: 'intermediate',
        certificateNo: 'WEB-2027-0002',
        score: 75,
        issuedAt: '2027-03-01T01:00:00.000Z',
        projectId: 'proj-1',
        assessmentId: done.id,
      });
    });

    it('a fee charged to a student: the withdrawal case names the amount in yuan and what was charged', async () => {
      const i = await begin();
      await send(i, 'RECORD_STUDENT_FEE', people.academic, {
        studentNo: '2025010101',
        amount: 30_050,
        description: '资料费',
      });
      expect(w.store.outbox().filter((o) => o.kind === 'pilot.withdrawal.open')).toMatchObject([
        {
          payload: {
            withdrawal: {
              projectId: 'proj-1',
              collegeId: 'ee',
              trigger: 'student-fee',
              reason: '违规向学生 2025010101 收取费用 300.50 元：资料费',
              source: { flowId: 'assessment', instanceId: i.id },
            },
          },
        },
      ]);
    });

    it('results with several failed students (no certificate numbers) are valid', async () => {
      const i = await at(await begin(), 'exam');
      await send(i, 'ATTACH_EVIDENCE', people.evaluator, { refs: ['att://v/1.mp4'] });
      const [r1, r2, r3] = resultsFixture;
      const results = [r1, { studentNo: r2!.studentNo, score: 40, passed: false }, r3];
      const org = await send(i, 'RECORD_RESULTS', people.evaluator, {
        results: results as JsonObject[],
      });
      expect(org.state).toContain('cycle.certificates.org');
    });

    it('the route preview names finance, 教务处 and the authority step school-wide', async () => {
      const current = async (v: InstanceView) =>
        (await w.engine.preview(v.id)).steps
          .filter((st) => st.current && !st.state.startsWith('running.money'))
          .map((st) => [st.step, st.scope]);
      const i = await begin();
      await send(i, 'ACCEPT_SITE', people.evaluator, { siteCode: 'SITE-01' });
      await send(i, 'SUBMIT_FEE', people.owner, { agreement: feeAgreementFixture() });
      expect(await current(await send(i, 'CONFIRM_FEE', people.evaluator))).toEqual([
        ['fee-finance', 'school'],
      ]);
      const j = await at(await begin(), 'exam');
      await send(j, 'ATTACH_EVIDENCE', people.evaluator, { refs: ['att://v/1.mp4'] });
      await send(j, 'RECORD_RESULTS', people.evaluator, { results: [...resultsFixture] });
      expect(await current(await send(j, 'SIGN_CERTIFICATES', people.evaluator))).toEqual([
        ['certificates-school', 'school'],
      ]);
      expect(await current(await at(await begin(), 'authority'))).toEqual([
        ['credit-bank-authority', 'school'],
      ]);
    });

    it('an archive not in by its deadline is escalated to the college lead of the college', async () => {
      const i = await at(await begin(), 'archive');
      const escalate = (await w.store.read.pendingTimers(i.id)).find((t) => t.kind === 'escalate')!;
      w.clock.set(escalate.dueAt);
      const fired = await w.engine.fireTimer(escalate.id);
      expect(
        fired.instance?.tasks
          .filter((t) => t.kind === 'escalation')
          .map((t) => [t.step, t.role, t.college]),
      ).toEqual([['archive', 'college_lead', 'ee']]);
    });
  });
});

describe('assessment v1 (kept for the cycles running on it)', () => {
  it('the organization’s steps are school-wide: any evaluation organization acts; expenses are checked against the ledger', async () => {
    const w = memoryWorld({ start: '2027-03-01T09:00:00+08:00', flows: flowsFor(assessmentFlow) });
    w.store.setReference('project', 'proj-1', projectRecord());
    const i = await w.engine.start('assessment', assessmentStart(), people.owner);
    expect(i).toMatchObject({ flowVersion: 1, organization: null });
    const preview = await w.engine.preview(i.id);
    expect(preview.steps.filter((st) => st.current).map((st) => [st.step, st.scope])).toEqual([
      ['site', 'school'],
      ['expenses', 'school'],
      ['supervision', 'school'],
    ]);
    const accepted = await w.engine.send(
      i.id,
      { type: 'ACCEPT_SITE', data: { siteCode: 'SITE-01' } },
      people.otherEvaluator,
    );
    expect(accepted.state).toContain('cycle.fee.drafting');
    const before = await w.dump([['ledger', 'proj-1']]);
    await expect(
      w.engine.send(
        i.id,
        {
          type: 'RECORD_EXPENSE',
          data: { category: 'examinerFees', amount: 150_001, receiptRef: 'att://r/1.pdf' },
        },
        people.finance,
      ),
    ).rejects.toMatchObject({ code: 'OVER_BUDGET' });
    expect(await w.dump([['ledger', 'proj-1']])).toBe(before);
    await w.engine.send(
      i.id,
      {
        type: 'RECORD_EXPENSE',
        data: { category: 'examinerFees', amount: 150_000, receiptRef: 'att://r/1.pdf' },
      },
      people.finance,
    );
    expect(await w.store.read.reference('ledger', 'proj-1')).toBeDefined();
  });
});
