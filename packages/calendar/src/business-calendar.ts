import type { BusinessCalendar, Deadline, Duration, SkippedDays } from '@certflow/engine';
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
/** Working hours are counted 09:00–17:30 Beijing time on working days; deadlines end at 17:30. */
export const WORKDAY_START_MS = 9 * HOUR;
export const WORKDAY_END_MS = 17.5 * HOUR;

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

  /** The year's official table, or undefined: then the year is counted on weekends alone. */
  const arrangement = (date: string): YearArrangement | undefined => years.get(yearOf(date));

  const dayKind = (date: string): 'work' | 'weekend' | 'holiday' => {
    if (!isIsoDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
    const y = arrangement(date);
    if (y?.workdays.has(date)) return 'work';
    if (y?.holidays.has(date)) return 'holiday';
    const d = weekday(date);
    return d !== 0 && d !== 6 ? 'work' : 'weekend';
  };
  const isWorkingDay = (date: string): boolean => dayKind(date) === 'work';

  /** A walk over working days that remembers the runs of days it skipped and the years it saw. */
  const walk = (from: Date) => {
    const skipped: SkippedDays[] = [];
    const seen = new Set<number>([yearOf(beijingDate(from))]);
    const next = (date: string): string => {
      let d = addDays(date, 1);
      seen.add(yearOf(d));
      for (let kind = dayKind(d); kind !== 'work'; kind = dayKind(d)) {
        const last = skipped[skipped.length - 1];
        if (last && last.kind === kind && addDays(last.to, 1) === d) {
          skipped[skipped.length - 1] = { ...last, to: d };
        } else skipped.push({ from: d, to: d, kind });
        d = addDays(d, 1);
        seen.add(yearOf(d));
      }
      return d;
    };
    const result = (at: Date, rule: Duration): Deadline => {
      const yearsSeen = [...seen].sort((a, b) => a - b);
      const provisional = yearsSeen.some((y) => !years.has(y));
      const n = 'workingDays' in rule ? rule.workingDays : rule.workingHours;
      const unit =
        'workingDays' in rule ? ['个工作日', 'working days'] : ['个工作小时', 'working hours'];
      const note = provisional
        ? [
            '（暂按周末计算，节假日安排公布后自动调整）',
            ' (provisional: weekends only until the holiday table is published)',
          ]
        : ['', ''];
      return {
        at,
        provisional,
        years: yearsSeen,
        skipped,
        explanation: { zh: `${n}${unit[0]}${note[0]}`, en: `${n} ${unit[1]}${note[1]}` },
      };
    };
    return { next, result };
  };

  const count = (n: number, what: string): void => {
    if (!Number.isFinite(n) || n < 0) throw new RangeError(`${what} must be ≥ 0, got ${n}`);
  };

  const deadline = (from: Date, rule: Duration): Deadline => {
    const w = walk(from);
    if ('workingDays' in rule) {
      count(rule.workingDays, 'working days');
      if (!Number.isInteger(rule.workingDays)) {
        throw new RangeError(`working days must be whole: ${rule.workingDays}`);
      }
      let date = beijingDate(from);
      for (let left = rule.workingDays; left > 0; left -= 1) date = w.next(date);
      return w.result(beijingInstant(date, WORKDAY_END_MS), rule);
    }
    count(rule.workingHours, 'working hours');
    let left = Math.round(rule.workingHours * HOUR);
    let date = beijingDate(from);
    let at = beijingTimeOfDay(from);
    if (!isWorkingDay(date) || at >= WORKDAY_END_MS) {
      date = w.next(date);
      at = WORKDAY_START_MS;
    } else if (at < WORKDAY_START_MS) {
      at = WORKDAY_START_MS;
    }
    while (left > WORKDAY_END_MS - at) {
      left -= WORKDAY_END_MS - at;
      date = w.next(date);
      at = WORKDAY_START_MS;
    }
    return w.result(beijingInstant(date, at + left), rule);
  };

  return {
    isWorkingDay,
    deadline,
    reminder(from, rule) {
      const end = deadline(from, rule);
      const w = walk(end.at);
      const day = w.next(beijingDate(end.at));
      const r = w.result(beijingInstant(day, WORKDAY_START_MS), rule);
      return {
        ...r,
        years: [...new Set([...end.years, ...r.years])].sort((a, b) => a - b),
        skipped: [...end.skipped, ...r.skipped],
        provisional: end.provisional || r.provisional,
      };
    },

    coveredYears: () => [...years.keys()].sort((a, b) => a - b),
    isCovered: (year) => years.has(year),
  };
}
