import { beforeEach, describe, expect, it } from 'vitest';
import { memoryWorld, type MemoryWorld } from '../../model/memory-world.js';
import { people } from '../../testing/people.js';
import { trainingRequest } from './fixtures.js';
import type { TrainingRequestInput } from './input.js';
import { refusalOf } from '../../testing/refusals.js';

/**
 * The teacher-training rules (第七条5 不提倡参加明显超出标准的师资培训项目) through the engine: the
 * refusals with code, details and both messages, the standard at exactly its bounds.
 */
describe('teacher-training rules: refusals in full, the standard at its bounds (第七条5)', () => {
  let w: MemoryWorld;
  beforeEach(() => {
    w = memoryWorld();
  });
  const apply = (input: TrainingRequestInput) =>
    w.engine.start('teacher-training', input, people.owner);
  /** The refusal `attempt` throws, as the API shows it, and that nothing was written. */
  const refusal = (attempt: () => Promise<unknown>) => refusalOf(() => w.dump(), attempt);
  const beyond = (reasons: string[]) => ({
    code: 'JUSTIFICATION_REQUIRED',
    message:
      '该培训明显超出标准（天数、费用或非标准项目），须说明理由并经领导小组审批（第七条第5款）',
    messageEn:
      'The training is clearly beyond the standard (days, cost or flagged); a justification is required and the leadership group must approve (Art. 7.5)',
    details: { reasons },
  });

  it('beyond on every count: JUSTIFICATION_REQUIRED lists days, cost and the flag, in that order', async () => {
    const all = trainingRequest(
      {},
      { days: 11, endDate: '2026-12-31', cost: 800_001, nonStandard: true },
    );
    expect(await refusal(() => apply(all))).toEqual(beyond(['days', 'cost', 'flagged']));
  });

  it('exactly 10 days and ¥8,000 is within the standard: two approvals, no 领导小组', async () => {
    const edge = trainingRequest({}, { days: 10, endDate: '2026-12-31', cost: 800_000 });
    let i = await apply(edge);
    expect(i.title).toBe('ee 张老师：Web前端开发职业技能等级证书师资培训（中级）');
    i = await w.engine.send(i.id, { type: 'APPROVE' }, people.collegeLead);
    i = await w.engine.send(i.id, { type: 'APPROVE' }, people.academic);
    expect(i).toMatchObject({ state: 'approved', status: 'completed' });
  });

  it('重新提交 keeps the college (VALIDATION_FAILED in full); without a new input the request is kept', async () => {
    let i = await apply(trainingRequest());
    i = await w.engine.send(i.id, { type: 'RETURN', comment: '请补充' }, people.collegeLead);
    expect(
      await refusal(() =>
        w.engine.send(
          i.id,
          { type: 'RESUBMIT', data: { input: trainingRequest({ collegeId: 'cs' }) } },
          people.owner,
        ),
      ),
    ).toEqual({
      code: 'VALIDATION_FAILED',
      message: '修改后的申请不能更换二级学院',
      messageEn: 'A revised request cannot move to another college',
      details: { field: 'input.collegeId' },
    });
    expect(
      await refusal(() =>
        w.engine.send(
          i.id,
          { type: 'RESUBMIT', data: { input: trainingRequest({}, { cost: 900_000 }) } },
          people.owner,
        ),
      ),
    ).toEqual(beyond(['cost']));
    i = await w.engine.send(i.id, { type: 'RESUBMIT', data: {} }, people.owner);
    expect(i).toMatchObject({ state: 'collegeReview', context: { request: trainingRequest() } });
  });
});
