import { InfrastructureError } from '@certflow/engine';
import { MemoryStore } from '@certflow/engine/testing';
import { describe, expect, it } from 'vitest';
import { loadBusinessCalendar, loadStoredTables } from './load-calendar.js';
import { CALENDAR_REFERENCE_KIND, storedTableRow } from './stored-table.js';
import type { HolidayTable } from './year-table.js';

const y2027: HolidayTable = {
  year: 2027,
  source: { title: '测试用 2027 年安排' },
  holidays: [
    { name: '元旦', nameEn: "New Year's Day", dates: ['2027-01-01'] },
    { name: '国庆节', nameEn: 'National Day', dates: ['2027-10-01'] },
  ],
  workdays: [{ date: '2027-01-09', holiday: '元旦' }],
};
const stamp = {
  sha256: 'ab'.repeat(32),
  at: '2026-11-10T02:00:00.000Z',
  by: { id: 'u1', name: '王老师' },
};

describe('imported tables as reference data', () => {
  it('are loaded at start and again on refresh', async () => {
    const store = new MemoryStore();
    const calendar = await loadBusinessCalendar(store.read);
    expect(calendar.isCovered(2027)).toBe(false);
    expect(calendar.isWorkingDay('2027-01-01')).toBe(true); // weekends alone

    const row = storedTableRow(y2027, stamp);
    expect(row.kind).toBe('calendar');
    expect(row.key).toBe('2027');
    store.setReference(row.kind, row.key, row.value);
    expect(calendar.isCovered(2027)).toBe(false); // not until refreshed
    const stored = await calendar.refresh();
    expect(stored).toEqual([{ table: y2027, imported: stamp }]);
    expect(calendar.stored()).toEqual(stored);
    expect(calendar.isWorkingDay('2027-01-09')).toBe(true);
    expect(calendar.day('2027-01-09')).toMatchObject({ kind: 'makeup', name: { zh: '元旦' } });
    expect(calendar.isWorkingDay('2027-01-01')).toBe(false);
    const d = calendar.deadline(new Date('2026-12-31T09:00:00+08:00'), { workingDays: 1 });
    expect(d.at).toEqual(new Date('2027-01-04T17:30:00+08:00'));
    expect(d.provisional).toBe(false);
  });

  it('keeps the working day of its options across refreshes', async () => {
    const store = new MemoryStore();
    const calendar = await loadBusinessCalendar(store.read, { workdayEnd: '17:00' });
    await calendar.refresh();
    expect(calendar.settings.workdayEnd).toBe('17:00');
    const d = calendar.deadline(new Date('2026-03-10T10:00:00+08:00'), { workingDays: 1 });
    expect(d.at).toEqual(new Date('2026-03-11T17:00:00+08:00'));
  });

  it('reads a row of the first format (bare date lists) as one unnamed holiday', async () => {
    const store = new MemoryStore();
    store.setReference(CALENDAR_REFERENCE_KIND, '2028', {
      year: 2028,
      holidays: ['2028-01-03'],
      workdays: ['2028-01-08'],
    });
    const [stored] = await loadStoredTables(store.read);
    expect(stored?.table.holidays).toEqual([
      { name: '节假日', nameEn: 'Holiday', dates: ['2028-01-03'] },
    ]);
    expect(stored?.imported).toBeNull();
  });

  it('a stored value that is not a table of its year stops the load', async () => {
    const store = new MemoryStore();
    store.setReference(CALENDAR_REFERENCE_KIND, '2028', {
      year: 2028,
      holidays: ['2029-01-01'],
      workdays: [],
    });
    const error = await loadStoredTables(store.read).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InfrastructureError);
    expect((error as InfrastructureError).code).toBe('CALENDAR_TABLE_CORRUPT');
    // A valid table under another year's key is refused too.
    store.setReference(CALENDAR_REFERENCE_KIND, '2028', storedTableRow(y2027, stamp).value);
    await expect(loadStoredTables(store.read)).rejects.toBeInstanceOf(InfrastructureError);
  });
});
