import { SUBSTITUTION_REF } from '@certflow/engine';
import type { CertflowClient, Instance } from '@certflow/client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { failure, projectApplication } from './support/fixtures.js';
import { startOpsWorld, type OpsWorld } from './support/ops-world.js';

// Issue 16's approval operations end to end over HTTP on PostgreSQL: each route applies one
// audited engine command (the chain verifies after it), and each refusal is a typed 4xx that
// changes nothing.

let w: OpsWorld;
beforeAll(async () => {
  w = await startOpsWorld();
});
beforeEach(() => w.reset());
afterAll(() => w?.close());

const review = (flow = 'review', title = '实训室建设申请'): Promise<Instance> =>
  w.as('owner').startInstance(flow, { college: 'ee', title });

/** A review instance at its second step (教务处), the first decided by 李院长. */
async function atSecond(flow = 'review'): Promise<Instance> {
  const i = await review(flow);
  return w.as('collegeLead').sendEvent(i.id, { type: 'APPROVE', comment: '同意' });
}

const taskOf = (v: Instance, assignee: string | null = null, step?: string) => {
  const t = v.tasks.find(
    (x) =>
      (assignee === null || x.assignee === assignee) && (step === undefined || x.step === step),
  );
  if (!t) throw new Error(`no task for ${assignee ?? 'anyone'} in ${JSON.stringify(v.tasks)}`);
  return t.id;
};

async function verified(id: string, count?: number): Promise<void> {
  const verdict = await w.as('auditor').verify(id);
  expect(verdict.ok).toBe(true);
  if (count !== undefined) expect(verdict.count).toBe(count);
}

/** The call is refused with `status`/`code`, and no row of any table changed. */
async function refusedUnchanged(
  call: () => Promise<unknown>,
  status: number,
  code: string,
): Promise<void> {
  const before = await w.fingerprint();
  expect(await failure(call())).toMatchObject({ status, code });
  expect(await w.fingerprint()).toBe(before);
}

describe('委派 and 转办', () => {
  it('委派: the delegate resolves with an opinion; the task comes back to the delegator, who decides', async () => {
    const v = await atSecond();
    const task = taskOf(v);
    const aa = w.as('academic');
    const delegated = await aa.delegateTask(
      task,
      { to: 'u-aa2', comment: '请协助核对预算' },
      { ifMatch: v.version, idempotencyKey: 'delegate-1' },
    );
    expect(delegated.tasks.map((t) => [t.kind, t.assignee])).toEqual([
      ['step', 'u-aa'],
      ['delegated', 'u-aa2'],
    ]);
    // The same key answers the first answer and applies nothing more.
    expect(
      await aa.delegateTask(
        task,
        { to: 'u-aa2', comment: '请协助核对预算' },
        { idempotencyKey: 'delegate-1' },
      ),
    ).toEqual(delegated);
    await refusedUnchanged(
      () => aa.sendEvent(v.id, { type: 'APPROVE', taskId: task }),
      409,
      'TASK_DELEGATED',
    );
    const handed = taskOf(delegated, 'u-aa2');
    // Only the delegate resolves: 李院长 may read the instance but was not delegated to.
    await refusedUnchanged(
      () => w.as('collegeLead').resolveDelegation(handed, { comment: '越权' }),
      403,
      'NOT_YOUR_DELEGATION',
    );
    await refusedUnchanged(
      () => w.as('academic').resolveDelegation(task, {}),
      403,
      'NOT_YOUR_DELEGATION',
    );
    const back = await w
      .as('academic2')
      .resolveDelegation(handed, { comment: '预算无误，建议同意' });
    expect(back.tasks.map((t) => [t.kind, t.assignee])).toEqual([['step', 'u-aa']]);
    const approved = await aa.sendEvent(v.id, { type: 'APPROVE', comment: '同意' });
    expect(approved.state).toBe('third');
    const { items } = await w.as('auditor').history(v.id);
    expect(items.map((h) => [h.event, h.actorId])).toEqual([
      ['START', 'u-owner'],
      ['APPROVE', 'u-lead'],
      ['DELEGATE', 'u-aa'],
      ['RESOLVE', 'u-aa2'],
      ['APPROVE', 'u-aa'],
    ]);
    expect(items[3]?.comment).toBe('预算无误，建议同意');
    await verified(v.id, 5);
  });

  it('委派 and 转办 name another holder of the role: the applicant, someone of another role, a stale If-Match are refused', async () => {
    const v = await atSecond();
    const task = taskOf(v);
    const aa = w.as('academic');
    await refusedUnchanged(
      () => aa.delegateTask(task, { to: 'u-owner' }),
      400,
      'VALIDATION_FAILED',
    );
    await refusedUnchanged(() => aa.transferTask(task, { to: 'u-fin' }), 400, 'VALIDATION_FAILED');
    await refusedUnchanged(
      () => aa.delegateTask(task, { to: 'u-aa2' }, { ifMatch: v.version - 1 }),
      409,
      'VERSION_CONFLICT',
    );
    await refusedUnchanged(
      () => aa.delegateTask('no-such-task', { to: 'u-aa2' }),
      404,
      'TASK_NOT_FOUND',
    );
    // A task of an instance the caller may not read: the same answer as a missing one.
    await refusedUnchanged(
      () => w.as('otherLead').delegateTask(task, { to: 'u-aa2' }),
      404,
      'TASK_NOT_FOUND',
    );
    await refusedUnchanged(
      () => w.as('auditor').delegateTask(task, { to: 'u-aa2' }),
      403,
      'NOT_AUTHORIZED',
    );
    const raw = await aa.raw(`/api/tasks/${task}/delegate`, { body: { to: 'u-aa2', extra: 1 } });
    expect(raw).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    const moved = await aa.transferTask(task, { to: 'u-aa2', comment: '转刘科长办理' });
    expect(moved.tasks.map((t) => t.assignee)).toEqual(['u-aa2']);
    await verified(v.id, 3);
  });
});

describe('加签 and 减签', () => {
  it('后加签: the added approver decides after the caller; the step then moves on', async () => {
    const v = await atSecond();
    const aa = w.as('academic');
    const added = await aa.addSigner(taskOf(v), {
      userId: 'u-aa2',
      position: 'after',
      comment: '请刘科长复核',
    });
    const mine = await aa.sendEvent(v.id, { type: 'APPROVE', taskId: taskOf(added) });
    expect(mine.state).toBe('second');
    expect(mine.tasks.map((t) => [t.kind, t.assignee])).toEqual([['added', 'u-aa2']]);
    const steps = await w.as('auditor').steps(v.id);
    expect(steps.items.find((s) => s.step === 'second')).toMatchObject({
      open: true,
      decided: [{ actorId: 'u-aa', actorName: '王处长' }],
      pending: [{ assignee: 'u-aa2', assigneeName: '刘科长', kind: 'added' }],
      votes: { round: 2, rounds: 2, approved: 0, threshold: 1 },
    });
    const done = await w.as('academic2').sendEvent(v.id, { type: 'APPROVE', comment: '复核同意' });
    expect(done.state).toBe('third');
    await verified(v.id, 5);
  });

  it('前加签, then 减签 by who added: the waiting task opens again; anyone else is refused NOT_ADDED_BY_YOU', async () => {
    const v = await atSecond();
    const aa = w.as('academic');
    const added = await aa.addSigner(taskOf(v), { userId: 'u-aa2' }, { ifMatch: v.version });
    expect(added.tasks.map((t) => [t.kind, t.assignee])).toEqual([['added', 'u-aa2']]);
    const steps = await aa.steps(v.id);
    expect(steps.items.find((s) => s.step === 'second')?.slots).toEqual([
      { kind: 'person', personId: 'u-aa2', name: '刘科长', addedBy: 'u-aa', decision: 'pending' },
      { kind: 'role', personId: null, name: null, addedBy: null, decision: 'waiting' },
    ]);
    await refusedUnchanged(
      () => w.as('academic2').removeSigner(v.id, { userId: 'u-aa2' }),
      403,
      'NOT_ADDED_BY_YOU',
    );
    await refusedUnchanged(
      () => aa.removeSigner(v.id, { userId: 'u-lead2' }),
      403,
      'NOT_ADDED_BY_YOU',
    );
    const removed = await aa.removeSigner(v.id, { userId: 'u-aa2', comment: '无需复核' });
    expect(removed.tasks.map((t) => [t.kind, t.assignee])).toEqual([['step', null]]);
    const done = await aa.sendEvent(v.id, { type: 'APPROVE' });
    expect(done.state).toBe('third');
    const { items } = await aa.history(v.id);
    expect(items.map((h) => h.event)).toEqual([
      'START',
      'APPROVE',
      'ADD_APPROVER',
      'REMOVE_APPROVER',
      'APPROVE',
    ]);
    expect(items[2]?.data).toMatchObject({ userId: 'u-aa2', position: 'before' });
    await verified(v.id, 5);
  });

  it('加签 names someone who can hold the task: the applicant or another college is refused', async () => {
    const v = await review();
    const lead = w.as('collegeLead');
    for (const userId of ['u-owner', 'u-lead-cs', 'u-lead', 'nobody']) {
      await refusedUnchanged(
        () => lead.addSigner(taskOf(v), { userId, position: 'with' }),
        userId === 'nobody' ? 400 : 400,
        'VALIDATION_FAILED',
      );
    }
    const raw = await lead.raw(`/api/tasks/${taskOf(v)}/add-signer`, {
      body: { userId: 'u-lead2', position: 'sideways' },
    });
    expect(raw).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
  });
});

describe('退回 to a chosen step and 拿回', () => {
  it('退回 to an earlier step re-assigns it to who decided there; a step not reached or no reason is refused', async () => {
    const v = await atSecond();
    const aa = w.as('academic');
    const task = taskOf(v);
    await refusedUnchanged(
      () => aa.returnToStep(task, { toStep: 'third', comment: '重审' }),
      409,
      'STEP_NOT_REACHED',
    );
    await refusedUnchanged(
      () => aa.returnToStep(task, { toStep: 'first', comment: ' ' }),
      422,
      'REASON_REQUIRED',
    );
    const back = await aa.returnToStep(
      task,
      { toStep: 'first', comment: '请学院复核预算' },
      { ifMatch: v.version },
    );
    expect(back.state).toBe('first');
    expect(back.tasks.map((t) => [t.step, t.assignee])).toEqual([['first', 'u-lead']]);
    const again = await w.as('collegeLead').sendEvent(v.id, { type: 'APPROVE', comment: '已复核' });
    expect(again.state).toBe('second');
    const { items } = await aa.history(v.id);
    expect(items[2]).toMatchObject({
      event: 'RETURN',
      data: { toStep: 'first' },
      toState: 'first',
    });
    await verified(v.id, 4);
  });

  it('退回 to the applicant is the flow’s own 退回', async () => {
    const v = await atSecond();
    const back = await w
      .as('academic')
      .returnToStep(taskOf(v), { toStep: 'applicant', comment: '材料不全' });
    expect(back.state).toBe('returned');
    expect(back.tasks.map((t) => t.assignee)).toEqual(['u-owner']);
    await verified(v.id, 3);
  });

  it('after a resubmission a step decided before it is not returnable until decided again', async () => {
    const v = await atSecond();
    const aa = w.as('academic');
    await aa.returnToStep(taskOf(v), { toStep: 'applicant', comment: '材料不全' });
    const again = await w.as('owner').sendEvent(v.id, { type: 'RESUBMIT', comment: '已补充' });
    expect(again.state).toBe('first');
    const steps = await aa.steps(v.id);
    expect(
      steps.items.map((s) => [s.step, s.returnable, s.decided.map((d) => d.supersededBy)]),
    ).toEqual([
      ['first', false, [4]],
      ['second', false, [4]],
    ]);
    // 教务处's decision was before the resubmission: 退回 there from `first` would skip `first`.
    await refusedUnchanged(
      () =>
        w
          .as('collegeLead')
          .returnToStep(taskOf(again), { toStep: 'second', comment: '请教务处复核' }),
      409,
      'STEP_NOT_REACHED',
    );
    const passed = await w.as('collegeLead').sendEvent(v.id, { type: 'APPROVE', comment: '同意' });
    const now = await aa.steps(v.id);
    expect(now.items.filter((s) => s.returnable).map((s) => s.step)).toEqual(['first']);
    const back = await aa.returnToStep(taskOf(passed), { toStep: 'first', comment: '请复核' });
    expect(back.tasks.map((t) => [t.step, t.assignee])).toEqual([['first', 'u-lead']]);
    await verified(v.id, 6);
  });

  it('拿回: the approver takes back an approval before the next step acts; afterwards TAKE_BACK_NOT_ALLOWED', async () => {
    const i = await review();
    const lead = w.as('collegeLead');
    const approved = await lead.sendEvent(i.id, { type: 'APPROVE', comment: '同意' });
    await refusedUnchanged(() => w.as('collegeLead2').takeBack(i.id), 409, 'TAKE_BACK_NOT_ALLOWED');
    const taken = await lead.takeBack(i.id, { comment: '还需核对' }, { ifMatch: approved.version });
    expect(taken.state).toBe('first');
    expect(taken.tasks.map((t) => [t.step, t.assignee])).toEqual([['first', 'u-lead']]);
    await lead.sendEvent(i.id, { type: 'APPROVE', comment: '核对无误' });
    await w.as('academic').sendEvent(i.id, { type: 'APPROVE' });
    await refusedUnchanged(() => lead.takeBack(i.id), 409, 'TAKE_BACK_NOT_ALLOWED');
    await verified(i.id, 5);
  });

  it('抄送 from a task: the readers are recorded; someone who may not read the instance is refused', async () => {
    const v = await atSecond();
    const aa = w.as('academic');
    await refusedUnchanged(
      () => aa.copyTask(taskOf(v), { userIds: ['u-lead-cs'] }),
      400,
      'VALIDATION_FAILED',
    );
    const copied = await aa.copyTask(taskOf(v), { userIds: ['u-fin'], comment: '请财务知悉' });
    expect(copied.version).toBe(v.version + 1);
    const { items } = await aa.history(v.id);
    expect(items.at(-1)).toMatchObject({ event: 'CC', data: { userIds: ['u-fin'] } });
    await verified(v.id, 3);
  });
});

describe('step states', () => {
  it('会签: who decided, who is pending and the vote count; the step completes when all have approved', async () => {
    const v = await atSecond('review-all');
    expect(v.tasks.map((t) => t.assignee).sort()).toEqual(['u-aa', 'u-aa2']);
    const one = await w.as('academic2').sendEvent(v.id, { type: 'APPROVE', comment: '同意' });
    const steps = await w.as('owner').steps(v.id);
    expect(steps.version).toBe(one.version);
    expect(steps.items.map((s) => s.step)).toEqual(['first', 'second']);
    expect(steps.items[0]).toMatchObject({
      open: false,
      mode: 'any',
      decided: [{ actorId: 'u-lead', actorName: '李院长', onBehalfOf: null }],
      pending: [],
      votes: null,
    });
    expect(steps.items[1]).toMatchObject({
      open: true,
      mode: 'all',
      decided: [{ actorId: 'u-aa2' }],
      pending: [{ assignee: 'u-aa', kind: 'step' }],
      votes: { approved: 1, against: 0, threshold: 2, approvers: 2, round: 1, rounds: 1 },
    });
    expect(steps.items[1]?.slots.map((s) => [s.personId, s.decision])).toEqual([
      ['u-aa', 'pending'],
      ['u-aa2', 'approved'],
    ]);
    const done = await w.as('academic').sendEvent(v.id, { type: 'APPROVE' });
    expect(done.status).toBe('completed');
    const after = await w.as('owner').steps(v.id);
    expect(after.items[1]).toMatchObject({ open: false, pending: [] });
    expect(after.items[1]?.decided.map((d) => d.actorId)).toEqual(['u-aa2', 'u-aa']);
    expect(await failure(w.as('otherLead').steps(v.id))).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
    });
  });

  it('依次: the later approver is told to wait; the slots show whose turn it is', async () => {
    const v = await atSecond('review-seq');
    const steps = await w.as('academic').steps(v.id);
    expect(steps.items[1]?.slots.map((s) => [s.personId, s.decision])).toEqual([
      ['u-aa', 'pending'],
      ['u-aa2', 'waiting'],
    ]);
    expect(await failure(w.as('academic2').sendEvent(v.id, { type: 'APPROVE' }))).toMatchObject({
      status: 409,
      code: 'EVENT_NOT_ACCEPTED',
    });
  });
});

describe('代理人 (substitutes)', () => {
  const period = (substituteId: string, reason = '出差') => ({
    substituteId,
    from: '2026-01-01T00:00:00+08:00',
    to: '2028-01-01T00:00:00+08:00',
    reason,
  });

  it('set for a date range: the substitute decides "由 X 代 Y", shown in the preview; audited; removed again', async () => {
    const aa = w.as('academic');
    expect(await aa.substitutes()).toMatchObject({ personId: 'u-aa', version: null, periods: [] });
    const set = await aa.putSubstitutes([period('u-aa2')], { ifMatch: 0 }).catch(() => undefined);
    // A row that does not exist has no version 0: the first write goes without If-Match.
    expect(set).toBeUndefined();
    const first = await aa.putSubstitutes([period('u-aa2')]);
    expect(first).toMatchObject({
      version: 1,
      periods: [{ substituteId: 'u-aa2', substituteName: '刘科长', reason: '出差', active: true }],
    });
    expect(await w.as('academic2').substitutes()).toMatchObject({
      principals: [{ id: 'u-aa', name: '王处长' }],
    });

    const v = await atSecond('review-seq');
    const preview = await w.as('owner').previewInstance(v.id);
    const second = preview.steps.find((s) => s.step === 'second' && s.current);
    expect(second?.approvers.find((a) => a.id === 'u-aa')?.substitute).toEqual({
      id: 'u-aa2',
      name: '刘科长',
    });
    // 依次: u-aa first; their substitute decides for them.
    const decided = await w
      .as('academic2')
      .sendEvent(v.id, { type: 'APPROVE', comment: '代为审批' });
    expect(decided.tasks.map((t) => t.assignee)).toEqual(['u-aa2']);
    const { items } = await w.as('auditor').history(v.id);
    expect(items.at(-1)).toMatchObject({
      actorId: 'u-aa2',
      data: { onBehalfOf: { id: 'u-aa', name: '王处长' } },
    });
    const steps = await w.as('owner').steps(v.id);
    expect(steps.items[1]?.decided).toEqual([
      expect.objectContaining({ actorId: 'u-aa2', onBehalfOf: 'u-aa' }),
    ]);
    await verified(v.id, 3);

    const trail = await w.pg.store.read.auditTrail({
      subject: `${SUBSTITUTION_REF}/u-aa`,
      limit: 10,
      offset: 0,
    });
    expect(trail.map((a) => a.action)).toEqual(['substitution.put']);
    const cleared = await aa.deleteSubstitutes({ ifMatch: 1 });
    expect(cleared).toMatchObject({ version: 2, periods: [] });
    const after = await w.pg.store.read.auditTrail({
      subject: `${SUBSTITUTION_REF}/u-aa`,
      limit: 10,
      offset: 0,
    });
    expect(after.map((a) => a.action).sort()).toEqual(['substitution.delete', 'substitution.put']);
    expect(await w.as('academic2').substitutes()).toMatchObject({ principals: [] });
  });

  it('separation of duties holds for both: whoever decided a step for someone takes no later step', async () => {
    // 王处长 (教务处) stands in for 李院长 at the college step.
    await w.as('collegeLead').putSubstitutes([period('u-aa')]);
    const i = await review();
    const decided = await w
      .as('academic')
      .sendEvent(i.id, { type: 'APPROVE', comment: '代李院长审批' });
    expect(decided.state).toBe('second');
    const { items } = await w.as('auditor').history(i.id);
    expect(items.at(-1)).toMatchObject({ actorId: 'u-aa', data: { onBehalfOf: { id: 'u-lead' } } });
    await refusedUnchanged(
      () => w.as('academic').sendEvent(i.id, { type: 'APPROVE' }),
      403,
      'SEPARATION_OF_DUTIES',
    );
    const second = await w.as('academic2').sendEvent(i.id, { type: 'APPROVE' });
    expect(second.state).toBe('third');
    await verified(i.id, 3);
  });

  it('refuses yourself, an unknown person, the read-only auditor, overlapping periods and a stale version', async () => {
    const aa = w.as('academic');
    for (const id of ['u-aa', 'nobody', 'u-audit']) {
      await refusedUnchanged(() => aa.putSubstitutes([period(id)]), 422, 'SUBSTITUTE_NOT_ALLOWED');
    }
    await refusedUnchanged(
      () => aa.putSubstitutes([period('u-aa2'), period('u-fin')]),
      400,
      'VALIDATION_FAILED',
    );
    await refusedUnchanged(
      () =>
        aa.putSubstitutes([
          { substituteId: 'u-aa2', from: '2027-02-01T00:00:00Z', to: '2027-01-01T00:00:00Z' },
        ]),
      400,
      'VALIDATION_FAILED',
    );
    const overlap = await aa.raw('/api/me/substitutes', {
      method: 'PUT',
      body: { periods: [period('u-aa2'), period('u-fin')] },
    });
    expect(overlap.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '输入不合法（「json.periods」：代理时段不能重叠）',
    });
    await aa.putSubstitutes([period('u-aa2')]);
    await refusedUnchanged(
      () => aa.putSubstitutes([period('u-fin')], { ifMatch: 7 }),
      409,
      'VERSION_CONFLICT',
    );
    await refusedUnchanged(
      () => w.as('auditor').putSubstitutes([period('u-aa2')]),
      403,
      'NOT_AUTHORIZED',
    );
  });
});

describe('routing preview', () => {
  it('for an application before it is started matches the tasks the start then opens, with the due date and its reason', async () => {
    await w.as('academic').putQuota(2027, 'ee', { scale: 100, budget: 10_000_000 });
    const input = projectApplication();
    const before = await w.fingerprint();
    const preview = await w.as('owner').previewStart('pilot-project', input);
    expect(await w.fingerprint()).toBe(before);
    expect(preview.steps.map((s) => [s.step, s.role, s.current])).toEqual([
      ['college', 'college_lead', true],
      ['academic', 'academic_affairs', false],
      ['leadership', 'leadership', false],
    ]);
    expect(preview.complete).toBe(true);
    const first = preview.steps[0];
    expect(first?.approvers.map((a) => a.id).sort()).toEqual(['u-lead', 'u-lead2']);
    expect(first?.dueAt).not.toBeNull();
    expect(first?.dueExplanation?.zh).toMatch(/工作日/);
    const started = await w.as('owner').startInstance('pilot-project', input);
    expect(started.tasks[0]?.dueAt).toBe(first?.dueAt);
    const again = await w.as('owner').previewInstance(started.id);
    expect(again.steps.map((s) => [s.step, s.dueAt])).toEqual(
      preview.steps.map((s) => [s.step, s.dueAt]),
    );
    // Walk it, each step decided on the day the preview assumed (the one before it due): each
    // is entered as previewed, for the people previewed, due when previewed.
    const deciders = ['collegeLead', 'academic'] as const;
    for (const [n, who] of deciders.entries()) {
      const due = preview.steps[n]?.dueAt;
      if (!due) throw new Error('the preview gave no due date');
      w.clock.set(due);
      const next = await w.as(who).sendEvent(started.id, { type: 'APPROVE' });
      const ahead = preview.steps[n + 1];
      expect(next.tasks.map((t) => [t.step, t.role, t.dueAt])).toEqual([
        [ahead?.step, ahead?.role, ahead?.dueAt],
      ]);
    }
    expect(preview.steps[2]?.approvers.map((a) => a.id)).toEqual(['u-president']);
    await verified(started.id, 3);
  });

  it('is refused as the start would be: invalid input, an unknown flow, someone who may not start it', async () => {
    await refusedUnchanged(
      () => w.as('owner').previewStart('pilot-project', { year: 'soon' }),
      400,
      'VALIDATION_FAILED',
    );
    await refusedUnchanged(
      () => w.as('owner').previewStart('no-such-flow', {}),
      404,
      'UNKNOWN_FLOW',
    );
    await refusedUnchanged(
      () => w.as('finance').previewStart('review', { college: 'ee', title: 'T' }),
      403,
      'NOT_AUTHORIZED',
    );
    const v = await review();
    expect(await failure(w.as('otherLead').previewInstance(v.id))).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
    });
  });
});

describe('批量审批', () => {
  /** A pilot project at the 领导小组 step (batch allowed there). */
  async function atLeadership(title: string): Promise<Instance> {
    const i = await w
      .as('owner')
      .startInstance(
        'pilot-project',
        projectApplication({ certificate: { code: title, name: title, level: 'intermediate' } }),
      );
    await w.as('collegeLead').sendEvent(i.id, { type: 'APPROVE' });
    return w.as('academic').sendEvent(i.id, { type: 'APPROVE' });
  }

  it('approves each item on its own version and rules; refused items change nothing, the others stay decided', async () => {
    await w.as('academic').putQuota(2027, 'ee', { scale: 1000, budget: 100_000_000 });
    const a = await atLeadership('A-1');
    const b = await atLeadership('B-2');
    const c = await atLeadership('C-3');
    const notBatch = await w.as('owner').startInstance('pilot-project', projectApplication());
    const leader = w.as('leader');
    const before = await leader.history(b.id);
    const result = await leader.batchApprove({
      comment: '同意（领导小组会议纪要 2026-10）',
      items: [
        { taskId: taskOf(a), ifMatch: a.version },
        { taskId: taskOf(b), ifMatch: b.version - 1 },
        { taskId: taskOf(notBatch) },
        { taskId: 'no-such-task' },
        { taskId: taskOf(c), comment: '同意，注意控制规模' },
      ],
    });
    expect(result).toMatchObject({ approved: 2, refused: 3 });
    expect(result.items.map((r) => [r.ok, r.error?.code ?? null])).toEqual([
      [true, null],
      [false, 'VERSION_CONFLICT'],
      [false, 'BATCH_NOT_ALLOWED'],
      [false, 'TASK_NOT_FOUND'],
      [true, null],
    ]);
    expect(result.items[0]).toMatchObject({
      instanceId: a.id,
      status: 'completed',
      state: 'approved',
    });
    expect(result.items[1]?.error).toMatchObject({ status: 409, message: expect.any(String) });
    expect(result.items[2]?.error?.message).toBe('该环节不允许批量审批，请逐件办理');
    // The refused item's instance is exactly as it was.
    expect(await leader.history(b.id)).toEqual(before);
    expect((await leader.getInstance(notBatch.id)).state).toBe('collegeReview');
    const { items } = await leader.history(c.id);
    expect(items.at(-1)).toMatchObject({
      event: 'APPROVE',
      actorId: 'u-president',
      comment: '同意，注意控制规模',
    });
    for (const id of [a.id, b.id, c.id]) await verified(id);
  });

  it('the same batch again with its Idempotency-Key applies nothing more; duplicates and other people’s tasks are refused per item', async () => {
    await w.as('academic').putQuota(2027, 'ee', { scale: 1000, budget: 100_000_000 });
    const a = await atLeadership('D-4');
    const task = taskOf(a);
    const leader = w.as('leader');
    const first = await leader.batchApprove(
      { items: [{ taskId: task }, { taskId: task }] },
      { idempotencyKey: 'batch-1' },
    );
    expect(first.items.map((r) => [r.ok, r.error?.code ?? null])).toEqual([
      [true, null],
      [false, 'BATCH_NOT_ALLOWED'],
    ]);
    const again = await leader.batchApprove(
      { items: [{ taskId: task }] },
      { idempotencyKey: 'batch-1' },
    );
    expect(again.items[0]).toMatchObject({ ok: true, version: first.items[0]?.version });
    expect((await leader.history(a.id)).items).toHaveLength(4);
    const other = await atLeadership('E-5');
    const refused = await w.as('academic2').batchApprove({ items: [{ taskId: taskOf(other) }] });
    expect(refused.items[0]?.error?.code).toBe('NOT_AUTHORIZED');
    expect(await w.as('leader').raw('/api/tasks/batch', { body: { items: [] } })).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED' },
    });
  });
});

describe('草稿 (drafts)', () => {
  it('saved, edited, previewed and submitted once; visible only to the author', async () => {
    await w.as('academic').putQuota(2027, 'ee', { scale: 100, budget: 10_000_000 });
    const owner = w.as('owner');
    const half = { ...projectApplication(), scale: undefined };
    const draft = await owner.createDraft({ flow: 'pilot-project', input: half as never });
    expect(draft).toMatchObject({ flow: 'pilot-project', version: 1, title: '' });
    for (const other of ['owner2', 'collegeLead', 'auditor'] as const) {
      expect(await failure(w.as(other).getDraft(draft.id))).toMatchObject({
        status: 404,
        code: 'DRAFT_NOT_FOUND',
      });
      expect((await w.as(other).listDrafts()).total).toBe(0);
    }
    await refusedUnchanged(() => w.as('owner2').submitDraft(draft.id), 404, 'DRAFT_NOT_FOUND');
    await refusedUnchanged(() => w.as('owner2').deleteDraft(draft.id), 404, 'DRAFT_NOT_FOUND');
    // Incomplete: it cannot be submitted or previewed yet, and stays.
    await refusedUnchanged(() => owner.submitDraft(draft.id), 400, 'VALIDATION_FAILED');
    await refusedUnchanged(() => owner.previewDraft(draft.id), 400, 'VALIDATION_FAILED');
    const full = projectApplication();
    const saved = await owner.updateDraft(draft.id, { input: full }, { ifMatch: 1 });
    expect(saved.version).toBe(2);
    expect(saved.title).toMatch(/Web前端开发/);
    await refusedUnchanged(
      () => owner.updateDraft(draft.id, { input: {} }, { ifMatch: 1 }),
      409,
      'VERSION_CONFLICT',
    );
    expect(await owner.listDrafts()).toMatchObject({
      total: 1,
      items: [{ id: draft.id, version: 2 }],
    });
    const preview = await owner.previewDraft(draft.id);
    expect(preview.steps.map((s) => s.step)).toEqual(['college', 'academic', 'leadership']);

    // Submitted concurrently and again: one instance, the draft gone.
    const submits = await Promise.allSettled([
      owner.submitDraft(draft.id),
      owner.submitDraft(draft.id),
    ]);
    const started = submits.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    expect(started.length).toBeGreaterThanOrEqual(1);
    expect(new Set(started.map((s) => s.id)).size).toBe(1);
    for (const s of submits) {
      if (s.status === 'rejected') expect(s.reason).toMatchObject({ code: 'DRAFT_NOT_FOUND' });
    }
    expect(await failure(owner.submitDraft(draft.id))).toMatchObject({
      status: 404,
      code: 'DRAFT_NOT_FOUND',
    });
    expect(await owner.listDrafts()).toMatchObject({ total: 0 });
    const mine = await w.as('auditor').listInstances({ flow: 'pilot-project' });
    expect(mine.total).toBe(1);
    const instance = started[0] as Instance;
    expect(instance.context).toMatchObject({ application: { scale: full.scale } });
    await verified(instance.id, 1);
  });

  it('a draft of an unknown flow, a draft too deep, and deletes', async () => {
    const owner = w.as('owner');
    await refusedUnchanged(
      () => owner.createDraft({ flow: 'no-such-flow', input: {} }),
      404,
      'UNKNOWN_FLOW',
    );
    const deep: Record<string, unknown> = {};
    let at = deep;
    for (let n = 0; n < 40; n += 1) {
      const next: Record<string, unknown> = {};
      at['x'] = next;
      at = next;
    }
    await refusedUnchanged(
      () => owner.createDraft({ flow: 'review', input: deep as never }),
      400,
      'VALIDATION_FAILED',
    );
    await refusedUnchanged(
      () => w.as('auditor').createDraft({ flow: 'review', input: {} }),
      403,
      'NOT_AUTHORIZED',
    );
    const d = await owner.createDraft({
      flow: 'review',
      input: { college: 'ee' },
      title: '草拟中',
    });
    expect(d.title).toBe('草拟中');
    await owner.deleteDraft(d.id);
    expect(await failure(owner.deleteDraft(d.id))).toMatchObject({
      status: 404,
      code: 'DRAFT_NOT_FOUND',
    });
  });
});

describe('常用意见 (phrases)', () => {
  it('each person keeps their own list, in their order, duplicates dropped; bad lists are refused', async () => {
    const aa = w.as('academic');
    expect(await aa.phrases()).toEqual({ items: [] });
    expect(await aa.putPhrases(['同意', '材料齐全，同意', '同意'])).toEqual({
      items: ['同意', '材料齐全，同意'],
    });
    expect(await aa.phrases()).toEqual({ items: ['同意', '材料齐全，同意'] });
    expect(await w.as('academic2').phrases()).toEqual({ items: [] });
    await refusedUnchanged(() => aa.putPhrases(['']), 400, 'VALIDATION_FAILED');
    await refusedUnchanged(
      () => aa.putPhrases(Array.from({ length: 51 }, (_, n) => `意见${n}`)),
      400,
      'VALIDATION_FAILED',
    );
    const refused = await aa.raw('/api/me/phrases', {
      method: 'PUT',
      body: { items: ['x'.repeat(201)] },
    });
    expect(refused).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(typeof (refused.body as { message: string }).message).toBe('string');
  });
});

describe('会签 with 50 approvers over HTTP', () => {
  it('50 concurrent decisions by distinct approvers: each counted once, the step completes exactly once', async () => {
    // The 领导小组 of 50 (钱院长 and 49 more).
    const members: CertflowClient[] = [w.as('leader')];
    for (let n = 1; n < 50; n += 1) {
      const id = `u-council-${n}`;
      await w.pg.directory.upsertUser({
        id,
        name: `委员${n}`,
        email: `council${n}@example.edu.cn`,
        roles: ['leadership'],
        college: null,
      });
      members.push(
        await w.withClaims({
          sub: id,
          name: `委员${n}`,
          email: `council${n}@example.edu.cn`,
          roles: ['leadership'],
        }),
      );
    }
    const v = await atSecond('review-council');
    expect(v.tasks).toHaveLength(50);
    // Each approver twice at once: 100 requests, 50 decisions.
    const results = await Promise.allSettled(
      [...members, ...members].map((m, n) =>
        m.sendEvent(v.id, { type: 'APPROVE', comment: `同意 ${n % 50}` }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(50);
    for (const r of results) {
      if (r.status === 'rejected') {
        expect([403, 409]).toContain((r.reason as { status: number }).status);
      }
    }
    const { items } = await w.as('auditor').history(v.id);
    const votes = items.filter((h) => h.event === 'APPROVE' && h.fromState === 'second');
    expect(votes).toHaveLength(50);
    expect(new Set(votes.map((h) => h.actorId)).size).toBe(50);
    expect(items.filter((h) => h.toState === 'done')).toHaveLength(1);
    const done = await w.as('auditor').getInstance(v.id);
    expect(done).toMatchObject({ status: 'completed', version: 52, tasks: [] });
    const steps = await w.as('auditor').steps(v.id);
    expect(steps.items[1]?.decided).toHaveLength(50);
    await verified(v.id, 52);
    // A 51st decision is refused: the instance has ended.
    expect(await failure(w.as('leader').sendEvent(v.id, { type: 'APPROVE' }))).toMatchObject({
      status: 409,
    });
  });
});
