/**
 * The business calendar port. Deadlines count working days in Asia/Shanghai with statutory
 * holidays and make-up working days (调休). An implementation must throw
 * `CALENDAR_YEAR_NOT_COVERED` for a year it does not know rather than guess.
 */
export interface BusinessCalendar {
  /** The instant `days` working days after `from`, at the same Beijing wall-clock time. */
  addWorkingDays(from: Date, days: number): Date;
  /** The instant `hours` working hours after `from` (working days only, whole-day hours). */
  addWorkingHours(from: Date, hours: number): Date;
  isWorkingDay(beijingDate: string): boolean;
}

/** A span of business time: working days or working hours. */
export type Duration = { readonly workingDays: number } | { readonly workingHours: number };

export function addDuration(calendar: BusinessCalendar, from: Date, d: Duration): Date {
  return 'workingDays' in d
    ? calendar.addWorkingDays(from, d.workingDays)
    : calendar.addWorkingHours(from, d.workingHours);
}
