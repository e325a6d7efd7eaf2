/**
 * Beijing (Asia/Shanghai) dates and wall-clock times, computed without the process timezone:
 * China keeps UTC+8 all year (no daylight saving since 1991), so a fixed offset is exact for
 * every year the calendar covers.
 */
const HOUR = 3_600_000;
export const DAY_MS = 24 * HOUR;
const BEIJING_OFFSET = 8 * HOUR;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The Beijing calendar date (`YYYY-MM-DD`) of an instant. */
export function beijingDate(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET).toISOString().slice(0, 10);
}

/** Milliseconds since Beijing midnight of an instant. */
export function beijingTimeOfDay(at: Date): number {
  const shifted = at.getTime() + BEIJING_OFFSET;
  return ((shifted % DAY_MS) + DAY_MS) % DAY_MS;
}

/** The instant at `msOfDay` after Beijing midnight of `date`. */
export function beijingInstant(date: string, msOfDay: number): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - BEIJING_OFFSET + msOfDay);
}

/** Is `value` a real calendar date written `YYYY-MM-DD`? */
export function isIsoDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const t = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === value;
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, of a `YYYY-MM-DD` date. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}
