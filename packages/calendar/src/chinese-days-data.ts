import { createRequire } from 'node:module';
import { STANDARD_HOLIDAY_NAMES, type HolidayName, type YearArrangement } from './year-table.js';

interface RawData {
  readonly holidays: Readonly<Record<string, string>>;
  readonly workdays: Readonly<Record<string, string>>;
}

function isRawData(value: unknown): value is RawData {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v['holidays'] === 'object' &&
    v['holidays'] !== null &&
    typeof v['workdays'] === 'object' &&
    v['workdays'] !== null
  );
}

/** The package's short names (`端午`) → the names the State Council's notices use (`端午节`). */
const NOTICE_NAMES: Readonly<Record<string, string>> = {
  清明: '清明节',
  端午: '端午节',
  中秋: '中秋节',
};

/** `"National Day,国庆节,3"` (English, Chinese, length) → the holiday's name. */
function nameOf(entry: string): HolidayName {
  const [en = '', shortZh = ''] = entry.split(',');
  const zh = NOTICE_NAMES[shortZh] ?? shortZh;
  return { zh, en: STANDARD_HOLIDAY_NAMES[zh] ?? en };
}

/** The package version, for `source.title` (read from its package.json). */
function packageVersion(require: NodeJS.Require): string {
  const pkg: unknown = require('chinese-days/package.json');
  const version = (pkg as { version?: unknown }).version;
  return typeof version === 'string' ? version : 'unknown';
}

/**
 * The `chinese-days` package's arrangement table, per year, with the holidays' names. This is the
 * only file that touches the vendor. Its date functions (`isWorkday`, `getDayDetail` …) read
 * `Date`s — and even `YYYY-MM-DD` strings, which it parses as UTC midnight — with the process's
 * local-time getters, so under e.g. `TZ=America/New_York` they answer for the wrong day
 * (`isWorkday('2026-10-12')`, a Monday, is false there). The data file itself is keyed by Beijing
 * dates and is exact, so certflow reads the data and does the weekday arithmetic on UTC-parsed
 * date strings. A year is covered when the package has at least one statutory holiday in it.
 */
export function chineseDaysArrangements(): ReadonlyMap<number, YearArrangement> {
  const require = createRequire(import.meta.url);
  const raw: unknown = require('chinese-days/dist/chinese-days.json');
  if (!isRawData(raw)) {
    throw new TypeError('chinese-days: unexpected data file layout (holidays/workdays missing)');
  }
  const title = `chinese-days ${packageVersion(require)}`;
  const years = new Map<
    number,
    { holidays: Map<string, HolidayName>; workdays: Map<string, HolidayName> }
  >();
  const entry = (date: string) => {
    const year = Number(date.slice(0, 4));
    let y = years.get(year);
    if (!y) years.set(year, (y = { holidays: new Map(), workdays: new Map() }));
    return y;
  };
  for (const [date, v] of Object.entries(raw.holidays)) entry(date).holidays.set(date, nameOf(v));
  for (const [date, v] of Object.entries(raw.workdays)) entry(date).workdays.set(date, nameOf(v));
  const out = new Map<number, YearArrangement>();
  for (const [year, y] of [...years].sort(([a], [b]) => a - b)) {
    if (y.holidays.size === 0) continue;
    out.set(year, { year, origin: 'package', source: { title }, ...y });
  }
  return out;
}
