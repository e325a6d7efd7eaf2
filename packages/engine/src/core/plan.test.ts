import { describe, expect, it } from 'vitest';
import { InfrastructureError } from '../errors.js';
import type { AnyFlow, TaskSpec } from '../flows/flow.js';
import type { BusinessCalendar, Duration } from '../ports/calendar.js';
import { sceneDirectory } from '../testing/decide-scene.js';
import { instanceRecord, T0 } from '../testing/fixtures.js';
import { reviewFlow } from '../testing/review-flow.js';
import { openTask, planEntered, specOf, tasksForSlots } from './plan.js';

// The tasks and timers a step opens (plan.ts), on a calendar that counts whole days: a deadline
// n working days on is n days later, a reminder n days and one hour later.

const DAY = 86_400_000;
const days = (d: Duration) => ('workingDays' in d ? d.workingDays : d.workingHours / 24);
const calendar: BusinessCalendar = {
  deadline: (from, d) => ({
    at: new Date(from.getTime() + days(d) * DAY),
    provisional: false,
    years: [2026],
    skipped: [],
    explanation: { zh: `${days(d)}天`, en: `${days(d)} days` },
  }),
  reminder: (from, d) => ({
    at: new Date(from.getTime() + days(d) * DAY + 3_600_000),
    provisional: true,
    years: [2026],
    skipped: [],
    explanation: { zh: `提醒${days(d)}`, en: `remind ${days(d)}` },
  }),
  isWorkingDay: () => true,
  isCovered: () => true,
};
const flow = reviewFlow(1, { deadlines: true }) as AnyFlow;
const instance = instanceRecord({
  id: 'i-9',
  flowId: 'review',
  college: 'ee',
  organization: 'org-x',
});
const counter = () => {
  let n = 0;
  return () => `id-${++n}`;
};
const first = flow.states['first']?.tasks?.[0] as TaskSpec;
/** `null`: no business calendar. */
const slotsArgs = (spec: TaskSpec, cal: BusinessCalendar | null = calendar) => ({
  flow,
  spec,
  state: 'first',
  instance,
  now: T0,
  ids: counter(),
  calendar: cal ?? undefined,
});
const after = (n: number, extra = 0) => new Date(T0.getTime() + n * DAY + extra);
/** The due basis the calendar above gives for `n` days (reminders: provisional). */
const basis = (n: number, edge: 'deadline' | 'reminder') => ({
  from: T0.toISOString(),
  rule: { workingDays: n },
  edge,
  provisional: edge === 'reminder',
  years: [2026],
  explanation:
    edge === 'deadline' ? { zh: `${n}天`, en: `${n} days` } : { zh: `提醒${n}`, en: `remind ${n}` },
});

describe('tasksForSlots', () => {
  it('a role slot and a named one: a task each, with its deadline, reminder and escalation timers', () => {
    const { tasks, timers } = tasksForSlots(slotsArgs(first), [
      { kind: 'role' },
      { kind: 'person', id: 'lead2' },
      { kind: 'person', id: 'lead3', addedBy: 'lead' },
    ]);
    expect(tasks.map((t) => [t.id, t.kind, t.assignee, t.dueAt])).toEqual([
      ['id-1', 'step', null, after(5)],
      ['id-4', 'step', 'lead2', after(5)],
      ['id-7', 'added', 'lead3', after(5)],
    ]);
    expect(tasks[0]?.dueBasis).toEqual(basis(5, 'deadline'));
    expect(timers.slice(0, 2)).toEqual([
      {
        id: 'id-2',
        instanceId: 'i-9',
        taskId: 'id-1',
        state: 'first',
        kind: 'remind',
        event: 'REMIND',
        dueAt: after(3, 3_600_000),
        dueBasis: basis(3, 'reminder'),
        status: 'pending',
        createdAt: T0,
        firedAt: null,
      },
      expect.objectContaining({
        id: 'id-3',
        taskId: 'id-1',
        kind: 'escalate',
        event: 'ESCALATE',
        dueAt: after(5),
      }),
    ]);
    expect(timers.map((t) => [t.taskId, t.kind])).toEqual([
      ['id-1', 'remind'],
      ['id-1', 'escalate'],
      ['id-4', 'remind'],
      ['id-4', 'escalate'],
      ['id-7', 'remind'],
      ['id-7', 'escalate'],
    ]);
  });

  it('a timeout event wins over an escalation; no deadline, no deadline timer (a reminder still)', () => {
    const timeout = { ...first, timeoutEvent: 'EXPIRE' };
    expect(
      tasksForSlots(slotsArgs(timeout), [{ kind: 'role' }]).timers.map((t) => [t.kind, t.event]),
    ).toEqual([
      ['remind', 'REMIND'],
      ['event', 'EXPIRE'],
    ]);
    const none: TaskSpec = { ...first, deadline: undefined, reminders: [{ workingDays: 1 }] };
    const opened = tasksForSlots(slotsArgs(none), [{ kind: 'role' }]);
    expect(opened.tasks[0]).toMatchObject({ dueAt: null, dueBasis: null });
    expect(opened.timers.map((t) => t.kind)).toEqual(['remind']);
    const plain: TaskSpec = { ...none, reminders: undefined, escalateTo: undefined };
    expect(tasksForSlots(slotsArgs(plain, null), [{ kind: 'role' }]).timers).toEqual([]);
  });

  it('deadlines with no business calendar: CALENDAR_MISSING, not retryable', () => {
    const error = (() => {
      try {
        tasksForSlots(slotsArgs(first, null), [{ kind: 'role' }]);
      } catch (e) {
        return e as InfrastructureError;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InfrastructureError);
    expect([error?.code, error?.message, error?.retryable]).toEqual([
      'CALENDAR_MISSING',
      'flow review declares deadlines but the engine has no business calendar',
      false,
    ]);
  });
});

describe('openTask', () => {
  const open = (spec: TaskSpec, extra: { assignee?: string } = {}) =>
    openTask({ spec, state: 's', instance, id: 'x', now: T0, due: null, ...extra });

  it('scope decides the task’s college, organization and, for the applicant, its holder', () => {
    expect(open({ ...first, scope: 'college' })).toMatchObject({
      kind: 'step',
      role: 'lead',
      college: 'ee',
      organization: null,
      assignee: null,
    });
    expect(open({ ...first, scope: 'organization' })).toMatchObject({
      college: null,
      organization: 'org-x',
    });
    expect(open({ ...first, scope: 'school' })).toMatchObject({
      college: null,
      organization: null,
    });
    expect(open({ ...first, scope: 'submitter' }, { assignee: 'lead2' })).toMatchObject({
      kind: 'submitter',
      role: 'submitter',
      assignee: 'teacher-1',
    });
  });

  it('a new open task, its events its own copy', () => {
    const task = open(first, { assignee: 'lead2' });
    expect(task).toEqual({
      id: 'x',
      instanceId: 'i-9',
      flowId: 'review',
      state: 's',
      step: 'first',
      kind: 'step',
      role: 'lead',
      college: 'ee',
      organization: null,
      assignee: 'lead2',
      events: [...first.events],
      approval: true,
      dueAt: null,
      dueBasis: null,
      urgedAt: null,
      delegatedTo: null,
      status: 'open',
      createdAt: T0,
      completedAt: null,
      completedBy: null,
    });
    expect(task.events).not.toBe(first.events);
  });
});

describe('planEntered and specOf', () => {
  const people = sceneDirectory([
    { id: 'o1', name: 'o1', email: 'o1@x', roles: ['office'], college: null },
    { id: 'o2', name: 'o2', email: 'o2@x', roles: ['office'], college: null },
  ]);

  const plan = (over: Partial<Parameters<typeof planEntered>[0]> = {}) =>
    planEntered({
      flow,
      instance,
      entered: ['second'],
      now: T0,
      ids: counter(),
      calendar,
      people,
      ...over,
    });

  it('a state with a timeout: its tasks and the state’s own timer; a state without spec opens nothing', () => {
    const planned = plan({ entered: ['second', 'done'] });
    expect(planned.tasks.map((t) => [t.id, t.step, t.assignee])).toEqual([
      ['id-1', 'second', null],
    ]);
    expect(planned.timers).toEqual([
      {
        id: 'id-2',
        instanceId: 'i-9',
        taskId: null,
        state: 'second',
        kind: 'event',
        event: 'EXPIRE',
        dueAt: after(10),
        dueBasis: basis(10, 'deadline'),
        status: 'pending',
        createdAt: T0,
        firedAt: null,
      },
    ]);
    expect(planned.steps).toEqual({});
  });

  it('a 会签 step: a task per holder and its progress', () => {
    const all = reviewFlow(1, { approvers: { mode: 'all' } }) as AnyFlow;
    const planned = plan({ flow: all, calendar: undefined });
    expect(planned.tasks.map((t) => t.assignee)).toEqual(['o1', 'o2']);
    expect(planned.steps['second']?.rounds).toEqual([
      {
        slots: [
          { kind: 'person', id: 'o1' },
          { kind: 'person', id: 'o2' },
        ],
        threshold: 2,
        approved: [],
      },
    ]);
  });

  it('a state timeout with no calendar is CALENDAR_MISSING too', () => {
    expect(() => plan({ calendar: undefined })).toThrow(InfrastructureError);
  });

  it('specOf: the task spec of the task’s state and step, if the flow has one', () => {
    expect(specOf(flow, { state: 'first', step: 'first' })).toBe(first);
    expect(specOf(flow, { state: 'first', step: 'second' })).toBe(undefined);
    expect(specOf(flow, { state: 'gone', step: 'first' })).toBe(undefined);
    expect(specOf(flow, { state: 'done', step: 'first' })).toBe(undefined);
  });
});
