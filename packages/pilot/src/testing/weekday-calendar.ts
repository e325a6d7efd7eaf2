const BEIJING = 8 * 3_600_000;

/** The Beijing calendar date (`YYYY-MM-DD`) of an instant; China keeps UTC+8 all year. */
export function beijingDate(at: Date): string {
  return new Date(at.getTime() + BEIJING).toISOString().slice(0, 10);
}

/**
 * A deterministic Monday–Friday calendar on Beijing dates, with no holidays and no 调休, for
 * tests only: deadlines at 17:30 of the last working day, reminders at 09:00 of the next. The
 * real calendar (statutory holidays, make-up working days) is `@certflow/calendar`.
 */
export { weekdayCalendar } from '@certflow/engine/testing';
