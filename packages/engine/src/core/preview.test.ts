import { createActor, createMachine, type AnyStateMachine } from 'xstate';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { defineFlow, type AnyFlow, type TaskSpec } from '../flows/flow.js';
import type { Person } from '../ports/directory.js';
import type { InstanceRecord, TaskRecord, TimerRecord } from '../records.js';
import { decideScene, sceneDirectory } from '../testing/decide-scene.js';
import { instanceRecord, T0, timerRecord } from '../testing/fixtures.js';
import { reviewFlow } from '../testing/review-flow.js';
import { weekdayCalendar } from '../testing/weekday-calendar.js';
import { decide } from './decide.js';
import { PREVIEW_ASSUMPTION, previewRoute } from './preview.js';
import { persistSnapshot } from './snapshot.js';

// 流程预览 without a store (ARCHITECTURE.md, operations every flow gets: "walks the route ahead
// with the same planning code a command runs"): `previewRoute` over what a command loads.

const person = (
  id: string,
  roles: string[],
  college: string | null,
  organization?: string,
): Person => ({
  id,
  name: `${id} 老师`,
  email: `${id}@example.edu.cn`,
  roles,
  college,
  ...(organization ? { organization } : {}),
});
const everyone = [
  person('owner', ['owner', 'lead'], 'ee'),
  person('lead', ['lead'], 'ee'),
  person('lead2', ['lead'], 'ee'),
  person('cs-lead', ['lead'], 'cs'),
  person('office', ['office'], null),
  person('office2', ['office'], null),
  person('office3', ['office'], null),
  person('assessor', ['assessor'], null, 'org-1'),
  person('assessor2', ['assessor'], null, 'org-2'),
];
const people = sceneDirectory(everyone, { office: 'office3' });
const { base, firstTask, loadedWith, send, context, options } = decideScene(people);
const approved = decide(loadedWith(), send(), context(), options);
if (!approved.ok || !approved.write?.instance) throw new Error('the approval was refused');
/** The instance's machine snapshot once the first step approved (in `second`). */
const atSecond = approved.write.instance.row.snapshot;
const flow = reviewFlow(1, { deadlines: true });
const NOW = new Date('2026-03-03T02:00:00.000Z');

const preview = (
  over: {
    flow?: AnyFlow;
    instance?: Partial<InstanceRecord>;
    openTasks?: TaskRecord[];
    pendingTimers?: TimerRecord[];
    people?: typeof people | undefined;
  } = {},
) =>
  previewRoute({
    flow: over.flow ?? flow,
    instance: { ...base, ...over.instance },
    openTasks: over.openTasks ?? [firstTask],
    pendingTimers: over.pendingTimers ?? [],
    people: 'people' in over ? over.people : people,
    calendar: weekdayCalendar,
    now: NOW,
  });
const ids = (step: { approvers: readonly { id: string }[] } | undefined) =>
  step?.approvers.map((a) => a.id);

describe('previewRoute: the steps open now', () => {
  it('names the step, its scope, its approvers (substitutes applied) and its real deadline', () => {
    const route = preview();
    expect(route).toMatchObject({ flow: 'review', flowVersion: 1, complete: true });
    expect(route.assumption).toEqual({
      zh: '按每个环节均同意、且在各自期限当日办理推算；后续环节的办理人为当前人员目录中的角色持有人（代理人按当前设置）',
      en: 'Assumes every step approves, each on its deadline; later approvers are the role holders in the directory now (substitutes as set now)',
    });
    expect(route.assumption).toBe(PREVIEW_ASSUMPTION);
    // The applicant holds the role too, but never approves; another college's lead is not asked.
    expect(route.steps[0]).toEqual({
      state: 'first',
      step: 'first',
      role: 'lead',
      scope: 'college',
      mode: 'any',
      threshold: 1,
      current: true,
      approvers: [
        { id: 'lead', name: 'lead 老师', substitute: null },
        { id: 'lead2', name: 'lead2 老师', substitute: null },
      ],
      enteredAt: firstTask.createdAt.toISOString(),
      dueAt: firstTask.dueAt?.toISOString(),
      dueProvisional: false,
      dueExplanation: firstTask.dueBasis?.explanation,
    });
    expect(firstTask.dueAt?.toISOString()).toBe('2026-03-09T09:30:00.000Z');
  });

  it('then the steps ahead, each entered when the one before is due; its timeout is its date', () => {
    const [, second, ...more] = preview().steps;
    expect(more).toEqual([]);
    expect(second).toMatchObject({
      state: 'second',
      step: 'second',
      role: 'office',
      scope: 'school',
      current: false,
      enteredAt: '2026-03-09T09:30:00.000Z',
      dueAt: '2026-03-23T09:30:00.000Z',
      dueProvisional: false,
    });
    expect(second?.dueExplanation?.zh).toContain('10个工作日');
    expect(second?.approvers).toEqual([
      { id: 'office', name: 'office 老师', substitute: { id: 'office3', name: 'office3 老师' } },
      { id: 'office2', name: 'office2 老师', substitute: null },
      { id: 'office3', name: 'office3 老师', substitute: null },
    ]);
  });

  it('escalation and delegated tasks are no steps of their own', () => {
    const route = preview({
      openTasks: [
        { ...firstTask, id: 'e-1', kind: 'escalation', role: 'head', assignee: 'office' },
        firstTask,
        { ...firstTask, id: 'd-1', kind: 'delegated', assignee: 'lead2' },
      ],
    });
    expect(route.steps[0]?.role).toBe('lead');
    expect(route.steps.map((s) => [s.step, s.current])).toEqual([
      ['first', true],
      ['second', false],
    ]);
    expect(ids(route.steps[0])).toEqual(['lead', 'lead2']);
  });

  it('tasks of one step are one step; its named assignees are its approvers, if the directory knows them', () => {
    const route = preview({
      openTasks: [
        { ...firstTask, assignee: 'lead2', dueAt: null, dueBasis: null },
        { ...firstTask, id: 't-2', assignee: 'gone' },
        { ...firstTask, id: 't-3', assignee: 'lead2' },
      ],
    });
    expect(route.steps.filter((s) => s.current).map(ids)).toEqual([['lead2']]);
    // The first task with a deadline gives the step's date.
    expect(route.steps[0]?.dueAt).toBe('2026-03-09T09:30:00.000Z');
    expect(preview({ people: undefined }).steps.map(ids)).toEqual([[], []]);
  });

  it('who decided another step is left out; who decided this one, or another instance’s, is not', () => {
    const decidedElsewhere = preview({
      instance: {
        stepActors: { second: 'lead', 'first#2': 'lead2' },
        decisions: [{ step: 'third', actorId: 'office', seq: 2 }],
      },
    });
    expect(ids(decidedElsewhere.steps[0])).toEqual(['lead2']);
    expect(ids(decidedElsewhere.steps[1])).toEqual(['office2', 'office3']);
    const sameStep = preview({
      instance: {
        stepActors: { first: 'lead' },
        decisions: [{ step: 'first', actorId: 'lead2', seq: 2 }],
      },
    });
    expect(ids(sameStep.steps[0])).toEqual(['lead', 'lead2']);
  });

  it('a task with no deadline takes its state’s timeout, not a task timer nor another state’s', () => {
    const bare = { ...firstTask, dueAt: null, dueBasis: null };
    const timeout = timerRecord('tm-1', {
      state: 'first',
      taskId: null,
      dueAt: new Date('2026-03-20T09:30:00.000Z'),
      dueBasis: { ...firstTask.dueBasis!, provisional: true },
    });
    const route = preview({
      openTasks: [bare],
      pendingTimers: [
        { ...timeout, id: 'tm-0', taskId: 't-1', dueAt: new Date('2026-03-25T00:00:00.000Z') },
        { ...timeout, id: 'tm-2', state: 'second', dueAt: new Date('2026-03-05T00:00:00.000Z') },
        timeout,
      ],
    });
    expect(route.steps[0]).toMatchObject({
      dueAt: '2026-03-20T09:30:00.000Z',
      dueProvisional: true,
      dueExplanation: firstTask.dueBasis?.explanation,
    });
    // The latest such timer is when the next step is assumed entered.
    expect(route.steps[1]?.enteredAt).toBe('2026-03-20T09:30:00.000Z');
    const none = preview({ openTasks: [bare] });
    expect(none.steps[0]).toMatchObject({
      dueAt: null,
      dueProvisional: false,
      dueExplanation: null,
    });
    // Nothing due: the next step is assumed entered now.
    expect(none.steps[1]?.enteredAt).toBe(NOW.toISOString());
  });

  it('the next step is entered at the latest deadline of the open tasks', () => {
    const route = preview({
      openTasks: [
        { ...firstTask, dueAt: new Date('2026-03-10T00:00:00.000Z') },
        { ...firstTask, id: 't-2', step: 'other', dueAt: new Date('2026-03-12T00:00:00.000Z') },
        { ...firstTask, id: 't-3', step: 'third', dueAt: new Date('2026-03-11T00:00:00.000Z') },
      ],
    });
    expect(route.steps.map((s) => [s.step, s.enteredAt])).toEqual([
      ['first', T0.toISOString()],
      ['other', T0.toISOString()],
      ['third', T0.toISOString()],
      ['second', '2026-03-12T00:00:00.000Z'],
    ]);
    // A step the flow does not know is school-wide by default.
    expect(route.steps[1]?.scope).toBe('school');
    expect(route.steps[2]?.scope).toBe('school');
  });

  it('without a directory even a named assignee is nobody to show', () => {
    const route = preview({ people: undefined, openTasks: [{ ...firstTask, assignee: 'lead' }] });
    expect(route.steps[0]?.approvers).toEqual([]);
  });

  it('a deadline without its basis: the date, not provisional, no explanation', () => {
    const route = preview({ openTasks: [{ ...firstTask, dueBasis: null }] });
    expect(route.steps[0]).toMatchObject({
      dueAt: firstTask.dueAt?.toISOString(),
      dueProvisional: false,
      dueExplanation: null,
    });
  });

  it('a 或签 step that 加签 gave rounds is still 或签, its people from its slots', () => {
    const route = preview({
      instance: {
        steps: {
          first: {
            step: 'first',
            state: 'first',
            rounds: [
              {
                slots: [{ kind: 'person', id: 'lead2', addedBy: 'lead' }],
                threshold: 1,
                approved: [],
              },
              { slots: [{ kind: 'role' }], threshold: 1, approved: [] },
            ],
            current: 0,
          },
        },
      },
      openTasks: [{ ...firstTask, assignee: 'lead2', kind: 'added' }],
    });
    expect(route.steps[0]).toMatchObject({ mode: 'any', threshold: 1 });
    expect(ids(route.steps[0])).toEqual(['lead2']);
  });

  it('one who may take a 或签 step may still take a later one: only one of them decides it', () => {
    const both = person('both', ['lead', 'office'], 'ee');
    const route = preview({ people: sceneDirectory([...everyone, both]) });
    expect(ids(route.steps[0])).toEqual(['lead', 'lead2', 'both']);
    expect(ids(route.steps[1])).toEqual(['office', 'office2', 'office3', 'both']);
  });

  it('an organization task: the holders of that organization; a submitter task: nobody', () => {
    const route = preview({
      openTasks: [
        { ...firstTask, role: 'assessor', college: null, organization: 'org-1' },
        { ...firstTask, id: 't-2', step: 'revise', kind: 'submitter', role: 'lead' },
      ],
    });
    expect(route.steps.filter((s) => s.current).map(ids)).toEqual([['assessor'], []]);
    const anyOrg = preview({ openTasks: [{ ...firstTask, role: 'assessor', college: null }] });
    expect(ids(anyOrg.steps[0])).toEqual(['assessor', 'assessor2']);
  });
});

describe('previewRoute: 会签 and 依次', () => {
  const slot = (id: string) => ({ kind: 'person' as const, id });
  const progress = (rounds: { ids: string[]; threshold: number }[], current = 0) => ({
    step: 'second',
    state: 'second',
    rounds: rounds.map((r) => ({ slots: r.ids.map(slot), threshold: r.threshold, approved: [] })),
    current,
  });
  const secondTask: TaskRecord = {
    ...firstTask,
    id: 't-2',
    state: 'second',
    step: 'second',
    role: 'office',
    college: null,
    assignee: 'office',
  };
  const all = reviewFlow(1, { deadlines: true, approvers: { mode: 'all' }, extraStep: true });

  it('an open step of several approvers: its slots’ people, its mode and its current round’s threshold', () => {
    const route = preview({
      flow: all,
      instance: {
        state: 'second',
        steps: {
          second: progress(
            [
              { ids: ['office', 'office2'], threshold: 2 },
              { ids: ['office3'], threshold: 1 },
            ],
            1,
          ),
        },
      },
      openTasks: [secondTask],
    });
    expect(route.steps[0]).toMatchObject({ step: 'second', mode: 'all', threshold: 1 });
    expect(ids(route.steps[0])).toEqual(['office', 'office2', 'office3']);
  });

  it('without progress a step is 或签 whatever the flow says', () => {
    const route = preview({ flow: all, instance: { state: 'second' }, openTasks: [secondTask] });
    expect(route.steps[0]).toMatchObject({ mode: 'any', threshold: 1 });
  });

  it('every approver of a 会签 of all decides it: none of them is asked at a later step', () => {
    const route = preview({ flow: all });
    expect(route.steps.map((s) => [s.step, s.mode, s.threshold])).toEqual([
      ['first', 'any', 1],
      ['second', 'all', 3],
      ['third', 'any', 1],
    ]);
    expect(ids(route.steps[1])).toEqual(['office', 'office2', 'office3']);
    expect(ids(route.steps[2])).toEqual([]);
  });

  it('two of three: any of them may still take the next step', () => {
    const route = preview({
      flow: reviewFlow(1, { approvers: { mode: 'all', threshold: 2 }, extraStep: true }),
      openTasks: [{ ...firstTask, dueAt: null, dueBasis: null }],
    });
    expect(route.steps[1]).toMatchObject({ mode: 'all', threshold: 2 });
    expect(ids(route.steps[2])).toEqual(['office', 'office2', 'office3']);
  });

  it('依次: every one of them decides, so none is asked later', () => {
    const route = preview({
      flow: reviewFlow(1, { approvers: { mode: 'sequence' }, extraStep: true }),
    });
    expect(route.steps[1]).toMatchObject({ mode: 'sequence' });
    expect(ids(route.steps[2])).toEqual([]);
  });

  it('the open step’s approvers are certain too when they all decide it', () => {
    const route = preview({
      flow: all,
      instance: {
        state: 'second',
        snapshot: atSecond,
        steps: { second: progress([{ ids: ['office', 'office2'], threshold: 2 }]) },
      },
      openTasks: [secondTask],
    });
    expect(route.steps.map((s) => s.step)).toEqual(['second', 'third']);
    expect(ids(route.steps[1])).toEqual(['office3']);
    const some = preview({
      flow: all,
      instance: {
        state: 'second',
        snapshot: atSecond,
        steps: { second: progress([{ ids: ['office', 'office2'], threshold: 1 }]) },
      },
      openTasks: [secondTask],
    });
    expect(ids(some.steps[1])).toEqual(['office', 'office2', 'office3']);
  });
});

/** A flow of one-task states named by their events (`on`), for how the preview walks forward. */
function walkFlow(
  states: Record<string, { events?: string[]; on?: Record<string, unknown>; type?: 'final' }>,
  machineStates?: Record<string, unknown>,
  initial = Object.keys(states)[0],
): { flow: AnyFlow; machine: AnyStateMachine } {
  const machine = createMachine({
    id: 'walk',
    initial,
    states: (machineStates ??
      Object.fromEntries(
        Object.entries(states).map(([k, s]) => [k, s.type ? { type: s.type } : { on: s.on ?? {} }]),
      )) as never,
  });
  const events = new Set(Object.values(states).flatMap((s) => s.events ?? []));
  const task = (step: string, list: string[]): TaskSpec => ({
    step,
    role: 'office',
    scope: 'school',
    events: list,
    approval: true,
  });
  return {
    machine,
    flow: defineFlow({
      id: 'walk',
      version: 1,
      title: { zh: '走', en: 'Walk' },
      machine,
      input: z.object({}),
      events: Object.fromEntries([...events].map((e) => [e, z.object({})])),
      states: Object.fromEntries(
        Object.entries(states)
          .filter(([, s]) => s.events)
          .map(([k, s]) => [k, { tasks: [task(k.split('.').pop()!, s.events!)] }]),
      ),
      startedBy: { roles: ['owner'], scope: 'school' },
      college: () => null,
      describe: () => 'walk',
    }),
  };
}
const walk = (made: { flow: AnyFlow; machine: AnyStateMachine }) => {
  const snapshot = persistSnapshot(made.machine, createActor(made.machine).getSnapshot());
  return previewRoute({
    flow: made.flow,
    instance: instanceRecord({
      flowId: 'walk',
      state: 'start',
      snapshot,
      steps: {},
      stepActors: {},
      decisions: [],
      college: null,
    }),
    openTasks: [],
    pendingTimers: [],
    people,
    calendar: weekdayCalendar,
    now: NOW,
  });
};
const stepsOf = (route: ReturnType<typeof walk>) => route.steps.map((s) => s.step);

describe('previewRoute: the way forward', () => {
  it('takes each forward event before any other, in preference order; never a backward one', () => {
    const forward = ['VERIFY', 'ACCEPT', 'CONFIRM', 'RESUBMIT', 'SUBMIT', 'APPROVE'];
    const states: Record<
      string,
      { events?: string[]; on?: Record<string, string>; type?: 'final' }
    > = {};
    forward.forEach((f, i) => {
      const next = i + 1 < forward.length ? `s${i + 1}` : 'end';
      // The forward event is listed after another one, which leads astray.
      states[`s${i}`] = { events: ['ASIDE', f], on: { ASIDE: 'astray', [f]: next } };
    });
    states['astray'] = { events: ['APPROVE'], on: { APPROVE: 'end' } };
    states['end'] = { type: 'final' };
    const route = walk(walkFlow(states));
    expect(stepsOf(route)).toEqual(['s1', 's2', 's3', 's4', 's5']);
    expect(route.complete).toBe(true);
    // Of two forward events, APPROVE comes first.
    const both = walk(
      walkFlow({
        s0: { events: ['SUBMIT', 'APPROVE'], on: { SUBMIT: 'astray', APPROVE: 'good' } },
        astray: { events: ['APPROVE'], on: { APPROVE: 'end' } },
        good: { events: ['APPROVE'], on: { APPROVE: 'end' } },
        end: { type: 'final' },
      }),
    );
    expect(stepsOf(both)).toEqual(['good']);
  });

  it('a step with only backward events (退回, 驳回, 撤回, CANCEL) stops the route: it depends on people', () => {
    const regions = ['RETURN', 'REJECT', 'WITHDRAW', 'CANCEL'];
    const specs: Record<string, { events: string[] }> = {};
    for (const e of regions) {
      specs[`start.${e.toLowerCase()}.wait`] = { events: [e] };
      // Were the backward event taken, this step would show.
      specs[`start.${e.toLowerCase()}.moved`] = { events: ['HOLD'] };
    }
    specs['start.go.wait'] = { events: ['APPROVE'] };
    specs['start.go.next'] = { events: ['HOLD'] };
    const made = walkFlow(
      specs,
      {
        start: {
          type: 'parallel',
          states: {
            ...Object.fromEntries(
              regions.map((e) => [
                e.toLowerCase(),
                { initial: 'wait', states: { wait: { on: { [e]: 'moved' } }, moved: {} } },
              ]),
            ),
            // A region that moves on: only what it enters is planned again.
            go: { initial: 'wait', states: { wait: { on: { APPROVE: 'next' } }, next: {} } },
            // A region with no tasks at all.
            idle: { initial: 'still', states: { still: {} } },
          },
        },
      },
      'start',
    );
    const route = walk(made);
    expect(route.steps.map((s) => s.state)).toEqual(['start.go.next']);
    expect(route.complete).toBe(false);
  });

  it('a forward event the step does not list is not taken', () => {
    const route = walk(
      walkFlow({
        s0: { events: ['NEXT'], on: { APPROVE: 'astray', NEXT: 'good' } },
        astray: { events: ['HOLD'], on: {} },
        good: { events: ['HOLD'], on: {} },
      }),
    );
    expect(stepsOf(route)).toEqual(['good']);
  });

  it('another event of the step moves it when no forward one does; an event that throws is skipped', () => {
    const made = walkFlow(
      {
        s0: { events: ['APPROVE', 'NEXT'] },
        s1: { events: ['APPROVE'] },
        end: { type: 'final' },
      },
      {
        s0: {
          on: {
            APPROVE: {
              target: 's1',
              guard: () => {
                throw new Error('needs data the preview has not got');
              },
            },
            NEXT: {
              target: 's1',
              guard: ({ event }: { event: { actorId?: string } }) => event.actorId === 'preview',
            },
          },
        },
        s1: { on: { APPROVE: 'end' } },
        end: { type: 'final' },
      },
    );
    const route = walk(made);
    expect(stepsOf(route)).toEqual(['s1']);
    expect(route.complete).toBe(true);
  });

  it('an event the machine ignores is no way forward', () => {
    const route = walk(
      walkFlow({
        s0: { events: ['APPROVE', 'NEXT'], on: { NEXT: 's1' } },
        s1: { events: ['APPROVE'], on: {} },
      }),
    );
    expect(stepsOf(route)).toEqual(['s1']);
    expect(route.complete).toBe(false);
  });

  it('a route that loops on approval stops after thirty steps', () => {
    const route = walk(
      walkFlow({
        s0: { events: ['APPROVE'], on: { APPROVE: 's1' } },
        s1: { events: ['APPROVE'], on: { APPROVE: 's0' } },
      }),
    );
    expect(route.steps).toHaveLength(30);
    expect(stepsOf(route).slice(0, 3)).toEqual(['s1', 's0', 's1']);
    expect(route.complete).toBe(false);
  });

  it('an instance already in a final state previews nothing ahead, complete', () => {
    const made = walkFlow({ end: { type: 'final' } });
    expect(walk(made)).toMatchObject({ steps: [], complete: true });
  });
});
