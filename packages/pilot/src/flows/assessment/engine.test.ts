import type { InstanceView } from '@certflow/engine';
import { beforeEach, describe, expect, it } from 'vitest';
import { ledgerTotals, type Ledger } from '../../ledger/ledger.js';
import {
  assessmentStart,
  projectRecord,
  studentsFixture,
} from '../../testing/assessment-fixtures.js';
import { driveAssessment } from '../../testing/assessment-driver.js';
import { memoryPilotWorld, type MemoryPilotWorld } from '../../testing/effects-world.js';
import { people } from '../../testing/people.js';

let w: MemoryPilotWorld;
beforeEach(() => {
  w = memoryPilotWorld();
  w.store.setReference('project', 'proj-1', projectRecord());
});
const begin = () => w.engine.start('assessment', assessmentStart(), people.owner);
const send = (
  i: InstanceView,
  type: string,
  who: (typeof people)[keyof typeof people],
  data: object = {},
) => w.engine.send(i.id, { type, data: data as never }, who);
/** The command is refused with `code` and nothing at all is written. */
async function refusedUnchanged(attempt: () => Promise<unknown>, code: string): Promise<void> {
  const before = w.store.dump();
  await expect(attempt()).rejects.toMatchObject({ code });
  expect(w.store.dump()).toBe(before);
}

describe('assessment through the engine (MemoryStore)', () => {
  it('v2 (第六条3): the steps of the evaluation organization are for the project’s own organization only', async () => {
    const i = await begin();
    expect(i.flowVersion).toBe(2);
    const site = (await w.store.read.openTasks(i.id)).find((t) => t.step === 'site');
    expect(site).toMatchObject({ role: 'evaluation_org', organization: '工信部教育与考试中心' });
    await refusedUnchanged(
      () => send(i, 'ACCEPT_SITE', people.otherEvaluator, { siteCode: 'S' }),
      'NOT_AUTHORIZED',
    );
    expect((await w.engine.inbox(people.otherEvaluator)).total).toBe(0);
    expect((await w.engine.inbox(people.evaluator)).items.map((t) => t.step)).toEqual(['site']);
    expect((await send(i, 'ACCEPT_SITE', people.evaluator, { siteCode: 'S' })).state).toContain(
      'fee.drafting',
    );
  });

  it('v2: every expense updates the college’s spending of the project’s year (上一年度执行预算, 第七条2)', async () => {
    const i = await begin();
    const expense = (amount: number) =>
      send(i, 'RECORD_EXPENSE', people.finance, {
        category: 'consumables',
        amount,
        receiptRef: 'att://receipt/1.pdf',
      });
    await expense(10_000);
    await expense(5_000);
    expect(await w.reference('spending', 'ee')).toEqual({
      collegeId: 'ee',
      years: { '2027': { 'proj-1': 15_000 } },
    });
    const before = JSON.stringify(await w.reference('spending', 'ee'));
    await refusedUnchanged(() => expense(200_000), 'OVER_BUDGET');
    expect(JSON.stringify(await w.reference('spending', 'ee'))).toBe(before);
  });

  it('runs the cycle; each step by its role; completion locks the project and writes transcripts', async () => {
    let i = await begin();
    expect(i.tasks.map((t) => [t.role, t.step])).toEqual([
      ['evaluation_org', 'site'],
      ['finance', 'expenses'],
      ['academic_affairs', 'supervision'],
    ]);
    i = await driveAssessment(w.engine, i, 'completed');
    expect(i).toMatchObject({ state: 'completed', status: 'completed', tasks: [] });
    expect(await w.reference('project', 'proj-1')).toMatchObject({
      creditBankLocked: true,
      status: 'implementing',
    });
    expect(await w.reference('transcript', '2025010101/WEB-2027-0001')).toMatchObject({
      name: '学生甲',
      level: 'intermediate',
      assessmentId: i.id,
    });
    expect(await w.reference('transcript', '2025010103/undefined')).toBeUndefined();
    const history = await w.engine.history(i.id);
    expect(history.find((h) => h.event === 'ACCEPT_SITE')?.actorId).toBe(people.evaluator.id);
    expect(history.find((h) => h.event === 'AUTHORITY_APPROVED')?.actorId).toBe(people.academic.id);
    expect(await w.engine.verifyHistory(i.id)).toMatchObject({ ok: true });
  });

  it('refuses to start without an implementing project of that college', async () => {
    await refusedUnchanged(
      () => w.engine.start('assessment', assessmentStart({ projectId: 'nope' }), people.owner),
      'PROJECT_NOT_FOUND',
    );
    await refusedUnchanged(
      () => w.engine.start('assessment', assessmentStart({ collegeId: 'cs' }), people.otherLead),
      'PROJECT_COLLEGE_MISMATCH',
    );
    w.store.setReference('project', 'proj-1', projectRecord({ status: 'cancelled' }));
    await refusedUnchanged(begin, 'PROJECT_NOT_IMPLEMENTING');
  });

  it('only the role of each step may act', async () => {
    const i = await begin();
    await refusedUnchanged(
      () => send(i, 'ACCEPT_SITE', people.owner, { siteCode: 'S' }),
      'NOT_AUTHORIZED',
    );
    await refusedUnchanged(
      () => send(i, 'ACCEPT_SITE', people.academic, { siteCode: 'S' }),
      'NOT_AUTHORIZED',
    );
    await refusedUnchanged(
      () =>
        send(i, 'RECORD_EXPENSE', people.owner, {
          category: 'consumables',
          amount: 1,
          receiptRef: 'att://r/1',
        }),
      'NOT_AUTHORIZED',
    );
    const atFee = await driveAssessment(w.engine, i, 'courses');
    expect(atFee.state).toContain('running.cycle.courses');
  });

  it('CONSENT_MISSING: selection does not close while a selected student has not consented', async () => {
    let i = await driveAssessment(w.engine, await begin(), 'selection');
    const [a, b] = studentsFixture;
    await send(i, 'SELECT_STUDENT', people.owner, { student: a });
    i = await send(i, 'SELECT_STUDENT', people.owner, { student: b });
    await send(i, 'RECORD_CONSENT', people.owner, {
      studentNo: a!.studentNo,
      consentRef: 'att://c/a.pdf',
    });
    await refusedUnchanged(() => send(i, 'CLOSE_SELECTION', people.owner), 'CONSENT_MISSING');
    await refusedUnchanged(
      () =>
        send(i, 'RECORD_CONSENT', people.owner, { studentNo: 'x', consentRef: 'att://c/x.pdf' }),
      'STUDENT_NOT_FOUND',
    );
    await send(i, 'RECORD_CONSENT', people.owner, {
      studentNo: b!.studentNo,
      consentRef: 'att://c/b.pdf',
    });
    i = await send(i, 'CLOSE_SELECTION', people.owner);
    expect(i.state).toContain('running.cycle.selection.confirm');
    // The owner who selected cannot confirm the selection: the college lead does.
    expect(i.tasks.find((t) => t.step === 'selection-confirm')).toMatchObject({
      role: 'college_lead',
      college: 'ee',
    });
  });

  it('MONITORING_EVIDENCE_MISSING: results before the evidence are refused', async () => {
    const i = await driveAssessment(w.engine, await begin(), 'exam');
    const results = studentsFixture.map((s, n) => ({
      studentNo: s.studentNo,
      score: 80,
      passed: true,
      certificateNo: `C-${n}`,
    }));
    await refusedUnchanged(
      () => send(i, 'RECORD_RESULTS', people.evaluator, { results }),
      'MONITORING_EVIDENCE_MISSING',
    );
    await send(i, 'ATTACH_EVIDENCE', people.evaluator, { refs: ['att://video/1.mp4'] });
    await refusedUnchanged(
      () => send(i, 'RECORD_RESULTS', people.evaluator, { results: results.slice(1) }),
      'RESULTS_INVALID',
    );
    expect((await send(i, 'RECORD_RESULTS', people.evaluator, { results })).state).toContain(
      'certificates.org',
    );
  });

  it('ARCHIVE_INCOMPLETE until every passed student has a scan and the materials are in', async () => {
    const i = await driveAssessment(w.engine, await begin(), 'archive');
    const archiveTask = i.tasks.find((t) => t.step === 'archive');
    expect(archiveTask?.dueAt).not.toBeNull();
    await refusedUnchanged(() => send(i, 'SUBMIT_ARCHIVE', people.owner), 'ARCHIVE_INCOMPLETE');
    await refusedUnchanged(
      () =>
        send(i, 'ATTACH_SCAN', people.owner, { studentNo: '2025010103', scanRef: 'att://s/3.pdf' }),
      'STUDENT_NOT_PASSED',
    );
    await expect(send(i, 'SUBMIT_ARCHIVE', people.owner)).rejects.toMatchObject({
      details: { missingScans: ['2025010101', '2025010102'] },
    });
  });

  it('expenses at actual cost go to the ledger; OVER_BUDGET changes nothing', async () => {
    const i = await begin();
    const expense = {
      category: 'certificateFees',
      amount: 300_000,
      receiptRef: 'att://receipt/1.pdf',
    };
    await send(i, 'RECORD_EXPENSE', people.finance, expense);
    const l = (await w.reference('ledger', 'proj-1')) as unknown as Ledger;
    expect(ledgerTotals(l).remaining.certificateFees).toBe(100_000);
    await refusedUnchanged(
      () => send(i, 'RECORD_EXPENSE', people.finance, { ...expense, amount: 100_001 }),
      'OVER_BUDGET',
    );
    await send(i, 'RECORD_EXPENSE', people.finance, { ...expense, amount: 100_000 });
    expect(
      ledgerTotals((await w.reference('ledger', 'proj-1')) as unknown as Ledger).spent
        .certificateFees,
    ).toBe(400_000);
  });

  it('finance refuses a fee agreement that does not fit the remaining budget', async () => {
    let i = await begin();
    await send(i, 'RECORD_EXPENSE', people.finance, {
      category: 'consumables',
      amount: 200_000,
      receiptRef: 'att://receipt/1.pdf',
    });
    await send(i, 'ACCEPT_SITE', people.evaluator, { siteCode: 'SITE-01' });
    await send(i, 'SUBMIT_FEE', people.owner, {
      agreement: {
        scale: 30,
        venue: 200_000,
        equipment: 200_000,
        staff: 100_000,
        consumables: 60_000,
        agreementRef: 'att://f.pdf',
      },
    });
    i = await send(i, 'CONFIRM_FEE', people.evaluator);
    await refusedUnchanged(() => send(i, 'APPROVE', people.finance), 'OVER_BUDGET');
    await refusedUnchanged(() => send(i, 'RETURN', people.finance), 'REASON_REQUIRED');
    const back = await w.engine.send(
      i.id,
      { type: 'RETURN', comment: '费用超出剩余预算，请调整' },
      people.finance,
    );
    expect(back.state).toContain('fee.drafting');
  });

  it('a fee charged to a student opens a withdrawal case automatically, once', async () => {
    const i = await begin();
    await send(i, 'RECORD_STUDENT_FEE', people.academic, {
      studentNo: '2025010101',
      amount: 30_000,
      description: '以资料费名义收取 300 元',
    });
    const run = await w.drain();
    expect(run.failed).toEqual([]);
    expect(run.delivered).toHaveLength(1);
    const cases = await w.store.read.listInstances({ flowId: 'withdrawal', limit: 10, offset: 0 });
    expect(cases.items).toHaveLength(1);
    expect(cases.items[0]).toMatchObject({
      subjectId: 'proj-1',
      college: 'ee',
      submitterId: 'system',
    });
    expect((cases.items[0]?.snapshot as { context: { case: unknown } }).context.case).toMatchObject(
      {
        trigger: 'student-fee',
        source: { flowId: 'assessment', instanceId: i.id },
      },
    );
    expect(
      ((await w.reference('ledger', 'proj-1')) as unknown as Ledger).entries.at(-1),
    ).toMatchObject({
      type: 'student-fee',
      amount: 30_000,
    });
    // A second drain finds nothing more to do.
    expect((await w.drain()).delivered).toEqual([]);
  });
});
