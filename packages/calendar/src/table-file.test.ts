import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTableFile } from './table-file.js';
import { tableRefusal, type TableProblem } from './table-problems.js';

const example = readFileSync(new URL('../examples/2027.example.json', import.meta.url), 'utf8');
const lines = (...l: string[]): string => `${l.join('\n')}\n`;
const problemsOf = (text: string, year?: number): TableProblem[] => {
  const r = parseTableFile(text, year === undefined ? {} : { year });
  if (r.ok) throw new Error('expected problems');
  return [...r.problems];
};
const brief = (ps: TableProblem[]) => ps.map((p) => `${p.line}:${p.code}`).sort();

describe('a holiday table file', () => {
  it('the documented example for 2027 is a valid table', () => {
    const r = parseTableFile(example, { year: 2027 });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.table.year).toBe(2027);
    expect(r.table.source.title).toContain('示例');
    expect(r.table.holidays.map((h) => [h.name, h.dates.length])).toEqual([
      ['元旦', 3],
      ['春节', 9],
      ['清明节', 3],
      ['劳动节', 5],
      ['端午节', 1],
      ['中秋节', 1],
      ['国庆节', 7],
    ]);
    expect(r.table.workdays).toContainEqual({ date: '2027-10-09', holiday: '国庆节' });
  });

  it('gives a holiday without nameEn its standard English name', () => {
    const r = parseTableFile(
      '{"year":2027,"source":{"title":"t"},"holidays":[{"name":"国庆节","dates":["2027-10-01"]}],"workdays":[]}',
    );
    expect(r.ok && r.table.holidays[0]?.nameEn).toBe('National Day');
  });

  it('is refused whole for its content, each problem at its line', () => {
    const text = lines(
      '{', //                                                                         1
      '  "year": 2027,', //                                                            2
      '  "source": { "title": "国务院办公厅关于2027年部分节假日安排的通知" },', //     3
      '  "holidays": [', //                                                            4
      '    { "name": "元旦", "from": "2027-01-01", "to": "2027-01-03" },', //         5
      '    { "name": "春节", "from": "2027-02-13", "to": "2027-02-05" },', //         6
      '    { "name": "国庆节", "dates": ["2027-10-01", "2028-10-02", "2027-02-30"] },', // 7
      '    { "name": "中秋节", "dates": ["2027-01-02"] },', //                         8
      '    { "name": "元旦", "dates": ["2027-12-31"] },', //                           9
      '    { "name": "劳动节", "from": "2027-05-01", "to": "2027-05-05", "dates": [] },', // 10
      '    { "name": "暑假", "from": "2027-07-01", "to": "2027-08-31" }', //          11
      '  ],', //                                                                       12
      '  "workdays": [', //                                                            13
      '    { "date": "2027-10-01", "holiday": "国庆节" },', //                          14
      '    { "date": "2027-10-11", "holiday": "国庆节" },', //                          15
      '    { "date": "2027-10-09", "holiday": "重阳节" },', //                          16
      '    { "date": "2027-09-26", "holiday": "国庆节" },', //                          17
      '    { "date": "2027-09-26", "holiday": "国庆节" }', //                           18
      '  ]', //                                                                        19
      '}',
    );
    const problems = problemsOf(text, 2027);
    expect(brief(problems)).toEqual(
      [
        '6:RANGE_REVERSED',
        '7:DATE_OUTSIDE_YEAR',
        '7:DATE_INVALID',
        '8:DUPLICATE_DATE',
        '9:DUPLICATE_HOLIDAY',
        '10:HOLIDAY_DATES',
        '11:RANGE_TOO_LONG',
        '14:HOLIDAY_AND_WORKDAY',
        '15:WORKDAY_NOT_WEEKEND',
        '16:UNKNOWN_HOLIDAY',
        '18:DUPLICATE_DATE',
      ].sort(),
    );
    const clash = problems.find((p) => p.code === 'HOLIDAY_AND_WORKDAY');
    expect(clash).toMatchObject({ path: 'workdays[0].date', column: 15 });
    expect(clash?.message).toBe('2027-10-01 已在第 7 行列为节假日（国庆节），不能同时是调休上班日');
    expect(problems.find((p) => p.code === 'WORKDAY_NOT_WEEKEND')?.message).toBe(
      '2027-10-11 是周一，调休上班日只能是周六或周日',
    );
    expect(problems.find((p) => p.line === 8)?.message).toBe(
      '2027-01-02 已在第 5 行（元旦）列为节假日',
    );

    const refusal = tableRefusal(problems, '2027.json');
    expect(refusal.code).toBe('CALENDAR_TABLE_INVALID');
    expect(refusal.messages.zh).toMatch(
      /^2027\.json：节假日安排文件有 11 处错误，未导入任何内容。第 6 行：结束日期 2027-02-05 早于开始日期 2027-02-13；第 7 行：/,
    );
    expect(refusal.messages.en).toMatch(
      /^2027\.json: the holiday table was not imported: 11 problems\. line 6: /,
    );
    expect(refusal.details?.['problemCount']).toBe(11);
  });

  it('is refused as malformed for its form, naming the line', () => {
    const syntax = problemsOf(lines('{', '  "year": 2027', '  "source": {}', '}'));
    expect(brief(syntax)).toEqual(['3:JSON_SYNTAX']);
    expect(syntax[0]?.message).toBe('JSON 语法错误：此处应为逗号 ,');
    expect(tableRefusal(syntax).code).toBe('VALIDATION_FAILED');
    expect(brief(problemsOf(lines('{', '  // 2027', '  "year": 2027', '}')))).toEqual([
      '2:JSON_SYNTAX',
    ]);

    const form = problemsOf(
      lines(
        '{',
        '  "year": "2027",',
        '  "source": { "title": "通知", "title": "again" },',
        '  "holiday": [],',
        '  "workdays": {}',
        '}',
      ),
    );
    expect(brief(form)).toEqual(
      [
        '1:MISSING_FIELD',
        '2:WRONG_TYPE',
        '3:DUPLICATE_FIELD',
        '4:UNKNOWN_FIELD',
        '5:WRONG_TYPE',
      ].sort(),
    );
    expect(form.find((p) => p.code === 'UNKNOWN_FIELD')?.message).toBe(
      '未知字段“holiday”（可用：year, source, holidays, workdays）',
    );
    expect(tableRefusal(form).code).toBe('VALIDATION_FAILED');
    expect(brief(problemsOf('[2027]'))).toEqual(['1:NOT_AN_OBJECT']);
    expect(brief(problemsOf(''))).toEqual(['1:JSON_SYNTAX']);
  });

  it('refuses an empty table, another year, and a blank title', () => {
    const empty = problemsOf(
      '{"year":2027,"source":{"title":" "},"holidays":[],"workdays":[]}',
      2027,
    );
    expect(brief(empty)).toEqual(['1:EMPTY_TABLE', '1:NAME_EMPTY']);
    expect(brief(problemsOf(example, 2028))).toEqual(['2:YEAR_MISMATCH']);
    expect(brief(problemsOf(example.replace('"year": 2027', '"year": 1999')))).toEqual([
      '2:YEAR_INVALID',
    ]);
  });
});
