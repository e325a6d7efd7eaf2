import { describe, expect, it } from 'vitest';
import type { Command } from '../commands/command.js';
import { FlowRegistry } from '../flows/registry.js';
import { referenceId, type Loaded } from '../ports/store.js';
import type { TaskRecord, TimerRecord } from '../records.js';
import { T0 } from '../testing/fixtures.js';
import { reviewFlow } from '../testing/review-flow.js';
import { weekdayCalendar } from '../testing/weekday-calendar.js';
import type { Actor } from './actor.js';
import type { DecideContext } from './context.js';
import { decide } from './decide.js';
import { canonicalJson, GENESIS_HASH, sha256 } from './hash.js';

// Reference writes, the administrators' audit trail and deadline recomputes, decided purely.

const admin: Actor = { id: 'admin', name: '管理员', roles: ['admin'] };
const options = { urgeIntervalMs: 0 };
const context = (calendar: DecideContext['calendar'] = weekdayCalendar): DecideContext => {
  let n = 0;
  return {
    flows: new FlowRegistry([reviewFlow(1, { deadlines: true })]),
    calendar,
    people: undefined,
    now: T0,
    ids: () => `id-${++n}`,
  };
};
const put = (over: Partial<Extract<Command, { kind: 'put-reference' }>> = {}): Command => ({
  kind: 'put-reference',
  refKind: 'quota',
  key: '2027/ee',
  value: { total: 40 },
  actor: admin,
  ...over,
});
const withRow = (version: number): Loaded => ({
  references: new Map([[referenceId('quota', '2027/ee'), { value: { total: 30 }, version }]]),
});
const none: Loaded = { references: new Map() };

describe('put-reference', () => {
  it('writes the row at the version loaded and answers the next version', () => {
    const decision = decide(withRow(4), put(), context(), options);
    expect(decision).toMatchObject({
      ok: true,
      write: {
        references: [{ kind: 'quota', key: '2027/ee', value: { total: 40 }, expectedVersion: 4 }],
      },
      result: { kind: 'quota', key: '2027/ee', version: 5, auditSeq: null },
    });
    expect(decision.ok && decision.write?.audit).toBeUndefined();
    const fresh = decide(none, put(), context(), options);
    expect(fresh.ok && fresh.write?.references[0]?.expectedVersion).toBeNull();
    expect(fresh.ok && fresh.result).toMatchObject({ version: 1 });
  });

  it('a version the caller saw that moved is VERSION_CONFLICT; null means "must not exist"', () => {
    const stale = decide(withRow(4), put({ expectedVersion: 3 }), context(), options);
    expect(stale).toMatchObject({
      ok: false,
      refusal: { code: 'VERSION_CONFLICT', details: { expected: 3, actual: 4 } },
    });
    const exists = decide(withRow(4), put({ expectedVersion: null }), context(), options);
    expect(exists).toMatchObject({ refusal: { details: { expected: null, actual: 4 } } });
    expect(decide(none, put({ expectedVersion: null }), context(), options).ok).toBe(true);
    expect(decide(withRow(4), put({ expectedVersion: 4 }), context(), options).ok).toBe(true);
  });

  it('audited when asked: the next row of the trail, chained to its head', () => {
    const head = { seq: 7, hash: 'a7' };
    const decision = decide(
      { ...withRow(4), auditHead: head },
      put({ audit: { action: 'quota.set', data: { by: 'form' } } }),
      context(),
      options,
    );
    if (!decision.ok) throw decision.refusal;
    const audit = decision.write?.audit;
    expect(audit).toMatchObject({
      seq: 8,
      at: T0,
      actorId: 'admin',
      actorName: '管理员',
      action: 'quota.set',
      subject: 'quota/2027/ee',
      data: { by: 'form' },
      prevHash: 'a7',
    });
    const { hash, ...fields } = audit ?? { hash: '' };
    expect(hash).toBe(sha256(canonicalJson(fields)));
    expect(decision.result).toMatchObject({ auditSeq: 8 });
    const bare = decide(withRow(4), put({ audit: { action: 'x' } }), context(), options);
    expect(bare.ok && bare.write?.audit?.data).toEqual({});
  });
});

describe('audit', () => {
  it('the first row starts at 1 on the genesis hash; a nameless actor is recorded as null', () => {
    const command: Command = {
      kind: 'audit',
      action: 'people.import',
      subject: 'directory',
      data: { rows: 3 },
      actor: { id: 'ops', roles: [] },
    };
    const decision = decide(none, command, context(), options);
    expect(decision).toMatchObject({ ok: true, result: { seq: 1 } });
    expect(decision.ok && decision.write?.audit).toMatchObject({
      seq: 1,
      prevHash: GENESIS_HASH,
      actorName: null,
      subject: 'directory',
      data: { rows: 3 },
    });
  });
});

describe('recompute', () => {
  const started = (() => {
    const decision = decide(
      none,
      {
        kind: 'start',
        flowId: 'review',
        input: { college: 'ee', title: 'T' },
        actor: { id: 'owner', roles: ['owner'], college: 'ee' },
        instanceId: 'i-1',
      },
      context(),
      options,
    );
    if (!decision.ok || !decision.write?.instance) throw new Error('the start was refused');
    return decision.write;
  })();
  const row = started.instance?.row;
  const task = started.newTasks[0] as TaskRecord;
  const timers = started.newTimers as TimerRecord[];
  const loaded = (tasks: TaskRecord[], pending: TimerRecord[], status = 'active'): Loaded => ({
    instance: {
      row: { ...(row as NonNullable<typeof row>), status: status as 'active' },
      openTasks: tasks,
      pendingTimers: pending,
    },
    references: new Map(),
  });
  const recompute: Command = { kind: 'recompute', instanceId: 'i-1' };
  const shifted = <R extends { dueAt: Date | null }>(r: R): R => ({
    ...r,
    dueAt: new Date((r.dueAt as Date).getTime() - 60_000),
  });

  it('deadlines already right on the calendar: no write', () => {
    expect(task.dueBasis).not.toBeNull();
    expect(timers.length).toBeGreaterThan(0);
    const decision = decide(loaded([task], timers), recompute, context(), options);
    expect(decision).toMatchObject({ ok: true, write: null, result: { id: 'i-1' } });
  });

  it('moves a task and a timer whose due time differs, audited, the holders told', () => {
    const timer = timers.find((t) => t.dueBasis) as TimerRecord;
    const decision = decide(
      loaded([shifted(task)], [shifted(timer)]),
      recompute,
      context(),
      options,
    );
    if (!decision.ok || !decision.write) throw new Error('expected a write');
    expect(decision.write.moveTasks).toEqual([
      { id: task.id, dueAt: task.dueAt, dueBasis: task.dueBasis },
    ]);
    expect(decision.write.moveTimers).toEqual([
      { id: timer.id, dueAt: timer.dueAt, dueBasis: timer.dueBasis },
    ]);
    expect(decision.write.history).toMatchObject({
      event: 'RECOMPUTE_DEADLINES',
      actorId: 'system',
      data: {
        tasks: [
          {
            id: task.id,
            from: shifted(task).dueAt?.toISOString(),
            to: task.dueAt?.toISOString(),
          },
        ],
        timers: [{ id: timer.id, to: timer.dueAt.toISOString() }],
      },
    });
    expect(decision.write.outbox.map((o) => o.payload)).toEqual([
      expect.objectContaining({ notification: 'deadline-moved', taskId: task.id }),
    ]);
  });

  it('an ended instance, or no calendar, is left alone', () => {
    const moved = loaded([shifted(task)], [], 'completed');
    expect(decide(moved, recompute, context(), options)).toMatchObject({ write: null });
    const active = loaded([shifted(task)], []);
    expect(decide(active, recompute, { ...context(), calendar: undefined }, options)).toMatchObject(
      { write: null },
    );
  });

  const moved = (decision: ReturnType<typeof decide>) => {
    if (!decision.ok || !decision.write) throw new Error('expected a write');
    return decision.write;
  };

  it('only a timer moved: written and audited with its former time; nobody told', () => {
    const timer = timers.find((t) => t.dueBasis) as TimerRecord;
    const w = moved(decide(loaded([task], [shifted(timer)]), recompute, context(), options));
    expect(w.moveTasks).toEqual([]);
    expect(w.history?.data).toEqual({
      tasks: [],
      timers: [
        { id: timer.id, from: shifted(timer).dueAt.toISOString(), to: timer.dueAt.toISOString() },
      ],
    });
    expect(w.outbox).toEqual([]);
  });

  it('only a task moved: its timers stay; of several open tasks only the moved one is told', () => {
    const other = { ...task, id: 'other', assignee: 'lead2' };
    const w = moved(decide(loaded([other, shifted(task)], timers), recompute, context(), options));
    expect(w.moveTimers).toEqual([]);
    expect(w.moveTasks.map((m) => m.id)).toEqual([task.id]);
    expect((w.history?.data as { timers: unknown[] }).timers).toEqual([]);
    expect(w.outbox.map((o) => (o.payload as { taskId: string }).taskId)).toEqual([task.id]);
    expect(w.instance?.row).toMatchObject({ version: 2, state: 'first' });
  });

  it('the same time but another explanation or provisional flag is moved too', () => {
    const basis = task.dueBasis!;
    for (const dueBasis of [
      { ...basis, provisional: !basis.provisional },
      { ...basis, explanation: { ...basis.explanation, zh: '旧说明' } },
    ]) {
      const w = moved(decide(loaded([{ ...task, dueBasis }], []), recompute, context(), options));
      expect(w.moveTasks).toEqual([{ id: task.id, dueAt: task.dueAt, dueBasis: basis }]);
    }
    // Only the English explanation differing is no change.
    const en = { ...basis, explanation: { ...basis.explanation, en: 'old' } };
    expect(
      decide(loaded([{ ...task, dueBasis: en }], []), recompute, context(), options),
    ).toMatchObject({
      write: null,
    });
  });

  it('a task with only a due time, or only a basis, is not moved', () => {
    for (const open of [
      { ...shifted(task), dueBasis: null },
      { ...task, dueAt: null },
    ]) {
      expect(decide(loaded([open], []), recompute, context(), options)).toMatchObject({
        write: null,
      });
    }
  });

  it('a task without a deadline is not moved', () => {
    const open = { ...task, dueAt: null, dueBasis: null };
    expect(decide(loaded([open], []), recompute, context(), options)).toMatchObject({
      write: null,
    });
  });
});
