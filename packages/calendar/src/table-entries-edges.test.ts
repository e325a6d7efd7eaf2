import { describe, expect, it } from 'vitest';
import { parseTableFile } from './table-file.js';
import type { TableProblem } from './table-problems.js';

const file = (holidays: string, workdays = '[]') =>
  `{"year":2027,"source":{"title":"t"},"holidays":${holidays},"workdays":${workdays}}`;
const codes = (text: string): string[] => {
  const r = parseTableFile(text, { year: 2027 });
  if (r.ok) throw new Error('expected problems');
  return r.problems.map((p: TableProblem) => `${p.path} ${p.code}`);
};

describe('holiday items, at the edges', () => {
  it('refuses "from" with "dates" (no "to"), and "to" with "dates"', () => {
    expect(codes(file('[{"name":"A","from":"2027-10-01","dates":["2027-10-02"]}]'))).toEqual([
      'holidays[0] HOLIDAY_DATES',
    ]);
    expect(codes(file('[{"name":"A","to":"2027-10-01","dates":["2027-10-02"]}]'))).toEqual([
      'holidays[0] HOLIDAY_DATES',
    ]);
  });

  it('does not count two blank names as one holiday twice, nor list a blank name', () => {
    const text = file(
      '[{"name":" ","dates":["2027-10-01"]},{"name":"","dates":["2027-10-02"]},{"name":"国庆节","dates":["2027-10-03"]}]',
      '[{"date":"2027-10-09","holiday":"春节"}]',
    );
    expect(codes(text)).toEqual([
      'holidays[0].name NAME_EMPTY',
      'holidays[1].name NAME_EMPTY',
      'workdays[0].holiday UNKNOWN_HOLIDAY',
    ]);
    const r = parseTableFile(text);
    expect(!r.ok && r.problems.at(-1)?.message).toBe(
      '调休所属的节假日“春节”不在本表的节假日中（国庆节）',
    );
  });
});

describe('make-up items, at the edges', () => {
  it('reports a date that is not one, or not a string, once', () => {
    expect(
      codes(
        file('[{"name":"国庆节","dates":["2027-10-01"]}]', '[{"date":"x","holiday":"国庆节"}]'),
      ),
    ).toEqual(['workdays[0].date DATE_INVALID']);
    expect(
      codes(file('[{"name":"国庆节","dates":["2027-10-01"]}]', '[{"date":9,"holiday":"国庆节"}]')),
    ).toEqual(['workdays[0].date WRONG_TYPE']);
    expect(
      codes(file('[{"name":"国庆节","dates":["2027-10-01"]}]', '[{"holiday":"国庆节"}]')),
    ).toEqual(['workdays[0].date MISSING_FIELD']);
  });
});

describe('required fields, and the path of a whole-file problem', () => {
  it('a holiday needs a name, a file its source', () => {
    expect(codes(file('[{"dates":["2027-10-01"]}]'))).toEqual(['holidays[0].name MISSING_FIELD']);
    expect(
      codes('{"year":2027,"holidays":[{"name":"元旦","dates":["2027-01-01"]}],"workdays":[]}'),
    ).toEqual(['source MISSING_FIELD']);
  });

  it('a syntax error is about the whole file: its path is empty', () => {
    const r = parseTableFile('{"year": 2027,}');
    expect(!r.ok && r.problems.map((p) => [p.code, p.path])).toEqual([
      ['JSON_SYNTAX', ''],
      ['JSON_SYNTAX', ''],
    ]);
  });
});
