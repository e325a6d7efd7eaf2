import {
  createEngine,
  ManualClock,
  type Actor,
  type Directory,
  type Engine,
  type InstanceView,
  type Person,
} from '@certflow/engine';
import { MemoryStore } from '@certflow/engine/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { QUOTA_REF, quotaKey } from '../../common.js';
import { SPENDING_REF } from '../../ledger/spending.js';
import type { LeadershipDecision } from '../../review-chain.js';
import { projectApplication } from '../../testing/fixtures.js';
import { people } from '../../testing/people.js';
import { weekdayCalendar } from '../../testing/weekday-calendar.js';
import { trainingRequest } from '../teacher-training/fixtures.js';
import { createPilotFlows } from '../index.js';
import { TALLY_REF, tallyKey } from './tally.js';

/** The 领导小组 of three: the chair (people.leader) and two members (第六条2). */
const vice = { id: 'u-vice', name: '孙副院长', roles: ['leadership'] } satisfies Actor;
const secretary = { id: 'u-secretary', name: '郑书记', roles: ['leadership'] } satisfies Actor;
/** A 教务处 head who also sits in the 领导小组: one person, one step (separation of duties). */
const dean = { id: 'u-dean', name: '冯处长', roles: ['academic_affairs', 'leadership'] };
const members = [people.leader, vice, secretary];

function directoryOf(actors: readonly (Actor & { email?: string })[]): Directory {
  const persons: Person[] = actors.map((a) => ({
    id: a.id,
    name: a.name ?? a.id,
    email: a.email ?? `${a.id}@example.edu.cn`,
    roles: [...a.roles],
    college: a.college ?? null,
  }));
  return {
    getUser: async (id) => persons.find((p) => p.id === id),
    usersFor: async (role, college) =>
      persons.filter((p) => p.roles.includes(role) && (college === null || p.college === college)),
  };
}

interface World {
  readonly store: MemoryStore;
  readonly engine: Engine;
}

function world(leadership: LeadershipDecision, extra: readonly Actor[] = []): World {
  const store = new MemoryStore();
  store.setReference(QUOTA_REF, quotaKey(2027, 'ee'), { scale: 100, budget: 10_000_000 });
  store.setReference(TALLY_REF, tallyKey(2027, 'ee'), { year: 2027, collegeId: 'ee', entries: {} });
  store.setReference(SPENDING_REF, 'ee', { collegeId: 'ee', years: {} });
  const engine = createEngine({
    store,
    flows: createPilotFlows({ leadership }),
    clock: new ManualClock('2026-11-02T09:00:00+08:00'),
    calendar: weekdayCalendar,
    directory: directoryOf([...Object.values(people), vice, secretary, ...extra]),
  });
  return { store, engine };
}

const act = (w: World, i: InstanceView, type: string, who: Actor, comment?: string) =>
  w.engine.send(i.id, { type, ...(comment ? { comment } : {}) }, who);

/** A project at the 领导小组 step, after 二级学院 and 教务处 approved it. */
async function atLeadership(w: World, academic: Actor = people.academic): Promise<InstanceView> {
  let i = await w.engine.start('pilot-project', projectApplication(), people.owner);
  i = await act(w, i, 'APPROVE', people.collegeLead);
  i = await act(w, i, 'APPROVE', academic);
  expect(i.state).toBe('leadershipReview');
  return i;
}

/** Who decided the 领导小组 step and who is still to, as the instance keeps it. */
async function leadershipStep(w: World, id: string) {
  const row = await w.store.read.getInstance(id);
  const round = row?.steps['leadership']?.rounds[0];
  const slots = (round?.slots ?? []).map((s) => (s.kind === 'person' ? s.id : s.kind));
  return {
    decided: [...(round?.approved ?? [])],
    pending: slots.filter((id) => !round?.approved.includes(id)),
    threshold: round?.threshold,
  };
}

const assignees = (i: InstanceView) => i.tasks.map((t) => t.assignee).sort();

describe('the 领导小组 as a 会签 of its members (第六条2, LEADERSHIP_DECISION)', () => {
  describe('council: every member approves', () => {
    let w: World;
    beforeEach(() => {
      w = world({ mode: 'council' });
    });

    it('three members must all approve before the project is approved; the step shows who decided and who is pending', async () => {
      let i = await atLeadership(w);
      expect(assignees(i)).toEqual(members.map((m) => m.id).sort());
      expect(i.tasks.every((t) => t.step === 'leadership' && t.role === 'leadership')).toBe(true);
      expect(await leadershipStep(w, i.id)).toEqual({
        decided: [],
        pending: [people.leader.id, vice.id, secretary.id],
        threshold: 3,
      });

      i = await act(w, i, 'APPROVE', vice, '同意');
      expect(i).toMatchObject({ state: 'leadershipReview', status: 'active' });
      expect(assignees(i)).toEqual([people.leader.id, secretary.id].sort());
      // One member counts once.
      await expect(act(w, i, 'APPROVE', vice)).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });

      i = await act(w, i, 'APPROVE', people.leader);
      expect(i.state).toBe('leadershipReview');
      expect(await leadershipStep(w, i.id)).toEqual({
        decided: [vice.id, people.leader.id],
        pending: [secretary.id],
        threshold: 3,
      });
      expect(await w.store.read.reference('project', i.id)).toBeUndefined();

      i = await act(w, i, 'APPROVE', secretary);
      expect(i).toMatchObject({ state: 'approved', status: 'completed', tasks: [] });
      expect(await w.store.read.reference('project', i.id)).toMatchObject({
        status: 'implementing',
      });
      const history = await w.engine.history(i.id);
      expect(history.map((r) => [r.event, r.toState, r.actorId])).toEqual([
        ['START', 'collegeReview', people.owner.id],
        ['APPROVE', 'academicReview', people.collegeLead.id],
        ['APPROVE', 'leadershipReview', people.academic.id],
        ['APPROVE', 'leadershipReview', vice.id],
        ['APPROVE', 'leadershipReview', people.leader.id],
        ['APPROVE', 'approved', secretary.id],
      ]);
      expect(await w.engine.verifyHistory(i.id)).toEqual({ ok: true, count: 6 });
    });

    it('one 驳回 ends it: the project is rejected and leaves the year’s tally', async () => {
      let i = await atLeadership(w);
      i = await act(w, i, 'APPROVE', people.leader);
      i = await act(w, i, 'REJECT', secretary, '与学院专业布局不符');
      expect(i).toMatchObject({ state: 'rejected', status: 'rejected', tasks: [] });
      const tally = await w.store.read.reference(TALLY_REF, tallyKey(2027, 'ee'));
      expect(tally).toMatchObject({ entries: {} });
      expect(await w.store.read.reference('project', i.id)).toBeUndefined();
    });

    it('the same 会签 decides the other chains ending at the 领导小组 (teacher-training)', async () => {
      let i = await w.engine.start(
        'teacher-training',
        trainingRequest({ justification: '首批考评员认证' }, { cost: 1_500_000 }),
        people.owner,
      );
      i = await act(w, i, 'APPROVE', people.collegeLead);
      i = await act(w, i, 'APPROVE', people.academic);
      expect(assignees(i)).toEqual(members.map((m) => m.id).sort());
      i = await act(w, i, 'APPROVE', people.leader);
      i = await act(w, i, 'APPROVE', vice);
      expect(i.status).toBe('active');
      i = await act(w, i, 'APPROVE', secretary);
      expect(i.status).toBe('completed');
    });
  });

  it('council:2 — two of three members approve; the third task closes with the step', async () => {
    const w = world({ mode: 'council', threshold: 2 });
    let i = await atLeadership(w);
    expect((await leadershipStep(w, i.id)).threshold).toBe(2);
    i = await act(w, i, 'APPROVE', secretary);
    expect(i.state).toBe('leadershipReview');
    expect(assignees(i)).toEqual([people.leader.id, vice.id].sort());
    i = await act(w, i, 'APPROVE', vice);
    expect(i).toMatchObject({ state: 'approved', status: 'completed', tasks: [] });
  });

  it('separation of duties: the applicant never votes, and who decided for 教务处 may not vote for the 领导小组', async () => {
    // The 教务处 head who sits in the 领导小组 approves the 教务处 step…
    const w = world({ mode: 'council', threshold: 3 }, [dean]);
    let i = await atLeadership(w, dean);
    // …so they get no 领导小组 slot (one they could never fill would hold the 会签 open), and a
    // vote of theirs is refused, counting nothing.
    expect(assignees(i)).toEqual(members.map((m) => m.id).sort());
    await expect(act(w, i, 'APPROVE', dean)).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });
    expect((await leadershipStep(w, i.id)).decided).toEqual([]);
    for (const m of members) i = await act(w, i, 'APPROVE', m);
    expect(i.status).toBe('completed');

    // A 领导小组 member who applies is not among the approvers of their own application.
    const applicant = { ...people.owner2, roles: ['project_owner', 'leadership'] };
    const w2 = world({ mode: 'council' }, [applicant]);
    let j = await w2.engine.start('pilot-project', projectApplication(), applicant);
    j = await act(w2, j, 'APPROVE', people.collegeLead);
    j = await act(w2, j, 'APPROVE', people.academic);
    expect(assignees(j)).toEqual(members.map((m) => m.id).sort());
  });

  it('chair (the default): one task for the leadership role, decided by whichever holder acts', async () => {
    const w = world({ mode: 'chair' });
    let i = await atLeadership(w);
    expect(i.tasks).toMatchObject([{ role: 'leadership', step: 'leadership', assignee: null }]);
    expect(await leadershipStep(w, i.id)).toEqual({
      decided: [],
      pending: [],
      threshold: undefined,
    });
    i = await act(w, i, 'APPROVE', people.leader);
    expect(i.status).toBe('completed');
  });

  it('every review-chain step of the 领导小组 takes the setting; pilot-project v1, the withdrawal decision and every other step stay as they were', () => {
    const chair = createPilotFlows();
    const council = createPilotFlows({ leadership: { mode: 'council', threshold: 2 } });
    const leadershipTasks = (flows: typeof chair) =>
      flows.flatMap((f) =>
        Object.values(f.states).flatMap((s) =>
          (s.tasks ?? [])
            .filter((t) => t.role === 'leadership')
            .map((t) => [`${f.id}@${f.version}:${t.step}`, t.approvers ?? null] as const),
        ),
      );
    expect(leadershipTasks(chair).every(([, a]) => a === null)).toBe(true);
    expect(Object.fromEntries(leadershipTasks(council))).toEqual({
      'pilot-project@1:leadership': null,
      'pilot-project@2:leadership': { mode: 'all', threshold: 2 },
      'training-base@1:school': { mode: 'all', threshold: 2 },
      'teacher-training@1:leadership': { mode: 'all', threshold: 2 },
      'budget-adjustment@1:leadership': { mode: 'all', threshold: 2 },
      'withdrawal@1:decision': null,
      'withdrawal@2:decision': null,
      'annual-plan@1:leadership': { mode: 'all', threshold: 2 },
    });
    const others = council.flatMap((f) =>
      Object.values(f.states).flatMap((s) =>
        (s.tasks ?? []).filter((t) => t.role !== 'leadership'),
      ),
    );
    expect(others.filter((t) => t.approvers !== undefined)).toEqual([]);
  });
});
