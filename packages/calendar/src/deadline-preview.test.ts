import type { DueBasis, Duration, TaskRecord, TimerRecord } from '@certflow/engine';
import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from './business-calendar.js';
import {
  engineRecompute,
  openDeadlinesFromReader,
  previewDeadlineMoves,
  type OpenDeadline,
} from './deadline-preview.js';

const cal = createBusinessCalendar();
const y2027 = cal.withTable({
  year: 2027,
  source: { title: '测试' },
  holidays: [
    { name: '元旦', nameEn: "New Year's Day", dates: ['2027-01-01', '2027-01-02', '2027-01-03'] },
  ],
  workdays: [],
});
const basis = (from: string, rule: Duration, edge: DueBasis['edge'] = 'deadline'): DueBasis => {
  const d =
    edge === 'deadline' ? cal.deadline(new Date(from), rule) : cal.reminder(new Date(from), rule);
  return {
    from: new Date(from).toISOString(),
    rule,
    edge,
    provisional: d.provisional,
    years: d.years,
    explanation: d.explanation,
  };
};
const item = (over: Partial<OpenDeadline> & Pick<OpenDeadline, 'basis'>): OpenDeadline => {
  const b = over.basis;
  const due =
    b.edge === 'deadline'
      ? cal.deadline(new Date(b.from), b.rule)
      : cal.reminder(new Date(b.from), b.rule);
  return { kind: 'task', id: 't1', instanceId: 'i1', label: 'first', dueAt: due.at, ...over };
};

describe('the deadlines a new table moves', () => {
  it('lists each moved deadline with before, after and its new explanation', () => {
    const b = basis('2026-12-28T10:00:00+08:00', { workingDays: 5 });
    const moves = previewDeadlineMoves(y2027, [item({ basis: b })]);
    expect(moves).toEqual([
      {
        kind: 'task',
        id: 't1',
        instanceId: 'i1',
        label: 'first',
        from: '2027-01-04T09:30:00.000Z',
        to: '2027-01-05T09:30:00.000Z',
        provisional: { before: true, after: false },
        explanation: {
          zh: '5个工作日，截至 2027年1月5日（周二）17:30；跳过 2027年1月1日–3日 元旦',
          en: "5 working days, due Tue Jan 5, 2027 17:30; skipped Jan 1–3, 2027 New Year's Day",
        },
      },
    ]);
    // A reminder is recomputed as a reminder.
    const r = basis('2026-12-28T10:00:00+08:00', { workingDays: 3 }, 'reminder');
    expect(
      previewDeadlineMoves(y2027, [item({ basis: r, kind: 'timer', label: 'remind' })]),
    ).toMatchObject([{ from: '2027-01-01T01:00:00.000Z', to: '2027-01-04T01:00:00.000Z' }]);
  });

  it('leaves out what stays, and keeps what only stops being provisional', () => {
    const inside = basis('2026-12-01T10:00:00+08:00', { workingDays: 5 });
    expect(previewDeadlineMoves(y2027, [item({ basis: inside })])).toEqual([]);
    // Same instant, but counted through 2027 on weekends alone before: made official.
    const through = basis('2026-12-31T10:00:00+08:00', { workingHours: 1 });
    expect(through.provisional).toBe(false);
    const flagged = { ...through, provisional: true };
    expect(previewDeadlineMoves(y2027, [item({ basis: flagged })])).toMatchObject([
      { provisional: { before: true, after: false } },
    ]);
    // A due time that was stored wrong moves even when provisional stays.
    const stale = item({ basis: inside, dueAt: new Date('2026-12-01T00:00:00Z') });
    expect(previewDeadlineMoves(y2027, [stale])).toMatchObject([
      { provisional: { before: false, after: false } },
    ]);
  });

  it('sorts by current due time, then tasks before timers, then id', () => {
    const b = basis('2026-12-28T10:00:00+08:00', { workingDays: 5 });
    const early = basis('2026-12-28T10:00:00+08:00', { workingDays: 4 });
    const moves = previewDeadlineMoves(y2027, [
      item({ basis: b, kind: 'timer', id: 'b' }),
      item({ basis: b, kind: 'timer', id: 'a' }),
      item({ basis: b, kind: 'task', id: 'z' }),
      item({ basis: early, kind: 'timer', id: 'y' }),
    ]);
    expect(moves.map((m) => `${m.kind}:${m.id}`)).toEqual([
      'timer:y',
      'task:z',
      'timer:a',
      'timer:b',
    ]);
  });
});

describe('open deadlines from the store', () => {
  const counted = basis('2026-12-28T10:00:00+08:00', { workingDays: 5 });
  const notCounted = basis('2026-03-02T10:00:00+08:00', { workingDays: 5 });
  const timer = (id: string, dueBasis: DueBasis | null, kind: TimerRecord['kind'] = 'remind') =>
    ({ id, kind, dueAt: new Date('2027-01-04T01:00:00Z'), dueBasis }) as TimerRecord;
  const task = (
    id: string,
    dueBasis: DueBasis | null,
    dueAt: Date | null = new Date('2027-01-04T09:30:00Z'),
  ) => ({ id, step: `step-${id}`, dueAt, dueBasis }) as TaskRecord;

  it('gives the pending timers, then the open tasks, counted through the year', async () => {
    const asked: string[] = [];
    const source = openDeadlinesFromReader({
      instancesWithDeadlinesIn: (year) => {
        asked.push(`year ${year}`);
        return Promise.resolve(['i1', 'i2']);
      },
      pendingTimers: (id) => {
        asked.push(`timers ${id}`);
        return Promise.resolve(
          id === 'i1'
            ? [timer('m1', counted), timer('m2', null), timer('m3', notCounted, 'escalate')]
            : [],
        );
      },
      openTasks: (id) => {
        asked.push(`tasks ${id}`);
        return Promise.resolve(
          id === 'i1'
            ? [task('k1', counted), task('k2', null), task('k3', counted, null)]
            : [task('k4', notCounted), task('k5', counted)],
        );
      },
    });
    const out = await source.openDeadlinesIn(2027);
    expect(asked).toEqual(['year 2027', 'timers i1', 'tasks i1', 'timers i2', 'tasks i2']);
    expect(out).toEqual([
      {
        kind: 'timer',
        id: 'm1',
        instanceId: 'i1',
        label: 'remind',
        dueAt: new Date('2027-01-04T01:00:00Z'),
        basis: counted,
      },
      {
        kind: 'task',
        id: 'k1',
        instanceId: 'i1',
        label: 'step-k1',
        dueAt: new Date('2027-01-04T09:30:00Z'),
        basis: counted,
      },
      {
        kind: 'task',
        id: 'k5',
        instanceId: 'i2',
        label: 'step-k5',
        dueAt: new Date('2027-01-04T09:30:00Z'),
        basis: counted,
      },
    ]);
    expect(await source.openDeadlinesIn(2025)).toEqual([]);
  });
});

describe('the engine’s recompute after an import', () => {
  it('counts the instances, tasks and timers moved, and tells of each instance', async () => {
    const histories: Record<string, { data: unknown }[]> = {
      a: [{ data: {} }, { data: {} }, { data: {} }],
      b: [{ data: {} }, { data: {} }],
      c: [{ data: {} }, { data: {} }, { data: {} }, { data: {} }],
    };
    const moved: string[] = [];
    const recompute = engineRecompute(
      {
        history: (id: string) => Promise.resolve(histories[id] ?? []),
        recomputeDeadlines: (id: string) => {
          // a: moves 2 tasks and 1 timer; b: nothing; c: an entry without data.
          if (id === 'a') histories['a']?.push({ data: { tasks: [1, 2], timers: [1] } });
          if (id === 'c') histories['c']?.push({ data: undefined });
          // The instance's version is its history's length.
          return Promise.resolve({ version: (histories[id] ?? []).length });
        },
      } as never,
      { instancesWithDeadlinesIn: () => Promise.resolve(Object.keys(histories)) },
      (id) => moved.push(id),
    );
    expect(await recompute.recomputeDeadlines(cal, 2027)).toEqual({
      instances: 2,
      tasks: 2,
      timers: 1,
    });
    expect(moved).toEqual(['a', 'c']);
    // Without a listener, the same counts.
    const quiet = engineRecompute(
      {
        history: () => Promise.resolve([{ data: { timers: [1, 2, 3] } }]),
        recomputeDeadlines: () => Promise.resolve({ version: 2 }),
      } as never,
      { instancesWithDeadlinesIn: () => Promise.resolve(['x']) },
    );
    expect(await quiet.recomputeDeadlines(cal, 2027)).toEqual({
      instances: 1,
      tasks: 0,
      timers: 3,
    });
  });
});
