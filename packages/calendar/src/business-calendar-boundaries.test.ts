import { describe, expect, it } from 'vitest';
import { addDays } from './beijing-time.js';
import { createBusinessCalendar } from './business-calendar.js';
import { arrangementOf, type HolidayTable } from './year-table.js';

const cal = createBusinessCalendar();
const at = (iso: string): Date => new Date(iso);
/** Beijing wall-clock `YYYY-MM-DD HH:MM` of an instant. */
const bj = (d: Date): string =>
  new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
const dates = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
};
const table = (
  year: number,
  holidays: HolidayTable['holidays'],
  workdays: HolidayTable['workdays'] = [],
) => ({
  year,
  source: { title: `测试 ${year}` },
  holidays,
  workdays,
});

describe('the end of the working day is a boundary', () => {
  it('0 working days: before 17:30 today, from 17:30 on the next working day', () => {
    const zero = (iso: string) => bj(cal.deadline(at(iso), { workingDays: 0 }).at);
    expect(zero('2026-09-30T17:29:59.999+08:00')).toBe('2026-09-30 17:30');
    expect(zero('2026-09-30T17:30:00+08:00')).toBe('2026-10-08 17:30');
    expect(zero('2026-09-30T00:00:00+08:00')).toBe('2026-09-30 17:30');
    // A make-up Saturday is a working day.
    expect(zero('2026-10-10T12:00:00+08:00')).toBe('2026-10-10 17:30');
    // A count that never leaves its day still walked through its year.
    const today = cal.deadline(at('2026-09-30T10:00:00+08:00'), { workingDays: 0 });
    expect(today.years).toEqual([2026]);
    expect(today.skipped).toEqual([]);
    const uncovered = cal.deadline(at('2027-03-03T10:00:00+08:00'), { workingDays: 0 });
    expect(bj(uncovered.at)).toBe('2027-03-03 17:30');
    expect(uncovered.years).toEqual([2027]);
    expect(uncovered.provisional).toBe(true);
  });

  it('working hours: 17:30 is already after hours, 09:00 is already open', () => {
    const hours = (iso: string, h: number) => bj(cal.deadline(at(iso), { workingHours: h }).at);
    expect(hours('2026-09-30T17:30:00+08:00', 0)).toBe('2026-10-08 09:00');
    expect(hours('2026-09-30T17:29:00+08:00', 0)).toBe('2026-09-30 17:29');
    expect(hours('2026-09-29T09:00:00+08:00', 1)).toBe('2026-09-29 10:00');
    expect(hours('2026-09-29T08:59:00+08:00', 1)).toBe('2026-09-29 10:00');
    expect(hours('2026-09-29T08:59:00+08:00', 0)).toBe('2026-09-29 09:00');
    // Exactly a day's 8.5 hours from 09:00 ends at 17:30 that day; a minute more is the next.
    expect(hours('2026-09-29T09:00:00+08:00', 8.5)).toBe('2026-09-29 17:30');
    expect(hours('2026-09-29T09:00:00+08:00', 8.5 + 1 / 60)).toBe('2026-09-30 09:01');
    // Three days and a half: 29th, 30th, then National Day, then 8th and the 9th morning.
    expect(hours('2026-09-29T09:00:00+08:00', 3 * 8.5 + 1)).toBe('2026-10-09 10:00');
  });

  it('refuses a bad count with a message naming it', () => {
    const from = at('2026-09-30T10:00:00+08:00');
    expect(() => cal.deadline(from, { workingDays: -1 })).toThrow(
      new RangeError('working days must be a whole number ≥ 0, got -1'),
    );
    expect(() => cal.reminder(from, { workingDays: 0.5 })).toThrow(
      'working days must be a whole number ≥ 0, got 0.5',
    );
    expect(() => cal.deadline(from, { workingHours: -0.5 })).toThrow(
      new RangeError('working hours must be ≥ 0, got -0.5'),
    );
    expect(() => cal.deadline(from, { workingHours: Number.POSITIVE_INFINITY })).toThrow(
      'working hours must be ≥ 0, got Infinity',
    );
    expect(() => cal.day('2026-9-30')).toThrow(new RangeError('not a YYYY-MM-DD date: 2026-9-30'));
  });
});

describe('what a count reports', () => {
  it('lists each run of days skipped, a weekend without a name', () => {
    // Monday 2026-03-09 + 10 working days: two separate weekends.
    const d = cal.deadline(at('2026-03-09T10:00:00+08:00'), { workingDays: 10 });
    expect(bj(d.at)).toBe('2026-03-23 17:30');
    expect(d.skipped).toStrictEqual([
      { from: '2026-03-14', to: '2026-03-15', kind: 'weekend' },
      { from: '2026-03-21', to: '2026-03-22', kind: 'weekend' },
    ]);
    expect(d.years).toEqual([2026]);
    expect(d.provisional).toBe(false);
  });

  it('keeps two holidays that touch apart, and a holiday apart from the weekend after it', () => {
    const c = createBusinessCalendar({
      tables: [
        table(2030, [
          { name: '甲节', nameEn: 'A Day', dates: ['2030-10-01', '2030-10-02'] },
          { name: '乙节', nameEn: 'B Day', dates: ['2030-10-03', '2030-10-04'] },
        ]),
      ],
    });
    // 2030-09-30 is a Monday; the 5th and 6th are the weekend.
    const d = c.deadline(at('2030-09-30T10:00:00+08:00'), { workingDays: 1 });
    expect(bj(d.at)).toBe('2030-10-07 17:30');
    expect(d.skipped).toStrictEqual([
      { from: '2030-10-01', to: '2030-10-02', kind: 'holiday', name: '甲节' },
      { from: '2030-10-03', to: '2030-10-04', kind: 'holiday', name: '乙节' },
      { from: '2030-10-05', to: '2030-10-06', kind: 'weekend' },
    ]);
    expect(d.explanation.en).toBe(
      '1 working day, due Mon Oct 7 17:30; skipped Oct 1–2 A Day, Oct 3–4 B Day, 2 weekend days',
    );
  });

  it('finds a working day after 60 days off, and gives up after 61', () => {
    // 2030-01-04 is a Friday; 5 January + 59 days is Tuesday 5 March, the 6th a Wednesday.
    const sixty = createBusinessCalendar({
      tables: [
        table(2030, [{ name: '长假', nameEn: 'Long', dates: dates('2030-01-05', '2030-03-05') }]),
      ],
    });
    const d = sixty.deadline(at('2030-01-04T10:00:00+08:00'), { workingDays: 1 });
    expect(bj(d.at)).toBe('2030-03-06 17:30');
    expect(d.skipped).toStrictEqual([
      { from: '2030-01-05', to: '2030-03-05', kind: 'holiday', name: '长假' },
    ]);
    const sixtyOne = createBusinessCalendar({
      tables: [
        table(2030, [{ name: '长假', nameEn: 'Long', dates: dates('2030-01-05', '2030-03-06') }]),
      ],
    });
    expect(() => sixtyOne.deadline(at('2030-01-04T10:00:00+08:00'), { workingDays: 1 })).toThrow(
      new RangeError('no working day within 60 days after 2030-01-04'),
    );
  });

  it('walks through every year it counts in, and only those without a table are provisional', () => {
    const bare = createBusinessCalendar({ arrangements: new Map() });
    const d = bare.deadline(at('2026-12-31T10:00:00+08:00'), { workingDays: 1 });
    expect(bj(d.at)).toBe('2027-01-01 17:30');
    expect(d.years).toEqual([2026, 2027]);
    expect(d.provisional).toBe(true);
    expect(d.explanation.zh).toBe(
      '1个工作日，截至 2027年1月1日（周五）17:30；2026年、2027年节假日安排尚未公布，暂按周末计算，节假日安排公布后自动调整',
    );
    // Covered the year it starts in, not the one it ends in.
    const y2026 = cal.arrangement(2026);
    if (!y2026) throw new Error('2026 is in the package');
    const half = createBusinessCalendar({ arrangements: new Map([[2026, y2026]]) });
    expect(half.deadline(at('2026-12-30T10:00:00+08:00'), { workingDays: 1 }).provisional).toBe(
      false,
    );
    expect(half.deadline(at('2026-12-31T10:00:00+08:00'), { workingDays: 1 }).provisional).toBe(
      true,
    );
  });
});

describe('days and years', () => {
  it('gives a day its date, weekday and kind, a name only to holidays and make-up days', () => {
    expect(cal.day('2026-10-09')).toStrictEqual({ date: '2026-10-09', weekday: 5, kind: 'work' });
    expect(cal.day('2026-10-11')).toStrictEqual({
      date: '2026-10-11',
      weekday: 0,
      kind: 'weekend',
    });
    expect(cal.day('2026-10-17')).toStrictEqual({
      date: '2026-10-17',
      weekday: 6,
      kind: 'weekend',
    });
    expect(cal.day('2026-10-10')).toStrictEqual({
      date: '2026-10-10',
      weekday: 6,
      kind: 'makeup',
      name: { zh: '国庆节', en: 'National Day' },
    });
    expect(cal.day('2026-10-05')).toStrictEqual({
      date: '2026-10-05',
      weekday: 1,
      kind: 'holiday',
      name: { zh: '国庆节', en: 'National Day' },
    });
    expect(cal.isWorkingDay('2026-10-10')).toBe(true);
    expect(cal.isWorkingDay('2026-10-05')).toBe(false);
    expect(cal.isWorkingDay('2026-10-11')).toBe(false);
    expect(cal.isWorkingDay('2026-10-09')).toBe(true);
  });

  it('lists the covered years in ascending order whatever order they came in', () => {
    const a = (year: number) =>
      arrangementOf(
        table(year, [{ name: '元旦', nameEn: "New Year's Day", dates: [`${year}-01-01`] }]),
      );
    const c = createBusinessCalendar({
      arrangements: new Map([
        [2031, a(2031)],
        [2029, a(2029)],
      ]),
      tables: [table(2030, [{ name: '元旦', nameEn: "New Year's Day", dates: ['2030-01-01'] }])],
    });
    expect(c.coveredYears()).toEqual([2029, 2030, 2031]);
    expect(c.isCovered(2030)).toBe(true);
    expect(c.isCovered(2032)).toBe(false);
    expect(c.arrangement(2031)?.origin).toBe('import');
    expect(c.arrangement(2030)?.source.title).toBe('测试 2030');
    expect(c.arrangement(2032)).toBeUndefined();
    // The package's years when no arrangements are given.
    expect(cal.coveredYears()).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
  });

  it('withTable keeps the other tables and the options, and replaces the year it is for', () => {
    const late = createBusinessCalendar({
      workdayEnd: '18:00',
      tables: [table(2027, [{ name: '元旦', nameEn: "New Year's Day", dates: ['2027-01-01'] }])],
    });
    const next = late.withTable(
      table(2028, [{ name: '元旦', nameEn: "New Year's Day", dates: ['2028-01-03'] }]),
    );
    expect(next.isCovered(2027)).toBe(true);
    expect(next.isCovered(2028)).toBe(true);
    expect(next.settings.workdayEnd).toBe('18:00');
    expect(next.isWorkingDay('2027-01-01')).toBe(false);
    expect(next.isWorkingDay('2028-01-03')).toBe(false);
    expect(late.isCovered(2028)).toBe(false);
    const again = next.withTable(
      table(2027, [{ name: '春节', nameEn: 'Spring Festival', dates: ['2027-02-08'] }]),
    );
    expect(again.isWorkingDay('2027-01-01')).toBe(true);
    expect(again.isWorkingDay('2027-02-08')).toBe(false);
    expect(again.isCovered(2028)).toBe(true);
    // On arrangements of its own, withTable stays on them.
    const bare = createBusinessCalendar({ arrangements: new Map() });
    expect(
      bare
        .withTable(table(2027, [{ name: '元旦', nameEn: "New Year's Day", dates: ['2027-01-01'] }]))
        .coveredYears(),
    ).toEqual([2027]);
  });
});
