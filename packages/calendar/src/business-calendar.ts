import { refuse, type BusinessCalendar } from '@certflow/engine';
import {
  addDays,
  beijingDate,
  beijingInstant,
  beijingTimeOfDay,
  isIsoDate,
  weekday,
  yearOf,
} from './beijing-time.js';
import type { CalendarOverride } from './calendar-override.js';
import { chineseDaysArrangements, type YearArrangement } from './chinese-days-data.js';

const HOUR = 3_600_000;
/** Working hours are counted 09:00–17:00 Beijing time on working days: 8 hours a day. */
export const WORKDAY_START_MS = 9 * HOUR;
export const WORKDAY_END_MS = 17 * HOUR;

export interface BusinessCalendarOptions {
  /** Years entered by an administrator; an override replaces the package's data for its year. */
  readonly overrides?: readonly CalendarOverride[];
  /** The base arrangement table; default: the `chinese-days` package (2004–2026 in 1.5.x). */
  readonly arrangements?: ReadonlyMap<number, YearArrangement>;
}

/** The engine's port plus what an administrator screen needs to know. */
export interface ChinaBusinessCalendar extends BusinessCalendar {
  /** Years the calendar can answer for (package data and overrides), ascending. */
  coveredYears(): number[];
  isCovered(year: number): boolean;
}

let packageData: ReadonlyMap<number, YearArrangement> | undefined;

/**
 * The Asia/Shanghai business calendar: Monday–Friday, minus statutory holidays, plus make-up
 * working days (调休). Any question about a day of a year that neither the package nor an
 * override covers throws the engine's `CALENDAR_YEAR_NOT_COVERED` refusal — never a guess.
 *
 * - `addWorkingDays(from, n)` counts from the next day and keeps the Beijing wall-clock time of
 *   `from` (a task opened on Friday 10:30 with 1 working day is due on Monday 10:30).
 * - `addWorkingHours(from, h)` counts hours inside 09:00–17:00 Beijing of working days (8 a day);
 *   a start outside those hours starts at the next opening; ending exactly at 17:00 stays on
 *   that day.
 */
export function createBusinessCalendar(
  options: BusinessCalendarOptions = {},
): ChinaBusinessCalendar {
  const base = options.arrangements ?? (packageData ??= chineseDaysArrangements());
  const years = new Map<number, YearArrangement>(base);
  for (const o of options.overrides ?? []) {
    years.set(o.year, { holidays: new Set(o.holidays), workdays: new Set(o.workdays) });
  }

  const arrangement = (date: string): YearArrangement => {
    const year = yearOf(date);
    const y = years.get(year);
    if (!y) {
      throw refuse(
        'CALENDAR_YEAR_NOT_COVERED',
        { year, date },
        {
          zh: `工作日历未覆盖 ${year} 年，请先维护该年节假日安排`,
          en: `The business calendar does not cover ${year} yet; enter its holidays first`,
        },
      );
    }
    return y;
  };

  const isWorkingDay = (date: string): boolean => {
    if (!isIsoDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
    const y = arrangement(date);
    if (y.workdays.has(date)) return true;
    if (y.holidays.has(date)) return false;
    const d = weekday(date);
    return d !== 0 && d !== 6;
  };

  const nextWorkingDay = (date: string): string => {
    let d = addDays(date, 1);
    while (!isWorkingDay(d)) d = addDays(d, 1);
    return d;
  };

  const count = (n: number, what: string): void => {
    if (!Number.isFinite(n) || n < 0) throw new RangeError(`${what} must be ≥ 0, got ${n}`);
  };

  return {
    isWorkingDay,

    addWorkingDays(from, days) {
      count(days, 'working days');
      if (!Number.isInteger(days)) throw new RangeError(`working days must be whole: ${days}`);
      let date = beijingDate(from);
      for (let left = days; left > 0; left -= 1) date = nextWorkingDay(date);
      return beijingInstant(date, beijingTimeOfDay(from));
    },

    addWorkingHours(from, hours) {
      count(hours, 'working hours');
      let left = Math.round(hours * HOUR);
      if (left === 0) return new Date(from.getTime());
      let date = beijingDate(from);
      let at = beijingTimeOfDay(from);
      if (!isWorkingDay(date) || at >= WORKDAY_END_MS) {
        date = nextWorkingDay(date);
        at = WORKDAY_START_MS;
      } else if (at < WORKDAY_START_MS) {
        at = WORKDAY_START_MS;
      }
      for (;;) {
        const today = WORKDAY_END_MS - at;
        if (left <= today) return beijingInstant(date, at + left);
        left -= today;
        date = nextWorkingDay(date);
        at = WORKDAY_START_MS;
      }
    },

    coveredYears: () => [...years.keys()].sort((a, b) => a - b),
    isCovered: (year) => years.has(year),
  };
}
