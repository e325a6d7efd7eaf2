import { describe, expect, it } from 'vitest';
import { parseTableFile } from './table-file.js';
import { tableRefusal, type TableProblem } from './table-problems.js';

const lines = (...l: string[]): string => `${l.join('\n')}\n`;
const problemsOf = (text: string, year?: number): TableProblem[] => {
  const r = parseTableFile(text, year === undefined ? {} : { year });
  if (r.ok) throw new Error('expected problems');
  return [...r.problems];
};
/** A one-line file with these holidays and workdays (JSON text). */
const file = (holidays: string, workdays = '[]', year = '2027', source = '{"title":"t"}') =>
  `{"year":${year},"source":${source},"holidays":${holidays},"workdays":${workdays}}`;
const NEW_YEAR = '[{"name":"元旦","dates":["2027-01-01"]}]';
const HOLIDAY_DATES = {
  message: '节假日须写 "from" 和 "to"（起止日期）或 "dates"（日期列表），二者选一',
  messageEn: 'A holiday has either "from" and "to" (a range) or "dates" (a list): one of the two',
};

describe('the year of a table file', () => {
  it('is a whole number from 2004 to 2100', () => {
    const invalid = (y: string) => ({
      code: 'YEAR_INVALID',
      line: 1,
      column: 9,
      path: 'year',
      message: `年份 ${y} 不合法（应为 2004–2100 的整数）`,
      messageEn: `Year ${y} is not a year 2004–2100`,
    });
    expect(problemsOf(file(NEW_YEAR.replace('2027', '2003'), '[]', '2003'))).toEqual([
      invalid('2003'),
    ]);
    expect(problemsOf(file(NEW_YEAR.replace('2027', '2101'), '[]', '2101'))).toEqual([
      invalid('2101'),
    ]);
    expect(problemsOf(file(NEW_YEAR, '[]', '2027.5'))).toEqual([invalid('2027.5')]);
    for (const y of [2004, 2100]) {
      const r = parseTableFile(file(NEW_YEAR.replace('2027', String(y)), '[]', String(y)));
      expect(r.ok && r.table.year).toBe(y);
    }
  });

  it('is the year asked for', () => {
    expect(problemsOf(file(NEW_YEAR), 2028)).toEqual([
      {
        code: 'YEAR_MISMATCH',
        line: 1,
        column: 9,
        path: 'year',
        message: '文件是 2027 年的安排，不是 2028 年',
        messageEn: 'The file is for 2027, not 2028',
      },
    ]);
    // A year that is not a number: dates are not checked against any year.
    expect(problemsOf(file(NEW_YEAR, '[]', 'null'), 2027)).toEqual([
      {
        code: 'WRONG_TYPE',
        line: 1,
        column: 9,
        path: 'year',
        message: '“year”应为数字，实为null',
        messageEn: '"year" must be a number, not null',
      },
    ]);
  });

  it('is required, once', () => {
    expect(problemsOf('{"source":{"title":"t"},"holidays":[],"workdays":[]}')).toEqual([
      {
        code: 'MISSING_FIELD',
        line: 1,
        column: 1,
        path: 'year',
        message: '缺少字段“year”',
        messageEn: 'Missing field "year"',
      },
      expect.objectContaining({ code: 'EMPTY_TABLE' }),
    ]);
    expect(problemsOf(`{"year":2027,${file(NEW_YEAR).slice(1)}`)).toEqual([
      {
        code: 'DUPLICATE_FIELD',
        line: 1,
        column: 14,
        path: 'year',
        message: '字段“year”重复出现',
        messageEn: 'Field "year" appears twice',
      },
    ]);
  });

  it('dates of another year are outside it', () => {
    expect(problemsOf(file('[{"name":"元旦","dates":["2028-01-01"]}]'))).toEqual([
      {
        code: 'DATE_OUTSIDE_YEAR',
        line: 1,
        column: 71,
        path: 'holidays[0].dates[0]',
        message: '2028-01-01 不在 2027 年内',
        messageEn: '2028-01-01 is not in 2027',
      },
    ]);
  });
});

describe('the source of a table file', () => {
  it('keeps the title, number, address and date, trimmed, and drops blank ones', () => {
    const full = parseTableFile(
      file(
        NEW_YEAR,
        '[]',
        '2027',
        '{"title":"  通知  ","document":" 国办发明电〔2026〕1号 ","url":" https://www.gov.cn/x ","published":"2026-11-10"}',
      ),
    );
    expect(full.ok && full.table.source).toStrictEqual({
      title: '通知',
      document: '国办发明电〔2026〕1号',
      url: 'https://www.gov.cn/x',
      published: '2026-11-10',
    });
    const blank = parseTableFile(
      file(NEW_YEAR, '[]', '2027', '{"title":"通知","document":" ","url":""}'),
    );
    expect(blank.ok && blank.table.source).toStrictEqual({ title: '通知' });
  });

  it('refuses a source that is not an object, without a title, or with a bad date', () => {
    expect(problemsOf(file(NEW_YEAR, '[]', '2027', '"通知"'))).toEqual([
      {
        code: 'WRONG_TYPE',
        line: 1,
        column: 23,
        path: 'source',
        message: '“source”应为对象，实为字符串',
        messageEn: '"source" must be an object, not a string',
      },
    ]);
    expect(problemsOf(file(NEW_YEAR, '[]', '2027', '{"url":"u"}'))).toEqual([
      {
        code: 'MISSING_FIELD',
        line: 1,
        column: 23,
        path: 'source.title',
        message: '缺少字段“title”',
        messageEn: 'Missing field "title"',
      },
    ]);
    expect(
      problemsOf(file(NEW_YEAR, '[]', '2027', '{"title":"t","published":"2026-11-31"}')),
    ).toEqual([
      {
        code: 'DATE_INVALID',
        line: 1,
        column: 48,
        path: 'source.published',
        message: '“2026-11-31”不是日期（格式 YYYY-MM-DD）',
        messageEn: '"2026-11-31" is not a date YYYY-MM-DD',
      },
    ]);
    expect(problemsOf(file(NEW_YEAR, '[]', '2027', '{"title":true}'))).toEqual([
      {
        code: 'WRONG_TYPE',
        line: 1,
        column: 32,
        path: 'source.title',
        message: '“source.title”应为字符串，实为布尔值',
        messageEn: '"source.title" must be a string, not a boolean',
      },
    ]);
    expect(problemsOf(file(NEW_YEAR, '[]', '2027', '{"title":"  "}'))).toEqual([
      {
        code: 'NAME_EMPTY',
        line: 1,
        column: 32,
        path: 'source.title',
        message: '通知标题不能为空',
        messageEn: 'The notice title is empty',
      },
    ]);
  });
});

describe('the holidays of a table file', () => {
  it('each has a name, trimmed, and an English name (given, standard, or the name itself)', () => {
    const r = parseTableFile(
      file(
        '[{"name":" 元旦 ","nameEn":" NY ","dates":["2027-01-01"]},' +
          '{"name":"国庆节","nameEn":" ","dates":["2027-10-01"]},' +
          '{"name":"校庆","dates":["2027-05-20"]}]',
      ),
    );
    expect(r.ok && r.table.holidays).toEqual([
      { name: '元旦', nameEn: 'NY', dates: ['2027-01-01'] },
      { name: '国庆节', nameEn: 'National Day', dates: ['2027-10-01'] },
      { name: '校庆', nameEn: '校庆', dates: ['2027-05-20'] },
    ]);
  });

  it('lists its dates in order, from a range of up to 31 days or a list', () => {
    const r = parseTableFile(
      file(
        '[{"name":"A","from":"2027-01-01","to":"2027-01-31"},' +
          '{"name":"B","from":"2027-05-01","to":"2027-05-01"},' +
          '{"name":"C","dates":["2027-06-03","2027-06-01"]}]',
      ),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(
      r.table.holidays.map((h) => [h.name, h.dates.length, h.dates[0], h.dates.at(-1)]),
    ).toEqual([
      ['A', 31, '2027-01-01', '2027-01-31'],
      ['B', 1, '2027-05-01', '2027-05-01'],
      ['C', 2, '2027-06-01', '2027-06-03'],
    ]);
  });

  it('refuses a range over 31 days, reversed, or not of dates', () => {
    expect(problemsOf(file('[{"name":"B","from":"2027-03-01","to":"2027-04-01"}]'))).toEqual([
      {
        code: 'RANGE_TOO_LONG',
        line: 1,
        column: 86,
        path: 'holidays[0].to',
        message: '2027-03-01 至 2027-04-01 超过 31 天，不像一个节假日',
        messageEn: '2027-03-01 to 2027-04-01 is longer than 31 days',
      },
    ]);
    expect(problemsOf(file('[{"name":"B","from":"2027-03-02","to":"2027-03-01"}]'))).toEqual([
      {
        code: 'RANGE_REVERSED',
        line: 1,
        column: 86,
        path: 'holidays[0].to',
        message: '结束日期 2027-03-01 早于开始日期 2027-03-02',
        messageEn: 'The range ends (2027-03-01) before it starts (2027-03-02)',
      },
    ]);
    expect(problemsOf(file('[{"name":"B","from":"x","to":"2027-03-01"}]'))).toEqual([
      {
        code: 'DATE_INVALID',
        line: 1,
        column: 68,
        path: 'holidays[0].from',
        message: '“x”不是日期（格式 YYYY-MM-DD）',
        messageEn: '"x" is not a date YYYY-MM-DD',
      },
    ]);
    expect(problemsOf(file('[{"name":"B","from":"2027-03-01","to":"y"}]'))).toEqual([
      expect.objectContaining({ code: 'DATE_INVALID', path: 'holidays[0].to', column: 86 }),
    ]);
  });

  it('refuses an item that is not an object, without dates, or with both kinds', () => {
    expect(
      problemsOf(
        file(
          '[3,{"name":"元旦","from":"2027-01-01"},{"name":"春节","to":"2027-02-01"},{"name":"清明节"},' +
            '{"name":"劳动节","dates":[]},{"name":"端午节","dates":"2027-06-01"},{"name":"中秋节","dates":[5]},' +
            '{"name":"国庆节","from":"2027-10-01","to":"2027-10-02","dates":["2027-10-03"]}]',
        ),
      ),
    ).toEqual([
      {
        code: 'WRONG_TYPE',
        line: 1,
        column: 49,
        path: 'holidays[0]',
        message: '“holidays[0]”应为对象，实为数字',
        messageEn: '"holidays[0]" must be an object, not a number',
      },
      { code: 'HOLIDAY_DATES', line: 1, column: 51, path: 'holidays[1]', ...HOLIDAY_DATES },
      { code: 'HOLIDAY_DATES', line: 1, column: 85, path: 'holidays[2]', ...HOLIDAY_DATES },
      { code: 'HOLIDAY_DATES', line: 1, column: 117, path: 'holidays[3]', ...HOLIDAY_DATES },
      {
        code: 'HOLIDAY_DATES',
        line: 1,
        column: 154,
        path: 'holidays[4].dates',
        message: '日期列表为空',
        messageEn: 'The list of dates is empty',
      },
      {
        code: 'WRONG_TYPE',
        line: 1,
        column: 180,
        path: 'holidays[5].dates',
        message: '“holidays[5].dates”应为数组，实为字符串',
        messageEn: '"holidays[5].dates" must be an array, not a string',
      },
      {
        code: 'WRONG_TYPE',
        line: 1,
        column: 217,
        path: 'holidays[6].dates[0]',
        message: '“holidays[6].dates[0]”应为字符串，实为数字',
        messageEn: '"holidays[6].dates[0]" must be a string, not a number',
      },
      { code: 'HOLIDAY_DATES', line: 1, column: 221, path: 'holidays[7]', ...HOLIDAY_DATES },
    ]);
  });

  it('refuses a blank name, a name twice, a date twice, an unknown field, an empty list', () => {
    const text = lines(
      '{',
      '  "year": 2027,',
      '  "source": { "title": "t" },',
      '  "holidays": [',
      '    { "name": "元旦", "dates": ["2027-01-01"] },',
      '    { "name": " ", "dates": ["2027-01-02"] },',
      '    { "name": "元旦", "dates": ["2027-01-03"] },',
      '    { "name": "春节", "dates": ["2027-01-02"], "days": 1 }',
      '  ],',
      '  "workdays": []',
      '}',
    );
    expect(problemsOf(text)).toEqual([
      {
        code: 'NAME_EMPTY',
        line: 6,
        column: 15,
        path: 'holidays[1].name',
        message: '节假日名称不能为空',
        messageEn: 'The holiday name is empty',
      },
      {
        code: 'DUPLICATE_HOLIDAY',
        line: 7,
        column: 15,
        path: 'holidays[2].name',
        message: '节假日“元旦”已在第 5 行出现',
        messageEn: 'Holiday "元旦" already appears on line 5',
      },
      {
        code: 'UNKNOWN_FIELD',
        line: 8,
        column: 46,
        path: 'holidays[3].days',
        message: '未知字段“days”（可用：name, nameEn, from, to, dates）',
        messageEn: 'Unknown field "days" (known: name, nameEn, from, to, dates)',
      },
      {
        code: 'DUPLICATE_DATE',
        line: 8,
        column: 31,
        path: 'holidays[3].dates[0]',
        message: '2027-01-02 已在第 6 行（）列为节假日',
        messageEn: '2027-01-02 is already a holiday on line 6 ()',
      },
    ]);
    expect(problemsOf(file('[]'))).toEqual([
      {
        code: 'EMPTY_TABLE',
        line: 1,
        column: 48,
        path: 'holidays',
        message: '节假日列表为空：一年的安排至少有一个节假日',
        messageEn: 'No holidays: a year’s table has at least one',
      },
    ]);
    expect(problemsOf(file('{}', '"x"'))).toEqual([
      {
        code: 'WRONG_TYPE',
        line: 1,
        column: 48,
        path: 'holidays',
        message: '“holidays”应为数组，实为对象',
        messageEn: '"holidays" must be an array, not an object',
      },
      {
        code: 'WRONG_TYPE',
        line: 1,
        column: 62,
        path: 'workdays',
        message: '“workdays”应为数组，实为字符串',
        messageEn: '"workdays" must be an array, not a string',
      },
    ]);
  });
});

describe('the make-up working days of a table file', () => {
  const text = (workdays: string[]) =>
    lines(
      '{',
      '  "year": 2027,',
      '  "source": { "title": "t" },',
      '  "holidays": [',
      '    { "name": "国庆节", "from": "2027-10-01", "to": "2027-10-07" },',
      '    { "name": "春节", "dates": ["2027-02-06"] }',
      '  ],',
      '  "workdays": [',
      workdays.join(',\n'),
      '  ]',
      '}',
    );

  it('are weekend days of a holiday of the table, sorted', () => {
    const r = parseTableFile(
      text([
        '    { "date": "2027-10-10", "holiday": "国庆节" }',
        '    { "date": "2027-09-26", "holiday": " 国庆节 " }',
        '    { "date": "2027-01-31", "holiday": "春节" }',
      ]),
      { year: 2027 },
    );
    expect(r.ok && r.table.workdays).toEqual([
      { date: '2027-01-31', holiday: '春节' },
      { date: '2027-09-26', holiday: '国庆节' },
      { date: '2027-10-10', holiday: '国庆节' },
    ]);
  });

  it('refuses a weekday, a holiday, a day twice, an unknown or blank holiday', () => {
    const problems = problemsOf(
      text([
        '    { "date": "2027-10-09", "holiday": "国庆节" }', //  9
        '    { "date": "2027-10-11", "holiday": "国庆节" }', // 10 Monday
        '    { "date": "2027-10-13", "holiday": "国庆节" }', // 11 Wednesday
        '    { "date": "2027-10-14", "holiday": "国庆节" }', // 12 Thursday
        '    { "date": "2027-10-15", "holiday": "国庆节" }', // 13 Friday
        '    { "date": "2027-10-12", "holiday": "国庆节" }', // 14 Tuesday
        '    { "date": "2027-10-09", "holiday": "国庆节" }', // 15 again
        '    { "date": "2027-10-02", "holiday": "国庆节" }', // 16 a holiday
        '    { "date": "2027-10-16", "holiday": "元宵节" }', // 17 unknown
        '    { "date": "2027-10-17", "holiday": "  " }', //     18 blank
        '    { "date": "2027-10-23" }', //                      19 missing
        '    3', //                                             20
      ]),
      2027,
    );
    const weekday = (line: number, date: string, zh: string, en: string) => ({
      code: 'WORKDAY_NOT_WEEKEND',
      line,
      column: 15,
      path: `workdays[${line - 9}].date`,
      message: `${date} 是${zh}，调休上班日只能是周六或周日`,
      messageEn: `${date} is a ${en}: a make-up working day is a Saturday or Sunday`,
    });
    expect(problems).toEqual([
      weekday(10, '2027-10-11', '周一', 'Monday'),
      weekday(11, '2027-10-13', '周三', 'Wednesday'),
      weekday(12, '2027-10-14', '周四', 'Thursday'),
      weekday(13, '2027-10-15', '周五', 'Friday'),
      weekday(14, '2027-10-12', '周二', 'Tuesday'),
      {
        code: 'DUPLICATE_DATE',
        line: 15,
        column: 15,
        path: 'workdays[6].date',
        message: '调休上班日 2027-10-09 已在第 9 行出现',
        messageEn: 'Make-up working day 2027-10-09 already appears on line 9',
      },
      {
        code: 'HOLIDAY_AND_WORKDAY',
        line: 16,
        column: 15,
        path: 'workdays[7].date',
        message: '2027-10-02 已在第 5 行列为节假日（国庆节），不能同时是调休上班日',
        messageEn:
          '2027-10-02 is a holiday on line 5 (国庆节) and cannot also be a make-up working day',
      },
      {
        code: 'UNKNOWN_HOLIDAY',
        line: 17,
        column: 40,
        path: 'workdays[8].holiday',
        message: '调休所属的节假日“元宵节”不在本表的节假日中（国庆节、春节）',
        messageEn: '"元宵节" is not a holiday of this table (国庆节、春节)',
      },
      {
        code: 'NAME_EMPTY',
        line: 18,
        column: 40,
        path: 'workdays[9].holiday',
        message: '所属节假日不能为空',
        messageEn: 'The holiday is empty',
      },
      {
        code: 'MISSING_FIELD',
        line: 19,
        column: 5,
        path: 'workdays[10].holiday',
        message: '缺少字段“holiday”',
        messageEn: 'Missing field "holiday"',
      },
      {
        code: 'WRONG_TYPE',
        line: 20,
        column: 5,
        path: 'workdays[11]',
        message: '“workdays[11]”应为对象，实为数字',
        messageEn: '"workdays[11]" must be an object, not a number',
      },
    ]);
  });
});

describe('JSON syntax errors, in both languages', () => {
  const syntax = (text: string) =>
    problemsOf(text).map((p) => `${p.line}:${p.column} ${p.message} | ${p.messageEn}`);

  it('names each error jsonc-parser reports', () => {
    expect(syntax('{"a": @}')).toEqual([
      '1:7 JSON 语法错误：无效的符号 | JSON syntax error: InvalidSymbol',
      '1:8 JSON 语法错误：此处应为一个值 | JSON syntax error: ValueExpected',
    ]);
    expect(syntax('{1: 2}')[0]).toBe(
      '1:2 JSON 语法错误：此处应为属性名（带双引号） | JSON syntax error: PropertyNameExpected',
    );
    expect(syntax('{"a" 1}')).toEqual([
      '1:6 JSON 语法错误：此处应为冒号 : | JSON syntax error: ColonExpected',
    ]);
    expect(syntax('{"a":1 "b":2}')).toEqual([
      '1:8 JSON 语法错误：此处应为逗号 , | JSON syntax error: CommaExpected',
    ]);
    expect(syntax('{"a":1')).toEqual([
      '1:7 JSON 语法错误：缺少右花括号 } | JSON syntax error: CloseBraceExpected',
    ]);
    expect(syntax('[1')).toEqual([
      '1:3 JSON 语法错误：缺少右方括号 ] | JSON syntax error: CloseBracketExpected',
    ]);
    expect(syntax('{}\n{}')).toEqual([
      '2:1 JSON 语法错误：此处应为文件结尾 | JSON syntax error: EndOfFileExpected',
    ]);
    expect(syntax('\n\n  // x\n{}')).toEqual([
      '3:3 JSON 语法错误：JSON 不允许注释 | JSON syntax error: InvalidCommentToken',
    ]);
    expect(syntax('{"a": "abc')[0]).toBe(
      '1:7 JSON 语法错误：字符串未结束（缺少双引号） | JSON syntax error: UnexpectedEndOfString',
    );
    expect(syntax('{"a": 1e}')).toEqual([
      '1:7 JSON 语法错误：数字未结束 | JSON syntax error: UnexpectedEndOfNumber',
    ]);
    expect(syntax('{"a": "\\u12"}')).toEqual([
      '1:7 JSON 语法错误：无效的 Unicode 转义 | JSON syntax error: InvalidUnicode',
    ]);
    expect(syntax('{"a": "\\q"}')).toEqual([
      '1:7 JSON 语法错误：无效的转义字符 | JSON syntax error: InvalidEscapeCharacter',
    ]);
    expect(syntax('{"a": "a\tb"}')).toEqual([
      '1:7 JSON 语法错误：无效的字符 | JSON syntax error: InvalidCharacter',
    ]);
    expect(syntax('{"a": 1,}')[0]).toBe(
      '1:9 JSON 语法错误：此处应为属性名（带双引号） | JSON syntax error: PropertyNameExpected',
    );
  });

  it('finds the line and column of an error on any line, the first and the last', () => {
    expect(syntax('@')).toEqual([
      '1:1 JSON 语法错误：无效的符号 | JSON syntax error: InvalidSymbol',
      '1:2 JSON 语法错误：此处应为一个值 | JSON syntax error: ValueExpected',
    ]);
    expect(syntax('{\n"a":\n1\n\n,}')[0]).toMatch(/^5:2 /);
    expect(syntax('{\n"a":\n1,\n"b"\n:2\n}\n}')).toEqual([
      '7:1 JSON 语法错误：此处应为文件结尾 | JSON syntax error: EndOfFileExpected',
    ]);
    expect(problemsOf('{\n\n  "x": 1\n}')).toMatchObject([
      { code: 'UNKNOWN_FIELD', line: 3, column: 3 },
      { code: 'MISSING_FIELD', line: 1, column: 1 },
      { code: 'MISSING_FIELD', line: 1, column: 1 },
      { code: 'MISSING_FIELD', line: 1, column: 1 },
      { code: 'MISSING_FIELD', line: 1, column: 1 },
    ]);
  });

  it('says a file that is not an object is not a table', () => {
    expect(problemsOf('\n  "2027"')).toEqual([
      {
        code: 'NOT_AN_OBJECT',
        line: 2,
        column: 3,
        path: '',
        message: '文件须为一个 JSON 对象 {"year": …}',
        messageEn: 'The file must be one JSON object {"year": …}',
      },
    ]);
  });
});

describe('the refusal of a file with problems', () => {
  const problem = (
    line: number,
    column: number,
    code: TableProblem['code'] = 'DATE_INVALID',
  ): TableProblem => ({
    code,
    line,
    column,
    path: `p${line}.${column}`,
    message: `问题${line}.${column}`,
    messageEn: `problem ${line}.${column}`,
  });

  it('quotes one problem, in the singular, without a file name', () => {
    const e = tableRefusal([problem(4, 2)]);
    expect(e.code).toBe('CALENDAR_TABLE_INVALID');
    expect(e.messages).toEqual({
      zh: '节假日安排文件有 1 处错误，未导入任何内容。第 4 行：问题4.2',
      en: 'the holiday table was not imported: 1 problem. line 4: problem 4.2',
    });
    expect(e.details).toEqual({ problemCount: 1, problems: [problem(4, 2)] });
  });

  it('quotes the first three by line and column, and says how many there were', () => {
    const three = tableRefusal([problem(9, 1), problem(2, 5), problem(2, 3)], 'x.json');
    expect(three.messages).toEqual({
      zh: 'x.json：节假日安排文件有 3 处错误，未导入任何内容。第 2 行：问题2.3；第 2 行：问题2.5；第 9 行：问题9.1',
      en: 'x.json: the holiday table was not imported: 3 problems. line 2: problem 2.3; line 2: problem 2.5; line 9: problem 9.1',
    });
    const four = tableRefusal([problem(9, 1), problem(2, 5), problem(2, 3), problem(1, 8)]);
    expect(four.messages).toEqual({
      zh: '节假日安排文件有 4 处错误，未导入任何内容。第 1 行：问题1.8；第 2 行：问题2.3；第 2 行：问题2.5；等（共 4 处）',
      en: 'the holiday table was not imported: 4 problems. line 1: problem 1.8; line 2: problem 2.3; line 2: problem 2.5; … (4 in all)',
    });
    expect((four.details?.['problems'] as TableProblem[]).map((p) => p.path)).toEqual([
      'p1.8',
      'p2.3',
      'p2.5',
      'p9.1',
    ]);
  });

  it('lists up to 50 problems and counts them all', () => {
    const many = Array.from({ length: 51 }, (_, i) => problem(i + 1, 1));
    const e = tableRefusal(many);
    expect(e.details?.['problemCount']).toBe(51);
    expect(e.details?.['problems']).toEqual(many.slice(0, 50));
    expect(tableRefusal(many.slice(0, 50)).details?.['problems']).toHaveLength(50);
  });

  it('is VALIDATION_FAILED when any problem is about the form', () => {
    for (const code of [
      'JSON_SYNTAX',
      'NOT_AN_OBJECT',
      'UNKNOWN_FIELD',
      'MISSING_FIELD',
      'WRONG_TYPE',
      'DUPLICATE_FIELD',
    ] as const) {
      expect(tableRefusal([problem(1, 1), problem(2, 1, code)]).code).toBe('VALIDATION_FAILED');
    }
    expect(tableRefusal([problem(1, 1, 'EMPTY_TABLE'), problem(2, 1, 'YEAR_MISMATCH')]).code).toBe(
      'CALENDAR_TABLE_INVALID',
    );
  });
});
