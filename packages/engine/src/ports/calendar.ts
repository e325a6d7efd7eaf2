import type { Messages } from '../errors.js';

/**
 * The business calendar port. Deadlines count working days in Asia/Shanghai with statutory
 * holidays and make-up working days (调休). A year without an official holiday table is counted
 * on weekends alone and the result is marked `provisional` — a command never fails for lack of
 * calendar data (ARCHITECTURE.md, "Time"). Implementations are synchronous and pure: the
 * engine's decision reads the calendar without I/O.
 */
export interface BusinessCalendar {
  /**
   * The deadline `d` after `from`. Working days end at the end of the working day (17:30
   * Beijing by default): 5 working days from Tuesday 20:32 is the fifth working day after it,
   * at 17:30. Working hours are counted inside working hours and end at that instant.
   */
  deadline(from: Date, d: Duration): Deadline;
  /**
   * When a reminder `d` after `from` is due: once `d` has fully passed, at the start of the next
   * working day (09:00 Beijing by default) — a reminder after 3 working days arrives on the
   * morning of the fourth.
   */
  reminder(from: Date, d: Duration): Deadline;
  isWorkingDay(beijingDate: string): boolean;
  /** Does an official table (the package's data or an administrator's import) cover `year`? */
  isCovered(year: number): boolean;
}

/** A span of business time: working days or working hours. */
export type Duration = { readonly workingDays: number } | { readonly workingHours: number };

/** A run of consecutive days a count skipped. */
export interface SkippedDays {
  /** First and last day, `YYYY-MM-DD` in Beijing. */
  readonly from: string;
  readonly to: string;
  readonly kind: 'weekend' | 'holiday';
  /** The holiday's name (国庆节) where the table names it. */
  readonly name?: string;
}

/** A computed due time and why it is what it is. */
export interface Deadline {
  readonly at: Date;
  /**
   * Part of the count fell in a year without an official table: counted on weekends alone,
   * to be recomputed when that year's table is imported (暂按周末计算，节假日安排公布后自动调整).
   */
  readonly provisional: boolean;
  /** Every year the count walked through: importing one of them recomputes this deadline. */
  readonly years: readonly number[];
  readonly skipped: readonly SkippedDays[];
  /** The rule and the days skipped, for people: "5个工作日；跳过 10月1日–7日 国庆节". */
  readonly explanation: Messages;
}

/** What a task's or timer's due time was computed from, kept with it so it can be recomputed. */
export interface DueBasis {
  readonly from: string;
  readonly rule: Duration;
  /** `deadline` or `reminder` semantics (see `BusinessCalendar`). */
  readonly edge: 'deadline' | 'reminder';
  readonly provisional: boolean;
  readonly years: readonly number[];
  readonly explanation: Messages;
}

export function dueBasis(
  from: Date,
  rule: Duration,
  edge: DueBasis['edge'],
  computed: Deadline,
): DueBasis {
  return {
    from: from.toISOString(),
    rule,
    edge,
    provisional: computed.provisional,
    years: computed.years,
    explanation: computed.explanation,
  };
}

/** Compute a due time by its basis' semantics. */
export function computeDue(
  calendar: BusinessCalendar,
  from: Date,
  rule: Duration,
  edge: DueBasis['edge'],
): Deadline {
  return edge === 'deadline' ? calendar.deadline(from, rule) : calendar.reminder(from, rule);
}
