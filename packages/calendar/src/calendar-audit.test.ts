import type { AdminAuditRecord } from '@certflow/engine';
import { MemoryStore } from '@certflow/engine/testing';
import { describe, expect, it } from 'vitest';
import { adminAuditLog, calendarAuditSchema, type CalendarImportAudit } from './calendar-audit.js';
import { importCalendarTable, type CalendarImportDeps } from './calendar-import.js';
import { loadBusinessCalendar } from './load-calendar.js';

const entry = (over: Partial<CalendarImportAudit>): CalendarImportAudit => ({
  year: 2027,
  title: 't',
  sha256: 'a',
  previousSha256: null,
  at: '2026-12-28T02:00:00.000Z',
  by: { id: 'a', name: null },
  diff: { added: [], removed: [], renamed: [], before: 'none' },
  deadlinesMoved: 0,
  ...over,
});

describe('the audit entry of an import', () => {
  it('reads every kind of change and every origin before', async () => {
    const entries = [
      entry({
        sha256: 'p',
        diff: {
          added: [{ date: '2027-10-09', kind: 'makeup', name: '国庆节' }],
          removed: [{ date: '2027-10-08', kind: 'holiday', name: '国庆节' }],
          renamed: [
            { date: '2027-10-01', kind: 'holiday', from: '国庆', to: '国庆节' },
            { date: '2027-09-26', kind: 'makeup', from: '国庆', to: '国庆节' },
          ],
          before: 'package',
        },
      }),
      entry({
        sha256: 'i',
        previousSha256: 'p',
        diff: { added: [], removed: [], renamed: [], before: 'import' },
      }),
    ];
    for (const e of entries) expect(calendarAuditSchema.parse(e)).toEqual(e);
    const log = adminAuditLog({
      auditTrail: () =>
        Promise.resolve(
          [...entries]
            .reverse()
            .map((data) => ({ action: 'calendar.import', data })) as unknown as AdminAuditRecord[],
        ),
    });
    expect(await log.list(2027)).toEqual(entries);
  });

  it('refuses a change of another kind and an unknown origin', () => {
    const bad = [
      entry({
        diff: {
          added: [{ date: 'd', kind: 'weekend' as never, name: 'x' }],
          removed: [],
          renamed: [],
          before: 'none',
        },
      }),
      entry({ diff: { added: [], removed: [], renamed: [], before: 'other' as never } }),
      entry({ deadlinesMoved: 1.5 }),
    ];
    for (const e of bad) expect(calendarAuditSchema.safeParse(e).success).toBe(false);
  });
});

describe('an import over a stored row of the first format', () => {
  it('replaces no earlier import: no previous hash', async () => {
    const store = new MemoryStore();
    store.setReference('calendar', '2027', { year: 2027, holidays: ['2027-01-01'], workdays: [] });
    const calendar = await loadBusinessCalendar(store.read);
    const deps: CalendarImportDeps = {
      engine: {
        reference: (kind, key) => store.read.reference(kind, key),
        putReference: () => Promise.resolve({} as never),
      },
      calendar,
      deadlines: { openDeadlinesIn: () => Promise.resolve([]) },
      audit: { list: () => Promise.resolve([]) },
    };
    const text = JSON.stringify({
      year: 2027,
      source: { title: 't' },
      holidays: [{ name: '元旦', dates: ['2027-01-01', '2027-01-02'] }],
      workdays: [],
    });
    const result = await importCalendarTable(deps, {
      text,
      year: 2027,
      actor: { id: 'a', name: null },
      now: new Date('2026-12-28T02:00:00Z'),
      dryRun: false,
    });
    expect(result.audit?.previousSha256).toBeNull();
    expect(result.diff).toEqual({
      added: [{ date: '2027-01-02', kind: 'holiday', name: '元旦' }],
      removed: [],
      renamed: [{ date: '2027-01-01', kind: 'holiday', from: '节假日', to: '元旦' }],
      before: 'import',
    });
  });
});
