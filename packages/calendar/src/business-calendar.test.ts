import { describe, expect, it } from 'vitest';
import { addDays } from './beijing-time.js';
import { createBusinessCalendar } from './business-calendar.js';
import { CalendarSettingsError } from './calendar-settings.js';
import type { HolidayTable } from './year-table.js';

const cal = createBusinessCalendar();
const at = (iso: string): Date => new Date(iso);
/** Beijing wall-clock `YYYY-MM-DD HH:MM` of an instant. */
const bj = (d: Date): string =>
  new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
const days = (from: string, n: number) => cal.deadline(at(from), { workingDays: n });

/** 2027 as the State Council might announce it (test data, not the real arrangement). */
const y2027: HolidayTable = {
  year: 2027,
  source: { title: '测试用 2027 年安排' },
  holidays: [
    { name: '元旦', nameEn: "New Year's Day", dates: ['2027-01-01', '2027-01-02', '2027-01-03'] },
  ],
  workdays: [],
};

/** The State Council's 2026 notice (国办发明电〔2025〕7号), as the package must give it. */
const HOLIDAYS_2026: Record<string, string> = {};
const range = (name: string, from: string, to: string) => {
  for (let d = from; d <= to; d = addDays(d, 1)) HOLIDAYS_2026[d] = name;
};
range('元旦', '2026-01-01', '2026-01-03');
range('春节', '2026-02-15', '2026-02-23');
range('清明节', '2026-04-04', '2026-04-06');
range('劳动节', '2026-05-01', '2026-05-05');
range('端午节', '2026-06-19', '2026-06-21');
range('中秋节', '2026-09-25', '2026-09-27');
range('国庆节', '2026-10-01', '2026-10-07');
const MAKEUP_2026: Record<string, string> = {
  '2026-01-04': '元旦',
  '2026-02-14': '春节',
  '2026-02-28': '春节',
  '2026-05-09': '劳动节',
  '2026-09-20': '国庆节',
  '2026-10-10': '国庆节',
};

describe('the 2026 table, day by day', () => {
  it('gives every day of 2026 its kind and holiday name', () => {
    const wrong: string[] = [];
    let working = 0;
    for (let d = '2026-01-01'; d < '2027-01-01'; d = addDays(d, 1)) {
      const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
      const expected = MAKEUP_2026[d]
        ? { kind: 'makeup', name: MAKEUP_2026[d] }
        : HOLIDAYS_2026[d]
          ? { kind: 'holiday', name: HOLIDAYS_2026[d] }
          : { kind: wd === 0 || wd === 6 ? 'weekend' : 'work', name: undefined };
      const day = cal.day(d);
      if (day.kind !== expected.kind || day.name?.zh !== expected.name) {
        wrong.push(`${d}: ${day.kind} ${day.name?.zh ?? ''}`);
      }
      if (cal.isWorkingDay(d)) working += 1;
    }
    expect(wrong).toEqual([]);
    // 365 days − 104 weekend days − 19 holidays on weekdays + 6 make-up days.
    expect(working).toBe(248);
    expect(cal.day('2026-10-01').name).toEqual({ zh: '国庆节', en: 'National Day' });
    expect(cal.day('2026-09-20')).toMatchObject({ kind: 'makeup', weekday: 0 });
    expect(cal.arrangement(2026)?.origin).toBe('package');
    expect(cal.coveredYears()[0]).toBe(2004);
    expect(cal.coveredYears().at(-1)).toBe(2026);
  });
});

describe('deadlines end at the end of a working day (17:30 Beijing)', () => {
  it('Tuesday 20:32 + 5 working days is the fifth working day at 17:30', () => {
    const d = days('2026-03-10T20:32:00+08:00', 5); // a Tuesday evening
    expect(bj(d.at)).toBe('2026-03-17 17:30');
    expect(d.provisional).toBe(false);
    expect(d.years).toEqual([2026]);
    expect(d.explanation.zh).toBe('5个工作日，截至 3月17日（周二）17:30；跳过 周末 2 天');
    expect(d.explanation.en).toBe('5 working days, due Tue Mar 17 17:30; skipped 2 weekend days');
  });

  it('counts over National Day and its make-up working days', () => {
    expect(bj(days('2026-09-30T10:30:00+08:00', 1).at)).toBe('2026-10-08 17:30');
    expect(bj(days('2026-09-30T10:30:00+08:00', 3).at)).toBe('2026-10-10 17:30'); // Saturday worked
    expect(bj(days('2026-09-18T15:00:00+08:00', 1).at)).toBe('2026-09-20 17:30'); // Sunday worked
    expect(bj(days('2026-09-28T09:00:00+08:00', 3).at)).toBe('2026-10-08 17:30');
    // A Beijing date differs from the UTC date late in the evening.
    expect(bj(days('2026-09-30T23:30:00+08:00', 1).at)).toBe('2026-10-08 17:30');
    // From a holiday, the first working day counts as one.
    expect(bj(days('2026-10-03T08:00:00+08:00', 1).at)).toBe('2026-10-08 17:30');
    // 0 days: the end of this working day, or of the next one after hours or on a day off.
    expect(bj(days('2026-09-30T10:00:00+08:00', 0).at)).toBe('2026-09-30 17:30');
    expect(bj(days('2026-09-30T18:00:00+08:00', 0).at)).toBe('2026-10-08 17:30');
    expect(bj(days('2026-10-03T10:00:00+08:00', 0).at)).toBe('2026-10-08 17:30');
  });

  it('explains National Day: the rule, the holiday skipped by name, the make-up day', () => {
    const d = days('2026-09-30T10:30:00+08:00', 5);
    expect(bj(d.at)).toBe('2026-10-13 17:30');
    expect(d.skipped).toEqual([
      { from: '2026-10-01', to: '2026-10-07', kind: 'holiday', name: '国庆节' },
      { from: '2026-10-11', to: '2026-10-11', kind: 'weekend' },
    ]);
    expect(d.explanation).toEqual({
      zh: '5个工作日，截至 10月13日（周二）17:30；跳过 10月1日–7日 国庆节、周末 1 天；10月10日（周六）国庆节调休上班',
      en:
        '5 working days, due Tue Oct 13 17:30; skipped Oct 1–7 National Day, 1 weekend day; ' +
        'Sat Oct 10 is a make-up working day (National Day)',
    });
    const both = days('2026-09-24T10:00:00+08:00', 5);
    expect(bj(both.at)).toBe('2026-10-09 17:30');
    expect(both.explanation.zh).toBe(
      '5个工作日，截至 10月9日（周五）17:30；跳过 9月25日–27日 中秋节、10月1日–7日 国庆节',
    );
  });

  it('reminders arrive at 09:00 of the working day after the span', () => {
    const r = cal.reminder(at('2026-03-10T10:00:00+08:00'), { workingDays: 3 });
    expect(bj(r.at)).toBe('2026-03-16 09:00'); // Friday's span, Monday morning
    expect(r.explanation.zh).toBe('3个工作日后提醒，于 3月16日（周一）09:00；跳过 周末 2 天');
    expect(bj(cal.reminder(at('2026-09-28T10:00:00+08:00'), { workingDays: 3 }).at)).toBe(
      '2026-10-09 09:00',
    );
  });

  it('counts working hours inside 09:00–17:30 of working days', () => {
    const hours = (from: string, h: number) => bj(cal.deadline(at(from), { workingHours: h }).at);
    expect(hours('2026-09-30T16:00:00+08:00', 2)).toBe('2026-10-08 09:30');
    expect(hours('2026-09-30T07:00:00+08:00', 8.5)).toBe('2026-09-30 17:30');
    expect(hours('2026-09-30T18:00:00+08:00', 1)).toBe('2026-10-08 10:00');
    expect(hours('2026-10-02T12:00:00+08:00', 12)).toBe('2026-10-09 12:30');
    expect(hours('2026-10-09T16:30:00+08:00', 2)).toBe('2026-10-10 10:00');
    expect(hours('2026-09-30T10:00:00+08:00', 0.5)).toBe('2026-09-30 10:30');
    expect(hours('2026-10-02T12:00:00+08:00', 0)).toBe('2026-10-08 09:00');
    const r = cal.reminder(at('2026-09-30T16:00:00+08:00'), { workingHours: 2 });
    expect(bj(r.at)).toBe('2026-10-09 09:00');
  });

  it('takes the working day from its options, and refuses bad ones clearly', () => {
    const late = createBusinessCalendar({ workdayStart: '08:30', workdayEnd: '18:00' });
    expect(bj(late.deadline(at('2026-03-10T20:32:00+08:00'), { workingDays: 5 }).at)).toBe(
      '2026-03-17 18:00',
    );
    expect(bj(late.reminder(at('2026-03-10T10:00:00+08:00'), { workingDays: 3 }).at)).toBe(
      '2026-03-16 08:30',
    );
    expect(() => createBusinessCalendar({ workdayEnd: '5pm' })).toThrow(CalendarSettingsError);
    expect(() => createBusinessCalendar({ workdayEnd: '24:00' })).toThrow(/HH:MM/);
    expect(() => createBusinessCalendar({ workdayStart: '18:00' })).toThrow(/later than/);
  });

  it('refuses nonsense counts and dates', () => {
    const from = at('2026-09-30T10:00:00+08:00');
    expect(() => cal.deadline(from, { workingDays: -1 })).toThrow(RangeError);
    expect(() => cal.deadline(from, { workingDays: 1.5 })).toThrow(RangeError);
    expect(() => cal.deadline(from, { workingHours: Number.NaN })).toThrow(RangeError);
    expect(() => cal.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => cal.isWorkingDay('2026-9-1')).toThrow(RangeError);
    // A refused date is not remembered as anything: it is refused again.
    expect(() => cal.day('2026-02-30')).toThrow(RangeError);
  });
});

describe('a calendar remembers the days it has looked at', () => {
  it('answers a date it has seen with the same day, and the same as a fresh calendar', () => {
    const seen = createBusinessCalendar();
    expect(seen.day('2026-10-01')).toBe(seen.day('2026-10-01'));
    expect(seen.day('2026-10-01')).toEqual(createBusinessCalendar().day('2026-10-01'));
  });

  it('stays right past the number of days it keeps (it starts over)', () => {
    const walker = createBusinessCalendar();
    const fresh = (date: string) => createBusinessCalendar().day(date);
    // Twelve years of days, more than it keeps, then days of the first year again.
    for (let d = '2015-01-01'; d < '2027-01-01'; d = addDays(d, 1)) walker.day(d);
    for (const d of ['2015-01-01', '2015-02-19', '2026-10-01', '2026-10-10']) {
      expect(walker.day(d)).toEqual(fresh(d));
    }
    const from = at('2015-09-30T10:00:00+08:00');
    expect(walker.deadline(from, { workingDays: 5 })).toEqual(
      createBusinessCalendar().deadline(from, { workingDays: 5 }),
    );
  });
});

describe('a year without an official table', () => {
  it('is counted on weekends alone and marked provisional, never refused', () => {
    expect(cal.isCovered(2027)).toBe(false);
    expect(cal.isWorkingDay('2027-01-01')).toBe(true); // a Friday, until the table says otherwise
    const d = days('2026-12-28T10:00:00+08:00', 5);
    expect(bj(d.at)).toBe('2027-01-04 17:30');
    expect(d.provisional).toBe(true);
    expect(d.years).toEqual([2026, 2027]);
    expect(d.explanation.zh).toBe(
      '5个工作日，截至 2027年1月4日（周一）17:30；跳过 周末 2 天；' +
        '2027年节假日安排尚未公布，暂按周末计算，节假日安排公布后自动调整',
    );
    expect(d.explanation.en).toContain('2027: no holiday arrangement published yet');
    // Inside the covered year nothing is provisional.
    const inside = days('2026-12-28T10:00:00+08:00', 3);
    expect(bj(inside.at)).toBe('2026-12-31 17:30');
    expect(inside.provisional).toBe(false);
    // A reminder whose next morning falls in 2027 is provisional too.
    const r = cal.reminder(at('2026-12-28T10:00:00+08:00'), { workingDays: 3 });
    expect(bj(r.at)).toBe('2027-01-01 09:00');
    expect(r.provisional).toBe(true);
  });

  it('is counted on its table once imported', () => {
    const withTable = cal.withTable(y2027);
    expect(withTable.isCovered(2027)).toBe(true);
    expect(withTable.arrangement(2027)?.origin).toBe('import');
    const d = withTable.deadline(at('2026-12-28T10:00:00+08:00'), { workingDays: 5 });
    expect(bj(d.at)).toBe('2027-01-05 17:30');
    expect(d.provisional).toBe(false);
    expect(d.explanation.zh).toBe(
      '5个工作日，截至 2027年1月5日（周二）17:30；跳过 2027年1月1日–3日 元旦',
    );
    expect(cal.isCovered(2027)).toBe(false); // withTable leaves the calendar itself alone
  });

  it('an imported table replaces the package data of a covered year', () => {
    const corrected = createBusinessCalendar({
      tables: [
        {
          year: 2026,
          source: { title: '更正' },
          holidays: [{ name: '国庆节', nameEn: 'National Day', dates: ['2026-10-01'] }],
          workdays: [],
        },
      ],
    });
    expect(corrected.isWorkingDay('2026-10-02')).toBe(true);
    expect(corrected.isWorkingDay('2026-10-10')).toBe(false);
    expect(corrected.arrangement(2026)?.source.title).toBe('更正');
  });
});
