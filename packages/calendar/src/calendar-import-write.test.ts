import { readFileSync } from 'node:fs';
import type { AdminAuditRecord, JsonObject } from '@certflow/engine';
import { MemoryStore } from '@certflow/engine/testing';
import { describe, expect, it } from 'vitest';
import {
  adminAuditLog,
  CALENDAR_IMPORT_ACTION,
  type CalendarImportAudit,
} from './calendar-audit.js';
import { importCalendarTable, sha256Of, type CalendarImportDeps } from './calendar-import.js';
import type { OpenDeadline } from './deadline-preview.js';
import { loadBusinessCalendar } from './load-calendar.js';
import { parseTableFile } from './table-file.js';

const example = readFileSync(new URL('../examples/2027.example.json', import.meta.url), 'utf8');
const now = new Date('2026-12-28T10:00:00+08:00');

/** An engine that stores what it is given in a MemoryStore and remembers each put. */
async function world(openDeadlines: OpenDeadline[] = []) {
  const store = new MemoryStore();
  const puts: Record<string, unknown>[] = [];
  const engine: CalendarImportDeps['engine'] = {
    reference: (kind, key) => store.read.reference(kind, key),
    putReference: (args) => {
      puts.push(args);
      store.setReference(args.kind, args.key, args.value);
      return Promise.resolve({} as never);
    },
  };
  const calendar = await loadBusinessCalendar(store.read);
  const deps: CalendarImportDeps = {
    engine,
    calendar,
    deadlines: { openDeadlinesIn: () => Promise.resolve(openDeadlines) },
    audit: { list: () => Promise.resolve([]) },
  };
  return { store, puts, calendar, deps };
}

const table2026 = JSON.stringify({
  year: 2026,
  source: { title: '更正' },
  holidays: [{ name: '国庆节', from: '2026-10-01', to: '2026-10-08' }],
  workdays: [],
});

describe('an import, written', () => {
  it('hashes the file as sent', () => {
    expect(sha256Of('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(sha256Of('元旦')).toMatch(/^[0-9a-f]{64}$/);
    expect(sha256Of('元旦')).not.toBe(sha256Of('元旦 '));
  });

  it('puts the table and its audit entry in one write, as the actor, then refreshes', async () => {
    const { puts, calendar, deps } = await world();
    const actor = { id: 'aa1', name: '教务处王老师' };
    const result = await importCalendarTable(deps, {
      text: example,
      year: 2027,
      actor,
      now,
      dryRun: false,
    });
    const parsed = parseTableFile(example, { year: 2027 });
    if (!parsed.ok) throw new Error('the example is valid');
    const sha256 = sha256Of(example);
    const audit: CalendarImportAudit = {
      year: 2027,
      title: parsed.table.source.title,
      sha256,
      previousSha256: null,
      at: '2026-12-28T02:00:00.000Z',
      by: actor,
      diff: result.diff,
      deadlinesMoved: 0,
    };
    expect(result).toEqual({
      year: 2027,
      dryRun: false,
      sha256,
      table: parsed.table,
      diff: result.diff,
      deadlines: [],
      audit,
    });
    expect(result.diff.before).toBe('none');
    expect(result.diff.added).toHaveLength(35);
    expect(puts).toHaveLength(1);
    expect(puts[0]).toEqual({
      kind: 'calendar',
      key: '2027',
      value: {
        ...parsed.table,
        imported: { sha256, at: '2026-12-28T02:00:00.000Z', by: actor },
      },
      actor: { id: 'aa1', name: '教务处王老师', roles: [] },
      audit: { action: 'calendar.import', data: JSON.parse(JSON.stringify(audit)) as JsonObject },
    });
    expect(calendar.isCovered(2027)).toBe(true);
  });

  it('writes an actor without a name without one', async () => {
    const { puts, deps } = await world();
    await importCalendarTable(deps, {
      text: example,
      year: 2027,
      actor: { id: 'cli', name: null },
      now,
      dryRun: false,
    });
    expect(puts[0]?.['actor']).toStrictEqual({ id: 'cli', roles: [] });
  });

  it('audits a correction of a package year against the package, and a second import against the first', async () => {
    const { deps, store } = await world();
    const actor = { id: 'aa1', name: null };
    const first = await importCalendarTable(deps, {
      text: table2026,
      year: 2026,
      actor,
      now,
      dryRun: false,
    });
    expect(first.audit?.previousSha256).toBeNull();
    expect(first.diff.before).toBe('package');
    expect(first.diff.added).toEqual([{ date: '2026-10-08', kind: 'holiday', name: '国庆节' }]);
    // The package's 33 holiday days and 6 make-up days, but for 1–7 October kept.
    expect(first.diff.removed).toHaveLength(33 + 6 - 7);
    const again = table2026.replace('2026-10-08', '2026-10-07');
    const preview = await importCalendarTable(deps, {
      text: again,
      year: 2026,
      actor,
      now,
      dryRun: true,
    });
    expect(preview.diff).toEqual({
      added: [],
      removed: [{ date: '2026-10-08', kind: 'holiday', name: '国庆节' }],
      renamed: [],
      before: 'import',
    });
    const second = await importCalendarTable(deps, {
      text: again,
      year: 2026,
      actor,
      now,
      dryRun: false,
    });
    expect(second.audit?.previousSha256).toBe(first.sha256);
    expect(second.diff.before).toBe('import');
    expect((await store.read.reference('calendar', '2026'))?.['imported']).toMatchObject({
      sha256: second.sha256,
    });
  });

  it('previews against the package for a package year, and against nothing for a year without a table', async () => {
    const { deps, puts } = await world();
    const actor = { id: 'aa1', name: null };
    const dry = await importCalendarTable(deps, {
      text: table2026,
      year: 2026,
      actor,
      now,
      dryRun: true,
    });
    expect(dry).toMatchObject({
      year: 2026,
      dryRun: true,
      audit: null,
      deadlines: [],
      sha256: sha256Of(table2026),
    });
    expect(dry.diff.before).toBe('package');
    expect(dry.table.holidays[0]?.dates).toHaveLength(8);
    expect(
      (await importCalendarTable(deps, { text: example, year: 2027, actor, now, dryRun: true }))
        .diff.before,
    ).toBe('none');
    expect(puts).toEqual([]);
  });

  it('counts the deadlines the table moves in its audit entry', async () => {
    const { calendar } = await world();
    const from = new Date('2026-12-28T10:00:00+08:00');
    const d = calendar.deadline(from, { workingDays: 5 });
    const open: OpenDeadline = {
      kind: 'task',
      id: 't1',
      instanceId: 'i1',
      label: 'first',
      dueAt: d.at,
      basis: {
        from: from.toISOString(),
        rule: { workingDays: 5 },
        edge: 'deadline',
        provisional: true,
        years: d.years,
        explanation: d.explanation,
      },
    };
    const { deps } = await world([open]);
    const result = await importCalendarTable(deps, {
      text: example,
      year: 2027,
      actor: { id: 'a', name: null },
      now,
      dryRun: false,
    });
    expect(result.deadlines).toHaveLength(1);
    expect(result.audit?.deadlinesMoved).toBe(1);
  });

  it('refuses a bad file before reading or writing anything, with the file name', async () => {
    const { deps, puts } = await world();
    const error = await importCalendarTable(deps, {
      text: '{',
      year: 2027,
      actor: { id: 'a', name: null },
      now,
      dryRun: false,
      file: 'bad.json',
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((error as { messages: { zh: string } }).messages.zh).toMatch(/^bad\.json：/);
    expect(puts).toEqual([]);
  });
});

describe('the import audit log', () => {
  const entry = (year: number, sha: string): CalendarImportAudit => ({
    year,
    title: 't',
    sha256: sha,
    previousSha256: null,
    at: '2026-12-28T02:00:00.000Z',
    by: { id: 'a', name: null },
    diff: {
      added: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }],
      removed: [],
      renamed: [],
      before: 'none',
    },
    deadlinesMoved: 0,
  });

  it('reads the year’s imports from the audit trail, oldest first, skipping other actions and bad rows', async () => {
    const asked: unknown[] = [];
    const rows = [
      { action: CALENDAR_IMPORT_ACTION, data: entry(2027, 'c') },
      { action: 'calendar.other', data: entry(2027, 'x') },
      { action: CALENDAR_IMPORT_ACTION, data: { year: 2027 } },
      { action: CALENDAR_IMPORT_ACTION, data: entry(2027, 'b') },
      { action: CALENDAR_IMPORT_ACTION, data: entry(2027, 'a') },
    ] as unknown as AdminAuditRecord[];
    const log = adminAuditLog({
      auditTrail: (query) => {
        asked.push(query);
        return Promise.resolve(rows);
      },
    });
    const list = await log.list(2027);
    expect(asked).toEqual([{ subject: 'calendar/2027', limit: 500, offset: 0 }]);
    expect(list.map((e) => e.sha256)).toEqual(['a', 'b', 'c']);
    expect(list[0]).toEqual(entry(2027, 'a'));
    expect(CALENDAR_IMPORT_ACTION).toBe('calendar.import');
  });
});
