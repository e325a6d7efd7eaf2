import { MemoryStore } from '@certflow/engine/testing';
import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from './business-calendar.js';
import { sendCoverageWarningIfDue } from './coverage-mail.js';
import { calendarCoverageWarning, coverageWarningMail, isoWeek } from './coverage-warning.js';

const cal = createBusinessCalendar(); // covers 2004–2026
const covered2027 = cal.withTable({
  year: 2027,
  source: { title: 't' },
  holidays: [{ name: '元旦', nameEn: "New Year's Day", dates: ['2027-01-01'] }],
  workdays: [],
});
const at = (iso: string): Date => new Date(iso);

describe('the warning that next year has no table', () => {
  it('stands from 1 November (Beijing) while next year is not covered', () => {
    expect(calendarCoverageWarning(cal, at('2026-10-31T23:59:00+08:00'))).toBeNull();
    // 16:00 UTC on 31 October is already 1 November in Beijing.
    const w = calendarCoverageWarning(cal, at('2026-10-31T16:00:00Z'));
    expect(w).toMatchObject({
      code: 'CALENDAR_NEXT_YEAR_NOT_COVERED',
      year: 2027,
      since: '2026-11-01',
    });
    expect(w?.message).toContain('2027年节假日安排尚未导入');
    expect(w?.message).toContain('暂按周末计算，节假日安排公布后自动调整');
    expect(w?.messageEn).toContain('The 2027 holiday table has not been imported');
    expect(calendarCoverageWarning(cal, at('2026-12-31T12:00:00+08:00'))?.year).toBe(2027);
    expect(calendarCoverageWarning(covered2027, at('2026-11-15T12:00:00+08:00'))).toBeNull();
    // In 2027 itself the warning is about 2028, from 1 November 2027.
    expect(calendarCoverageWarning(covered2027, at('2027-06-01T12:00:00+08:00'))).toBeNull();
    expect(calendarCoverageWarning(covered2027, at('2027-11-01T09:00:00+08:00'))?.year).toBe(2028);
  });

  it('starts on the configured day', () => {
    const s = { warnFrom: '10-15' };
    expect(calendarCoverageWarning(cal, at('2026-10-14T12:00:00+08:00'), s)).toBeNull();
    expect(calendarCoverageWarning(cal, at('2026-10-15T00:00:00+08:00'), s)?.since).toBe(
      '2026-10-15',
    );
  });

  it('names ISO weeks in Beijing time', () => {
    expect(isoWeek('2026-11-02')).toBe('2026-W45'); // a Monday
    expect(isoWeek('2026-11-08')).toBe('2026-W45'); // its Sunday
    expect(isoWeek('2026-11-09')).toBe('2026-W46');
    expect(isoWeek('2026-12-31')).toBe('2026-W53');
    expect(isoWeek('2027-01-03')).toBe('2026-W53');
    expect(isoWeek('2027-01-04')).toBe('2027-W01');
  });

  it('mails 教务处 once a week until the table is loaded', async () => {
    const store = new MemoryStore();
    const monday = at('2026-11-02T09:00:00+08:00');
    const mail = coverageWarningMail(cal, monday);
    expect(mail).toMatchObject({
      id: 'calendar-coverage:2027:2026-W45',
      kind: 'calendar.coverage-warning',
      instanceId: null,
      payload: {
        year: 2027,
        week: '2026-W45',
        audience: { role: 'academic_affairs', college: null },
      },
    });
    expect((await sendCoverageWarningIfDue(store, cal, monday))?.week).toBe('2026-W45');
    // Again on Monday, and on Friday of the same week: nothing more.
    expect(await sendCoverageWarningIfDue(store, cal, monday)).toBeNull();
    expect(await sendCoverageWarningIfDue(store, cal, at('2026-11-06T09:00:00+08:00'))).toBeNull();
    // The next week: a second mail.
    expect(
      (await sendCoverageWarningIfDue(store, cal, at('2026-11-09T09:00:00+08:00')))?.week,
    ).toBe('2026-W46');
    const queued = await store.dispatch.pendingOutbox(at('2027-01-01T00:00:00Z'), 10);
    expect(queued.map((r) => r.id)).toEqual([
      'calendar-coverage:2027:2026-W45',
      'calendar-coverage:2027:2026-W46',
    ]);
    // Once loaded, no more.
    expect(
      await sendCoverageWarningIfDue(store, covered2027, at('2026-11-16T09:00:00+08:00')),
    ).toBeNull();
    expect(coverageWarningMail(cal, at('2026-10-30T09:00:00+08:00'))).toBeNull();
  });
});
