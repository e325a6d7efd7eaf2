import { describe, expect, it } from 'vitest';
import { changesDays, diffArrangements } from './table-diff.js';
import {
  arrangementOf,
  STANDARD_HOLIDAY_NAMES,
  tableOf,
  type HolidayTable,
  type YearArrangement,
} from './year-table.js';

const table = (
  holidays: HolidayTable['holidays'],
  workdays: HolidayTable['workdays'] = [],
): HolidayTable => ({ year: 2027, source: { title: '测试' }, holidays, workdays });

describe('the arrangement of a table and back', () => {
  it('looks a date up by holiday, and a make-up day by the holiday it belongs to', () => {
    const a = arrangementOf(
      table(
        [
          { name: '国庆节', nameEn: 'National Day', dates: ['2027-10-01', '2027-10-02'] },
          { name: '元旦', nameEn: "New Year's Day", dates: ['2027-01-01'] },
        ],
        [
          { date: '2027-10-09', holiday: '国庆节' },
          { date: '2027-09-26', holiday: '校庆' },
        ],
      ),
    );
    expect(a.origin).toBe('import');
    expect(a.year).toBe(2027);
    expect(a.source).toEqual({ title: '测试' });
    expect([...a.holidays]).toEqual([
      ['2027-10-01', { zh: '国庆节', en: 'National Day' }],
      ['2027-10-02', { zh: '国庆节', en: 'National Day' }],
      ['2027-01-01', { zh: '元旦', en: "New Year's Day" }],
    ]);
    // A make-up day of a holiday the table does not name keeps the name in both languages.
    expect([...a.workdays]).toEqual([
      ['2027-10-09', { zh: '国庆节', en: 'National Day' }],
      ['2027-09-26', { zh: '校庆', en: '校庆' }],
    ]);
    expect(arrangementOf(table([]), 'package').origin).toBe('package');
  });

  it('gives the table of an arrangement: holidays by name in date order, make-up days sorted', () => {
    const a: YearArrangement = {
      year: 2027,
      origin: 'package',
      source: { title: 'chinese-days' },
      holidays: new Map([
        ['2027-10-02', { zh: '国庆节', en: 'National Day' }],
        ['2027-01-01', { zh: '元旦', en: "New Year's Day" }],
        ['2027-10-01', { zh: '国庆节', en: 'National Day' }],
      ]),
      workdays: new Map([
        ['2027-10-09', { zh: '国庆节', en: 'National Day' }],
        ['2027-09-26', { zh: '国庆节', en: 'National Day' }],
      ]),
    };
    expect(tableOf(a)).toEqual({
      year: 2027,
      source: { title: 'chinese-days' },
      holidays: [
        { name: '元旦', nameEn: "New Year's Day", dates: ['2027-01-01'] },
        { name: '国庆节', nameEn: 'National Day', dates: ['2027-10-01', '2027-10-02'] },
      ],
      workdays: [
        { date: '2027-09-26', holiday: '国庆节' },
        { date: '2027-10-09', holiday: '国庆节' },
      ],
    });
  });

  it('knows the English names of the statutory holidays', () => {
    expect(STANDARD_HOLIDAY_NAMES).toEqual({
      元旦: "New Year's Day",
      春节: 'Spring Festival',
      清明节: 'Qingming Festival',
      劳动节: 'Labour Day',
      端午节: 'Dragon Boat Festival',
      中秋节: 'Mid-Autumn Festival',
      国庆节: 'National Day',
    });
  });
});

describe('what an import changes', () => {
  const before = arrangementOf(
    table(
      [
        {
          name: '国庆节',
          nameEn: 'National Day',
          dates: ['2027-10-01', '2027-10-02', '2027-10-03'],
        },
        { name: '中秋节', nameEn: 'Mid-Autumn Festival', dates: ['2027-09-15'] },
      ],
      [{ date: '2027-10-09', holiday: '国庆节' }],
    ),
  );

  it('from no table: every day is added', () => {
    expect(diffArrangements(undefined, before)).toEqual({
      added: [
        { date: '2027-09-15', kind: 'holiday', name: '中秋节' },
        { date: '2027-10-01', kind: 'holiday', name: '国庆节' },
        { date: '2027-10-02', kind: 'holiday', name: '国庆节' },
        { date: '2027-10-03', kind: 'holiday', name: '国庆节' },
        { date: '2027-10-09', kind: 'makeup', name: '国庆节' },
      ],
      removed: [],
      renamed: [],
      before: 'none',
    });
  });

  it('days added, removed, renamed and changed in kind, each sorted by date', () => {
    const after = arrangementOf(
      table(
        [
          { name: '国庆节', nameEn: 'National Day', dates: ['2027-10-02', '2027-10-04'] },
          { name: '教师节', nameEn: "Teachers' Day", dates: ['2027-09-15', '2027-10-01'] },
          { name: '元旦', nameEn: "New Year's Day", dates: ['2027-01-01'] },
        ],
        [
          { date: '2027-10-10', holiday: '国庆节' },
          { date: '2027-10-03', holiday: '国庆节' },
          { date: '2027-09-26', holiday: '国庆节' },
        ],
      ),
    );
    expect(diffArrangements(before, after)).toEqual({
      added: [
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-09-26', kind: 'makeup', name: '国庆节' },
        { date: '2027-10-03', kind: 'makeup', name: '国庆节' },
        { date: '2027-10-04', kind: 'holiday', name: '国庆节' },
        { date: '2027-10-10', kind: 'makeup', name: '国庆节' },
      ],
      removed: [
        { date: '2027-10-03', kind: 'holiday', name: '国庆节' },
        { date: '2027-10-09', kind: 'makeup', name: '国庆节' },
      ],
      renamed: [
        { date: '2027-09-15', kind: 'holiday', from: '中秋节', to: '教师节' },
        { date: '2027-10-01', kind: 'holiday', from: '国庆节', to: '教师节' },
      ],
      before: 'import',
    });
  });

  it('names where the year was counted from before, and whether days changed', () => {
    const packaged: YearArrangement = { ...before, origin: 'package' };
    const same = diffArrangements(packaged, before);
    expect(same).toEqual({ added: [], removed: [], renamed: [], before: 'package' });
    expect(changesDays(same)).toBe(false);
    const renamedOnly = diffArrangements(
      before,
      arrangementOf(
        table(
          [
            {
              name: '国庆',
              nameEn: 'National Day',
              dates: ['2027-10-01', '2027-10-02', '2027-10-03'],
            },
            { name: '中秋节', nameEn: 'Mid-Autumn Festival', dates: ['2027-09-15'] },
          ],
          [{ date: '2027-10-09', holiday: '国庆' }],
        ),
      ),
    );
    expect(renamedOnly.renamed).toHaveLength(4);
    expect(changesDays(renamedOnly)).toBe(false);
    expect(
      changesDays({ ...same, added: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }] }),
    ).toBe(true);
    expect(
      changesDays({ ...same, removed: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }] }),
    ).toBe(true);
  });
});
