import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createEngine, DomainError, ManualClock, type Actor } from '@certflow/engine';
import { MemoryStore, reviewFlow } from '@certflow/engine/testing';
import { describe, expect, it } from 'vitest';
import { adminAuditLog } from './calendar-audit.js';
import { importCalendarTable } from './calendar-import.js';
import { engineRecompute, openDeadlinesFromReader } from './deadline-preview.js';
import { loadBusinessCalendar } from './load-calendar.js';

const example = readFileSync(new URL('../examples/2027.example.json', import.meta.url), 'utf8');
const owner: Actor = { id: 'owner', name: '张老师', roles: ['owner'], college: 'ee' };
const admin = { id: 'aa1', name: '教务处王老师' };
const bj = (iso: string | Date): string =>
  new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** A review started on 2026-12-28 10:00: its 5-day deadline and 3-day reminder fall in 2027. */
async function world() {
  const store = new MemoryStore();
  const calendar = await loadBusinessCalendar(store.read);
  const clock = new ManualClock('2026-12-28T10:00:00+08:00');
  const engine = createEngine({
    store,
    flows: [reviewFlow(1, { deadlines: true })],
    clock,
    ids: randomUUID,
    calendar,
  });
  const instance = await engine.start('review', { college: 'ee', title: 'T' }, owner);
  const deps = {
    engine,
    calendar,
    deadlines: openDeadlinesFromReader(store.read),
    audit: adminAuditLog(store.read),
  };
  const request = { text: example, year: 2027, actor: admin, now: clock.now(), dryRun: false };
  return { store, engine, calendar, instance, deps, request };
}

describe('importing a year’s table', () => {
  it('a dry run previews the deadlines it would move and writes nothing', async () => {
    const { store, calendar, instance, deps, request } = await world();
    const [task] = await store.read.openTasks(instance.id);
    expect(bj(task?.dueAt ?? '')).toBe('2027-01-04 17:30');
    expect(task?.dueBasis?.provisional).toBe(true);
    const before = JSON.stringify(await store.read.reference('calendar', '2027'));

    const preview = await importCalendarTable(deps, { ...request, dryRun: true });
    expect(preview.audit).toBeNull();
    expect(preview.diff.before).toBe('none');
    expect(preview.diff.added).toContainEqual({
      date: '2027-01-01',
      kind: 'holiday',
      name: '元旦',
    });
    const moves = preview.deadlines.map((m) => `${m.kind} ${m.label} ${bj(m.from)} → ${bj(m.to)}`);
    expect(moves).toEqual([
      'timer remind 2027-01-01 09:00 → 2027-01-04 09:00',
      'task first 2027-01-04 17:30 → 2027-01-05 17:30',
      'timer escalate 2027-01-04 17:30 → 2027-01-05 17:30',
    ]);
    expect(preview.deadlines.every((m) => m.provisional.before && !m.provisional.after)).toBe(true);
    expect(preview.deadlines[1]?.explanation.zh).toContain('跳过 2027年1月1日–3日 元旦');
    expect(JSON.stringify(await store.read.reference('calendar', '2027'))).toBe(before);
    expect(calendar.isCovered(2027)).toBe(false);
  });

  it('an import stores the table, audits the load and refreshes the calendar', async () => {
    const { store, calendar, deps, request } = await world();
    const result = await importCalendarTable(deps, request);
    expect(calendar.isCovered(2027)).toBe(true);
    expect(calendar.arrangement(2027)?.origin).toBe('import');
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
    const [entry, ...rest] = await deps.audit.list(2027);
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      year: 2027,
      sha256: result.sha256,
      previousSha256: null,
      by: admin,
      at: '2026-12-28T02:00:00.000Z',
      deadlinesMoved: 3,
    });
    expect(entry?.diff.added).toHaveLength(29 + 6);
    expect(entry?.diff.removed).toEqual([]);
    expect(calendar.stored()[0]?.imported?.sha256).toBe(result.sha256);

    // A second load (one holiday day fewer) is audited against the first.
    const changed = request.text.replace('"to": "2027-10-07"', '"to": "2027-10-06"');
    await importCalendarTable(deps, { ...request, text: changed });
    const entries = await deps.audit.list(2027);
    expect(entries).toHaveLength(2);
    expect(entries[1]?.previousSha256).toBe(result.sha256);
    expect(entries[1]?.diff).toMatchObject({
      before: 'import',
      added: [],
      removed: [{ date: '2027-10-07', kind: 'holiday', name: '国庆节' }],
    });
    expect(calendar.isWorkingDay('2027-10-07')).toBe(true);
    expect((await store.read.reference('calendar', '2027'))?.['imported']).toMatchObject({
      sha256: entries[1]?.sha256,
    });
  });

  it('after an import the engine recomputes open deadlines and timers, audited; again, nothing moves', async () => {
    const { store, engine, calendar, instance, deps, request } = await world();
    await importCalendarTable(deps, request);
    const moved: string[] = [];
    const recompute = engineRecompute(engine, store.read, (id) => moved.push(id));
    expect(await recompute.recomputeDeadlines(calendar, 2027)).toEqual({
      instances: 1,
      tasks: 1,
      timers: 2,
    });
    expect(moved).toEqual([instance.id]);
    const [task] = await store.read.openTasks(instance.id);
    expect(bj(task?.dueAt ?? '')).toBe('2027-01-05 17:30');
    expect(task?.dueBasis?.provisional).toBe(false);
    const timers = (await store.read.pendingTimers(instance.id)).map((t) => [t.kind, bj(t.dueAt)]);
    expect(timers).toEqual([
      ['remind', '2027-01-04 09:00'],
      ['escalate', '2027-01-05 17:30'],
    ]);
    const last = (await engine.history(instance.id)).at(-1);
    expect(last).toMatchObject({ event: 'RECOMPUTE_DEADLINES', actorId: 'system' });
    expect(await engine.verifyHistory(instance.id)).toMatchObject({ ok: true, count: 2 });
    // The holders are told their deadline moved.
    expect(store.outbox().at(-1)?.payload).toMatchObject({ notification: 'deadline-moved' });
    const dump = store.dump();
    expect(await recompute.recomputeDeadlines(calendar, 2027)).toEqual({
      instances: 0,
      tasks: 0,
      timers: 0,
    });
    expect(store.dump()).toBe(dump);
  });

  it('a bad file is refused whole, naming the line, and nothing changes', async () => {
    const { store, calendar, deps, request } = await world();
    const bad = request.text.replace('"date": "2027-09-26"', '"date": "2027-09-27"');
    const error = await importCalendarTable(deps, {
      ...request,
      text: bad,
      file: '2027.json',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('CALENDAR_TABLE_INVALID');
    expect((error as DomainError).messages.zh).toContain(
      '第 21 行：2027-09-27 是周一，调休上班日只能是周六或周日',
    );
    expect(await store.read.reference('calendar', '2027')).toBeUndefined();
    expect(await deps.audit.list(2027)).toEqual([]);
    expect(calendar.isCovered(2027)).toBe(false);
  });

  it('a file of another year than the one asked for is refused', async () => {
    const { deps, request } = await world();
    const error = await importCalendarTable(deps, { ...request, year: 2028 }).catch(
      (e: unknown) => e,
    );
    expect((error as DomainError).code).toBe('CALENDAR_TABLE_INVALID');
    expect((error as DomainError).details?.['problems']).toMatchObject([
      { code: 'YEAR_MISMATCH', line: 2 },
    ]);
  });
});
