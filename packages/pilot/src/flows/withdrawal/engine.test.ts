import { beforeEach, describe, expect, it } from 'vitest';
import { assessmentStart, projectRecord } from '../../testing/assessment-fixtures.js';
import { memoryPilotWorld, type MemoryPilotWorld } from '../../testing/effects-world.js';
import { people } from '../../testing/people.js';

let w: MemoryPilotWorld;
beforeEach(() => {
  w = memoryPilotWorld();
  w.store.setReference('project', 'proj-1', projectRecord());
});
const caseInput = {
  projectId: 'proj-1',
  collegeId: 'ee',
  trigger: 'loose-management',
  reason: '考场无监控',
};
const notice = {
  noticeRef: 'att://notice/1.pdf',
  summary: '拟撤销该试点项目，请于 5 个工作日内说明',
};

describe('withdrawal through the engine (MemoryStore)', () => {
  it('notice → response → leadership cancels: project cancelled, other open instances end with a reason', async () => {
    const assessment = await w.engine.start('assessment', assessmentStart(), people.owner);
    const rectification = await w.engine.start(
      'rectification',
      {
        projectId: 'proj-1',
        collegeId: 'ee',
        finding: { summary: '监控缺失', trigger: 'loose-management' },
      },
      people.academic,
    );
    let c = await w.engine.start('withdrawal', caseInput, people.academic);
    expect(c.tasks[0]).toMatchObject({ role: 'academic_affairs', step: 'notice' });
    c = await w.engine.send(c.id, { type: 'ISSUE_NOTICE', data: notice }, people.academic2);
    expect(c.tasks[0]).toMatchObject({ role: 'college_lead', college: 'ee' });
    expect(c.tasks[0]?.dueAt).toBe('2027-03-08T09:30:00.000Z'); // 5 Mon–Fri days after Mon 03-01, at 17:30
    await expect(
      w.engine.send(c.id, { type: 'RESPOND', data: { statement: 'x' } }, people.otherLead),
    ).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });
    c = await w.engine.send(
      c.id,
      { type: 'RESPOND', data: { statement: '已整改' } },
      people.collegeLead,
    );
    await expect(w.engine.send(c.id, { type: 'APPROVE' }, people.academic)).rejects.toMatchObject({
      code: 'NOT_AUTHORIZED',
    });
    c = await w.engine.send(c.id, { type: 'APPROVE', comment: '撤销' }, people.leader);
    expect(c).toMatchObject({ state: 'cancelled', status: 'completed' });
    expect(await w.reference('project', 'proj-1')).toMatchObject({
      status: 'cancelled',
      cancelledBy: c.id,
    });

    const run = await w.drain();
    expect(run.failed).toEqual([]);
    for (const id of [assessment.id, rectification.id]) {
      const i = await w.engine.get(id);
      expect(i).toMatchObject({ status: 'cancelled', tasks: [] });
      const last = (await w.engine.history(id)).at(-1);
      expect(last).toMatchObject({ event: 'CANCEL', actorId: 'system' });
      expect(last?.comment).toContain(c.id);
      expect(await w.engine.verifyHistory(id)).toMatchObject({ ok: true });
    }
    // The project is gone: no new assessment, no new case.
    await expect(
      w.engine.start('assessment', assessmentStart(), people.owner),
    ).rejects.toMatchObject({
      code: 'PROJECT_NOT_IMPLEMENTING',
    });
    await expect(w.engine.start('withdrawal', caseInput, people.academic)).rejects.toMatchObject({
      code: 'PROJECT_NOT_IMPLEMENTING',
    });
  });

  it('no answer by the deadline: the timer moves the case to the leadership group', async () => {
    let c = await w.engine.start('withdrawal', caseInput, people.academic);
    c = await w.engine.send(c.id, { type: 'ISSUE_NOTICE', data: notice }, people.academic);
    const timer = (await w.store.read.pendingTimers(c.id)).find((t) => t.kind === 'event');
    expect(timer).toMatchObject({ event: 'RESPONSE_OVERDUE', state: 'response' });
    w.clock.set(timer!.dueAt);
    const fired = await w.engine.fireTimer(timer!.id);
    expect(fired.instance).toMatchObject({ state: 'decision' });
    expect(fired.instance?.context).toMatchObject({ responseOverdue: true, response: null });
    expect(await w.engine.fireTimer(timer!.id)).toMatchObject({
      fired: false,
      reason: 'not-pending',
    });
  });

  it('retained: the project stays implementing; only academic affairs opens a case', async () => {
    await expect(w.engine.start('withdrawal', caseInput, people.collegeLead)).rejects.toMatchObject(
      {
        code: 'NOT_AUTHORIZED',
      },
    );
    let c = await w.engine.start('withdrawal', caseInput, people.academic);
    c = await w.engine.send(c.id, { type: 'ISSUE_NOTICE', data: notice }, people.academic);
    c = await w.engine.send(
      c.id,
      { type: 'RESPOND', data: { statement: '已整改' } },
      people.collegeLead,
    );
    c = await w.engine.send(c.id, { type: 'REJECT', comment: '保留项目' }, people.leader);
    expect(c.status).toBe('rejected');
    expect(await w.reference('project', 'proj-1')).toMatchObject({ status: 'implementing' });
    expect((await w.drain()).delivered).toEqual([]);
  });

  it('v2: a project has at most one open case; a second is refused naming it, nothing written', async () => {
    const first = await w.engine.start('withdrawal', caseInput, people.academic);
    expect(first.flowVersion).toBe(2);
    const file = () => w.reference('withdrawal-case', 'proj-1');
    const before = w.store.dump() + JSON.stringify(await file());
    await expect(
      w.engine.start('withdrawal', { ...caseInput, trigger: 'weak-progress' }, people.academic2),
    ).rejects.toMatchObject({
      code: 'WITHDRAWAL_CASE_OPEN',
      details: { projectId: 'proj-1', caseId: first.id },
    });
    expect(w.store.dump() + JSON.stringify(await file())).toBe(before);
    // Asked to, the second trigger is added to the open case as evidence.
    const added = await w.engine.start(
      'withdrawal',
      {
        ...caseInput,
        trigger: 'weak-progress',
        reason: '半年未开展培训',
        ifOpen: 'add-evidence',
        evidenceRefs: ['att://inspection/2.pdf'],
      },
      people.academic2,
    );
    expect(added).toMatchObject({ state: 'joined', status: 'completed', tasks: [] });
    expect(added.context).toMatchObject({ joinedCase: first.id });
    let c = await w.engine.send(first.id, { type: 'ISSUE_NOTICE', data: notice }, people.academic);
    c = await w.engine.send(
      c.id,
      { type: 'RESPOND', data: { statement: '已整改' } },
      people.collegeLead,
    );
    c = await w.engine.send(c.id, { type: 'REJECT', comment: '保留，限期整改' }, people.leader);
    // The leadership decided on both triggers; the case file is free for a new case.
    expect(
      (c.context as { evidence: { trigger: string }[] }).evidence.map((e) => e.trigger),
    ).toEqual(['loose-management', 'weak-progress']);
    expect(await file()).toMatchObject({ open: null, evidence: [], closed: [first.id] });
    const next = await w.engine.start('withdrawal', caseInput, people.academic);
    expect(next.state).toBe('notice');
  });

  it('v2: adding evidence needs an open case; a dismissed or cancelled case frees the project', async () => {
    const c = await w.engine.start('withdrawal', caseInput, people.academic);
    await w.engine.send(c.id, { type: 'DISMISS' }, people.academic);
    expect(await w.reference('withdrawal-case', 'proj-1')).toMatchObject({ open: null });
    const d = await w.engine.start('withdrawal', caseInput, people.academic);
    await w.engine.cancel(d.id, '误立案');
    expect(await w.reference('withdrawal-case', 'proj-1')).toMatchObject({
      open: null,
      closed: [c.id, d.id],
    });
  });
});
