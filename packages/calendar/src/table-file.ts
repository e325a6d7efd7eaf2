import type { Node } from 'jsonc-parser';
import { isIsoDate } from './beijing-time.js';
import { FileChecker } from './file-checker.js';
import { parseJsonSource, SYNTAX_ERRORS_ZH } from './json-source.js';
import { readHolidays, readWorkdays } from './table-entries.js';
import type { TableProblem } from './table-problems.js';
import {
  FIRST_TABLE_YEAR,
  LAST_TABLE_YEAR,
  type HolidayTable,
  type TableSource,
} from './year-table.js';

export type TableFileResult =
  | { readonly ok: true; readonly table: HolidayTable }
  | { readonly ok: false; readonly problems: readonly TableProblem[] };

/**
 * Parse and check a holiday table file (the JSON shape of docs/calendar.md). Every problem is
 * reported with its line: the form (JSON syntax, unknown or missing fields, wrong types,
 * duplicate keys) and the content (the year the caller expects, dates inside the year, 调休
 * days on weekends only and belonging to a holiday of the table, no day both a holiday and a
 * working day, no duplicates, at least one holiday). Nothing is returned unless all is well.
 */
export function parseTableFile(text: string, expect: { year?: number } = {}): TableFileResult {
  const src = parseJsonSource(text);
  const c = new FileChecker(src);
  for (const e of src.syntaxErrors) {
    c.problems.push({
      code: 'JSON_SYNTAX',
      ...e.at,
      path: '',
      message: `JSON 语法错误：${SYNTAX_ERRORS_ZH[e.error] ?? e.error}`,
      messageEn: `JSON syntax error: ${e.error}`,
    });
  }
  if (c.problems.length > 0) return { ok: false, problems: c.problems };
  const root = src.root;
  if (root?.type !== 'object') {
    c.report('NOT_AN_OBJECT', root, '', [
      '文件须为一个 JSON 对象 {"year": …}',
      'The file must be one JSON object {"year": …}',
    ]);
    return { ok: false, problems: c.problems };
  }
  const top = c.object(root, '', {
    year: 'required',
    source: 'required',
    holidays: 'required',
    workdays: 'required',
  });

  const yearNode = c.typed(top.get('year'), 'number', 'year');
  const y = typeof yearNode?.value === 'number' ? yearNode.value : undefined;
  if (y !== undefined && (!Number.isInteger(y) || y < FIRST_TABLE_YEAR || y > LAST_TABLE_YEAR)) {
    c.report('YEAR_INVALID', yearNode, 'year', [
      `年份 ${y} 不合法（应为 ${FIRST_TABLE_YEAR}–${LAST_TABLE_YEAR} 的整数）`,
      `Year ${y} is not a year ${FIRST_TABLE_YEAR}–${LAST_TABLE_YEAR}`,
    ]);
  } else if (y !== undefined && expect.year !== undefined && y !== expect.year) {
    c.report('YEAR_MISMATCH', yearNode, 'year', [
      `文件是 ${y} 年的安排，不是 ${expect.year} 年`,
      `The file is for ${y}, not ${expect.year}`,
    ]);
  } else c.year = y;

  const source = readSource(c, top.get('source'));
  const { holidays, index } = readHolidays(c, top.get('holidays'));
  const workdays = readWorkdays(c, top.get('workdays'), index);
  if (c.problems.length > 0 || c.year === undefined || !source) {
    return { ok: false, problems: c.problems };
  }
  return { ok: true, table: { year: c.year, source, holidays, workdays } };
}

/** `source`: the notice's title (required), number, address and publication date. */
function readSource(c: FileChecker, node: Node | undefined): TableSource | undefined {
  const sourceNode = c.typed(node, 'object', 'source');
  if (!sourceNode) return undefined;
  const s = c.object(sourceNode, 'source', {
    title: 'required',
    document: 'optional',
    url: 'optional',
    published: 'optional',
  });
  const title = c.name(s.get('title'), 'source.title', ['通知标题', 'The notice title']);
  const document = c.string(s.get('document'), 'source.document')?.trim();
  const url = c.string(s.get('url'), 'source.url')?.trim();
  const published = c.string(s.get('published'), 'source.published');
  if (published !== undefined && !isIsoDate(published)) {
    c.report('DATE_INVALID', s.get('published'), 'source.published', [
      `“${published}”不是日期（格式 YYYY-MM-DD）`,
      `"${published}" is not a date YYYY-MM-DD`,
    ]);
  }
  if (!title) return undefined;
  return {
    title,
    ...(document ? { document } : {}),
    ...(url ? { url } : {}),
    ...(published && isIsoDate(published) ? { published } : {}),
  };
}
