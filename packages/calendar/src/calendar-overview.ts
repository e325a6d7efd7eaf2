import { addDays, beijingDate, yearOf } from './beijing-time.js';
import type { CalendarDay, ChinaBusinessCalendar } from './business-calendar.js';
import type { ImportStamp, StoredTable } from './stored-table.js';
import type { TableSource } from './year-table.js';

/** A year as `GET /api/calendar` lists it. */
export interface YearStatus {
  readonly year: number;
  /** `official`: a table covers it; `provisional`: counted on weekends alone until one does. */
  readonly status: 'official' | 'provisional';
  /** `package`: the `chinese-days` data; `import`: an administrator's table; null: none. */
  readonly origin: 'package' | 'import' | null;
  readonly source: TableSource | null;
  readonly imported: ImportStamp | null;
  /** Holiday days and make-up working days of the table. */
  readonly holidayDays: number;
  readonly makeupDays: number;
}

/** Every covered year, and this year and next when no table covers them, ascending. */
export function calendarOverview(
  calendar: ChinaBusinessCalendar,
  stored: readonly StoredTable[],
  now: Date,
): YearStatus[] {
  const thisYear = yearOf(beijingDate(now));
  const years = new Set([...calendar.coveredYears(), thisYear, thisYear + 1]);
  return [...years]
    .sort((a, b) => a - b)
    .map((year) => {
      const a = calendar.arrangement(year);
      const imported = stored.find((s) => s.table.year === year)?.imported ?? null;
      return {
        year,
        status: a ? 'official' : 'provisional',
        origin: a?.origin ?? null,
        source: a?.source ?? null,
        imported: a?.origin === 'import' ? imported : null,
        holidayDays: a?.holidays.size ?? 0,
        makeupDays: a?.workdays.size ?? 0,
      };
    });
}

/** Every day of `year` with its kind (working day, weekend, holiday, make-up working day). */
export function yearDays(calendar: ChinaBusinessCalendar, year: number): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (let d = `${year}-01-01`; yearOf(d) === year; d = addDays(d, 1)) days.push(calendar.day(d));
  return days;
}
