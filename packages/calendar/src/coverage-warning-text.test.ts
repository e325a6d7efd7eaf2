import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from './business-calendar.js';
import {
  calendarCoverageWarning,
  COVERAGE_WARNING_OUTBOX_KIND,
  coverageWarningMail,
  isoWeek,
} from './coverage-warning.js';

const cal = createBusinessCalendar(); // covers 2004–2026
const at = (iso: string): Date => new Date(iso);

describe('the coverage warning, word for word', () => {
  it('tells 教务处 what is provisional and how to import the table', () => {
    expect(calendarCoverageWarning(cal, at('2026-11-01T00:00:00+08:00'))).toEqual({
      code: 'CALENDAR_NEXT_YEAR_NOT_COVERED',
      year: 2027,
      since: '2026-11-01',
      message:
        '2027年节假日安排尚未导入：截止时间落在2027年的待办暂按周末计算，节假日安排公布后自动调整。' +
        '请教务处在国务院办公厅通知发布后导入（pnpm certflow calendar import <文件>，或 PUT /api/calendar/2027）。',
      messageEn:
        'The 2027 holiday table has not been imported: deadlines in 2027 are counted on weekends alone ' +
        'for now and adjusted automatically once it is. Academic Affairs imports it when the State Council ' +
        'publishes the notice (pnpm certflow calendar import <file>, or PUT /api/calendar/2027).',
    });
  });

  it('starts on the warning day itself and asks about next year only', () => {
    expect(calendarCoverageWarning(cal, at('2026-10-31T23:59:59+08:00'))).toBeNull();
    expect(calendarCoverageWarning(cal, at('2026-11-01T00:00:00+08:00'))?.since).toBe('2026-11-01');
    // 2026 is covered, 2027 is not: in 2025 the warning is about 2026, which is covered.
    expect(calendarCoverageWarning(cal, at('2025-12-01T12:00:00+08:00'))).toBeNull();
    const only2025 = { isCovered: (y: number) => y === 2025 };
    expect(calendarCoverageWarning(only2025, at('2025-12-01T12:00:00+08:00'))).toMatchObject({
      year: 2026,
      since: '2025-11-01',
    });
    expect(
      calendarCoverageWarning(cal, at('2026-12-01T12:00:00+08:00'), { warnFrom: '12-02' }),
    ).toBeNull();
    expect(
      calendarCoverageWarning(cal, at('2026-12-02T12:00:00+08:00'), { warnFrom: '12-02' })?.since,
    ).toBe('2026-12-02');
  });
});

describe('the coverage mail row', () => {
  it('is a pending outbox row of this week, due now', () => {
    const now = at('2026-11-04T10:00:00+08:00');
    const row = coverageWarningMail(cal, now);
    const warning = calendarCoverageWarning(cal, now);
    expect(COVERAGE_WARNING_OUTBOX_KIND).toBe('calendar.coverage-warning');
    expect(row).toEqual({
      id: 'calendar-coverage:2027:2026-W45',
      instanceId: null,
      kind: 'calendar.coverage-warning',
      payload: {
        notification: 'calendar-coverage',
        year: 2027,
        week: '2026-W45',
        since: '2026-11-01',
        audience: { role: 'academic_affairs', college: null },
        message: warning?.message,
        messageEn: warning?.messageEn,
      },
      status: 'pending',
      attempts: 0,
      createdAt: now,
      availableAt: now,
      deliveredAt: null,
      lastError: null,
    });
    // The week is Beijing's: Sunday 16:00 UTC is already Monday of the next week.
    expect(coverageWarningMail(cal, at('2026-11-08T16:00:00Z'))?.id).toBe(
      'calendar-coverage:2027:2026-W46',
    );
    expect(coverageWarningMail(cal, at('2026-11-08T15:59:00Z'))?.id).toBe(
      'calendar-coverage:2027:2026-W45',
    );
  });
});

describe('ISO weeks', () => {
  it('belong to the year of their Thursday', () => {
    expect(isoWeek('2026-01-01')).toBe('2026-W01'); // a Thursday
    expect(isoWeek('2025-12-29')).toBe('2026-W01'); // its Monday
    expect(isoWeek('2021-01-03')).toBe('2020-W53'); // a Sunday
    expect(isoWeek('2021-01-04')).toBe('2021-W01');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(isoWeek('2026-03-08')).toBe('2026-W10');
    expect(isoWeek('2026-03-09')).toBe('2026-W11');
    expect(isoWeek('2026-07-15')).toBe('2026-W29');
  });
});
