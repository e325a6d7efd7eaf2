import type { JsonObject } from '@certflow/engine';
import { describe, expect, it } from 'vitest';
import { CALENDAR_REFERENCE_KIND, parseStoredTable, storedTableRow } from './stored-table.js';
import type { HolidayTable } from './year-table.js';

const table: HolidayTable = {
  year: 2027,
  source: {
    title: '通知',
    document: '国办发明电〔2026〕1号',
    url: 'https://www.gov.cn/x',
    published: '2026-11-10',
  },
  holidays: [
    { name: '元旦', nameEn: "New Year's Day", dates: ['2027-01-01', '2027-01-02'] },
    { name: '国庆节', nameEn: 'National Day', dates: ['2027-10-01'] },
  ],
  workdays: [{ date: '2027-10-09', holiday: '国庆节' }],
};
const stamp = {
  sha256: 'ab'.repeat(32),
  at: '2026-11-10T02:00:00.000Z',
  by: { id: 'u1', name: null },
};
const row = storedTableRow(table, stamp);
/** The stored value with `change` applied to a copy. */
const edited = (change: (v: Record<string, unknown>) => void): unknown => {
  const v = structuredClone(row.value) as Record<string, unknown>;
  change(v);
  return v;
};

describe('the stored row of a table', () => {
  it('is kind calendar, key the year, the table and who imported it', () => {
    expect(CALENDAR_REFERENCE_KIND).toBe('calendar');
    expect(row).toEqual({
      kind: 'calendar',
      key: '2027',
      value: {
        year: 2027,
        source: table.source,
        holidays: table.holidays,
        workdays: table.workdays,
        imported: stamp,
      },
    });
    // A copy: the row does not share arrays with the table.
    expect((row.value['holidays'] as JsonObject[])[0]?.['dates']).not.toBe(
      table.holidays[0]?.dates,
    );
  });

  it('reads back as the table and its stamp', () => {
    expect(parseStoredTable(row.value)).toEqual({ table, imported: stamp });
    const withoutStamp = edited((v) => delete v['imported']);
    expect(parseStoredTable(withoutStamp)).toEqual({ table, imported: null });
    expect(parseStoredTable(edited((v) => (v['imported'] = null)))?.imported).toBeNull();
    const bare = edited((v) => (v['source'] = { title: 't' }));
    expect(parseStoredTable(bare)?.table.source).toEqual({ title: 't' });
  });

  it('is not a table when a field is wrong', () => {
    const refused: [string, (v: Record<string, unknown>) => void][] = [
      ['year 2003', (v) => (v['year'] = 2003)],
      ['year 2101', (v) => (v['year'] = 2101)],
      ['year 2027.5', (v) => (v['year'] = 2027.5)],
      ['blank title', (v) => (v['source'] = { title: '' })],
      ['bad published', (v) => (v['source'] = { title: 't', published: '2026-02-30' })],
      ['no holidays', (v) => (v['holidays'] = [])],
      [
        'blank holiday name',
        (v) => (v['holidays'] = [{ name: '', nameEn: '', dates: ['2027-01-01'] }]),
      ],
      [
        'a holiday date not a date',
        (v) => (v['holidays'] = [{ name: 'a', nameEn: '', dates: ['2027-1-1'] }]),
      ],
      [
        'a holiday of another year',
        (v) => (v['holidays'] = [{ name: 'a', nameEn: '', dates: ['2028-01-01'] }]),
      ],
      [
        'a make-up day of another year',
        (v) => (v['workdays'] = [{ date: '2026-10-10', holiday: 'a' }]),
      ],
      ['a make-up day not a date', (v) => (v['workdays'] = [{ date: 'x', holiday: 'a' }])],
      [
        'one holiday of another year among others',
        (v) =>
          (v['holidays'] = [
            { name: 'a', nameEn: '', dates: ['2027-01-01'] },
            { name: 'b', nameEn: '', dates: ['2028-01-01'] },
          ]),
      ],
      [
        'one date of another year among others',
        (v) => (v['holidays'] = [{ name: 'a', nameEn: '', dates: ['2027-01-01', '2028-01-01'] }]),
      ],
      [
        'one make-up day of another year among others',
        (v) =>
          (v['workdays'] = [
            { date: '2027-10-09', holiday: 'a' },
            { date: '2026-10-10', holiday: 'a' },
          ]),
      ],
      ['a stamp without a hash', (v) => (v['imported'] = { at: 'x', by: { id: 'u', name: null } })],
    ];
    for (const [what, change] of refused) {
      expect({ what, parsed: parseStoredTable(edited(change)) }).toEqual({
        what,
        parsed: undefined,
      });
    }
    expect(parseStoredTable(null)).toBeUndefined();
    expect(parseStoredTable('2027')).toBeUndefined();
  });

  it('reads a row of the first format as one unnamed holiday, sorted', () => {
    expect(
      parseStoredTable({
        year: 2028,
        holidays: ['2028-01-04', '2028-01-03'],
        workdays: ['2028-01-09', '2028-01-08'],
      }),
    ).toEqual({
      table: {
        year: 2028,
        source: { title: '管理员录入的节假日安排 (entered by an administrator)' },
        holidays: [{ name: '节假日', nameEn: 'Holiday', dates: ['2028-01-03', '2028-01-04'] }],
        workdays: [
          { date: '2028-01-08', holiday: '节假日' },
          { date: '2028-01-09', holiday: '节假日' },
        ],
      },
      imported: null,
    });
    // One date of another year among the year's is enough to refuse the row.
    expect(
      parseStoredTable({ year: 2028, holidays: ['2028-01-03', '2029-01-01'], workdays: [] }),
    ).toBeUndefined();
    expect(
      parseStoredTable({
        year: 2028,
        holidays: ['2028-01-03'],
        workdays: ['2028-01-08', '2027-01-08'],
      }),
    ).toBeUndefined();
    // Strict: another field, a date of another year, a make-up day of another year, not a year.
    expect(parseStoredTable({ year: 2028, holidays: [], workdays: [], note: 'x' })).toBeUndefined();
    expect(
      parseStoredTable({ year: 2028, holidays: ['2029-01-01'], workdays: [] }),
    ).toBeUndefined();
    expect(
      parseStoredTable({ year: 2028, holidays: [], workdays: ['2027-12-31'] }),
    ).toBeUndefined();
    expect(parseStoredTable({ year: 2028.5, holidays: [], workdays: [] })).toBeUndefined();
    expect(parseStoredTable({ year: 2028, holidays: ['2028-1-3'], workdays: [] })).toBeUndefined();
    expect(parseStoredTable({ year: 2028, holidays: [], workdays: [] })?.table.holidays).toEqual([
      { name: '节假日', nameEn: 'Holiday', dates: [] },
    ]);
  });
});
