import { describe, expect, it } from 'vitest';
import type { CalendarYearStatus, TableProblem } from '../../api/admin';
import { diffRows, fileLines, proposedYear, yearOfTable } from './calendar-model';

const text = [
  '{',
  '  "year": 2027,',
  '  "holidays": [',
  '    1',
  '  ],',
  '  "workdays": []',
  '}',
].join('\n');
const problem = (line: number, message = '错误'): TableProblem => ({
  code: 'X',
  line,
  column: 3,
  message,
});

describe('the calendar import preview', () => {
  it('lists every line of a file without problems', () => {
    expect(fileLines(text, []).map((l) => l.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('keeps the lines with problems and one line around each, with their problems', () => {
    const lines = fileLines(text, [problem(4, '不是对象'), problem(4, '缺少 name'), problem(7)]);
    expect(lines.map((l) => l.number)).toEqual([3, 4, 5, 6, 7]);
    expect(lines.find((l) => l.number === 4)?.problems.map((p) => p.message)).toEqual([
      '不是对象',
      '缺少 name',
    ]);
    expect(lines.find((l) => l.number === 4)?.text).toBe('    1');
    expect(lines.find((l) => l.number === 5)?.problems).toEqual([]);
  });

  it('puts a problem past the end on the last line', () => {
    expect(fileLines('{"a":', [problem(9)]).map((l) => [l.number, l.problems.length])).toEqual([
      [1, 1],
    ]);
  });

  it('reads the year of a file, also of a broken one', () => {
    expect(yearOfTable(text.replace('1', '{}'))).toBe(2027);
    expect(yearOfTable('{ "year": 2028, "holidays": [ ')).toBe(2028);
    expect(yearOfTable('{"year":"2027"}')).toBeNull();
    expect(yearOfTable('nonsense')).toBeNull();
  });

  it('orders the changes by date, in Chinese', () => {
    const rows = diffRows({
      added: [{ date: '2027-10-01', kind: 'holiday', name: '国庆节' }],
      removed: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }],
      renamed: [{ date: '2027-09-26', kind: 'makeup', from: '中秋节', to: '国庆节' }],
      before: 'package',
    });
    expect(rows.map((r) => [r.date, r.change, r.kind, r.name])).toEqual([
      ['2027-01-01', '删除', '节假日', '元旦'],
      ['2027-09-26', '更名', '调休上班', '中秋节 → 国庆节'],
      ['2027-10-01', '新增', '节假日', '国庆节'],
    ]);
  });

  it('proposes the year the warning names, else the first year without an official table', () => {
    const y = (year: number, status: CalendarYearStatus['status']): CalendarYearStatus => ({
      year,
      status,
      origin: status === 'official' ? 'package' : null,
      source: null,
      imported: null,
      holidayDays: 0,
      makeupDays: 0,
    });
    expect(proposedYear([y(2026, 'official')], 2027, 2026)).toBe(2027);
    expect(proposedYear([y(2026, 'official'), y(2027, 'official')], null, 2026)).toBe(2028);
    expect(proposedYear([y(2026, 'provisional')], null, 2026)).toBe(2026);
  });
});
