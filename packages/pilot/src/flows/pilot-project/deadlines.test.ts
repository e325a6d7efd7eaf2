import { randomUUID } from 'node:crypto';
import { createBusinessCalendar } from '@certflow/calendar';
import { createEngine, ManualClock, type Engine } from '@certflow/engine';
import { MemoryStore } from '@certflow/engine/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { QUOTA_REF, quotaKey } from '../../common.js';
import { pilotFlows } from '../index.js';
import { projectApplication } from '../../testing/fixtures.js';
import { people } from '../../testing/people.js';

/** Beijing wall-clock time → instant. */
const bj = (local: string): Date => new Date(`${local}+08:00`);

describe('pilot-project deadlines on the real calendar (2026 National Day and its make-up Saturday)', () => {
  let store: MemoryStore;
  let clock: ManualClock;
  let engine: Engine;

  beforeEach(() => {
    store = new MemoryStore();
    clock = new ManualClock(bj('2026-09-28T09:00:00'));
    engine = createEngine({
      store,
      flows: pilotFlows,
      clock,
      ids: randomUUID,
      calendar: createBusinessCalendar(),
    });
    store.setReference(QUOTA_REF, quotaKey(2027, 'ee'), { scale: 100, budget: 1_000_000 });
  });

  /** Move the clock and fire every timer due by then, as the scheduler would. */
  async function at(local: string): Promise<void> {
    clock.set(bj(local));
    for (const t of await store.dispatch.pendingTimers(100, clock.now())) {
      await engine.fireTimer(t.id);
    }
  }

  async function timerEvents(id: string): Promise<{ event: string; at: string }[]> {
    const rows = await engine.history(id);
    return rows
      .filter((r) => r.event === 'REMIND' || r.event === 'ESCALATE')
      .map((r) => ({ event: r.event, at: r.at.toISOString() }));
  }

  it('college review: due 5 working days after submission, reminded after 3, escalated to 教务处', async () => {
    // Mon 09-28 09:00; working days 09-29, 09-30, (10-01..10-07 holiday), 10-08, 10-09, Sat 10-10:
    // due at the end of 10-10 (17:30); the reminder after 3 comes on the morning of the 4th.
    const i = await engine.start('pilot-project', projectApplication(), people.owner);
    expect(i.tasks[0]?.dueAt).toBe(bj('2026-10-10T17:30:00').toISOString());
    await at('2026-10-09T08:59:59');
    expect(await timerEvents(i.id)).toEqual([]);
    await at('2026-10-09T09:00:00');
    expect(await timerEvents(i.id)).toEqual([{ event: 'REMIND', at: '2026-10-09T01:00:00.000Z' }]);
    await at('2026-10-10T17:29:59');
    expect(await timerEvents(i.id)).toHaveLength(1);
    await at('2026-10-10T17:30:00');
    expect(await timerEvents(i.id)).toEqual([
      { event: 'REMIND', at: '2026-10-09T01:00:00.000Z' },
      { event: 'ESCALATE', at: '2026-10-10T09:30:00.000Z' },
    ]);
    const view = await engine.get(i.id);
    expect(view.state).toBe('collegeReview');
    expect(view.tasks.map((t) => [t.kind, t.role, t.step])).toEqual([
      ['step', 'college_lead', 'college'],
      ['escalation', 'academic_affairs', 'college'],
    ]);
    // 教务处 decides the stalled college step in place; the step's timers are gone with it.
    const escalation = view.tasks.find((t) => t.kind === 'escalation');
    const next = await engine.send(
      i.id,
      { type: 'APPROVE', taskId: escalation?.id },
      people.academic,
    );
    expect(next.state).toBe('academicReview');
    expect(next.tasks.map((t) => [t.role, t.dueAt])).toEqual([
      // 10-10 17:30 + 5 working days: 10-12, 10-13, 10-14, 10-15, 10-16 (17:30).
      ['academic_affairs', bj('2026-10-16T17:30:00').toISOString()],
    ]);
    const pending = await store.dispatch.pendingTimers(100);
    expect(pending.map((t) => [t.kind, t.state, t.dueAt.toISOString()])).toEqual([
      ['remind', 'academicReview', bj('2026-10-15T09:00:00').toISOString()],
      ['escalate', 'academicReview', bj('2026-10-16T17:30:00').toISOString()],
    ]);
  });

  it('a decision in time cancels the step timers: nothing fires later', async () => {
    const i = await engine.start('pilot-project', projectApplication(), people.owner);
    await at('2026-09-29T10:00:00');
    await engine.send(i.id, { type: 'APPROVE', taskId: i.tasks[0]?.id }, people.collegeLead);
    // The college step's reminder (10-09 09:00) and escalation (10-10 17:30) were cancelled.
    await at('2026-10-10T08:59:59');
    expect(await timerEvents(i.id)).toEqual([]);
    // The academic step's reminder: 3 working days after 09-29 are 09-30, 10-08, 10-09; it comes
    // at 09:00 of the next, the make-up Saturday 10-10.
    await at('2026-10-10T09:00:00');
    await at('2026-10-12T09:00:00');
    expect(await timerEvents(i.id)).toEqual([
      { event: 'REMIND', at: bj('2026-10-10T09:00:00').toISOString() },
    ]);
  });

  it('the 领导小组 decision gets reminders but is never escalated to anyone else', async () => {
    // Within quota: every project reaches the 领导小组 (第六条2).
    const i = await engine.start('pilot-project', projectApplication(), people.owner);
    await engine.send(i.id, { type: 'APPROVE', taskId: i.tasks[0]?.id }, people.collegeLead);
    const a = await engine.get(i.id);
    const l = await engine.send(i.id, { type: 'APPROVE', taskId: a.tasks[0]?.id }, people.academic);
    expect(l.state).toBe('leadershipReview');
    await at('2026-12-31T09:00:00');
    expect((await timerEvents(i.id)).map((e) => e.event)).toEqual(['REMIND', 'REMIND']);
    const view = await engine.get(i.id);
    expect(view.tasks.map((t) => [t.kind, t.role])).toEqual([['step', 'leadership']]);
  });

  it('退回: 10 working days to revise, a reminder after 7, then escalated to the college lead', async () => {
    const i = await engine.start('pilot-project', projectApplication(), people.owner);
    const r = await engine.send(
      i.id,
      { type: 'RETURN', taskId: i.tasks[0]?.id, comment: '请补充课证融通课程' },
      people.collegeLead,
    );
    expect(r.state).toBe('returned');
    // 09-28 09:00 + 10 working days: 09-29, 09-30, 10-08, 10-09, 10-10 (Sat), 10-12 … 10-16.
    expect(r.tasks[0]?.dueAt).toBe(bj('2026-10-16T17:30:00').toISOString());
    // The 7th working day is 10-13: the reminder comes on the morning of 10-14.
    await at('2026-10-14T08:59:59');
    expect(await timerEvents(i.id)).toEqual([]);
    await at('2026-10-14T09:00:00');
    await at('2026-10-16T17:30:00');
    expect(await timerEvents(i.id)).toEqual([
      { event: 'REMIND', at: bj('2026-10-14T09:00:00').toISOString() },
      { event: 'ESCALATE', at: bj('2026-10-16T17:30:00').toISOString() },
    ]);
    const view = await engine.get(i.id);
    expect(view.tasks.map((t) => [t.kind, t.role, t.college])).toEqual([
      ['submitter', 'submitter', null],
      ['escalation', 'college_lead', 'ee'],
    ]);
  });
});
