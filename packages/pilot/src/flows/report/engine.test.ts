import { SYSTEM_ACTOR } from '@certflow/engine';
import { beforeEach, describe, expect, it } from 'vitest';
import { memoryWorld, type MemoryWorld } from '../../model/memory-world.js';
import { people } from '../../testing/people.js';
import { reportCall, reportText } from './fixtures.js';

describe('report through the engine (MemoryStore, Mon–Fri calendar)', () => {
  let w: MemoryWorld;
  beforeEach(() => {
    // Monday 2 November 2026, 09:00 Beijing time.
    w = memoryWorld({ start: '2026-11-02T09:00:00+08:00' });
  });
  const timersOf = async (id: string) =>
    (await w.store.read.pendingTimers(id)).map((t) => [t.kind, t.event, t.dueAt.toISOString()]);

  it('the system opens a dynamic report: due in 5 working days with reminders after 3 and 4', async () => {
    const i = await w.engine.start('report', reportCall(), SYSTEM_ACTOR);
    expect(i).toMatchObject({ state: 'drafting', submitterId: 'system', college: 'ee' });
    expect(i.tasks[0]).toMatchObject({
      role: 'college_lead',
      college: 'ee',
      events: ['SUBMIT', 'TRANSFER', 'CC', 'COMMENT'],
      // Mon 2 Nov + 5 working days = Mon 9 Nov, 17:30 Beijing
      dueAt: '2026-11-09T09:30:00.000Z',
    });
    expect((await timersOf(i.id)).sort()).toEqual(
      [
        // Reminders come at 09:00 of the working day after the 3rd and the 4th; the deadline is
        // the 5th working day at 17:30 (Beijing).
        ['event', 'DEADLINE_PASSED', '2026-11-09T09:30:00.000Z'],
        ['remind', 'REMIND', '2026-11-06T01:00:00.000Z'],
        ['remind', 'REMIND', '2026-11-09T01:00:00.000Z'],
      ].sort(),
    );
  });

  it('an annual summary is due in 15 working days', async () => {
    const i = await w.engine.start(
      'report',
      reportCall({ kind: 'annual-summary', period: '2026' }),
      SYSTEM_ACTOR,
    );
    expect(i.state).toBe('annualDrafting');
    expect(i.tasks[0]?.dueAt).toBe('2026-11-23T09:30:00.000Z');
  });

  it('people other than academic affairs cannot open a report; a bad period is refused', async () => {
    await expect(w.engine.start('report', reportCall(), people.collegeLead)).rejects.toMatchObject({
      code: 'NOT_AUTHORIZED',
    });
    await expect(
      w.engine.start('report', reportCall({ period: '2026' }), SYSTEM_ACTOR),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const i = await w.engine.start('report', reportCall(), people.academic);
    expect(i.submitterId).toBe(people.academic.id);
  });

  it("a report's files are the event's attachments: recorded in its history row, not its submission", async () => {
    const i = await w.engine.start('report', reportCall(), SYSTEM_ACTOR);
    const file = {
      id: 'att-1',
      name: '十一月培训统计.xlsx',
      sha256: 'a'.repeat(64),
      size: 2048,
      mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    };
    const sent = await w.engine.send(
      i.id,
      { type: 'SUBMIT', data: { ...reportText, attachments: [file] } },
      people.collegeLead,
    );
    expect(sent.state).toBe('review');
    const submit = (await w.store.read.history(i.id)).find((h) => h.event === 'SUBMIT');
    expect(submit?.data).toMatchObject({ attachments: [file] });
    // The flow keeps what it declares; a file reference in the flow's own terms is no input.
    expect(JSON.stringify(sent.context)).not.toContain('att-1');
    const j = await w.engine.start('report', reportCall({ period: '2026-12' }), SYSTEM_ACTOR);
    await expect(
      w.engine.send(
        j.id,
        { type: 'SUBMIT', data: { ...reportText, attachments: ['att://1'] } },
        people.collegeLead,
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('the deadline timer makes it overdue; the overdue task escalates to academic affairs', async () => {
    let i = await w.engine.start('report', reportCall(), SYSTEM_ACTOR);
    const deadline = (await w.store.read.pendingTimers(i.id)).find((t) => t.kind === 'event')!;
    w.clock.set(deadline.dueAt);
    const fired = await w.engine.fireTimer(deadline.id);
    expect(fired).toMatchObject({ fired: true, instance: { state: 'overdue' } });
    expect(w.store.outbox().map((o) => o.kind)).toContain('pilot.report.overdue');
    // The drafting reminders were cancelled with the state; the overdue task has its own.
    expect((await timersOf(i.id)).map(([k]) => k).sort()).toEqual(['escalate', 'remind']);
    const escalate = (await w.store.read.pendingTimers(i.id)).find((t) => t.kind === 'escalate')!;
    i = (await w.engine.fireTimer(escalate.id)).instance!;
    expect(i.tasks.map((t) => [t.kind, t.role])).toEqual([
      ['step', 'college_lead'],
      ['escalation', 'academic_affairs'],
    ]);
    i = await w.engine.send(i.id, { type: 'SUBMIT', data: reportText }, people.collegeLead);
    expect(i.state).toBe('review');
    // A stale deadline fire is a no-op.
    expect(await w.engine.fireTimer(deadline.id)).toMatchObject({
      fired: false,
      reason: 'not-pending',
    });
  });

  it('accepted, then feedback from an evaluation organization opens 诊改 for the college', async () => {
    let i = await w.engine.start('report', reportCall(), SYSTEM_ACTOR);
    await expect(
      w.engine.send(i.id, { type: 'SUBMIT', data: reportText }, people.otherLead),
    ).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });
    await expect(
      w.engine.send(i.id, { type: 'SUBMIT', data: { summary: '' } }, people.collegeLead),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    i = await w.engine.send(i.id, { type: 'SUBMIT', data: reportText }, people.collegeLead);
    await expect(
      w.engine.send(i.id, { type: 'APPROVE' }, people.collegeLead),
    ).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });
    i = await w.engine.send(i.id, { type: 'APPROVE' }, people.academic);
    expect(i.state).toBe('filed');
    const before = await w.dump();
    await expect(
      w.engine.send(
        i.id,
        { type: 'FEEDBACK', data: { source: 'education-department', summary: '冒充' } },
        people.evaluator,
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await w.dump()).toBe(before);
    i = await w.engine.send(
      i.id,
      {
        type: 'FEEDBACK',
        data: {
          source: 'evaluation-org',
          summary: '考核过程监控录像缺失 2 场',
          items: ['补录', '整改'],
        },
      },
      people.evaluator,
    );
    expect(i.state).toBe('improving');
    expect(i.tasks[0]).toMatchObject({
      role: 'college_lead',
      step: 'improve',
      dueAt: '2026-11-16T09:30:00.000Z',
    });
    expect(w.store.outbox().map((o) => o.kind)).toContain('pilot.report.feedback');
    i = await w.engine.send(
      i.id,
      { type: 'SUBMIT_IMPROVEMENT', data: { measures: '每个考场增设两路监控' } },
      people.collegeLead,
    );
    // The same academic-affairs reviewer may review the report and its 诊改 answer (one step).
    i = await w.engine.send(i.id, { type: 'APPROVE' }, people.academic);
    expect(i.state).toBe('filed');
    i = await w.engine.send(
      i.id,
      { type: 'FEEDBACK', data: { source: 'education-department', summary: '数据报送不及时' } },
      people.academic,
    );
    expect(i.state).toBe('improving');
  });

  it('the feedback window closes by timer and completes the report', async () => {
    let i = await w.engine.start('report', reportCall(), SYSTEM_ACTOR);
    i = await w.engine.send(i.id, { type: 'SUBMIT', data: reportText }, people.collegeLead);
    i = await w.engine.send(i.id, { type: 'APPROVE' }, people.academic);
    const window = (await w.store.read.pendingTimers(i.id)).find(
      (t) => t.event === 'FEEDBACK_WINDOW_CLOSED',
    )!;
    const done = await w.engine.fireTimer(window.id);
    expect(done.instance).toMatchObject({ state: 'closed', status: 'completed' });
    // Nobody can send the timer event by hand.
    const other = await w.engine.start('report', reportCall({ period: '2026-12' }), SYSTEM_ACTOR);
    await expect(
      w.engine.send(other.id, { type: 'DEADLINE_PASSED' }, SYSTEM_ACTOR),
    ).rejects.toMatchObject({ code: 'EVENT_NOT_ACCEPTED' });
    await expect(
      w.engine.send(other.id, { type: 'DEADLINE_PASSED' }, people.academic),
    ).rejects.toMatchObject({ code: 'EVENT_NOT_ACCEPTED' });
  });
});
