import type { BusinessCalendar } from '../calendar.js';

const DAY = 86_400_000;

/** Monday–Friday in UTC, no holidays: a deterministic calendar for engine tests only. */
export const weekdayCalendar: BusinessCalendar = {
  isWorkingDay(date) {
    const d = new Date(`${date}T00:00:00Z`).getUTCDay();
    return d !== 0 && d !== 6;
  },
  addWorkingDays(from, days) {
    let t = from.getTime();
    let left = days;
    while (left > 0) {
      t += DAY;
      if (this.isWorkingDay(new Date(t).toISOString().slice(0, 10))) left -= 1;
    }
    return new Date(t);
  },
  addWorkingHours(from, hours) {
    return this.addWorkingDays(from, Math.ceil(hours / 8));
  },
};
