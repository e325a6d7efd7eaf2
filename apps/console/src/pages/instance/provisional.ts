import type { CalendarYearStatus } from '../../api/admin';
import type { ProvisionalCheck } from './timeline-model';

const beijingYear = (iso: string): number =>
  Number(
    new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(
      new Date(iso),
    ),
  );

/**
 * A deadline is provisional when its year (Beijing time) has no official holiday table: the
 * server counted weekends only there (docs/calendar.md § Provisional years). Unknown coverage
 * (the calendar not loaded yet) marks nothing.
 */
export function provisionalCheck(
  years: readonly CalendarYearStatus[] | undefined,
): ProvisionalCheck {
  if (!years) return () => false;
  const official = new Set(years.filter((y) => y.status === 'official').map((y) => y.year));
  return (dueAt) => !official.has(beijingYear(dueAt));
}
