import { beforeEach, describe, expect, it } from 'vitest';
import { projectRecord } from '../../testing/assessment-fixtures.js';
import { memoryPilotWorld, type MemoryPilotWorld } from '../../testing/effects-world.js';
import { people } from '../../testing/people.js';

let w: MemoryPilotWorld;
beforeEach(() => {
  w = memoryPilotWorld();
  w.store.setReference('project', 'proj-1', projectRecord());
});
const input = {
  projectId: 'proj-1',
  collegeId: 'ee',
  finding: {
    summary: '考核资料未归档',
    trigger: 'weak-progress',
    evidenceRefs: ['att://inspection/1.pdf'],
  },
};
const plan = { summary: '两周内补齐归档', measures: ['补扫证书', '补录数据'] };
const results = {
  summary: '已补齐全部证书扫描件',
  evidenceRefs: ['att://rectification/archive.pdf'],
};
const withdrawals = async () =>
  (await w.store.read.listInstances({ flowId: 'withdrawal', limit: 10, offset: 0 })).items;

describe('rectification through the engine (MemoryStore)', () => {
  it('finding → plan → verified → closed', async () => {
    let r = await w.engine.start('rectification', input, people.academic);
    expect(r.tasks[0]).toMatchObject({
      role: 'college_lead',
      college: 'ee',
      dueAt: '2027-03-15T09:30:00.000Z',
    });
    await expect(
      w.engine.send(
        r.id,
        { type: 'SUBMIT_PLAN', data: { summary: 'x', measures: [] } },
        people.collegeLead,
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    r = await w.engine.send(r.id, { type: 'SUBMIT_PLAN', data: plan }, people.collegeLead);
    r = await w.engine.send(r.id, { type: 'APPROVE' }, people.academic);
    // v2 (第九条 积极落实整改成果): the accepted plan is carried out and its results verified.
    expect(r).toMatchObject({ flowVersion: 2, state: 'implementing', status: 'active' });
    expect(r.tasks[0]).toMatchObject({ role: 'college_lead', college: 'ee', step: 'results' });
    const before = w.store.dump();
    await expect(
      w.engine.send(
        r.id,
        { type: 'REPORT_RESULTS', data: { summary: '已补齐', evidenceRefs: [] } },
        people.collegeLead,
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(w.engine.send(r.id, { type: 'APPROVE' }, people.academic)).rejects.toMatchObject({
      code: 'EVENT_NOT_ACCEPTED',
    });
    expect(w.store.dump()).toBe(before);
    r = await w.engine.send(r.id, { type: 'REPORT_RESULTS', data: results }, people.collegeLead);
    expect(r.state).toBe('resultsVerification');
    r = await w.engine.send(r.id, { type: 'RETURN', comment: '证据不足' }, people.academic);
    expect(r).toMatchObject({ state: 'implementing', context: { resultRounds: 1 } });
    r = await w.engine.send(r.id, { type: 'REPORT_RESULTS', data: results }, people.collegeLead);
    r = await w.engine.send(r.id, { type: 'APPROVE' }, people.academic);
    expect(r).toMatchObject({ state: 'closed', status: 'completed' });
    expect(r.context).toMatchObject({ results: { summary: results.summary } });
    expect(await w.drain()).toMatchObject({ delivered: [] });
    expect(await withdrawals()).toEqual([]);
  });

  it('no results report within 20 working days: the deadline opens a withdrawal case', async () => {
    let r = await w.engine.start('rectification', input, people.academic);
    r = await w.engine.send(r.id, { type: 'SUBMIT_PLAN', data: plan }, people.collegeLead);
    r = await w.engine.send(r.id, { type: 'APPROVE' }, people.academic);
    const timer = (await w.store.read.pendingTimers(r.id)).find((t) => t.kind === 'event');
    expect(timer).toMatchObject({ event: 'RESULTS_OVERDUE', state: 'implementing' });
    w.clock.set(timer!.dueAt);
    expect((await w.engine.fireTimer(timer!.id)).instance).toMatchObject({
      state: 'overdue',
      status: 'rejected',
    });
    await w.drain();
    const cases = await withdrawals();
    expect(cases).toHaveLength(1);
    expect(
      (cases[0]?.snapshot as { context: { case: { trigger: string; reason: string } } }).context
        .case,
    ).toMatchObject({
      trigger: 'rectification-overdue',
      reason: expect.stringContaining('整改落实'),
    });
  });

  it('results that fail verification open a withdrawal on the finding’s ground', async () => {
    let r = await w.engine.start('rectification', input, people.academic);
    r = await w.engine.send(r.id, { type: 'SUBMIT_PLAN', data: plan }, people.collegeLead);
    r = await w.engine.send(r.id, { type: 'APPROVE' }, people.academic);
    r = await w.engine.send(r.id, { type: 'REPORT_RESULTS', data: results }, people.collegeLead);
    r = await w.engine.send(r.id, { type: 'REJECT', comment: '未落实' }, people.academic2);
    expect(r).toMatchObject({ state: 'failed', status: 'rejected' });
    await w.drain();
    expect(await withdrawals()).toHaveLength(1);
  });

  it('no plan within 10 working days: the deadline opens a withdrawal case', async () => {
    const r = await w.engine.start('rectification', input, people.academic);
    const timer = (await w.store.read.pendingTimers(r.id)).find((t) => t.kind === 'event');
    expect(timer).toMatchObject({
      event: 'PLAN_OVERDUE',
      dueAt: new Date('2027-03-15T09:30:00.000Z'),
    });
    w.clock.set(timer!.dueAt);
    expect((await w.engine.fireTimer(timer!.id)).instance).toMatchObject({
      state: 'overdue',
      status: 'rejected',
    });
    await w.drain();
    await w.drain();
    const cases = await withdrawals();
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ subjectId: 'proj-1', status: 'active', state: 'notice' });
    expect(
      (cases[0]?.snapshot as { context: { case: { trigger: string } } }).context.case.trigger,
    ).toBe('rectification-overdue');
  });

  it('a plan that fails verification opens a withdrawal on the finding’s ground', async () => {
    let r = await w.engine.start('rectification', input, people.academic);
    r = await w.engine.send(r.id, { type: 'SUBMIT_PLAN', data: plan }, people.collegeLead);
    // A timer of the left state is stale and changes nothing.
    const stale = (await w.store.read.pendingTimers(r.id)).find((t) => t.event === 'PLAN_OVERDUE');
    expect(stale).toBeUndefined();
    r = await w.engine.send(r.id, { type: 'REJECT', comment: '整改不到位' }, people.academic2);
    expect(r).toMatchObject({ state: 'failed', status: 'rejected' });
    await w.drain();
    const cases = await withdrawals();
    expect(
      (cases[0]?.snapshot as { context: { case: { trigger: string } } }).context.case.trigger,
    ).toBe('weak-progress');
  });
});
