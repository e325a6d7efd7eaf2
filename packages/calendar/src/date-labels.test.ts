import { describe, expect, it } from 'vitest';
import { addDays } from './beijing-time.js';
import { clockLabel, enDays, enWeekday, zhDays, zhWeekday } from './date-labels.js';

describe('dates for people (zh-CN and English)', () => {
  it('names every weekday, Sunday to Saturday', () => {
    // 2026-10-04 is a Sunday.
    const week = Array.from({ length: 7 }, (_, i) => addDays('2026-10-04', i));
    expect(week.map(zhWeekday)).toEqual(['周日', '周一', '周二', '周三', '周四', '周五', '周六']);
    expect(week.map(enWeekday)).toEqual(['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']);
  });

  it('names every month in English', () => {
    const firsts = Array.from(
      { length: 12 },
      (_, i) => `2026-${String(i + 1).padStart(2, '0')}-01`,
    );
    expect(firsts.map((d) => enDays(d, d, 2026))).toEqual([
      'Jan 1',
      'Feb 1',
      'Mar 1',
      'Apr 1',
      'May 1',
      'Jun 1',
      'Jul 1',
      'Aug 1',
      'Sep 1',
      'Oct 1',
      'Nov 1',
      'Dec 1',
    ]);
    expect(firsts.map((d) => zhDays(d, d, 2026))).toEqual(
      Array.from({ length: 12 }, (_, i) => `${i + 1}月1日`),
    );
  });

  it('writes a day and a run of days in zh-CN, with the year only when it is another', () => {
    expect(zhDays('2026-10-01', '2026-10-01', 2026)).toBe('10月1日');
    expect(zhDays('2026-10-01', '2026-10-07', 2026)).toBe('10月1日–7日');
    expect(zhDays('2026-09-30', '2026-10-08', 2026)).toBe('9月30日–10月8日');
    expect(zhDays('2027-01-01', '2027-01-01', 2026)).toBe('2027年1月1日');
    expect(zhDays('2027-01-01', '2027-01-03', 2026)).toBe('2027年1月1日–3日');
    expect(zhDays('2027-02-27', '2027-03-02', 2026)).toBe('2027年2月27日–3月2日');
    // A run across New Year writes both years, even the count's own.
    expect(zhDays('2026-12-31', '2027-01-03', 2026)).toBe('2026年12月31日–2027年1月3日');
    expect(zhDays('2026-12-31', '2027-01-03', 2027)).toBe('2026年12月31日–2027年1月3日');
  });

  it('writes a day and a run of days in English, with the year only when it is another', () => {
    expect(enDays('2026-10-01', '2026-10-01', 2026)).toBe('Oct 1');
    expect(enDays('2026-10-01', '2026-10-07', 2026)).toBe('Oct 1–7');
    expect(enDays('2026-09-30', '2026-10-08', 2026)).toBe('Sep 30–Oct 8');
    expect(enDays('2027-01-01', '2027-01-01', 2026)).toBe('Jan 1, 2027');
    expect(enDays('2027-01-01', '2027-01-03', 2026)).toBe('Jan 1–3, 2027');
    expect(enDays('2027-02-27', '2027-03-02', 2026)).toBe('Feb 27–Mar 2, 2027');
    expect(enDays('2026-12-31', '2027-01-03', 2026)).toBe('Dec 31, 2026–Jan 3, 2027');
    expect(enDays('2026-12-31', '2027-01-03', 2027)).toBe('Dec 31, 2026–Jan 3, 2027');
  });

  it('writes a time of day as HH:MM, rounded to the minute', () => {
    expect(clockLabel(0)).toBe('00:00');
    expect(clockLabel(9 * 3_600_000)).toBe('09:00');
    expect(clockLabel(17.5 * 3_600_000)).toBe('17:30');
    expect(clockLabel((23 * 60 + 59) * 60_000)).toBe('23:59');
    expect(clockLabel(9 * 3_600_000 + 5 * 60_000)).toBe('09:05');
    expect(clockLabel(10 * 3_600_000 + 29_999)).toBe('10:00');
    expect(clockLabel(10 * 3_600_000 + 30_000)).toBe('10:01');
  });
});
