import { describe, expect, it } from 'vitest';
import {
  addDays,
  beijingDate,
  beijingInstant,
  beijingTimeOfDay,
  DAY_MS,
  isIsoDate,
  weekday,
  yearOf,
} from './beijing-time.js';

const HOUR = 3_600_000;

describe('Beijing dates and times (UTC+8, no daylight saving)', () => {
  it('gives the Beijing date of an instant: 16:00 UTC is already the next day', () => {
    expect(beijingDate(new Date('2026-10-31T15:59:59.999Z'))).toBe('2026-10-31');
    expect(beijingDate(new Date('2026-10-31T16:00:00Z'))).toBe('2026-11-01');
    expect(beijingDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });

  it('gives the time since Beijing midnight, also before 1970', () => {
    expect(beijingTimeOfDay(new Date('2026-10-31T16:00:00Z'))).toBe(0);
    expect(beijingTimeOfDay(new Date('2026-10-31T15:59:59.999Z'))).toBe(DAY_MS - 1);
    expect(beijingTimeOfDay(new Date('2026-03-10T20:32:00+08:00'))).toBe(20 * HOUR + 32 * 60_000);
    // A negative epoch time: the remainder is made positive.
    expect(beijingTimeOfDay(new Date('1969-12-31T09:30:00+08:00'))).toBe(9.5 * HOUR);
    expect(DAY_MS).toBe(24 * HOUR);
  });

  it('builds the instant of a Beijing date and time of day', () => {
    expect(beijingInstant('2026-10-08', 17.5 * HOUR).toISOString()).toBe(
      '2026-10-08T09:30:00.000Z',
    );
    expect(beijingInstant('2027-01-01', 0).toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it('accepts only real dates written YYYY-MM-DD', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-12-31')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-9-01')).toBe(false);
    expect(isIsoDate('2026-09-01 ')).toBe(false);
    expect(isIsoDate(' 2026-09-01')).toBe(false);
    expect(isIsoDate('2026/09/01')).toBe(false);
    expect(isIsoDate('')).toBe(false);
    // Date.parse takes these, and they print back the same: only the pattern refuses them.
    expect(isIsoDate('+010000-01')).toBe(false);
    expect(isIsoDate('2026-09')).toBe(false);
  });

  it('adds calendar days across months and years, and backwards', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-10-01', 0)).toBe('2026-10-01');
  });

  it('gives the weekday and the year of a date', () => {
    expect(weekday('2026-10-04')).toBe(0);
    expect(weekday('2026-10-10')).toBe(6);
    expect(yearOf('2027-01-01')).toBe(2027);
  });
});
