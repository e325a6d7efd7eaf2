import { describe, expect, it } from 'vitest';
import type { ApproverMode } from '../flows/flow.js';
import type { Person } from '../ports/directory.js';
import type { Loaded } from '../ports/store.js';
import type { TaskRecord } from '../records.js';
import { decideScene, sceneDirectory, sceneLead } from '../testing/decide-scene.js';
import { T0, timerRecord } from '../testing/fixtures.js';
import { reviewFlow } from '../testing/review-flow.js';
import { decide } from './decide.js';

// A vote in a step of several approvers that does not finish it (vote.ts; ARCHITECTURE.md,
// operations every flow gets: 会签 and 依次 progress lives on the instance), decided purely.

const person = (id: string, roles: string[], college: string | null): Person => ({
  id,
  name: id,
  email: `${id}@example.edu.cn`,
  roles,
  college,
});
const everyone = [
  person('owner', ['owner'], 'ee'),
  person('lead', ['lead'], 'ee'),
  person('office', ['office'], null),
  person('office2', ['office'], null),
  person('office3', ['office'], null),
  person('head', ['head'], null),
];
const actor = (id: string) => {
  const p = everyone.find((x) => x.id === id)!;
  return { id, name: p.name, roles: p.roles };
};

/** A scene whose second step is decided `approvers`, moved to that step (lead approved). */
function atSecond(approvers: ApproverMode, rejectEndsStep?: boolean) {
  const scene = decideScene(
    sceneDirectory(everyone),
    60_000,
    reviewFlow(1, {
      deadlines: true,
      approvers,
      ...(rejectEndsStep === undefined ? {} : { rejectEndsStep }),
    }),
  );
  const first = decide(
    scene.loadedWith(),
    scene.send({ actor: sceneLead }),
    scene.context(),
    scene.options,
  );
  if (!first.ok || !first.write?.instance) throw new Error('the first step was refused');
  const { row } = first.write.instance;
  const { newTasks, newTimers } = first.write;
  const loaded = (tasks: readonly TaskRecord[] = newTasks, timers = newTimers): Loaded => ({
    instance: { row, openTasks: [...tasks], pendingTimers: [...timers] },
    references: new Map(),
  });
  const vote = (l: Loaded, id: string, event: { type: string; comment?: string }) => {
    const decision = decide(
      l,
      { kind: 'send', instanceId: 'i-1', event, actor: actor(id) },
      scene.context(),
      scene.options,
    );
    if (!decision.ok) throw decision.refusal;
    if (!decision.write?.instance) throw new Error('expected a write');
    return decision.write;
  };
  return { tasks: newTasks, timers: newTimers, loaded, vote };
}
const mails = (w: { outbox: readonly { payload: unknown }[] }) =>
  w.outbox.map((o) => {
    const p = o.payload as { notification: string; recipient: { id: string } };
    return [p.notification, p.recipient.id];
  });

describe('依次: a vote that completes a round opens the next', () => {
  const s = atSecond({ mode: 'sequence' });
  const mine = s.tasks[0]!;

  it('the voter’s task is done, its timers end; the next in line gets a task and a mail', () => {
    const stray = timerRecord('tm-x', { taskId: 'another', state: 'second' });
    const stateTimer = timerRecord('tm-s', { taskId: null, state: 'second' });
    const own = timerRecord('tm-o', { taskId: mine.id, state: 'second' });
    const w = s.vote(s.loaded(s.tasks, [stray, stateTimer, own]), 'office', {
      type: 'APPROVE',
      comment: '同意',
    });
    expect(w.closeTasks).toEqual([{ id: mine.id, status: 'done', by: 'office', at: T0 }]);
    expect(w.cancelTimers).toEqual(['tm-o']);
    expect(w.newTasks.map((t) => [t.step, t.assignee, t.kind])).toEqual([
      ['second', 'office2', 'step'],
    ]);
    expect(mails(w)).toEqual([['task', 'office2']]);
    expect(w.outbox[0]?.payload).toMatchObject({ comment: '同意' });
    expect(w.instance?.row).toMatchObject({ state: 'second', status: 'active', version: 3 });
    const progress = w.instance?.row.steps['second'];
    expect(progress?.current).toBe(1);
    expect(progress?.rounds.map((r) => r.approved)).toEqual([['office'], [], []]);
    expect(w.instance?.row.decisions.map((d) => [d.step, d.actorId])).toEqual([
      ['first', 'lead'],
      ['second', 'office'],
    ]);
    // The approval can be taken back while nobody has acted on it.
    expect(w.instance?.row.undo).toMatchObject({
      actorId: 'office',
      step: 'second',
      state: 'second',
    });
    expect(w.history).toMatchObject({ event: 'APPROVE', fromState: 'second', toState: 'second' });
  });

  it('an escalation task decides the step in place, whatever its rounds', () => {
    const escalation: TaskRecord = {
      ...mine,
      id: 'e-1',
      kind: 'escalation',
      role: 'head',
      assignee: null,
    };
    const w = s.vote(s.loaded([mine, escalation]), 'head', { type: 'APPROVE' });
    expect(w.instance?.row).toMatchObject({ state: 'done', status: 'completed' });
  });
});

describe('会签 of two of three', () => {
  it('the first approval closes only the voter’s task; the second completes the step', () => {
    const s = atSecond({ mode: 'all', threshold: 2 });
    expect(s.tasks.map((t) => t.assignee)).toEqual(['office', 'office2', 'office3']);
    const w = s.vote(s.loaded(), 'office2', { type: 'APPROVE' });
    expect(w.closeTasks.map((c) => [c.id, c.status])).toEqual([[s.tasks[1]!.id, 'done']]);
    expect(w.newTasks).toEqual([]);
    expect(w.newTimers).toEqual([]);
    expect(w.outbox).toEqual([]);
    expect(w.instance?.row.steps['second']?.rounds[0]?.approved).toEqual(['office2']);
    const rest = s.tasks.filter((t) => t.assignee !== 'office2');
    const done = s.vote(
      { ...s.loaded(rest), instance: { ...s.loaded(rest).instance!, row: w.instance!.row } },
      'office',
      { type: 'APPROVE' },
    );
    expect(done.instance?.row.status).toBe('completed');
  });

  it('without a veto a 驳回 is a vote against, until the threshold is out of reach', () => {
    const s = atSecond({ mode: 'all', threshold: 2 }, false);
    const w = s.vote(s.loaded(), 'office', { type: 'REJECT', comment: '不同意' });
    expect(w.instance?.row).toMatchObject({ state: 'second', status: 'active', undo: null });
    expect(w.instance?.row.steps['second']?.rounds[0]).toMatchObject({
      against: ['office'],
      approved: [],
    });
    expect(w.closeTasks.map((c) => [c.id, c.status])).toEqual([[s.tasks[0]!.id, 'done']]);
    expect(w.instance?.row.decisions.map((d) => d.actorId)).toEqual(['lead', 'office']);
    const rest = s.tasks.slice(1);
    const second = s.vote(
      { ...s.loaded(rest), instance: { ...s.loaded(rest).instance!, row: w.instance!.row } },
      'office2',
      { type: 'REJECT', comment: '不同意' },
    );
    expect(second.instance?.row).toMatchObject({ state: 'rejected', status: 'rejected' });
  });

  it('a round that completes before the last closes its other votes, not an escalation, and opens the next', () => {
    const s = atSecond({ mode: 'all', threshold: 2 });
    const [mine, second, third] = s.tasks as [TaskRecord, TaskRecord, TaskRecord];
    const progress = s.loaded().instance!.row.steps['second']!;
    const row = s.loaded().instance!.row;
    const steps = {
      ...row.steps,
      second: {
        ...progress,
        rounds: [
          { ...progress.rounds[0]!, approved: ['office2'] },
          { slots: [{ kind: 'person' as const, id: 'head' }], threshold: 1, approved: [] },
        ],
      },
    };
    const escalation: TaskRecord = {
      ...mine,
      id: 'e-1',
      kind: 'escalation',
      role: 'head',
      assignee: null,
    };
    const elsewhere: TaskRecord = { ...third, id: 'x-1', step: 'x' };
    const timers = [
      timerRecord('tm-3', { taskId: third.id, state: 'second' }),
      timerRecord('tm-e', { taskId: 'e-1', state: 'second' }),
    ];
    const loaded: Loaded = {
      instance: {
        row: { ...row, steps },
        openTasks: [mine, third, escalation, elsewhere],
        pendingTimers: timers,
      },
      references: new Map(),
    };
    expect(second.assignee).toBe('office2');
    const w = s.vote(loaded, 'office', { type: 'APPROVE' });
    expect(w.closeTasks.map((c) => [c.id, c.status])).toEqual([
      [mine.id, 'done'],
      [third.id, 'cancelled'],
    ]);
    expect(w.cancelTimers).toEqual(['tm-3']);
    expect(w.newTasks.map((t) => [t.step, t.assignee])).toEqual([['second', 'head']]);
    expect(w.instance?.row.steps['second']?.current).toBe(1);
    expect(w.instance?.row.decisions.at(-1)).toEqual({ step: 'second', actorId: 'office', seq: 3 });
  });

  it('without a veto, 退回 is no vote: the machine returns it', () => {
    const s = atSecond({ mode: 'all', threshold: 2 }, false);
    const w = s.vote(s.loaded(), 'office', { type: 'RETURN', comment: '请补充' });
    expect(w.instance?.row.state).toBe('returned');
  });

  it('a vote against counts in the current round only', () => {
    const s = atSecond({ mode: 'all', threshold: 2 }, false);
    const row = s.loaded().instance!.row;
    const progress = row.steps['second']!;
    const later = { slots: [{ kind: 'person' as const, id: 'head' }], threshold: 1, approved: [] };
    const loaded: Loaded = {
      ...s.loaded(),
      instance: {
        ...s.loaded().instance!,
        row: {
          ...row,
          steps: { ...row.steps, second: { ...progress, rounds: [progress.rounds[0]!, later] } },
        },
      },
    };
    const w = s.vote(loaded, 'office', { type: 'REJECT', comment: '不同意' });
    expect(w.instance?.row.steps['second']?.rounds.map((r) => r.against ?? [])).toEqual([
      ['office'],
      [],
    ]);
  });

  it('with the veto (the default) one 驳回 ends it', () => {
    const s = atSecond({ mode: 'all', threshold: 2 });
    const w = s.vote(s.loaded(), 'office', { type: 'REJECT', comment: '不同意' });
    expect(w.instance?.row.status).toBe('rejected');
  });
});
