import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from './business-calendar.js';
import {
  explain,
  PROVISIONAL_NOTE_EN,
  PROVISIONAL_NOTE_ZH,
  type CountRecord,
} from './explanation.js';

const HOUR = 3_600_000;
const cal = createBusinessCalendar();
const at = (iso: string): Date => new Date(iso);

/** A count record with nothing skipped, to vary one field at a time. */
const record = (over: Partial<CountRecord>): CountRecord => ({
  rule: { workingDays: 1 },
  edge: 'deadline',
  fromDate: '2026-03-10',
  dueDate: '2026-03-11',
  dueMs: 17.5 * HOUR,
  skipped: [],
  makeups: [],
  uncovered: [],
  workday: { startMs: 9 * HOUR, endMs: 17.5 * HOUR },
  ...over,
});

describe('the explanation of a count', () => {
  it('says one working day, hour and weekend day in the singular', () => {
    expect(explain(record({}))).toEqual({
      zh: '1个工作日，截至 3月11日（周三）17:30',
      en: '1 working day, due Wed Mar 11 17:30',
    });
    expect(explain(record({ rule: { workingHours: 1 }, dueMs: 11 * HOUR }))).toEqual({
      zh: '1个工作小时（工作时间 09:00–17:30），截至 3月11日（周三）11:00',
      en: '1 working hour (working hours 09:00–17:30), due Wed Mar 11 11:00',
    });
    expect(
      explain(
        record({
          dueDate: '2026-03-16',
          skipped: [{ from: '2026-03-15', to: '2026-03-15', kind: 'weekend' }],
        }),
      ).en,
    ).toBe('1 working day, due Mon Mar 16 17:30; skipped 1 weekend day');
  });

  it('explains working hours, with the working day they are counted in', () => {
    const d = cal.deadline(at('2026-09-30T16:00:00+08:00'), { workingHours: 2 });
    expect(d.explanation).toEqual({
      zh: '2个工作小时（工作时间 09:00–17:30），截至 10月8日（周四）09:30；跳过 10月1日–7日 国庆节',
      en: '2 working hours (working hours 09:00–17:30), due Thu Oct 8 09:30; skipped Oct 1–7 National Day',
    });
    const late = createBusinessCalendar({ workdayStart: '08:15', workdayEnd: '18:45' });
    expect(
      late.deadline(at('2026-03-10T08:00:00+08:00'), { workingHours: 1.5 }).explanation,
    ).toEqual({
      zh: '1.5个工作小时（工作时间 08:15–18:45），截至 3月10日（周二）09:45',
      en: '1.5 working hours (working hours 08:15–18:45), due Tue Mar 10 09:45',
    });
  });

  it('explains reminders, in days and in hours', () => {
    expect(cal.reminder(at('2026-03-10T10:00:00+08:00'), { workingDays: 3 }).explanation).toEqual({
      zh: '3个工作日后提醒，于 3月16日（周一）09:00；跳过 周末 2 天',
      en: 'reminder after 3 working days, on Mon Mar 16 09:00; skipped 2 weekend days',
    });
    expect(cal.reminder(at('2026-03-13T10:00:00+08:00'), { workingDays: 1 }).explanation.en).toBe(
      'reminder after 1 working day, on Tue Mar 17 09:00; skipped 2 weekend days',
    );
    expect(cal.reminder(at('2026-09-30T16:00:00+08:00'), { workingHours: 2 }).explanation).toEqual({
      zh: '2个工作小时后提醒，于 10月9日（周五）09:00；跳过 10月1日–7日 国庆节',
      en: 'reminder after 2 working hours, on Fri Oct 9 09:00; skipped Oct 1–7 National Day',
    });
    expect(cal.reminder(at('2026-03-10T10:00:00+08:00'), { workingHours: 1 }).explanation.en).toBe(
      'reminder after 1 working hour, on Wed Mar 11 09:00',
    );
  });

  it('names every holiday skipped, then the weekend days, then each make-up day', () => {
    // From Thursday 2026-02-12: Fri 13th (1), Sat 14th worked (2), 春节 15th–23rd, 24th–27th
    // (3–6), Sat 28th worked (7), Sunday 1 March skipped, Monday 2 March (8).
    const d = cal.deadline(at('2026-02-12T10:00:00+08:00'), { workingDays: 8 });
    expect(d.explanation).toEqual({
      zh:
        '8个工作日，截至 3月2日（周一）17:30；跳过 2月15日–23日 春节、周末 1 天；' +
        '2月14日（周六）春节调休上班；2月28日（周六）春节调休上班',
      en:
        '8 working days, due Mon Mar 2 17:30; skipped Feb 15–23 Spring Festival, 1 weekend day; ' +
        'Sat Feb 14 is a make-up working day (Spring Festival); ' +
        'Sat Feb 28 is a make-up working day (Spring Festival)',
    });
  });

  it('says “holiday” for a holiday without a name', () => {
    const text = explain(
      record({
        dueDate: '2026-03-13',
        skipped: [{ from: '2026-03-11', to: '2026-03-12', kind: 'holiday' }],
      }),
    );
    expect(text).toEqual({
      zh: '1个工作日，截至 3月13日（周五）17:30；跳过 3月11日–12日 节假日',
      en: '1 working day, due Fri Mar 13 17:30; skipped Mar 11–12 holiday',
    });
  });

  it('says which years are provisional, every one of them', () => {
    const text = explain(
      record({ fromDate: '2027-12-30', dueDate: '2028-01-04', uncovered: [2027, 2028] }),
    );
    expect(text).toEqual({
      zh: `1个工作日，截至 2028年1月4日（周二）17:30；2027年、2028年节假日安排尚未公布，${PROVISIONAL_NOTE_ZH}`,
      en: `1 working day, due Tue Jan 4, 2028 17:30; 2027, 2028: no holiday arrangement published yet, ${PROVISIONAL_NOTE_EN}`,
    });
    expect(PROVISIONAL_NOTE_ZH).toBe('暂按周末计算，节假日安排公布后自动调整');
    expect(PROVISIONAL_NOTE_EN).toBe(
      'counted on weekends alone for now; adjusted automatically once the holiday arrangement is published',
    );
  });

  it('counts the weekend days of every weekend run', () => {
    // Monday 2026-03-09 + 10 working days: two weekends, 4 days.
    const d = cal.deadline(at('2026-03-09T10:00:00+08:00'), { workingDays: 10 });
    expect(d.explanation.zh).toBe('10个工作日，截至 3月23日（周一）17:30；跳过 周末 4 天');
    expect(d.explanation.en).toBe('10 working days, due Mon Mar 23 17:30; skipped 4 weekend days');
  });
});
