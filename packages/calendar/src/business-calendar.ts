import type { BusinessCalendar, Deadline, Duration } from '@certflow/engine';
import {
  addDays,
  beijingDate,
  beijingInstant,
  beijingTimeOfDay,
  isIsoDate,
  weekday,
  yearOf,
} from './beijing-time.js';
import {
  resolveCalendarSettings,
  type CalendarSettings,
  type ResolvedCalendarSettings,
} from './calendar-settings.js';
import { chineseDaysArrangements } from './chinese-days-data.js';
import { explain, type CountRecord, type SkippedRun } from './explanation.js';
import {
  arrangementOf,
  type HolidayName,
  type HolidayTable,
  type YearArrangement,
} from './year-table.js';

const HOUR = 3_600_000;
/** A table with more consecutive days off than this is broken (validated tables cannot be). */
const MAX_DAYS_OFF = 60;
/** Dates a calendar remembers (about eleven years of days); beyond it, it starts over. */
const MEMO_LIMIT = 4096;

/** `compute` of a date, remembered for up to `MEMO_LIMIT` dates (then it starts over). */
function remembered<T>(compute: (date: string) => T): (date: string) => T {
  const known = new Map<string, T>();
  return (date) => {
    if (known.has(date)) return known.get(date) as T;
    const value = compute(date);
    if (known.size >= MEMO_LIMIT) known.clear();
    known.set(date, value);
    return value;
  };
}

export interface BusinessCalendarOptions extends Partial<
  Pick<CalendarSettings, 'workdayStart' | 'workdayEnd'>
> {
  /** Tables an administrator imported; a table replaces the base data of its year. */
  readonly tables?: readonly HolidayTable[];
  /** The base arrangements; default: the `chinese-days` package (2004–2026 in 1.5.x). */
  readonly arrangements?: ReadonlyMap<number, YearArrangement>;
}

/** `makeup`: a weekend day worked in exchange for a holiday (调休上班). */
export type DayKind = 'work' | 'makeup' | 'weekend' | 'holiday';

export interface CalendarDay {
  readonly date: string;
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekday: number;
  readonly kind: DayKind;
  /** The holiday (or, for a make-up day, the holiday it belongs to). */
  readonly name?: HolidayName;
}

/** The engine's port plus what the administrator's screens and imports need. */
export interface ChinaBusinessCalendar extends BusinessCalendar {
  /** Years with an official table (package data or an import), ascending. */
  coveredYears(): number[];
  arrangement(year: number): YearArrangement | undefined;
  day(date: string): CalendarDay;
  /** This calendar with `table` as its year's arrangement: what importing it would give. */
  withTable(table: HolidayTable): ChinaBusinessCalendar;
  readonly settings: ResolvedCalendarSettings;
}

let packageData: ReadonlyMap<number, YearArrangement> | undefined;

/**
 * The Asia/Shanghai business calendar: Monday–Friday, minus statutory holidays, plus make-up
 * working days (调休). A year without an official table is counted on weekends alone and the
 * result is `provisional` — never a refusal.
 *
 * - `deadline(from, { workingDays: n })`: the n-th working day after the day of `from`, at the
 *   end of the working day (`workdayEnd`, 17:30); 0 days = the end of this working day (or the
 *   next one, after hours or on a day off).
 * - `deadline(from, { workingHours: h })`: h hours counted inside `workdayStart`–`workdayEnd`
 *   of working days (8.5 a day by default); a start outside them starts at the next opening;
 *   ending exactly at the end of a day stays on that day.
 * - `reminder(from, d)`: once `d` has passed, at `workdayStart` of the next working day.
 *
 * Throws `CalendarSettingsError` for bad working hours, `RangeError` for a negative or
 * fractional day count or a date that is not `YYYY-MM-DD`.
 */
export function createBusinessCalendar(
  options: BusinessCalendarOptions = {},
): ChinaBusinessCalendar {
  const settings = resolveCalendarSettings({
    workdayStart: options.workdayStart,
    workdayEnd: options.workdayEnd,
  });
  const { startMs, endMs } = settings;
  const base = options.arrangements ?? (packageData ??= chineseDaysArrangements());
  const years = new Map<number, YearArrangement>(base);
  for (const t of options.tables ?? []) years.set(t.year, arrangementOf(t, 'import'));

  const classify = (date: string): CalendarDay => {
    if (!isIsoDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
    const y = years.get(yearOf(date));
    const wd = weekday(date);
    const makeup = y?.workdays.get(date);
    if (makeup) return { date, weekday: wd, kind: 'makeup', name: makeup };
    const holiday = y?.holidays.get(date);
    if (holiday) return { date, weekday: wd, kind: 'holiday', name: holiday };
    return { date, weekday: wd, kind: wd === 0 || wd === 6 ? 'weekend' : 'work' };
  };
  // A calendar's years never change (withTable makes another), so what a date is, and which
  // date follows it, are remembered: a deadline walks the same few weeks for every command, and
  // string dates cost a Date parse and format each (a 5-working-day count took ≈ 57 µs).
  const day = remembered(classify);
  const dayAfter = remembered((date: string) => addDays(date, 1));
  const isWorkingDay = (date: string): boolean => {
    const kind = day(date).kind;
    return kind === 'work' || kind === 'makeup';
  };

  /** One count: steps over days, remembering what it skipped, counted and walked through. */
  const count = (from: Date) => {
    const fromDate = beijingDate(from);
    const skipped: SkippedRun[] = [];
    const makeups: CountRecord['makeups'][number][] = [];
    const seen = new Set<number>([yearOf(fromDate)]);
    const skip = (d: CalendarDay): void => {
      const kind = d.kind === 'holiday' ? 'holiday' : 'weekend';
      const last = skipped[skipped.length - 1];
      if (last?.kind === kind && last.name?.zh === d.name?.zh && dayAfter(last.to) === d.date) {
        skipped[skipped.length - 1] = { ...last, to: d.date };
      } else skipped.push({ from: d.date, to: d.date, kind, ...(d.name ? { name: d.name } : {}) });
    };
    /** The first working day after `date`. */
    const next = (date: string): string => {
      for (let d = dayAfter(date), off = 0; off <= MAX_DAYS_OFF; d = dayAfter(d), off += 1) {
        seen.add(yearOf(d));
        const info = day(d);
        if (info.kind === 'makeup' && info.name) makeups.push({ date: d, name: info.name });
        if (info.kind === 'work' || info.kind === 'makeup') return d;
        skip(info);
      }
      throw new RangeError(`no working day within ${MAX_DAYS_OFF} days after ${date}`);
    };
    const result = (rule: Duration, edge: CountRecord['edge'], due: string, ms: number) => {
      const walked = [...seen].sort((a, b) => a - b);
      const uncovered = walked.filter((y) => !years.has(y));
      const record: CountRecord = {
        rule,
        edge,
        fromDate,
        dueDate: due,
        dueMs: ms,
        skipped,
        makeups,
        uncovered,
        workday: { startMs, endMs },
      };
      const deadline: Deadline = {
        at: beijingInstant(due, ms),
        provisional: uncovered.length > 0,
        years: walked,
        skipped: skipped.map((s) => ({
          from: s.from,
          to: s.to,
          kind: s.kind,
          ...(s.name ? { name: s.name.zh } : {}),
        })),
        explanation: explain(record),
      };
      return deadline;
    };
    return { fromDate, next, result };
  };

  /** The day and time a rule ends on, with the count that got there. */
  const end = (from: Date, rule: Duration) => {
    const c = count(from);
    if ('workingDays' in rule) {
      const n = rule.workingDays;
      if (!Number.isInteger(n) || n < 0) {
        throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
      }
      let date = c.fromDate;
      if (n === 0) {
        if (!isWorkingDay(date) || beijingTimeOfDay(from) >= endMs) date = c.next(date);
      } else for (let left = n; left > 0; left -= 1) date = c.next(date);
      return { c, date, ms: endMs };
    }
    const h = rule.workingHours;
    if (!Number.isFinite(h) || h < 0) throw new RangeError(`working hours must be ≥ 0, got ${h}`);
    let left = Math.round(h * HOUR);
    let date = c.fromDate;
    let at = beijingTimeOfDay(from);
    if (!isWorkingDay(date) || at >= endMs) {
      date = c.next(date);
      at = startMs;
    } else if (at < startMs) at = startMs;
    while (left > endMs - at) {
      left -= endMs - at;
      date = c.next(date);
      at = startMs;
    }
    return { c, date, ms: at + left };
  };

  const calendar: ChinaBusinessCalendar = {
    settings,
    isWorkingDay,
    day,
    deadline(from, rule) {
      const e = end(from, rule);
      return e.c.result(rule, 'deadline', e.date, e.ms);
    },
    reminder(from, rule) {
      const e = end(from, rule);
      return e.c.result(rule, 'reminder', e.c.next(e.date), startMs);
    },
    isCovered: (year) => years.has(year),
    coveredYears: () => [...years.keys()].sort((a, b) => a - b),
    arrangement: (year) => years.get(year),
    withTable: (table) =>
      createBusinessCalendar({
        ...options,
        tables: [...(options.tables ?? []).filter((t) => t.year !== table.year), table],
      }),
  };
  return calendar;
}
