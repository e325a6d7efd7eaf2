import type { JsonObject } from '@certflow/engine';
import { describe, expect, it } from 'vitest';
import { importCalendarTable } from './calendar-import.js';
import { loadBusinessCalendar } from './load-calendar.js';
import { storedTableRow } from './stored-table.js';

const text = JSON.stringify({
  year: 2027,
  source: { title: 't' },
  holidays: [{ name: '元旦', dates: ['2027-01-01'] }],
  workdays: [],
});

describe('a preview compares with the stored table or the package, never the calendar’s own import', () => {
  it('counts a year whose stored row is gone as having had no table', async () => {
    // The calendar still holds an import of 2027 that the store no longer has.
    const row = storedTableRow(
      {
        year: 2027,
        source: { title: 'old' },
        holidays: [{ name: '元旦', nameEn: 'NY', dates: ['2027-01-01'] }],
        workdays: [],
      },
      { sha256: 'ab'.repeat(32), at: '2026-11-10T02:00:00.000Z', by: { id: 'u', name: null } },
    );
    const calendar = await loadBusinessCalendar({
      reference: (_kind, key): Promise<JsonObject | undefined> =>
        Promise.resolve(key === '2027' ? row.value : undefined),
    });
    expect(calendar.arrangement(2027)?.origin).toBe('import');
    const result = await importCalendarTable(
      {
        engine: {
          reference: () => Promise.resolve(undefined),
          putReference: () => Promise.resolve({} as never),
        },
        calendar,
        deadlines: { openDeadlinesIn: () => Promise.resolve([]) },
        audit: { list: () => Promise.resolve([]) },
      },
      {
        text,
        year: 2027,
        actor: { id: 'a', name: null },
        now: new Date('2026-12-01T00:00:00Z'),
        dryRun: true,
      },
    );
    expect(result.diff).toEqual({
      added: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }],
      removed: [],
      renamed: [],
      before: 'none',
    });
  });
});
