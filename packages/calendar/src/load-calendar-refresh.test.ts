import { InfrastructureError, type JsonObject } from '@certflow/engine';
import { describe, expect, it } from 'vitest';
import { loadBusinessCalendar, loadStoredTables, RefreshableCalendar } from './load-calendar.js';
import { storedTableRow } from './stored-table.js';
import type { HolidayTable } from './year-table.js';

const tableOf = (year: number): HolidayTable => ({
  year,
  source: { title: `测试 ${year}` },
  holidays: [{ name: '元旦', nameEn: "New Year's Day", dates: [`${year}-01-01`] }],
  workdays: [],
});
const stamp = {
  sha256: 'ef'.repeat(32),
  at: '2026-11-10T02:00:00.000Z',
  by: { id: 'u1', name: null },
};

/** A reference source over a map of `kind/key` → value, recording what it is asked. */
function source(rows: Record<string, JsonObject>) {
  const asked: string[] = [];
  return {
    asked,
    reference: (kind: string, key: string): Promise<JsonObject | undefined> => {
      asked.push(`${kind}/${key}`);
      return Promise.resolve(rows[`${kind}/${key}`]);
    },
  };
}

describe('loading the stored tables', () => {
  it('asks for every year from 2004 to 2100 by default', async () => {
    const s = source({});
    expect(await loadStoredTables(s)).toEqual([]);
    expect(s.asked).toHaveLength(97);
    expect(s.asked[0]).toBe('calendar/2004');
    expect(s.asked.at(-1)).toBe('calendar/2100');
  });

  it('asks for the years of its options, both ends included, and none for an empty range', async () => {
    const s = source({ 'calendar/2028': storedTableRow(tableOf(2028), stamp).value });
    expect(await loadStoredTables(s, { fromYear: 2027, toYear: 2029 })).toEqual([
      { table: tableOf(2028), imported: stamp },
    ]);
    expect(s.asked).toEqual(['calendar/2027', 'calendar/2028', 'calendar/2029']);
    const one = source({});
    await loadStoredTables(one, { fromYear: 2028, toYear: 2028 });
    expect(one.asked).toEqual(['calendar/2028']);
    const none = source({});
    await loadStoredTables(none, { fromYear: 2029, toYear: 2028 });
    expect(none.asked).toEqual([]);
    const tail = source({});
    await loadStoredTables(tail, { fromYear: 2099 });
    expect(tail.asked).toEqual(['calendar/2099', 'calendar/2100']);
    const head = source({});
    await loadStoredTables(head, { toYear: 2005 });
    expect(head.asked).toEqual(['calendar/2004', 'calendar/2005']);
  });

  it('stops at a row that is not a table of its year, naming it', async () => {
    const bad = source({ 'calendar/2028': { year: 2028 } });
    const error = await loadStoredTables(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InfrastructureError);
    expect(error).toMatchObject({
      code: 'CALENDAR_TABLE_CORRUPT',
      retryable: false,
      message: 'reference data calendar/2028 is not a valid holiday table of that year',
    });
    const moved = source({ 'calendar/2029': storedTableRow(tableOf(2028), stamp).value });
    await expect(loadStoredTables(moved)).rejects.toThrow(
      'reference data calendar/2029 is not a valid holiday table of that year',
    );
  });
});

describe('a refreshable calendar', () => {
  it('answers from its options before the first refresh, and from its tables after', async () => {
    const s = source({ 'calendar/2027': storedTableRow(tableOf(2027), stamp).value });
    const calendar = new RefreshableCalendar(s, {
      workdayStart: '08:00',
      workdayEnd: '17:00',
      toYear: 2030,
    });
    expect(calendar.stored()).toEqual([]);
    expect(calendar.settings).toMatchObject({ workdayStart: '08:00', workdayEnd: '17:00' });
    expect(calendar.isCovered(2027)).toBe(false);
    expect(await calendar.refresh()).toEqual([{ table: tableOf(2027), imported: stamp }]);
    expect(s.asked.at(-1)).toBe('calendar/2030');
    expect(calendar.isCovered(2027)).toBe(true);
    expect(calendar.coveredYears().at(-1)).toBe(2027);
    expect(calendar.arrangement(2027)?.source.title).toBe('测试 2027');
    expect(calendar.day('2027-01-01')).toMatchObject({ kind: 'holiday', name: { zh: '元旦' } });
    expect(calendar.isWorkingDay('2027-01-01')).toBe(false);
    const from = new Date('2026-12-31T10:00:00+08:00');
    expect(calendar.deadline(from, { workingDays: 1 }).at).toEqual(
      new Date('2027-01-04T17:00:00+08:00'),
    );
    expect(calendar.reminder(from, { workingDays: 1 }).at).toEqual(
      new Date('2027-01-05T08:00:00+08:00'),
    );
    expect(calendar.settings.endMs).toBe(17 * 3_600_000);
    // withTable: the current calendar with one more table, the refreshable one left alone.
    const next = calendar.withTable(tableOf(2028));
    expect(next.isCovered(2028)).toBe(true);
    expect(next.isCovered(2027)).toBe(true);
    expect(next.settings.workdayStart).toBe('08:00');
    expect(calendar.isCovered(2028)).toBe(false);
  });

  it('is loaded once at start', async () => {
    const s = source({ 'calendar/2027': storedTableRow(tableOf(2027), stamp).value });
    const calendar = await loadBusinessCalendar(s, { fromYear: 2027, toYear: 2027 });
    expect(s.asked).toEqual(['calendar/2027']);
    expect(calendar.stored()).toHaveLength(1);
    expect(calendar.isCovered(2027)).toBe(true);
  });
});
