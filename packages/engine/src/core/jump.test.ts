import { createMachine } from 'xstate';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { defineFlow } from '../flows/flow.js';
import type { Person } from '../ports/directory.js';
import type { ApproverSlot, TaskRecord } from '../records.js';
import { T0, timerRecord } from '../testing/fixtures.js';
import { decideScene, sceneDirectory } from '../testing/decide-scene.js';
import { reviewFlow } from '../testing/review-flow.js';
import type { Actor } from './actor.js';
import { decide } from './decide.js';
import { jumpTo, snapshotAt, stateOfStep, stateValueOf } from './jump.js';

// Moving an instance outside the machine's own transitions (退回 to a chosen step, 拿回):
// the state value built from leaves, and what such a jump closes, opens and records.

describe('stateValueOf', () => {
  it('builds the XState value of leaf ids: flat, nested, parallel', () => {
    expect(stateValueOf(['first'])).toBe('first');
    expect(stateValueOf(['review.college'])).toEqual({ review: 'college' });
    expect(stateValueOf(['a.b.c'])).toEqual({ a: { b: 'c' } });
    expect(stateValueOf(['running.cycle.site.review', 'running.money.open'])).toEqual({
      running: { cycle: { site: 'review' }, money: 'open' },
    });
    expect(stateValueOf(['x', 'y'])).toEqual({ x: {}, y: {} });
    expect(stateValueOf(['p.x', 'p.y.z'])).toEqual({ p: { x: {}, y: 'z' } });
  });
});

describe('stateOfStep', () => {
  const flow = reviewFlow(1, { extraStep: true });
  it('is the state whose approval task has the step; the applicant’s own step has none', () => {
    expect(stateOfStep(flow, 'first')).toBe('first');
    expect(stateOfStep(flow, 'third')).toBe('third');
    expect(stateOfStep(flow, 'revise')).toBeUndefined();
    expect(stateOfStep(flow, 'nowhere')).toBeUndefined();
  });
});

const person = (id: string, name: string, roles: string[], college: string | null): Person => ({
  id,
  name,
  email: `${id}@example.edu.cn`,
  roles,
  college,
});
const everyone = [
  person('owner', '张老师', ['owner'], 'ee'),
  person('lead', '李院长', ['lead'], 'ee'),
  person('lead2', '周副院长', ['lead'], 'ee'),
  person('office', '王处长', ['office'], null),
];
const office: Actor = { id: 'office', name: '王处长', roles: ['office'] };
const { options, context, base, firstTask, loadedWith } = decideScene(sceneDirectory(everyone));

describe('退回 to a step two people decided (jumpTo)', () => {
  const flow = reviewFlow(1, { deadlines: true });
  const secondTask: TaskRecord = {
    ...firstTask,
    id: 't-2',
    state: 'second',
    step: 'second',
    role: 'office',
    college: null,
  };
  const pending = timerRecord('tm-1', { taskId: 't-2', state: 'second' });
  const loaded = loadedWith(
    {
      state: 'second',
      version: 3,
      snapshot: snapshotAt(flow, base.snapshot, ['second']),
      decisions: [
        { step: 'first', actorId: 'lead', seq: 2 },
        { step: 'first', actorId: 'lead2', seq: 3 },
      ],
      stepActors: { first: 'lead', 'first#2': 'lead2' },
    },
    [secondTask],
    pending,
  );
  /** 王处长 at `second` returns it to `first` (decided inside each test: coverage per test). */
  const returned = () => {
    const decision = decide(
      loaded,
      {
        kind: 'send',
        instanceId: 'i-1',
        event: { type: 'RETURN', comment: '请学院复核', data: { toStep: 'first' } },
        actor: office,
      },
      context(),
      options,
    );
    if (!decision.ok || !decision.write) throw new Error('the return was refused');
    return decision.write;
  };

  it('closes what was open and ends its timers', () => {
    const w = returned();
    expect(w.closeTasks).toEqual([{ id: 't-2', status: 'cancelled', by: null, at: T0 }]);
    expect(w.cancelTimers).toEqual(['tm-1']);
  });

  it('opens the step for both who decided it, as one round both must approve again', () => {
    const w = returned();
    expect(w.newTasks.map((t) => [t.state, t.step, t.assignee])).toEqual([
      ['first', 'first', 'lead'],
      ['first', 'first', 'lead2'],
    ]);
    expect(w.instance?.row).toMatchObject({
      state: 'first',
      status: 'active',
      undo: null,
      decisions: [],
      stepActors: {},
      steps: {
        first: {
          step: 'first',
          state: 'first',
          rounds: [
            {
              slots: [
                { kind: 'person', id: 'lead' },
                { kind: 'person', id: 'lead2' },
              ],
              threshold: 2,
              approved: [],
            },
          ],
          current: 0,
        },
      },
    });
  });

  it('gives each reopened task its deadline timers, and mails each of them with the reason', () => {
    const w = returned();
    const ids = new Set(w.newTasks.map((t) => t.id));
    expect(w.newTimers.length).toBeGreaterThanOrEqual(2);
    for (const t of w.newTimers) expect(t.taskId !== null && ids.has(t.taskId)).toBe(true);
    expect(new Set(w.newTimers.map((t) => t.taskId)).size).toBe(2);
    const mails = w.outbox.map(
      (o) => o.payload as { recipient: { id: string } | null; comment: string | null },
    );
    expect(mails.map((m) => [m.recipient?.id, m.comment])).toEqual([
      ['lead', '请学院复核'],
      ['lead2', '请学院复核'],
    ]);
  });
});

describe('jumpTo into a parallel state', () => {
  const machine = createMachine({
    id: 'par',
    initial: 'p',
    states: {
      p: {
        type: 'parallel',
        states: {
          a: {
            initial: 'wait',
            states: { wait: { on: { APPROVE: 'done' } }, done: { type: 'final' } },
          },
          b: {
            initial: 'wait',
            states: { wait: { on: { APPROVE: 'done' } }, done: { type: 'final' } },
          },
          c: { initial: 'idle', states: { idle: {} } },
        },
      },
    },
  });
  const task = (step: string, role: string, scope: 'college' | 'school') => ({
    step,
    role,
    scope,
    events: ['APPROVE'],
    approval: true,
    deadline: { workingDays: 2 },
    reminders: [{ workingDays: 1 }],
  });
  const flow = defineFlow({
    ...reviewFlow(1),
    id: 'review',
    machine,
    events: { APPROVE: z.object({}) },
    states: {
      'p.a.wait': { tasks: [task('a', 'lead', 'college')] },
      'p.b.wait': {
        tasks: [task('b', 'office', 'school')],
        timeout: { after: { workingDays: 3 }, event: 'APPROVE' },
      },
    },
  });
  const leaves = ['p.a.wait', 'p.b.wait', 'p.c.idle'];
  const jump = (restore: Parameters<typeof jumpTo>[1]['restore'], slots: ApproverSlot[]) =>
    jumpTo(context(), {
      flow,
      loaded: loadedWith().instance!,
      actor: office,
      event: { type: 'TAKE_BACK', comment: '拿回' },
      leaves,
      snapshot: { marker: true },
      restore,
      assign: { step: 'a', slots },
    });
  const none = { stepActors: {}, decisions: [], steps: {} };

  it('opens the assigned step for its slots, the other regions’ tasks as usual, with their timers', () => {
    const change = jump(none, [{ kind: 'person', id: 'lead' }]);
    expect(change.nextState).toBe('p.a.wait,p.b.wait,p.c.idle');
    expect(change.snapshot).toEqual({ marker: true });
    expect(change.newTasks?.map((t) => [t.state, t.step, t.assignee])).toEqual([
      ['p.a.wait', 'a', 'lead'],
      ['p.b.wait', 'b', null],
    ]);
    const byTask = new Map(change.newTasks?.map((t) => [t.id, t.step]));
    expect(
      change.newTimers?.map((t) => [
        t.state,
        t.kind,
        t.taskId === null ? null : byTask.get(t.taskId),
      ]),
    ).toEqual([
      ['p.a.wait', 'remind', 'a'],
      ['p.b.wait', 'remind', 'b'],
      ['p.b.wait', 'event', null],
    ]);
    // One person: no progress of rounds for the step.
    expect(change.steps).toEqual({});
    expect(
      change.outbox?.map((o) => (o.payload as { recipient: { id: string } }).recipient.id),
    ).toEqual(['lead', 'office']);
  });

  it('a state of two steps: the assigned one for its slots, the other as planned, each with its own timers', () => {
    const two = defineFlow({
      ...flow,
      states: {
        ...flow.states,
        'p.a.wait': { tasks: [task('a', 'lead', 'college'), task('a2', 'office', 'school')] },
        'p.b.wait': {},
      },
    });
    const change = jumpTo(context(), {
      flow: two,
      loaded: loadedWith().instance!,
      actor: office,
      event: { type: 'TAKE_BACK' },
      leaves,
      snapshot: { marker: true },
      restore: none,
      assign: { step: 'a', slots: [{ kind: 'person', id: 'lead' }] },
    });
    expect(change.newTasks?.map((t) => [t.step, t.assignee])).toEqual([
      ['a', 'lead'],
      ['a2', null],
    ]);
    const byTask = new Map(change.newTasks?.map((t) => [t.id, t.step]));
    expect(change.newTimers?.map((t) => [t.kind, t.taskId && byTask.get(t.taskId)])).toEqual([
      ['remind', 'a'],
      ['remind', 'a2'],
    ]);
    expect(stateOfStep(two, 'a2')).toBe('p.a.wait');
  });

  it('a recorded progress of the step is kept as it was; the other recorded steps stay', () => {
    const progress = {
      step: 'a',
      state: 'p.a.wait',
      rounds: [{ slots: [{ kind: 'person' as const, id: 'lead' }], threshold: 1, approved: [] }],
      current: 0,
    };
    const other = { ...progress, step: 'z', state: 'z' };
    const change = jump(
      {
        stepActors: { z: 'x' },
        decisions: [{ step: 'z', actorId: 'x', seq: 1 }],
        steps: { a: progress, z: other },
      },
      [
        { kind: 'person', id: 'lead' },
        { kind: 'person', id: 'lead2' },
      ],
    );
    expect(change.steps).toEqual({ a: progress, z: other });
    expect(change.stepActors).toEqual({ z: 'x' });
    expect(change.decisions).toEqual([{ step: 'z', actorId: 'x', seq: 1 }]);
    expect(change.newTasks?.filter((t) => t.step === 'a').map((t) => t.assignee)).toEqual([
      'lead',
      'lead2',
    ]);
  });
});
