import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from './business-calendar.js';
import { calendarOverview } from './calendar-overview.js';
import type { StoredTable } from './stored-table.js';
import type { HolidayTable } from './year-table.js';

const table = (year: number): HolidayTable => ({
  year,
  source: { title: `t${year}` },
  holidays: [{ name: '元旦', nameEn: "New Year's Day", dates: [`${year}-01-01`] }],
  workdays: [],
});
const stamp = (sha: string) => ({
  sha256: sha,
  at: '2026-11-10T02:00:00.000Z',
  by: { id: 'u', name: null },
});

describe('the overview’s import stamps', () => {
  it('gives each imported year the stamp of its own stored row', () => {
    const stored: StoredTable[] = [
      { table: table(2028), imported: stamp('b') },
      { table: table(2027), imported: stamp('a') },
    ];
    const cal = createBusinessCalendar({ tables: [table(2027), table(2028)] });
    const years = calendarOverview(cal, stored, new Date('2026-06-01T00:00:00Z'));
    expect(years.find((y) => y.year === 2027)?.imported?.sha256).toBe('a');
    expect(years.find((y) => y.year === 2028)?.imported?.sha256).toBe('b');
  });
});
