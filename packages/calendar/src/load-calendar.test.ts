import { DomainError, InfrastructureError, isDomainError } from '@certflow/engine';
import { MemoryStore } from '@certflow/engine/testing';
import { describe, expect, it } from 'vitest';
import {
  CALENDAR_REFERENCE_KIND,
  calendarOverrideRow,
  parseCalendarOverride,
  type CalendarOverride,
} from './calendar-override.js';
import { loadBusinessCalendar, loadCalendarOverrides } from './load-calendar.js';

const y2027: CalendarOverride = {
  year: 2027,
  holidays: ['2027-10-01', '2027-01-01'],
  workdays: ['2027-01-09'],
};

describe('calendar overrides as reference data', () => {
  it('are loaded at start and again on refresh', async () => {
    const store = new MemoryStore();
    const calendar = await loadBusinessCalendar(store.read);
    expect(calendar.isCovered(2027)).toBe(false);
    expect(() => calendar.isWorkingDay('2027-01-09')).toThrow(DomainError);

    const row = calendarOverrideRow(y2027);
    expect(row).toEqual({
      kind: 'calendar',
      key: '2027',
      value: { year: 2027, holidays: ['2027-01-01', '2027-10-01'], workdays: ['2027-01-09'] },
    });
    await store.transaction((tx) => tx.putReference(row.kind, row.key, row.value));
    expect(calendar.isCovered(2027)).toBe(false); // not until refreshed
    expect(await calendar.refresh()).toEqual([
      { year: 2027, holidays: ['2027-01-01', '2027-10-01'], workdays: ['2027-01-09'] },
    ]);
    expect(calendar.isWorkingDay('2027-01-09')).toBe(true);
    expect(calendar.isWorkingDay('2027-10-01')).toBe(false);
    expect(calendar.addWorkingDays(new Date('2026-12-31T09:00:00+08:00'), 1)).toEqual(
      new Date('2027-01-04T09:00:00+08:00'),
    );
  });

  it('a stored value that is not a valid override stops the load', async () => {
    const store = new MemoryStore();
    store.setReference(CALENDAR_REFERENCE_KIND, '2028', {
      year: 2028,
      holidays: ['2029-01-01'],
      workdays: [],
    });
    const error = await loadCalendarOverrides(store.read).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InfrastructureError);
    expect((error as InfrastructureError).code).toBe('CALENDAR_OVERRIDE_INVALID');
    store.setReference(CALENDAR_REFERENCE_KIND, '2028', calendarOverrideRow(y2027).value);
    expect(await loadCalendarOverrides(store.read).catch((e: unknown) => e)).toBeInstanceOf(
      InfrastructureError,
    );
  });

  it('administrator input is validated with a typed refusal', () => {
    const bad = [
      { year: 2027, holidays: ['2027-02-30'], workdays: [] },
      { year: 2027, holidays: ['2028-01-01'], workdays: [] },
      { year: 2027, holidays: ['2027-01-01'], workdays: ['2027-01-01'] },
      { year: 2027, holidays: [], workdays: [], extra: true },
      { year: '2027', holidays: [], workdays: [] },
    ];
    for (const value of bad) {
      const parsed = parseCalendarOverride(value);
      expect(isDomainError(parsed) && parsed.code).toBe('VALIDATION_FAILED');
    }
    expect(parseCalendarOverride(y2027)).toEqual(y2027);
  });
});
