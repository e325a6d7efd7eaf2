import { beforeEach, describe, expect, it } from 'vitest';
import { projectRecord } from '../../testing/assessment-fixtures.js';
import { memoryPilotWorld, type MemoryPilotWorld } from '../../testing/effects-world.js';
import { people } from '../../testing/people.js';
import { budgetAdjustmentFlow } from './flow.js';
import type { BudgetAdjustmentInput } from './input.js';
import { refusalOf } from '../../testing/refusals.js';

type Delta = BudgetAdjustmentInput['delta'];

/**
 * The budget adjustment's rules (第十一条) at their edges: the 领导小组 threshold at exactly its
 * amount, the magnitude as the larger of what is added and what is taken away, the budget of a
 * category at exactly zero, and the refusals with code, details and both messages.
 */
describe('budget-adjustment rules: the leadership threshold at its bound, refusals in full (第十一条)', () => {
  let w: MemoryPilotWorld;
  beforeEach(() => {
    w = memoryPilotWorld();
    w.store.setReference('project', 'proj-1', projectRecord());
  });
  const request = (delta: Delta, overrides: Partial<BudgetAdjustmentInput> = {}) => ({
    projectId: 'proj-1',
    collegeId: 'ee',
    delta,
    reason: '考证人数调整',
    ...overrides,
  });
  const start = (delta: Delta, overrides: Partial<BudgetAdjustmentInput> = {}) =>
    w.engine.start('budget-adjustment', request(delta, overrides), people.owner);
  const through = async (id: string) => {
    await w.engine.send(id, { type: 'APPROVE' }, people.finance);
    return w.engine.send(id, { type: 'APPROVE' }, people.academic);
  };
  /** The refusal `attempt` throws, as the API shows it, and that nothing was written. */
  const refusal = (attempt: () => Promise<unknown>) =>
    refusalOf(
      async () => w.store.dump() + JSON.stringify(await w.reference('project', 'proj-1')),
      attempt,
    );

  it('exactly the default threshold (10,000 yuan) is decided by 教务处; one fen more goes to the 领导小组', async () => {
    const at = await start({ consumables: 1_000_000, certificateFees: 0, examinerFees: 0 });
    expect(at.title).toBe('ee 项目 proj-1 预算调整（+10,000.00 元）');
    expect(at.context).toMatchObject({
      leadership: { needsLeadership: false, magnitude: 1_000_000, threshold: 1_000_000 },
    });
    expect(await through(at.id)).toMatchObject({ state: 'approved', status: 'completed' });
    const over = await start({ consumables: 1_000_001, certificateFees: 0, examinerFees: 0 });
    expect(over.context).toMatchObject({
      leadership: { needsLeadership: true, magnitude: 1_000_001, threshold: 1_000_000 },
    });
    expect(await through(over.id)).toMatchObject({ state: 'leadershipReview', status: 'active' });
  });

  it('the magnitude is the larger of what is added and what is taken away; a cut reads as minus', async () => {
    w.store.setReference('policy', 'budget-adjustment', { leadershipThreshold: 100_000 });
    const moved = await start({
      consumables: 100_000,
      certificateFees: -60_000,
      examinerFees: -40_000,
    });
    expect(moved.title).toBe('ee 项目 proj-1 预算调整（+0.00 元）');
    expect(moved.context).toMatchObject({
      leadership: { needsLeadership: false, magnitude: 100_000, threshold: 100_000 },
    });
    const cut = await start({ consumables: -100_001, certificateFees: 0, examinerFees: 50_000 });
    expect(cut.title).toBe('ee 项目 proj-1 预算调整（-500.01 元）');
    expect(cut.context).toMatchObject({
      leadership: { needsLeadership: true, magnitude: 100_001, threshold: 100_000 },
    });
    // A stored policy that does not parse is no policy: the default applies.
    w.store.setReference('policy', 'budget-adjustment', { leadershipThreshold: -1 });
    const fallback = await start({ consumables: 100_001, certificateFees: 0, examinerFees: 0 });
    expect(fallback.context).toMatchObject({
      leadership: { needsLeadership: false, threshold: 1_000_000 },
    });
  });

  it('a category cut to exactly zero is allowed; below zero is ADJUSTMENT_BELOW_SPENT naming it', async () => {
    const zero = await start({ consumables: -200_000, certificateFees: 0, examinerFees: 0 });
    expect(zero.state).toBe('financeReview');
    const below = { consumables: -200_001, certificateFees: 0, examinerFees: -150_001 };
    expect(await refusal(() => start(below))).toEqual({
      code: 'ADJUSTMENT_BELOW_SPENT',
      message: '调整后的预算低于已支出金额或为负数（第十一条）',
      messageEn:
        'The adjusted budget would fall below what is already spent, or below zero (Art. 11)',
      details: { categories: ['consumables', 'examinerFees'] },
    });
  });

  it('the project: missing, of another college, not implementing — refused in full', async () => {
    const delta = { consumables: 1, certificateFees: 0, examinerFees: 0 };
    expect(await refusal(() => start(delta, { projectId: 'nope' }))).toMatchObject({
      code: 'PROJECT_NOT_FOUND',
      message: '未找到已批准的试点项目',
      messageEn: 'No approved pilot project with that id',
    });
    w.store.setReference('project', 'proj-1', projectRecord({ collegeId: 'cs' }));
    expect(await refusal(() => start(delta))).toMatchObject({
      code: 'PROJECT_COLLEGE_MISMATCH',
      message: '试点项目不属于该二级学院',
      messageEn: 'The pilot project belongs to another college',
    });
    w.store.setReference('project', 'proj-1', projectRecord({ status: 'cancelled' }));
    expect(await refusal(() => start(delta))).toMatchObject({
      code: 'PROJECT_NOT_IMPLEMENTING',
      message: '试点项目不在实施中（已撤销或未批准）',
      messageEn: 'The pilot project is not being implemented (cancelled or not approved)',
    });
  });

  it('重新提交 merges the revision into the request and checks it again: over the threshold now, the 领导小组 decides', async () => {
    let b = await start({ consumables: 10_000, certificateFees: 0, examinerFees: 0 });
    b = await w.engine.send(b.id, { type: 'RETURN', comment: '金额有误' }, people.finance);
    const bad = { consumables: -300_000, certificateFees: 0, examinerFees: 0 };
    expect(
      await refusal(() =>
        w.engine.send(b.id, { type: 'RESUBMIT', data: { delta: bad } }, people.owner),
      ),
    ).toMatchObject({ code: 'ADJUSTMENT_BELOW_SPENT', details: { categories: ['consumables'] } });
    const bigger = { consumables: 1_500_000, certificateFees: 0, examinerFees: 0 };
    b = await w.engine.send(b.id, { type: 'RESUBMIT', data: { delta: bigger } }, people.owner);
    expect(b.context).toMatchObject({
      request: { delta: bigger, reason: '考证人数调整' },
      leadership: { needsLeadership: true, magnitude: 1_500_000 },
    });
    expect(await through(b.id)).toMatchObject({ state: 'leadershipReview' });
  });

  it('a college lead may apply too; the subject is the project, ids are trimmed, the title is for people', async () => {
    const b = await w.engine.start(
      'budget-adjustment',
      request(
        { consumables: 1_000, certificateFees: 0, examinerFees: 0 },
        { projectId: ' proj-1 ', collegeId: ' ee ' },
      ),
      people.collegeLead,
    );
    expect(b).toMatchObject({ subjectId: 'proj-1', college: 'ee', state: 'financeReview' });
    expect(budgetAdjustmentFlow.title).toEqual({
      zh: '项目预算调整',
      en: 'Project budget adjustment',
    });
  });

  it('an adjustment that changes nothing is VALIDATION_FAILED', async () => {
    expect(
      await refusal(() => start({ consumables: 0, certificateFees: 0, examinerFees: 0 })),
    ).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('驳回 is final; 重新提交 counts the revisions and trims a new reason', async () => {
    let b = await start({ consumables: 10_000, certificateFees: 0, examinerFees: 0 });
    b = await w.engine.send(b.id, { type: 'RETURN', comment: '补充' }, people.finance);
    b = await w.engine.send(
      b.id,
      { type: 'RESUBMIT', data: { reason: '  补充测算依据 ' } },
      people.owner,
    );
    b = await w.engine.send(b.id, { type: 'RETURN', comment: '再补充' }, people.finance);
    b = await w.engine.send(b.id, { type: 'RESUBMIT', data: {} }, people.owner);
    expect(b.context).toMatchObject({ revisions: 2, request: { reason: '补充测算依据' } });
    b = await w.engine.send(b.id, { type: 'REJECT', comment: '不予调整' }, people.finance);
    expect(b).toMatchObject({ state: 'rejected', status: 'rejected', tasks: [] });
  });
});
