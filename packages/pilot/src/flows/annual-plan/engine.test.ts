import { randomUUID } from 'node:crypto';
import { createBusinessCalendar } from '@certflow/calendar';
import { createEngine, ManualClock, SYSTEM_ACTOR, type Engine } from '@certflow/engine';
import { MemoryStore } from '@certflow/engine/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { QUOTA_REF, quotaKey } from '../../common.js';
import { createPilotFlows } from '../index.js';
import { memoryWorld, type MemoryWorld } from '../../model/memory-world.js';
import { people } from '../../testing/people.js';
import { annualPlanFlow } from './flow.js';
import { planCall, planLine, planOf } from './fixtures.js';
import { ANNUAL_PLAN_REF } from './machine.js';

const bj = (local: string): string => new Date(`${local}+08:00`).toISOString();

describe('annual-plan: the autumn call on the real calendar', () => {
  let store: MemoryStore;
  let clock: ManualClock;
  const engineWith = (flows = createPilotFlows()): Engine =>
    createEngine({ store, flows, clock, ids: randomUUID, calendar: createBusinessCalendar() });
  beforeEach(() => {
    store = new MemoryStore();
    // Semester start: Tuesday 1 September 2026, 09:00 Beijing time.
    clock = new ManualClock('2026-09-01T09:00:00+08:00');
  });
  const timersOf = async (id: string) =>
    (await store.read.pendingTimers(id)).map((t) => [t.kind, t.dueAt.toISOString()]);

  it('default: the college compiles within 70 working days (mid-December), reminded 15 and 5 days before', async () => {
    const i = await engineWith().start('annual-plan', planCall(), SYSTEM_ACTOR);
    expect(i).toMatchObject({ state: 'compiling', status: 'active', college: 'ee' });
    // 70 working days skip 中秋 (09-25), 国庆 (10-01..07) and count the make-up days 09-20 and
    // 10-10: the 70th is Monday 12-14, due at 17:30. A reminder after 55 (65) working days comes
    // at 09:00 of the next working day.
    expect(i.tasks).toMatchObject([
      { role: 'college_lead', college: 'ee', step: 'compile', dueAt: bj('2026-12-14T17:30:00') },
    ]);
    expect(await timersOf(i.id)).toEqual([
      ['remind', bj('2026-11-24T09:00:00')],
      ['remind', bj('2026-12-08T09:00:00')],
      ['escalate', bj('2026-12-14T17:30:00')],
    ]);
    expect(await store.read.reference(ANNUAL_PLAN_REF, '2027/ee')).toEqual({
      instanceId: i.id,
      year: 2027,
      collegeId: 'ee',
      status: 'open',
    });
  });

  it('the deadline is a deployment setting: 10 working days with a reminder after 5', async () => {
    const flows = createPilotFlows({
      annualPlan: { dueWorkingDays: 10, reminderWorkingDays: [5] },
    });
    const i = await engineWith(flows).start('annual-plan', planCall(), SYSTEM_ACTOR);
    expect(i.tasks[0]?.dueAt).toBe(bj('2026-09-15T17:30:00'));
    expect(await timersOf(i.id)).toEqual([
      ['remind', bj('2026-09-09T09:00:00')],
      ['escalate', bj('2026-09-15T17:30:00')],
    ]);
  });

  it('settings no school could mean are refused when the flow pack is built', () => {
    expect(() => annualPlanFlow({ dueWorkingDays: 0 })).toThrow(RangeError);
    expect(() => annualPlanFlow({ dueWorkingDays: 10, reminderWorkingDays: [10] })).toThrow(
      /before the deadline/,
    );
    expect(() => annualPlanFlow({ dueWorkingDays: 2.5 })).toThrow(RangeError);
  });

  it('nobody compiles: reminders, then 教务处 gets an escalation and may submit for the college', async () => {
    const flows = createPilotFlows({
      annualPlan: { dueWorkingDays: 10, reminderWorkingDays: [5] },
    });
    const engine = engineWith(flows);
    const i = await engine.start('annual-plan', planCall(), SYSTEM_ACTOR);
    clock.set('2026-09-15T17:30:00+08:00');
    for (const t of await store.dispatch.pendingTimers(10, clock.now()))
      await engine.fireTimer(t.id);
    const history = await engine.history(i.id);
    expect(history.map((h) => h.event)).toEqual(['START', 'REMIND', 'ESCALATE']);
    const view = await engine.get(i.id);
    const escalation = view.tasks.find((t) => t.kind === 'escalation');
    expect(escalation).toMatchObject({ role: 'academic_affairs', college: null, step: 'compile' });
    store.setReference(QUOTA_REF, quotaKey(2027, 'ee'), { scale: 100, budget: 10_000_000 });
    const next = await engine.send(
      i.id,
      { type: 'SUBMIT_PLAN', taskId: escalation?.id, data: planOf() },
      people.academic,
    );
    expect(next.state).toBe('academicReview');
    // The compile timers went with the state; the review step has its own.
    expect((await timersOf(i.id)).map(([kind]) => kind)).toEqual(['remind', 'escalate']);
  });
});

describe('annual-plan through the engine (MemoryStore, Mon–Fri calendar)', () => {
  let w: MemoryWorld;
  beforeEach(() => {
    w = memoryWorld({ start: '2026-09-01T09:00:00+08:00' });
    w.store.setReference(QUOTA_REF, quotaKey(2027, 'ee'), { scale: 100, budget: 10_000_000 });
  });
  const taskOf = async (id: string) => (await w.engine.get(id)).tasks[0]?.id;

  it('within the quota: the college submits, 教务处 approves, the plan is filed as reference data', async () => {
    const i = await w.engine.start('annual-plan', planCall(), SYSTEM_ACTOR);
    const r = await w.engine.send(
      i.id,
      { type: 'SUBMIT_PLAN', taskId: await taskOf(i.id), data: planOf() },
      people.collegeLead,
    );
    expect(r.state).toBe('academicReview');
    expect(r.context).toMatchObject({
      totals: { certificates: 2, scale: 70, budget: 1_350_000 },
      leadership: { needsLeadership: false, reasons: [] },
    });
    const done = await w.engine.send(
      i.id,
      { type: 'APPROVE', taskId: await taskOf(i.id) },
      people.academic,
    );
    expect(done).toMatchObject({ state: 'filed', status: 'completed', tasks: [] });
    expect(await w.store.read.reference(ANNUAL_PLAN_REF, '2027/ee')).toMatchObject({
      status: 'filed',
      instanceId: i.id,
      totals: { certificates: 2, scale: 70, budget: 1_350_000 },
      lines: planOf().lines,
    });
    expect(await w.store.read.pendingTimers(i.id)).toEqual([]);
  });

  it('over the pilot scale (第七条2): the 领导小组 must approve too; a return goes back to the college', async () => {
    w.store.setReference(QUOTA_REF, quotaKey(2027, 'ee'), { scale: 50, budget: 10_000_000 });
    const i = await w.engine.start('annual-plan', planCall(), people.academic2);
    await w.engine.send(
      i.id,
      { type: 'SUBMIT_PLAN', taskId: await taskOf(i.id), data: planOf() },
      people.collegeLead,
    );
    const l = await w.engine.send(
      i.id,
      { type: 'APPROVE', taskId: await taskOf(i.id) },
      people.academic,
    );
    expect(l.state).toBe('leadershipReview');
    expect(l.context).toMatchObject({ leadership: { needsLeadership: true, reasons: ['scale'] } });
    // The leadership step is reminded, never escalated to someone who could decide for it.
    const timers = await w.store.read.pendingTimers(i.id);
    expect(timers.map((t) => t.kind)).toEqual(['remind']);
    const back = await w.engine.send(
      i.id,
      { type: 'RETURN', taskId: await taskOf(i.id), comment: '超出试点规模，请压缩' },
      people.leader,
    );
    expect(back.state).toBe('returned');
    expect(back.tasks).toMatchObject([{ role: 'college_lead', step: 'compile', college: 'ee' }]);
    // Resubmitted within the quota: 教务处 alone files it.
    await w.engine.send(
      i.id,
      { type: 'SUBMIT_PLAN', taskId: await taskOf(i.id), data: planOf([planLine()]) },
      people.collegeLead,
    );
    // (academic2 opened the call, so counts as its submitter and may not review it.)
    const filed = await w.engine.send(
      i.id,
      { type: 'APPROVE', taskId: await taskOf(i.id) },
      people.academic,
    );
    expect(filed).toMatchObject({ state: 'filed', status: 'completed' });
    expect(filed.context).toMatchObject({ revisions: 1, totals: { certificates: 1, scale: 40 } });
  });

  it('refuses elementary lines, a certificate listed twice and an empty plan without a reason', async () => {
    const i = await w.engine.start('annual-plan', planCall(), SYSTEM_ACTOR);
    const task = await taskOf(i.id);
    const before = w.store.dump();
    const submit = (data: unknown) =>
      w.engine.send(
        i.id,
        { type: 'SUBMIT_PLAN', taskId: task, data: data as never },
        people.collegeLead,
      );
    await expect(
      submit(planOf([planLine({ certificate: { code: 'X', name: 'X', level: 'elementary' } })])),
    ).rejects.toMatchObject({ code: 'LEVEL_NOT_ALLOWED', details: { line: 0 } });
    await expect(submit(planOf([planLine(), planLine()]))).rejects.toMatchObject({
      code: 'DUPLICATE_CERTIFICATE',
      details: { line: 1, code: 'WEB-FE' },
    });
    await expect(submit({ lines: [] })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(w.store.dump()).toBe(before);
    // No certificate next year, with the reason: accepted, and no leadership step even without a quota.
    const r = await submit({ lines: [], note: '本学院下一年度暂不申报' });
    expect(r.context).toMatchObject({ leadership: { needsLeadership: false } });
  });

  it('one call per college and year; only 教务处 (or the scheduler) opens one', async () => {
    await w.engine.start('annual-plan', planCall(), SYSTEM_ACTOR);
    await expect(w.engine.start('annual-plan', planCall(), people.academic)).rejects.toMatchObject({
      code: 'PLAN_CALL_EXISTS',
    });
    await expect(
      w.engine.start('annual-plan', planCall({ collegeId: 'cs' }), people.collegeLead),
    ).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });
    const cs = await w.engine.start('annual-plan', planCall({ collegeId: 'cs' }), people.academic);
    expect(cs.tasks).toMatchObject([{ role: 'college_lead', college: 'cs' }]);
    // Another college's lead does not hold the task.
    await expect(
      w.engine.send(
        cs.id,
        { type: 'SUBMIT_PLAN', taskId: cs.tasks[0]?.id, data: planOf() },
        people.collegeLead,
      ),
    ).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });
  });
});
