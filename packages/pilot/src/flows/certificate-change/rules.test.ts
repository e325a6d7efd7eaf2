import type { JsonObject } from '@certflow/engine';
import { beforeEach, describe, expect, it } from 'vitest';
import { memoryWorld, type MemoryWorld } from '../../model/memory-world.js';
import { people } from '../../testing/people.js';
import { changeRequest, implementingProject } from './fixtures.js';
import { certificateChangeFlow } from './flow.js';
import type { ChangeInput } from './input.js';
import { refusalOf } from '../../testing/refusals.js';

/**
 * The rules of a certificate change (第七条3) at their edges: each refusal with its code, its
 * details and both messages, written out here (not read from the catalog, so a changed message
 * fails), and the budget at exactly the approved total.
 */
describe('certificate-change rules: refusals in full, the budget at its bound (第七条3)', () => {
  let w: MemoryWorld;
  const setProject = (overrides: JsonObject = {}) =>
    w.store.setReference('project', 'proj-1', implementingProject(overrides));
  const apply = (input: ChangeInput = changeRequest()) =>
    w.engine.start('certificate-change', input, people.owner);
  /** The refusal `attempt` throws, as the API shows it, and that nothing was written. */
  const refusal = (attempt: () => Promise<unknown>) =>
    refusalOf(() => w.dump([['project', 'proj-1']]), attempt);
  // The approved budget of implementingProject(): 200,000 + 400,000 + 150,000 fen.
  const APPROVED = 750_000;

  beforeEach(() => {
    w = memoryWorld();
    setProject();
  });

  it('a budget of exactly the approved total is accepted; one fen more is OVER_BUDGET with both totals', async () => {
    const exact = changeRequest({
      budget: { consumables: 100_000, certificateFees: 500_000, examinerFees: 150_000 },
    });
    const i = await apply(exact);
    expect(i).toMatchObject({ state: 'collegeReview', status: 'active' });
    expect(i.context).toMatchObject({
      previous: {
        certificate: { code: 'WEB-FE', name: 'Web前端开发', level: 'intermediate' },
        evaluationOrg: '工信部教育与考试中心',
      },
    });
    await w.engine.send(i.id, { type: 'WITHDRAW' }, people.owner);
    const over = changeRequest({
      budget: { consumables: 100_001, certificateFees: 500_000, examinerFees: 150_000 },
    });
    expect(await refusal(() => apply(over))).toEqual({
      code: 'OVER_BUDGET',
      message: '变更后的预算超出项目已批准的预算，须在不超预算的情况下申请变更（第七条第3款）',
      messageEn:
        "The changed certificate's budget exceeds the project's approved budget (Art. 7.3)",
      details: { requested: APPROVED + 1, approved: APPROVED },
    });
  });

  it('no reason: REASON_REQUIRED (第七条3), before any other rule', async () => {
    const bad = changeRequest({
      reason: '',
      newCertificate: { code: 'E', name: 'E', level: 'elementary' },
    });
    expect(await refusal(() => apply(bad))).toEqual({
      code: 'REASON_REQUIRED',
      message: '证书种类变更须说明变更原因（第七条第3款）',
      messageEn: 'A certificate change must state its reason (Art. 7.3)',
    });
  });

  it('an elementary certificate: LEVEL_NOT_ALLOWED with the level (第七条2), before the project is read', async () => {
    w.store.setReference('project', 'proj-1', {});
    const bad = changeRequest({ newCertificate: { code: 'E', name: 'E', level: 'elementary' } });
    expect(await refusal(() => apply(bad))).toEqual({
      code: 'LEVEL_NOT_ALLOWED',
      message: '申报证书等级须为中级及以上，不得申报初级（第七条第2款）',
      messageEn:
        'Only intermediate or advanced certificates may be applied for, never elementary (Art. 7.2)',
      details: { level: 'elementary' },
    });
  });

  it('the project: missing, another college, locked by the credit bank, not implementing — each in full', async () => {
    w.store.setReference('project', 'proj-1', { id: 'proj-1' });
    expect(await refusal(() => apply())).toEqual({
      code: 'PROJECT_NOT_FOUND',
      message: '未找到已批准的试点项目',
      messageEn: 'No approved pilot project with that id',
      details: { projectId: 'proj-1' },
    });
    setProject({ collegeId: 'cs' });
    expect(await refusal(() => apply())).toEqual({
      code: 'PROJECT_COLLEGE_MISMATCH',
      message: '该试点项目不属于本二级学院',
      messageEn: 'The pilot project belongs to another college',
      details: { projectId: 'proj-1', collegeId: 'ee' },
    });
    // The lock is checked before the status: a locked, cancelled project says it is locked.
    setProject({ creditBankLocked: true, status: 'cancelled' });
    expect(await refusal(() => apply())).toEqual({
      code: 'CHANGE_LOCKED_BY_CREDIT_BANK',
      message:
        '该项目已完成国家学分银行平台试点证书申报并通过上级主管部门审核，不予变更（第七条第3款）',
      messageEn:
        'The project is registered on the national credit bank and approved by the higher authority; its certificate can no longer change (Art. 7.3)',
      details: { projectId: 'proj-1' },
    });
    setProject({ status: 'completed' });
    expect(await refusal(() => apply())).toEqual({
      code: 'PROJECT_NOT_IMPLEMENTING',
      message: '试点项目不在实施中，不能变更证书种类',
      messageEn: 'The pilot project is not being implemented; its certificate cannot change',
      details: { projectId: 'proj-1', status: 'completed' },
    });
    // Without the flag the project is not locked; only `true` locks it.
    const { creditBankLocked: _unset, ...unflagged } = implementingProject();
    w.store.setReference('project', 'proj-1', unflagged);
    await expect(apply()).resolves.toMatchObject({ state: 'collegeReview' });
  });

  it('the same certificate is CERTIFICATE_UNCHANGED; the same code at another level is a change', async () => {
    const same = changeRequest({
      newCertificate: { code: 'WEB-FE', name: '任意名称', level: 'intermediate' },
    });
    expect(await refusal(() => apply(same))).toEqual({
      code: 'CERTIFICATE_UNCHANGED',
      message: '变更后的证书与原证书相同，无需变更',
      messageEn: 'The new certificate is the same as the current one',
      details: { code: 'WEB-FE' },
    });
    const advanced = changeRequest({
      newCertificate: { code: 'WEB-FE', name: 'Web前端开发', level: 'advanced' },
    });
    await expect(apply(advanced)).resolves.toMatchObject({ state: 'collegeReview' });
  });

  it('another certificate code at the same level is a change', async () => {
    const other = changeRequest({
      newCertificate: { code: 'WEB-X', name: 'Web前端开发', level: 'intermediate' },
    });
    await expect(apply(other)).resolves.toMatchObject({ state: 'collegeReview' });
  });

  it('重新提交 may not move to another project or college: VALIDATION_FAILED naming the field', async () => {
    let i = await apply();
    i = await w.engine.send(i.id, { type: 'RETURN', comment: '请补充' }, people.collegeLead);
    const resubmit = (input: ChangeInput) => () =>
      w.engine.send(i.id, { type: 'RESUBMIT', data: { input } }, people.owner);
    const moved = {
      code: 'VALIDATION_FAILED',
      message: '修改后的变更申请不能更换项目或二级学院',
      messageEn: 'A revised change request cannot move to another project or college',
      details: { field: 'input.projectId' },
    };
    expect(await refusal(resubmit(changeRequest({ projectId: 'proj-2' })))).toEqual(moved);
    expect(await refusal(resubmit(changeRequest({ collegeId: 'cs' })))).toEqual(moved);
    // A revision is checked like a start: the budget bound, then the rest.
    const over = changeRequest({
      budget: { consumables: 200_000, certificateFees: 400_000, examinerFees: 150_001 },
    });
    expect(await refusal(resubmit(over))).toMatchObject({
      code: 'OVER_BUDGET',
      details: { requested: APPROVED + 1, approved: APPROVED },
    });
    expect(await refusal(resubmit(changeRequest({ reason: '' })))).toMatchObject({
      code: 'REASON_REQUIRED',
    });
    const revised = changeRequest({
      reason: '评价组织调整',
      budget: { consumables: 200_000, certificateFees: 400_000, examinerFees: 150_000 },
    });
    i = await w.engine.send(i.id, { type: 'RESUBMIT', data: { input: revised } }, people.owner);
    expect(i).toMatchObject({
      state: 'collegeReview',
      context: { request: revised, revisions: 1 },
    });
    // The project as read at 重新提交 is the one the request now changes from.
    expect(i.context).toMatchObject({
      previous: { certificate: { code: 'WEB-FE' }, evaluationOrg: '工信部教育与考试中心' },
    });
  });

  it('the final approval re-reads the project: gone, moved or no longer implementing is refused in full', async () => {
    let i = await apply();
    i = await w.engine.send(i.id, { type: 'APPROVE' }, people.collegeLead);
    setProject({ status: 'suspended' });
    expect(await refusal(() => w.engine.send(i.id, { type: 'APPROVE' }, people.academic))).toEqual({
      code: 'PROJECT_NOT_IMPLEMENTING',
      message: '试点项目不在实施中，不能变更证书种类',
      messageEn: 'The pilot project is not being implemented; its certificate cannot change',
      details: { projectId: 'proj-1', status: 'suspended' },
    });
    w.store.setReference('project', 'proj-1', {});
    expect(
      await refusal(() => w.engine.send(i.id, { type: 'APPROVE' }, people.academic)),
    ).toMatchObject({ code: 'PROJECT_NOT_FOUND', details: { projectId: 'proj-1' } });
    // The project as it is now is what the approval writes: a field added meanwhile stays.
    setProject({ scale: 45, note: '中期检查通过' });
    i = await w.engine.send(i.id, { type: 'APPROVE' }, people.academic);
    expect(i.status).toBe('completed');
    expect(await w.store.read.reference('project', 'proj-1')).toMatchObject({
      scale: 45,
      note: '中期检查通过',
      certificate: changeRequest().newCertificate,
      evaluationOrg: '北京四合天地科技有限公司',
    });
  });

  it('the title names the college and the new certificate; ids and the organization are trimmed', async () => {
    const padded = changeRequest({
      projectId: ' proj-1 ',
      collegeId: ' ee ',
      evaluationOrg: '  北京四合天地科技有限公司 ',
    });
    let i = await apply(padded);
    expect(i).toMatchObject({
      title: 'ee 证书变更：Web应用软件测试（中级）',
      subjectId: 'proj-1',
      college: 'ee',
    });
    i = await w.engine.send(i.id, { type: 'APPROVE' }, people.collegeLead);
    i = await w.engine.send(i.id, { type: 'APPROVE' }, people.academic);
    expect(await w.store.read.reference('project', 'proj-1')).toMatchObject({
      evaluationOrg: '北京四合天地科技有限公司',
    });
  });

  it('a project changed before keeps its log: the next change is read and appended', async () => {
    const change = async (code: string) => {
      const input = changeRequest({ newCertificate: { code, name: code, level: 'advanced' } });
      let i = await apply(input);
      i = await w.engine.send(i.id, { type: 'APPROVE' }, people.collegeLead);
      return w.engine.send(i.id, { type: 'APPROVE' }, people.academic);
    };
    const first = await change('A');
    const second = await change('B');
    expect(second.status).toBe('completed');
    const log = ((await w.store.read.reference('project', 'proj-1')) as JsonObject)
      .certificateChanges as JsonObject[];
    expect(
      log.map((e) => [e.changeId, (e.from as JsonObject).code, (e.to as JsonObject).code]),
    ).toEqual([
      [first.id, 'WEB-FE', 'A'],
      [second.id, 'A', 'B'],
    ]);
  });

  it('the flow is titled for people', () => {
    expect(certificateChangeFlow.title).toEqual({
      zh: '证书种类变更',
      en: 'Certificate type change',
    });
  });
});
