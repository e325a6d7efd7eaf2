import { describe, expect, it } from 'vitest';
import { memoryWorld } from '../../model/memory-world.js';
import { projectApplication } from '../../testing/fixtures.js';
import { people } from '../../testing/people.js';

describe('pilot-project: the 教务处 step escalated at its deadline (PROJECT_DEADLINES)', () => {
  it('5 working days after it opens, the 领导小组 gets a school-wide escalation task; the 领导小组 step gets none', async () => {
    const w = memoryWorld();
    const fireDue = async () => {
      for (const t of await w.store.dispatch.pendingTimers(100, w.clock.now())) {
        await w.engine.fireTimer(t.id);
      }
    };
    let i = await w.engine.start('pilot-project', projectApplication(), people.owner);
    i = await w.engine.send(i.id, { type: 'APPROVE' }, people.collegeLead);
    expect(i.state).toBe('academicReview');
    w.clock.set('2026-11-30T09:00:00+08:00');
    await fireDue();
    const view = await w.engine.get(i.id);
    expect(view.tasks.map((t) => [t.kind, t.role, t.step, t.college])).toEqual([
      ['step', 'academic_affairs', 'academic', null],
      ['escalation', 'leadership', 'academic', null],
    ]);
    const escalation = view.tasks.find((t) => t.kind === 'escalation');
    i = await w.engine.send(i.id, { type: 'APPROVE', taskId: escalation?.id }, people.leader);
    expect(i.state).toBe('leadershipReview');
    w.clock.set('2027-01-29T09:00:00+08:00');
    await fireDue();
    expect((await w.engine.get(i.id)).tasks.map((t) => t.kind)).toEqual(['step']);
  });
});
