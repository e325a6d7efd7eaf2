import { describe, expect, it } from 'vitest';
import type { AnyFlow } from '../flows/flow.js';
import type { Loaded, LoadedInstance } from '../ports/store.js';
import { instanceRecord, T0, taskRecord, timerRecord } from '../testing/fixtures.js';
import { reviewFlow } from '../testing/review-flow.js';
import { isSystem, SYSTEM_ACTOR, type Actor } from './actor.js';
import { fitsTask, person, timersOf } from './named-people.js';
import { changeWrite, emptyWrite, statusOf } from './outcome.js';
import { instanceView } from './view.js';

// A change as the one write it becomes (outcome.ts), the view it answers with (view.ts), and the
// small helpers about people (actor.ts, named-people.ts) — each on its own, no decide, no store.

const actor: Actor = { id: 'lead-1', name: '李院长', roles: ['college_lead'], college: 'ee' };
const row = instanceRecord({ version: 3 });
const open = [taskRecord('t-1'), taskRecord('t-2')];
const loadedInstance: LoadedInstance = { row, openTasks: open, pendingTimers: [] };
const loaded: Loaded = { instance: loadedInstance, references: new Map() };
const later = new Date(T0.getTime() + 60_000);

describe('changeWrite', () => {
  it('a change of nothing but its event: the row at the next version, one history row, nothing else', () => {
    const { write, result } = changeWrite(
      { loaded: loadedInstance, actor, event: { type: 'COMMENT', comment: '好' } },
      loaded,
      later,
    );
    expect(write).toMatchObject({
      instance: {
        row: { ...row, version: 4, updatedAt: later, headHash: write?.history?.hash },
        expectedVersion: 3,
      },
      history: { seq: 4, event: 'COMMENT', comment: '好', data: {}, fromState: row.state },
    });
    const { instance: _i, history: _h, ...rest } = write!;
    expect(rest).toEqual(emptyWrite());
    expect(result.tasks.map((t) => t.id)).toEqual(['t-1', 't-2']);
  });

  it('the task named in the history row, copies keyed by instance, seq and person; closed, updated, moved and new tasks in the view', () => {
    const moved = { id: 't-2', dueAt: later, dueBasis: taskRecord('t-2').dueBasis! };
    const { write, result } = changeWrite(
      {
        loaded: loadedInstance,
        actor,
        event: { type: 'CC', taskId: 't-1' },
        closeDone: [],
        updateTasks: [{ ...open[0]!, assignee: 'x' }],
        moveTasks: [moved],
        newTasks: [taskRecord('t-3')],
        copyTo: ['p-1'],
      },
      loaded,
      T0,
    );
    expect(write?.history?.data).toEqual({ taskId: 't-1' });
    expect(write?.copies.map((c) => [c.id, c.personId, c.seq, c.fromId])).toEqual([
      ['i-1:4:p-1', 'p-1', 4, 'lead-1'],
    ]);
    expect(result.tasks.map((t) => [t.id, t.assignee, t.dueAt])).toEqual([
      ['t-1', 'x', open[0]!.dueAt?.toISOString()],
      ['t-2', null, later.toISOString()],
      ['t-3', null, taskRecord('t-3').dueAt?.toISOString()],
    ]);
    const closing = changeWrite(
      { loaded: loadedInstance, actor, event: { type: 'X' }, closeCancelled: ['t-1'] },
      loaded,
      T0,
    );
    expect(closing.write?.closeTasks).toEqual([
      { id: 't-1', status: 'cancelled', by: null, at: T0 },
    ]);
    expect(closing.result.tasks.map((t) => t.id)).toEqual(['t-2']);
  });

  it('emptyWrite: ten lists, all empty', () => {
    const empty = emptyWrite();
    expect(Object.keys(empty)).toHaveLength(10);
    for (const list of Object.values(empty)) expect(list).toEqual([]);
  });

  it('statusOf: active until the machine is done, then the flow’s outcome for the state, or completed', () => {
    const flow = reviewFlow() as AnyFlow;
    const snapshot = (status: string, value: string) => ({ status, value }) as never;
    expect(statusOf(flow, snapshot('active', 'rejected'))).toBe('active');
    expect(statusOf(flow, snapshot('done', 'rejected'))).toBe('rejected');
    expect(statusOf(flow, snapshot('done', 'elsewhere'))).toBe('completed');
    const { outcomes: _, ...plain } = flow;
    expect(statusOf(plain as AnyFlow, snapshot('done', 'rejected'))).toBe('completed');
  });
});

describe('instanceView', () => {
  it('the machine’s context (none: {}), and only the open tasks', () => {
    const view = instanceView({ ...row, snapshot: {} }, [
      taskRecord('t-1'),
      taskRecord('t-2', { status: 'done' }),
    ]);
    expect(view.context).toEqual({});
    expect(view.tasks.map((t) => t.id)).toEqual(['t-1']);
    expect(instanceView({ ...row, snapshot: { context: { n: 1 } } }, []).context).toEqual({ n: 1 });
  });
});

describe('people helpers', () => {
  it('isSystem: only the system actor', () => {
    expect(isSystem(SYSTEM_ACTOR)).toBe(true);
    expect(isSystem(actor)).toBe(false);
    expect(isSystem({ ...actor, kind: 'person' })).toBe(false);
  });

  it('person: an unknown id (or no directory) is VALIDATION_FAILED, naming them', () => {
    for (const people of [undefined, { get: () => undefined } as never]) {
      try {
        person(people, 'u-9');
        throw new Error('expected a refusal');
      } catch (e) {
        const { code, details, messages } = e as {
          code: string;
          details: unknown;
          messages: unknown;
        };
        expect({ code, details, messages }).toEqual({
          code: 'VALIDATION_FAILED',
          details: { userId: 'u-9' },
          messages: { zh: '用户 u-9 不存在', en: 'No user u-9' },
        });
      }
    }
  });

  it('fitsTask: the role, and the task’s college and organization where it has them', () => {
    const p = {
      id: 'p',
      name: 'p',
      email: 'p@x',
      roles: ['college_lead'],
      college: 'ee',
      organization: 'org-x',
    };
    expect(fitsTask(p, taskRecord('t'))).toBe(true);
    expect(fitsTask({ ...p, roles: ['other'] }, taskRecord('t'))).toBe(false);
    expect(fitsTask({ ...p, college: 'cs' }, taskRecord('t'))).toBe(false);
    expect(fitsTask({ ...p, college: 'cs' }, taskRecord('t', { college: null }))).toBe(true);
    expect(fitsTask(p, taskRecord('t', { organization: 'org-x' }))).toBe(true);
    expect(fitsTask(p, taskRecord('t', { organization: 'org-y' }))).toBe(false);
  });

  it('timersOf: the pending timers of those tasks, not of others or of the state', () => {
    const timers = [
      timerRecord('a', { taskId: 't-1' }),
      timerRecord('b', { taskId: 't-2' }),
      timerRecord('c', { taskId: null }),
    ];
    expect(timersOf({ ...loadedInstance, pendingTimers: timers }, ['t-1'])).toEqual(['a']);
    expect(timersOf({ ...loadedInstance, pendingTimers: timers }, [])).toEqual([]);
  });
});
