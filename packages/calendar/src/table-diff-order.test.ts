import { describe, expect, it } from 'vitest';
import { diffArrangements } from './table-diff.js';
import { arrangementOf, type HolidayTable } from './year-table.js';

const arrangement = (holidays: HolidayTable['holidays'], workdays: HolidayTable['workdays'] = []) =>
  arrangementOf({ year: 2027, source: { title: 't' }, holidays, workdays });

describe('the days an import changes, in date order', () => {
  it('sorts removed and renamed days by date, whatever order the tables list them in', () => {
    const before = arrangement(
      [
        { name: '国庆节', nameEn: 'National Day', dates: ['2027-10-05', '2027-10-06'] },
        { name: '元旦', nameEn: "New Year's Day", dates: ['2027-01-01', '2027-01-02'] },
      ],
      [{ date: '2027-09-26', holiday: '国庆节' }],
    );
    const after = arrangement([
      { name: '国庆', nameEn: 'National Day', dates: ['2027-10-06'] },
      { name: '新年', nameEn: "New Year's Day", dates: ['2027-01-02'] },
    ]);
    const diff = diffArrangements(before, after);
    expect(diff.removed.map((c) => c.date)).toEqual(['2027-01-01', '2027-09-26', '2027-10-05']);
    expect(diff.renamed.map((c) => c.date)).toEqual(['2027-01-02', '2027-10-06']);
    expect(diff.added).toEqual([]);
  });
});
