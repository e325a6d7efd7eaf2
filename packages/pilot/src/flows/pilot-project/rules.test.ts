import type { InstanceView, JsonObject } from '@certflow/engine';
import { beforeEach, describe, expect, it } from 'vitest';
import { QUOTA_REF, quotaKey } from '../../common.js';
import { SPENDING_REF } from '../../ledger/spending.js';
import { memoryWorld, type MemoryWorld } from '../../model/memory-world.js';
import { projectApplication } from '../../testing/fixtures.js';
import { people } from '../../testing/people.js';
import type { ProjectApplication } from './input.js';
import { TALLY_REF, tallyKey } from './tally.js';
import { refusalOf } from '../../testing/refusals.js';

/**
 * The rules of a pilot-project application, version 2 (第六条2, 第七条2), at their edges: the
 * college's year at exactly its 试点规模数 and exactly last year's executed budget, and every
 * refusal with its code, details and both messages written out (not read from the catalog).
 */
describe('pilot-project v2 rules: the quota and budget at their bounds, refusals in full', () => {
  let w: MemoryWorld;
  const TALLY: [string, string] = [TALLY_REF, tallyKey(2027, 'ee')];
  const setQuota = (row: JsonObject) => w.store.setReference(QUOTA_REF, quotaKey(2027, 'ee'), row);
  const setSpending = (years: JsonObject) =>
    w.store.setReference(SPENDING_REF, 'ee', { collegeId: 'ee', years });
  // projectApplication(): scale 40, budget 200,000 + 400,000 + 150,000 = 750,000 fen.
  const BUDGET = 750_000;
  const cert = (code: string) => ({
    certificate: { code, name: code, level: 'advanced' as const },
  });
  const apply = (input: ProjectApplication = projectApplication(), who = people.owner) =>
    w.engine.start('pilot-project', input, who);
  const quotaOf = (i: InstanceView) => (i.context as { quota: JsonObject }).quota;
  const tally = async () =>
    ((await w.store.read.reference(...TALLY)) as { entries: Record<string, JsonObject> }).entries;
  /** The refusal `attempt` throws, as the API shows it, and that nothing was written. */
  const refusal = (attempt: () => Promise<unknown>) => {
    const refs: [string, string][] = [TALLY, [QUOTA_REF, quotaKey(2027, 'ee')]];
    return refusalOf(() => w.dump(refs), attempt);
  };
  const JUSTIFICATION = {
    code: 'JUSTIFICATION_REQUIRED',
    message:
      '本学院本年度申报合计超出试点规模数或上一年度执行预算，须说明理由并经领导小组审批（第七条第2款）',
    messageEn:
      "The college's applications of the year together exceed its pilot scale or last year's executed budget: give a justification for the leadership group (Art. 7.2)",
  };

  beforeEach(() => {
    w = memoryWorld();
  });

  it('the scale: exactly the 试点规模数 over the year is within it; one person more needs a justification (第七条2)', async () => {
    setQuota({ scale: 60, budget: 10_000_000 });
    const first = await apply(projectApplication({ scale: 40 }));
    const atQuota = await apply(projectApplication({ scale: 20, ...cert('B') }), people.owner2);
    expect(quotaOf(atQuota)).toEqual({
      over: false,
      reasons: [],
      flags: [],
      scale: { quota: 60, college: 60, project: 20 },
      budget: {
        lastYearExecuted: 10_000_000,
        source: 'override',
        ledgerSpent: null,
        note: null,
        college: 2 * BUDGET,
        project: BUDGET,
      },
      projects: 2,
    });
    const one = projectApplication({ scale: 1, ...cert('C') });
    expect(await refusal(() => apply(one))).toEqual({
      ...JUSTIFICATION,
      details: {
        reasons: ['scale'],
        over: true,
        flags: [],
        scale: { quota: 60, college: 61, project: 1 },
        budget: {
          lastYearExecuted: 10_000_000,
          source: 'override',
          ledgerSpent: null,
          note: null,
          college: 3 * BUDGET,
          project: BUDGET,
        },
        projects: 3,
      },
    });
    expect(Object.keys(await tally()).sort()).toEqual([first.id, atQuota.id].sort());
  });

  it("the budget: exactly last year's executed budget is within it; one fen more needs a justification", async () => {
    setQuota({ scale: 100, budget: BUDGET, budgetNote: '含上年度结转' });
    const exact = await apply();
    expect(quotaOf(exact)).toMatchObject({
      over: false,
      reasons: [],
      budget: { lastYearExecuted: BUDGET, college: BUDGET, note: '含上年度结转' },
    });
    await w.engine.send(exact.id, { type: 'WITHDRAW' }, people.owner);
    const more = projectApplication({
      budget: { consumables: 200_001, certificateFees: 400_000, examinerFees: 150_000 },
    });
    expect(await refusal(() => apply(more))).toMatchObject({
      ...JUSTIFICATION,
      details: {
        reasons: ['budget'],
        over: true,
        budget: { lastYearExecuted: BUDGET, college: BUDGET + 1, project: BUDGET + 1 },
        projects: 1,
      },
    });
  });

  it('over both: the reasons are the scale, then the budget; a blank justification is none', async () => {
    setQuota({ scale: 39, budget: BUDGET - 1 });
    const blank = { ...projectApplication(), justification: '   ' };
    expect(await refusal(() => apply(blank))).toMatchObject({
      ...JUSTIFICATION,
      details: { reasons: ['scale', 'budget'], scale: { quota: 39, college: 40 } },
    });
    const i = await apply({
      ...projectApplication({ evaluationOrg: '  工信部教育与考试中心 ', collegeId: ' ee ' }),
      justification: ' 订单班扩招  ',
    });
    expect(quotaOf(i)).toMatchObject({ over: true, reasons: ['scale', 'budget'] });
    expect((i.context as { application: JsonObject }).application).toMatchObject({
      justification: '订单班扩招',
      evaluationOrg: '工信部教育与考试中心',
      collegeId: 'ee',
    });
  });

  it("without an entered figure, last year's ledgers (year − 1 only) are the baseline; without either it is flagged", async () => {
    setQuota({ scale: 100 });
    setSpending({ '2026': { p1: 500_000, p2: 250_000 }, '2027': { p3: 5_000_000 } });
    const i = await apply();
    expect(quotaOf(i)).toMatchObject({
      over: false,
      flags: [],
      budget: { lastYearExecuted: BUDGET, source: 'ledger', ledgerSpent: BUDGET, note: null },
    });
    await w.engine.send(i.id, { type: 'WITHDRAW' }, people.owner);
    // The administrator's figure overrides the ledgers; the ledgers' figure is still shown.
    setQuota({ scale: 100, budget: 2_000_000 });
    const j = await apply();
    expect(quotaOf(j)).toMatchObject({
      budget: { lastYearExecuted: 2_000_000, source: 'override', ledgerSpent: BUDGET },
    });
    await w.engine.send(j.id, { type: 'WITHDRAW' }, people.owner);
    // No quota row, the ledgers only: the scale is unchecked, the budget is checked.
    w.store.setReference(QUOTA_REF, quotaKey(2027, 'ee'), {});
    setSpending({ '2026': { p1: BUDGET - 1 } });
    expect(await refusal(() => apply())).toMatchObject({
      details: {
        reasons: ['budget'],
        flags: ['quota-missing'],
        scale: { quota: null, college: 40 },
        budget: { source: 'ledger', lastYearExecuted: BUDGET - 1 },
      },
    });
    // A quota row but no spending at all: the budget is unchecked.
    setQuota({ scale: 100 });
    setSpending({});
    const k = await apply();
    expect(quotaOf(k)).toMatchObject({
      over: false,
      flags: ['budget-baseline-missing'],
      budget: { lastYearExecuted: null, source: null, ledgerSpent: null },
    });
  });

  it("a tally row of another year or college is not this year's (counted as empty)", async () => {
    setQuota({ scale: 40, budget: BUDGET });
    w.store.setReference(...TALLY, {
      year: 2026,
      collegeId: 'ee',
      entries: { old: { ...entry(), certificateCode: 'WEB-FE' } },
    });
    const i = await apply();
    expect(quotaOf(i)).toMatchObject({ over: false, projects: 1, scale: { college: 40 } });
    expect(await tally()).toEqual({
      [i.id]: {
        certificateCode: 'WEB-FE',
        certificateName: 'Web前端开发',
        level: 'intermediate',
        scale: 40,
        budget: BUDGET,
      },
    });
    await w.engine.send(i.id, { type: 'WITHDRAW' }, people.owner);
    w.store.setReference(...TALLY, {
      year: 2027,
      collegeId: 'cs',
      entries: { old: entry() },
    });
    await expect(apply()).resolves.toMatchObject({ state: 'collegeReview' });
  });

  it('DUPLICATE_APPLICATION names the year, college, certificate and the existing application', async () => {
    const first = await apply();
    expect(await refusal(() => apply(projectApplication(), people.owner2))).toEqual({
      code: 'DUPLICATE_APPLICATION',
      message: '本学院该年度已申报同一证书，每个二级学院每年每种证书只能申报一项',
      messageEn:
        'The college has already applied for this certificate this year; one application per year, college and certificate',
      details: { year: 2027, collegeId: 'ee', certificateCode: 'WEB-FE', existing: first.id },
    });
    // The same certificate code is the duplicate, whatever its level or name.
    const renamed = projectApplication({
      certificate: { code: 'WEB-FE', name: '另一名称', level: 'advanced' },
    });
    expect(await refusal(() => apply(renamed))).toMatchObject({ code: 'DUPLICATE_APPLICATION' });
  });

  it('LEVEL_NOT_ALLOWED names the level (第七条2)', async () => {
    const bad = projectApplication({ certificate: { code: 'X', name: 'X', level: 'elementary' } });
    expect(await refusal(() => apply(bad))).toEqual({
      code: 'LEVEL_NOT_ALLOWED',
      message: '申报证书等级须为中级及以上，不得申报初级（第七条第2款）',
      messageEn:
        'Only intermediate or advanced certificates may be applied for, never elementary (Art. 7.2)',
      details: { level: 'elementary' },
    });
  });

  it('the call window (第七条2): closed says when the next opens; open, only for its year', async () => {
    expect(await refusal(() => apply(projectApplication({ year: 2028 })))).toEqual({
      code: 'APPLICATION_YEAR_NOT_OPEN',
      message: '本次申报只接受下一年度的试点项目（第七条第2款）',
      messageEn: 'This call accepts pilot projects for the next year only (Art. 7.2)',
      details: { year: 2028, opens: '2026-09-01', closes: '2026-12-31', openYear: 2027 },
    });
    w.clock.set('2027-01-01T09:00:00+08:00');
    expect(await refusal(() => apply())).toEqual({
      code: 'APPLICATION_WINDOW_CLOSED',
      message: '当前不在试点项目申报期内；每年秋季学期编报下一年度项目（第七条第2款）',
      messageEn:
        'Pilot projects are applied for in the autumn call window only, for the next year (Art. 7.2)',
      details: { year: 2027, opens: '2027-09-01', closes: '2027-12-31', openYear: 2028 },
    });
  });

  it('重新提交 keeps the college and the year: VALIDATION_FAILED names the field that moved', async () => {
    setQuota({ scale: 40, budget: 10_000_000 });
    let i = await apply();
    i = await w.engine.send(i.id, { type: 'RETURN', comment: '补充材料' }, people.collegeLead);
    const resubmit = (input?: ProjectApplication) => () =>
      w.engine.send(i.id, { type: 'RESUBMIT', data: input ? { input } : {} }, people.owner);
    const moved = (field: string) => ({
      code: 'VALIDATION_FAILED',
      message: '修改后的申报不能更换二级学院或年度',
      messageEn: 'A revised application cannot move to another college or year',
      details: { field },
    });
    expect(await refusal(resubmit(projectApplication({ year: 2028 })))).toEqual(
      moved('input.year'),
    );
    expect(await refusal(resubmit(projectApplication({ collegeId: 'cs' })))).toEqual(
      moved('input.collegeId'),
    );
    expect(await refusal(resubmit(projectApplication({ year: 2028, collegeId: 'cs' })))).toEqual(
      moved('input.year'),
    );
    // Its own entry is not another application: at exactly the quota again, it is within it.
    i = await resubmit(projectApplication({ scale: 40, evaluationOrg: '新评价组织' }))();
    expect(i).toMatchObject({ state: 'collegeReview', context: { revisions: 1 } });
    expect(quotaOf(i)).toMatchObject({ over: false, projects: 1, scale: { college: 40 } });
    // Without a new input the application as it was is checked again and kept.
    i = await w.engine.send(i.id, { type: 'RETURN', comment: '再补充' }, people.collegeLead);
    setQuota({ scale: 39, budget: 10_000_000 });
    expect(await refusal(resubmit())).toMatchObject({
      code: 'JUSTIFICATION_REQUIRED',
      details: { reasons: ['scale'], scale: { quota: 39, college: 40 } },
    });
    setQuota({ scale: 40, budget: 10_000_000 });
    i = await resubmit()();
    expect(i.context).toMatchObject({
      revisions: 2,
      application: { evaluationOrg: '新评价组织', scale: 40 },
    });
    expect(await tally()).toEqual({ [i.id]: expect.objectContaining({ scale: 40 }) });
  });

  it('each 同意 reads the year again: the 领导小组 sees the current figures', async () => {
    setQuota({ scale: 100, budget: 10_000_000 });
    let i = await apply();
    expect(i).toMatchObject({ title: 'ee Web前端开发（中级）', subjectId: i.id, college: 'ee' });
    setQuota({ scale: 30, budget: 10_000_000 });
    i = await w.engine.send(i.id, { type: 'APPROVE' }, people.collegeLead);
    expect(quotaOf(i)).toMatchObject({ over: true, reasons: ['scale'], scale: { quota: 30 } });
    setQuota({ scale: 50, budget: 10_000_000 });
    i = await w.engine.send(i.id, { type: 'APPROVE' }, people.academic);
    expect(quotaOf(i)).toMatchObject({ over: false, scale: { quota: 50 } });
    setQuota({ scale: 10, budget: 10_000_000 });
    i = await w.engine.send(i.id, { type: 'APPROVE' }, people.leader);
    expect(i.status).toBe('completed');
    expect(await w.store.read.reference('project', i.id)).toMatchObject({ overQuota: true });
    // An approved project stays in the year's tally.
    expect(Object.keys(await tally())).toEqual([i.id]);
  });

  it('驳回, 撤回 after 退回 and 作废 each leave the tally, and only their own entry', async () => {
    const keep = await apply(projectApplication(cert('KEEP')));
    const rejected = await apply(projectApplication(cert('R')));
    await w.engine.send(rejected.id, { type: 'REJECT', comment: '不符合' }, people.collegeLead);
    let returned = await apply(projectApplication(cert('W')));
    returned = await w.engine.send(
      returned.id,
      { type: 'RETURN', comment: '补充' },
      people.collegeLead,
    );
    returned = await w.engine.send(returned.id, { type: 'WITHDRAW' }, people.owner);
    expect(returned).toMatchObject({ state: 'withdrawn', status: 'withdrawn', tasks: [] });
    const cancelled = await apply(projectApplication(cert('C')));
    await w.engine.cancel(cancelled.id, '作废');
    expect(Object.keys(await tally())).toEqual([keep.id]);
  });
});

function entry(): JsonObject {
  return {
    certificateCode: 'OLD',
    certificateName: 'OLD',
    level: 'intermediate',
    scale: 100,
    budget: 100_000_000,
  };
}
