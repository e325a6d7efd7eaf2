import { DomainError } from '@certflow/engine';
import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from './business-calendar.js';
import type { CalendarOverride } from './calendar-override.js';

const cal = createBusinessCalendar();
const at = (iso: string): Date => new Date(iso);
const bj = (d: Date): string =>
  new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** 2027 as the State Council might announce it (test data, not the real arrangement). */
const y2027: CalendarOverride = {
  year: 2027,
  holidays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-10-01', '2027-10-04'],
  workdays: ['2027-01-09', '2027-09-26'],
};

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('working days in 2026 (chinese-days data, Beijing dates)', () => {
  it('knows the National Day holiday and its make-up working days', () => {
    const days = [
      '09-19',
      '09-20',
      '09-21',
      '09-30',
      '10-01',
      '10-04',
      '10-07',
      '10-08',
      '10-09',
      '10-10',
      '10-11',
      '10-12',
    ];
    expect(days.map((d) => [d, cal.isWorkingDay(`2026-${d}`)])).toEqual([
      ['09-19', false], // Saturday
      ['09-20', true], // Sunday, make-up working day
      ['09-21', true],
      ['09-30', true],
      ['10-01', false],
      ['10-04', false],
      ['10-07', false],
      ['10-08', true],
      ['10-09', true],
      ['10-10', true], // Saturday, make-up working day
      ['10-11', false],
      ['10-12', true],
    ]);
  });

  it('knows every 2026 statutory holiday and 调休 day of the notice', () => {
    const holidays = [
      '01-01',
      '01-02',
      '01-03',
      '02-15',
      '02-16',
      '02-17',
      '02-18',
      '02-19',
      '02-20',
      '02-21',
      '02-22',
      '02-23',
      '04-04',
      '04-05',
      '04-06',
      '05-01',
      '05-02',
      '05-03',
      '05-04',
      '05-05',
      '06-19',
      '06-20',
      '06-21',
      '09-25',
      '09-26',
      '09-27',
      '10-01',
      '10-02',
      '10-03',
      '10-04',
      '10-05',
      '10-06',
      '10-07',
    ];
    const workdays = ['01-04', '02-14', '02-28', '05-09', '09-20', '10-10'];
    expect(holidays.filter((d) => cal.isWorkingDay(`2026-${d}`))).toEqual([]);
    expect(workdays.filter((d) => !cal.isWorkingDay(`2026-${d}`))).toEqual([]);
    let count = 0;
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 86_400_000) {
      if (cal.isWorkingDay(new Date(t).toISOString().slice(0, 10))) count += 1;
    }
    // 365 days − 104 weekend days − 19 holidays falling on weekdays + 6 make-up days.
    expect(count).toBe(248);
  });

  it('adds working days from the next day, keeping the Beijing wall-clock time', () => {
    expect(bj(cal.addWorkingDays(at('2026-09-30T10:30:00+08:00'), 1))).toBe('2026-10-08 10:30');
    expect(bj(cal.addWorkingDays(at('2026-09-30T10:30:00+08:00'), 3))).toBe('2026-10-10 10:30');
    expect(bj(cal.addWorkingDays(at('2026-09-18T15:00:00+08:00'), 1))).toBe('2026-09-20 15:00');
    expect(bj(cal.addWorkingDays(at('2026-09-28T09:00:00+08:00'), 3))).toBe('2026-10-08 09:00');
    expect(bj(cal.addWorkingDays(at('2026-09-28T09:00:00+08:00'), 5))).toBe('2026-10-10 09:00');
    // A Beijing date differs from the UTC date late in the evening.
    expect(bj(cal.addWorkingDays(at('2026-09-30T23:30:00+08:00'), 1))).toBe('2026-10-08 23:30');
    // From a holiday, the first working day counts as one.
    expect(bj(cal.addWorkingDays(at('2026-10-03T08:00:00+08:00'), 1))).toBe('2026-10-08 08:00');
    expect(cal.addWorkingDays(at('2026-10-03T08:00:00+08:00'), 0)).toEqual(
      at('2026-10-03T08:00:00+08:00'),
    );
  });

  it('adds working hours inside 09:00–17:00 Beijing on working days', () => {
    expect(bj(cal.addWorkingHours(at('2026-09-30T16:00:00+08:00'), 2))).toBe('2026-10-08 10:00');
    expect(bj(cal.addWorkingHours(at('2026-09-30T07:00:00+08:00'), 8))).toBe('2026-09-30 17:00');
    expect(bj(cal.addWorkingHours(at('2026-09-30T18:00:00+08:00'), 1))).toBe('2026-10-08 10:00');
    expect(bj(cal.addWorkingHours(at('2026-10-02T12:00:00+08:00'), 12))).toBe('2026-10-09 13:00');
    expect(bj(cal.addWorkingHours(at('2026-10-09T15:30:00+08:00'), 2))).toBe('2026-10-10 09:30');
    expect(bj(cal.addWorkingHours(at('2026-09-30T10:00:00+08:00'), 0.5))).toBe('2026-09-30 10:30');
    expect(cal.addWorkingHours(at('2026-10-02T12:00:00+08:00'), 0)).toEqual(
      at('2026-10-02T12:00:00+08:00'),
    );
  });

  it('refuses nonsense counts and dates', () => {
    expect(() => cal.addWorkingDays(at('2026-09-30T10:00:00+08:00'), -1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays(at('2026-09-30T10:00:00+08:00'), 1.5)).toThrow(RangeError);
    expect(() => cal.addWorkingHours(at('2026-09-30T10:00:00+08:00'), Number.NaN)).toThrow(
      RangeError,
    );
    expect(() => cal.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => cal.isWorkingDay('2026-9-1')).toThrow(RangeError);
  });
});

describe('a year the package does not cover', () => {
  it('is a typed refusal, never a guess', () => {
    expect(cal.isCovered(2026)).toBe(true);
    expect(cal.isCovered(2027)).toBe(false);
    expect(cal.coveredYears()[0]).toBe(2004);
    const e = refusal(() => cal.addWorkingDays(at('2026-12-28T09:00:00+08:00'), 5));
    expect(e.code).toBe('CALENDAR_YEAR_NOT_COVERED');
    expect(e.details).toEqual({ year: 2027, date: '2027-01-01' });
    expect(e.messages.zh).toContain('2027');
    expect(refusal(() => cal.isWorkingDay('2027-03-01')).code).toBe('CALENDAR_YEAR_NOT_COVERED');
    expect(refusal(() => cal.addWorkingHours(at('2026-12-31T16:00:00+08:00'), 2)).code).toBe(
      'CALENDAR_YEAR_NOT_COVERED',
    );
    // Inside the covered year the same calendar still answers.
    expect(bj(cal.addWorkingDays(at('2026-12-28T09:00:00+08:00'), 3))).toBe('2026-12-31 09:00');
  });

  it('is answered from an administrator override', () => {
    const withOverride = createBusinessCalendar({ overrides: [y2027] });
    expect(withOverride.isCovered(2027)).toBe(true);
    expect(bj(withOverride.addWorkingDays(at('2026-12-30T09:00:00+08:00'), 3))).toBe(
      '2027-01-05 09:00',
    );
    expect(withOverride.isWorkingDay('2027-01-09')).toBe(true); // Saturday make-up day
    expect(withOverride.isWorkingDay('2027-10-04')).toBe(false); // Monday holiday
    expect(withOverride.isWorkingDay('2027-10-05')).toBe(true);
    expect(refusal(() => withOverride.isWorkingDay('2028-01-03')).code).toBe(
      'CALENDAR_YEAR_NOT_COVERED',
    );
  });

  it('an override replaces the package data of a covered year', () => {
    const corrected = createBusinessCalendar({
      overrides: [{ year: 2026, holidays: ['2026-10-01'], workdays: [] }],
    });
    expect(corrected.isWorkingDay('2026-10-02')).toBe(true);
    expect(corrected.isWorkingDay('2026-10-10')).toBe(false);
  });
});
