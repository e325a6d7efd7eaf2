import type { BusinessCalendar } from '@certflow/engine';

const DAY = 86_400_000;
const BEIJING = 8 * 3_600_000;

/** The Beijing calendar date (`YYYY-MM-DD`) of an instant; China keeps UTC+8 all year. */
export function beijingDate(at: Date): string {
  return new Date(at.getTime() + BEIJING).toISOString().slice(0, 10);
}

/**
 * A deterministic Monday–Friday calendar on Beijing dates, with no holidays and no 调休: for
 * tests only. The real calendar (statutory holidays, make-up working days) is
 * `@certflow/calendar`. Working days are counted from the next day, keeping the Beijing
 * wall-clock time; working hours round up to whole 8-hour days.
 */
export const weekdayCalendar: BusinessCalendar = {
  isWorkingDay(date: string): boolean {
    const day = new Date(`${date}T00:00:00Z`).getUTCDay();
    return day !== 0 && day !== 6;
  },
  addWorkingDays(from: Date, days: number): Date {
    let t = from.getTime();
    let left = days;
    while (left > 0) {
      t += DAY;
      if (weekdayCalendar.isWorkingDay(beijingDate(new Date(t)))) left -= 1;
    }
    return new Date(t);
  },
  addWorkingHours(from: Date, hours: number): Date {
    return weekdayCalendar.addWorkingDays(from, Math.ceil(hours / 8));
  },
};
