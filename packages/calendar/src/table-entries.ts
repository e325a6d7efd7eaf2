import type { Node } from 'jsonc-parser';
import { addDays, weekday } from './beijing-time.js';
import { zhWeekday } from './date-labels.js';
import type { FileChecker } from './file-checker.js';
import { elementsOf } from './json-source.js';
import { STANDARD_HOLIDAY_NAMES, type HolidayTable } from './year-table.js';

/** A holiday longer than this is a typo (春节 is 8–9 days). */
const LONGEST_HOLIDAY = 31;
const EN_WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

type Holidays = HolidayTable['holidays'][number][];

/** The holidays read so far: every date's line and holiday, every name's line. */
export interface HolidayIndex {
  readonly dates: Map<string, { readonly line: number; readonly holiday: string }>;
  readonly names: Map<string, number>;
}

/** The dates a holiday item gives (`from`/`to` expanded, or `dates`), each with its node. */
function datesOf(c: FileChecker, f: Map<string, Node>, h: Node, path: string) {
  const out: { date: string; node: Node; path: string }[] = [];
  const range = f.has('from') || f.has('to');
  if (range === f.has('dates') || (range && !(f.has('from') && f.has('to')))) {
    c.report('HOLIDAY_DATES', h, path, [
      '节假日须写 "from" 和 "to"（起止日期）或 "dates"（日期列表），二者选一',
      'A holiday has either "from" and "to" (a range) or "dates" (a list): one of the two',
    ]);
    return out;
  }
  if (range) {
    const fromNode = f.get('from') as Node;
    const from = c.date(fromNode, `${path}.from`);
    const to = c.date(f.get('to'), `${path}.to`);
    if (!from || !to) return out;
    if (to < from) {
      c.report('RANGE_REVERSED', f.get('to'), `${path}.to`, [
        `结束日期 ${to} 早于开始日期 ${from}`,
        `The range ends (${to}) before it starts (${from})`,
      ]);
      return out;
    }
    for (let d = from; d <= to; d = addDays(d, 1)) {
      if (out.length === LONGEST_HOLIDAY) {
        c.report('RANGE_TOO_LONG', f.get('to'), `${path}.to`, [
          `${from} 至 ${to} 超过 ${LONGEST_HOLIDAY} 天，不像一个节假日`,
          `${from} to ${to} is longer than ${LONGEST_HOLIDAY} days`,
        ]);
        return [];
      }
      out.push({ date: d, node: fromNode, path: `${path}.from` });
    }
    return out;
  }
  const list = c.typed(f.get('dates'), 'array', `${path}.dates`);
  if (list && elementsOf(list).length === 0) {
    c.report('HOLIDAY_DATES', list, `${path}.dates`, [
      '日期列表为空',
      'The list of dates is empty',
    ]);
  }
  (list ? elementsOf(list) : []).forEach((n, j) => {
    const d = c.date(n, `${path}.dates[${j}]`);
    if (d) out.push({ date: d, node: n, path: `${path}.dates[${j}]` });
  });
  return out;
}

/** `holidays`: named holidays, each with a range or a list of dates, no date twice. */
export function readHolidays(
  c: FileChecker,
  node: Node | undefined,
): { holidays: Holidays; index: HolidayIndex } {
  const holidays: Holidays = [];
  const index: HolidayIndex = { dates: new Map(), names: new Map() };
  const list = c.typed(node, 'array', 'holidays');
  if (list && elementsOf(list).length === 0) {
    c.report('EMPTY_TABLE', list, 'holidays', [
      '节假日列表为空：一年的安排至少有一个节假日',
      'No holidays: a year’s table has at least one',
    ]);
  }
  (list ? elementsOf(list) : []).forEach((item, i) => {
    const path = `holidays[${i}]`;
    const h = c.typed(item, 'object', path);
    if (!h) return;
    const f = c.object(h, path, {
      name: 'required',
      nameEn: 'optional',
      from: 'optional',
      to: 'optional',
      dates: 'optional',
    });
    const name = c.name(f.get('name'), `${path}.name`, ['节假日名称', 'The holiday name']);
    const nameEn = c.string(f.get('nameEn'), `${path}.nameEn`)?.trim();
    if (name !== undefined) {
      const first = index.names.get(name);
      if (first !== undefined) {
        c.report('DUPLICATE_HOLIDAY', f.get('name'), `${path}.name`, [
          `节假日“${name}”已在第 ${first} 行出现`,
          `Holiday "${name}" already appears on line ${first}`,
        ]);
      } else index.names.set(name, c.lineOf(h));
    }
    const dates: string[] = [];
    for (const d of datesOf(c, f, h, path)) {
      const first = index.dates.get(d.date);
      if (first) {
        c.report('DUPLICATE_DATE', d.node, d.path, [
          `${d.date} 已在第 ${first.line} 行（${first.holiday}）列为节假日`,
          `${d.date} is already a holiday on line ${first.line} (${first.holiday})`,
        ]);
      } else {
        index.dates.set(d.date, { line: c.lineOf(d.node), holiday: name ?? '' });
        dates.push(d.date);
      }
    }
    if (name === undefined) return;
    const en = nameEn || (STANDARD_HOLIDAY_NAMES[name] ?? name);
    holidays.push({ name, nameEn: en, dates: dates.sort() });
  });
  return { holidays, index };
}

/** `workdays`: 调休上班日, each a weekend day of no holiday, belonging to a holiday of the table. */
export function readWorkdays(
  c: FileChecker,
  node: Node | undefined,
  index: HolidayIndex,
): HolidayTable['workdays'][number][] {
  const workdays: { date: string; holiday: string }[] = [];
  const worked = new Map<string, number>();
  const list = c.typed(node, 'array', 'workdays');
  (list ? elementsOf(list) : []).forEach((item, i) => {
    const path = `workdays[${i}]`;
    const w = c.typed(item, 'object', path);
    if (!w) return;
    const f = c.object(w, path, { date: 'required', holiday: 'required' });
    const date = c.date(f.get('date'), `${path}.date`);
    const holiday = c.name(f.get('holiday'), `${path}.holiday`, ['所属节假日', 'The holiday']);
    const known = holiday !== undefined && index.names.has(holiday);
    if (holiday !== undefined && !known) {
      const names = [...index.names.keys()].join('、');
      c.report('UNKNOWN_HOLIDAY', f.get('holiday'), `${path}.holiday`, [
        `调休所属的节假日“${holiday}”不在本表的节假日中（${names}）`,
        `"${holiday}" is not a holiday of this table (${names})`,
      ]);
    }
    if (!date) return;
    const wd = weekday(date);
    const again = worked.get(date);
    const clash = index.dates.get(date);
    const where = f.get('date');
    if (again !== undefined) {
      c.report('DUPLICATE_DATE', where, `${path}.date`, [
        `调休上班日 ${date} 已在第 ${again} 行出现`,
        `Make-up working day ${date} already appears on line ${again}`,
      ]);
    } else if (clash) {
      c.report('HOLIDAY_AND_WORKDAY', where, `${path}.date`, [
        `${date} 已在第 ${clash.line} 行列为节假日（${clash.holiday}），不能同时是调休上班日`,
        `${date} is a holiday on line ${clash.line} (${clash.holiday}) and cannot also be a make-up working day`,
      ]);
    } else if (wd !== 0 && wd !== 6) {
      c.report('WORKDAY_NOT_WEEKEND', where, `${path}.date`, [
        `${date} 是${zhWeekday(date)}，调休上班日只能是周六或周日`,
        `${date} is a ${EN_WEEKDAYS[wd] ?? ''}: a make-up working day is a Saturday or Sunday`,
      ]);
    } else {
      worked.set(date, c.lineOf(w));
      if (known) workdays.push({ date, holiday });
    }
  });
  return workdays.sort((a, b) => a.date.localeCompare(b.date));
}
