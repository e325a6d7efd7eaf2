import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from './business-calendar.js';
import { calendarOverview, yearDays } from './calendar-overview.js';
import type { StoredTable } from './stored-table.js';
import { arrangementOf, type HolidayTable } from './year-table.js';

const { version } = createRequire(import.meta.url)('chinese-days/package.json') as {
  version: string;
};
const cal = createBusinessCalendar();
const y2027: HolidayTable = {
  year: 2027,
  source: { title: '测试 2027' },
  holidays: [{ name: '元旦', nameEn: "New Year's Day", dates: ['2027-01-01', '2027-01-02'] }],
  workdays: [{ date: '2027-01-09', holiday: '元旦' }],
};
const stamp = {
  sha256: 'cd'.repeat(32),
  at: '2026-11-10T02:00:00.000Z',
  by: { id: 'u1', name: '王老师' },
};

describe('the calendar overview', () => {
  it('lists the package years, this year and next, with their counts', () => {
    const years = calendarOverview(cal, [], new Date('2026-06-01T12:00:00+08:00'));
    expect(years.map((y) => y.year)).toEqual(Array.from({ length: 24 }, (_, i) => 2004 + i));
    expect(years.find((y) => y.year === 2026)).toEqual({
      year: 2026,
      status: 'official',
      origin: 'package',
      source: { title: `chinese-days ${version}` },
      imported: null,
      holidayDays: 33,
      makeupDays: 6,
    });
    expect(years.at(-1)).toEqual({
      year: 2027,
      status: 'provisional',
      origin: null,
      source: null,
      imported: null,
      holidayDays: 0,
      makeupDays: 0,
    });
  });

  it('shows an imported year with its stamp, and no stamp for a year the package covers', () => {
    const withTable = cal.withTable(y2027);
    const stored: StoredTable[] = [
      { table: y2027, imported: stamp },
      { table: { ...y2027, year: 2026 }, imported: stamp },
    ];
    const years = calendarOverview(withTable, stored, new Date('2026-12-31T15:59:00Z'));
    expect(years.find((y) => y.year === 2027)).toEqual({
      year: 2027,
      status: 'official',
      origin: 'import',
      source: { title: '测试 2027' },
      imported: stamp,
      holidayDays: 2,
      makeupDays: 1,
    });
    expect(years.find((y) => y.year === 2026)?.imported).toBeNull();
    expect(years.map((y) => y.year).at(-1)).toBe(2027);
    // Without its stored row an imported year has no stamp.
    expect(
      calendarOverview(withTable, [], new Date('2026-06-01T00:00:00Z')).at(-1)?.imported,
    ).toBeNull();
  });

  it('takes this year in Beijing time, and sorts the years', () => {
    const c = createBusinessCalendar({ arrangements: new Map([[2030, arrangementOf(y2027)]]) });
    // 16:00 UTC on 31 December 2026 is 2027 in Beijing.
    expect(calendarOverview(c, [], new Date('2026-12-31T16:00:00Z')).map((y) => y.year)).toEqual([
      2027, 2028, 2030,
    ]);
    expect(calendarOverview(c, [], new Date('2026-12-31T15:59:59Z')).map((y) => y.year)).toEqual([
      2026, 2027, 2030,
    ]);
  });
});

describe('the days of a year', () => {
  it('lists every day from 1 January to 31 December with its kind', () => {
    const days = yearDays(cal, 2026);
    expect(days).toHaveLength(365);
    expect(days[0]).toEqual({
      date: '2026-01-01',
      weekday: 4,
      kind: 'holiday',
      name: { zh: '元旦', en: "New Year's Day" },
    });
    expect(days.at(-1)).toEqual({ date: '2026-12-31', weekday: 4, kind: 'work' });
    expect(days.filter((d) => d.kind === 'makeup')).toHaveLength(6);
    expect(yearDays(cal, 2028)).toHaveLength(366);
  });
});
