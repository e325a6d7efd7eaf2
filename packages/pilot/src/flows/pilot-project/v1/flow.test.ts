import type { Actor, InstanceView, JsonObject } from '@certflow/engine';
import { beforeEach, describe, expect, it } from 'vitest';
import { QUOTA_REF, quotaKey } from '../../../common.js';
import { flowsFor, memoryWorld, type MemoryWorld } from '../../../model/memory-world.js';
import { projectApplication } from '../../../testing/fixtures.js';
import { people } from '../../../testing/people.js';
import type { ProjectInput } from '../input.js';
import { leadershipCheck, pilotProjectFlow } from './flow.js';
import { refusalOf } from '../../../testing/refusals.js';

/**
 * pilot-project version 1 (kept for the instances started on it) through the engine: the
 * 领导小组 decides only when the application alone is over the quota row's 试点规模数 or budget
 * (第七条2), read in the first-release shape (`quotaV1`); elementary is refused.
 */
describe('pilot-project v1 through the engine (its shipped rules, 第七条2)', () => {
  let w: MemoryWorld;
  beforeEach(() => {
    w = memoryWorld({ flows: flowsFor(pilotProjectFlow) });
  });
  // projectApplication(): scale 40, budget 750,000 fen.
  const setQuota = (row: JsonObject) => w.store.setReference(QUOTA_REF, quotaKey(2027, 'ee'), row);
  const apply = (input: ProjectInput = projectApplication(), who: Actor = people.owner) =>
    w.engine.start('pilot-project', input, who);
  const leadershipOf = (i: InstanceView) => (i.context as { leadership: JsonObject }).leadership;
  const through = async (i: InstanceView) => {
    i = await w.engine.send(i.id, { type: 'APPROVE' }, people.collegeLead);
    return w.engine.send(i.id, { type: 'APPROVE' }, people.academic);
  };
  /** The refusal `attempt` throws, as the API shows it, and that nothing was written. */
  const refusal = (attempt: () => Promise<unknown>) => refusalOf(() => w.dump(), attempt);

  it('exactly the scale and budget of the quota row: 教务处 approves it; one more of either goes to the 领导小组', async () => {
    setQuota({ scale: 40, budget: 750_000 });
    const at = await apply();
    expect(at).toMatchObject({
      flowVersion: 1,
      title: 'ee Web前端开发（中级）',
      subjectId: at.id,
      college: 'ee',
    });
    expect(leadershipOf(at)).toEqual({ needsLeadership: false, reasons: [] });
    expect(await through(at)).toMatchObject({ state: 'approved', status: 'completed' });
    expect(await w.store.read.reference('project', at.id)).toEqual({
      id: at.id,
      ownerId: people.owner.id,
      ...projectApplication(),
      status: 'implementing',
      creditBankLocked: false,
    });
    setQuota({ scale: 39, budget: 749_999 });
    const over = await apply();
    expect(leadershipOf(over)).toEqual({ needsLeadership: true, reasons: ['scale', 'budget'] });
    expect(await through(over)).toMatchObject({ state: 'leadershipReview' });
  });

  it('leadershipCheck: the scale and the budget each on their own; a row in another shape is no quota', () => {
    const reader = (row: JsonObject | undefined) => ({
      get: (kind: string, key: string) =>
        kind === QUOTA_REF && key === quotaKey(2027, 'ee') ? row : undefined,
    });
    const input = projectApplication();
    expect(leadershipCheck(input, reader({ scale: 39, budget: 750_000 }))).toEqual({
      needsLeadership: true,
      reasons: ['scale'],
    });
    expect(leadershipCheck(input, reader({ scale: 40, budget: 749_999 }))).toEqual({
      needsLeadership: true,
      reasons: ['budget'],
    });
    expect(leadershipCheck(input, reader(undefined))).toEqual({
      needsLeadership: true,
      reasons: ['quota-missing'],
    });
    // Version 2's shape (no budget) reads as no quota in version 1.
    expect(leadershipCheck(input, reader({ scale: 100 }))).toEqual({
      needsLeadership: true,
      reasons: ['quota-missing'],
    });
    expect(
      leadershipCheck(projectApplication({ year: 2028 }), reader({ scale: 100, budget: 1 })),
    ).toEqual({ needsLeadership: true, reasons: ['quota-missing'] });
  });

  it('elementary is LEVEL_NOT_ALLOWED with the level, at the start and at 重新提交', async () => {
    setQuota({ scale: 100, budget: 10_000_000 });
    const elementary = projectApplication({
      certificate: { code: 'E', name: 'E', level: 'elementary' },
    });
    const refused = {
      code: 'LEVEL_NOT_ALLOWED',
      message: '申报证书等级须为中级及以上，不得申报初级（第七条第2款）',
      messageEn:
        'Only intermediate or advanced certificates may be applied for, never elementary (Art. 7.2)',
      details: { level: 'elementary' },
    };
    expect(await refusal(() => apply(elementary))).toEqual(refused);
    let i = await apply();
    i = await w.engine.send(i.id, { type: 'RETURN', comment: '补充' }, people.collegeLead);
    const resubmit = (input?: ProjectInput) => () =>
      w.engine.send(i.id, { type: 'RESUBMIT', data: input ? { input } : {} }, people.owner);
    expect(await refusal(resubmit(elementary))).toEqual(refused);
    expect(await refusal(resubmit(projectApplication({ collegeId: 'cs' })))).toEqual({
      code: 'VALIDATION_FAILED',
      message: '修改后的申报不能更换二级学院',
      messageEn: 'A revised application cannot move to another college',
      details: { field: 'input.collegeId' },
    });
    // The revision is checked again against the quota row: now over the scale.
    i = await resubmit(projectApplication({ scale: 101 }))();
    expect(i).toMatchObject({ state: 'collegeReview' });
    expect(leadershipOf(i)).toEqual({ needsLeadership: true, reasons: ['scale'] });
    // Without a new input, the application as it was is checked again.
    i = await w.engine.send(i.id, { type: 'RETURN', comment: '再补充' }, people.collegeLead);
    setQuota({ scale: 200, budget: 10_000_000 });
    i = await resubmit()();
    expect(leadershipOf(i)).toEqual({ needsLeadership: false, reasons: [] });
    expect(i.context).toMatchObject({ application: { scale: 101 } });
    i = await w.engine.send(i.id, { type: 'RETURN', comment: '撤回' }, people.collegeLead);
    i = await w.engine.send(i.id, { type: 'WITHDRAW' }, people.owner);
    expect(i).toMatchObject({ state: 'withdrawn', status: 'withdrawn', tasks: [] });
  });

  it('started by a project owner or college lead of its college only', async () => {
    setQuota({ scale: 100, budget: 10_000_000 });
    expect(await refusal(() => apply(projectApplication(), people.otherLead))).toMatchObject({
      code: 'NOT_AUTHORIZED',
    });
    expect(await refusal(() => apply(projectApplication(), people.academic))).toMatchObject({
      code: 'NOT_AUTHORIZED',
    });
    await expect(apply(projectApplication(), people.collegeLead)).resolves.toMatchObject({
      state: 'collegeReview',
    });
  });
});
