import { createRequire } from 'node:module';

/** One year of the official arrangement: statutory holidays and make-up working days (调休). */
export interface YearArrangement {
  readonly holidays: ReadonlySet<string>;
  readonly workdays: ReadonlySet<string>;
}

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

/**
 * The `chinese-days` package's arrangement table, per year. This is the only file that touches
 * the vendor. Its date functions (`isWorkday`, `getDayDetail` …) read `Date`s — and even
 * `YYYY-MM-DD` strings, which it parses as UTC midnight — with the process's local-time getters,
 * so under e.g. `TZ=America/New_York` they answer for the wrong day (`isWorkday('2026-10-12')`,
 * a Monday, is false there). The data file itself is keyed by Beijing dates and is exact, so
 * certflow reads the data and does the weekday arithmetic on UTC-parsed date strings.
 * A year is covered when the package has at least one statutory holiday in it.
 */
export function chineseDaysArrangements(): ReadonlyMap<number, YearArrangement> {
  const require = createRequire(import.meta.url);
  const raw: unknown = require('chinese-days/dist/chinese-days.json');
  if (!isRawData(raw)) {
    throw new TypeError('chinese-days: unexpected data file layout (holidays/workdays missing)');
  }
  const years = new Map<number, { holidays: Set<string>; workdays: Set<string> }>();
  const entry = (date: string) => {
    const year = Number(date.slice(0, 4));
    let y = years.get(year);
    if (!y) {
      y = { holidays: new Set(), workdays: new Set() };
      years.set(year, y);
    }
    return y;
  };
  for (const date of Object.keys(raw.holidays)) entry(date).holidays.add(date);
  for (const date of Object.keys(raw.workdays)) entry(date).workdays.add(date);
  for (const [year, y] of years) if (y.holidays.size === 0) years.delete(year);
  return years;
}
