import { describe, expect, it } from 'vitest';
import {
  CalendarSettingsError,
  calendarSettingsFromEnv,
  DEFAULT_CALENDAR_SETTINGS,
  resolveCalendarSettings,
} from './calendar-settings.js';

describe('calendar settings', () => {
  it('default to 09:00–17:30 and a warning from 1 November', () => {
    expect(calendarSettingsFromEnv({})).toEqual({
      workdayStart: '09:00',
      workdayEnd: '17:30',
      warnFrom: '11-01',
    });
    expect(calendarSettingsFromEnv({ CERTFLOW_WORKDAY_END: '' })).toEqual(
      DEFAULT_CALENDAR_SETTINGS,
    );
    expect(resolveCalendarSettings()).toMatchObject({
      startMs: 9 * 3_600_000,
      endMs: 17.5 * 3_600_000,
    });
  });

  it('are read from CERTFLOW_WORKDAY_START, CERTFLOW_WORKDAY_END, CERTFLOW_CALENDAR_WARN_FROM', () => {
    expect(
      calendarSettingsFromEnv({
        CERTFLOW_WORKDAY_START: '08:30',
        CERTFLOW_WORKDAY_END: ' 18:00 ',
        CERTFLOW_CALENDAR_WARN_FROM: '10-15',
      }),
    ).toEqual({ workdayStart: '08:30', workdayEnd: '18:00', warnFrom: '10-15' });
  });

  it('name the variable of a bad value, in zh-CN and English', () => {
    const bad = (env: Record<string, string>): CalendarSettingsError => {
      try {
        calendarSettingsFromEnv(env);
      } catch (error) {
        if (error instanceof CalendarSettingsError) return error;
        throw error;
      }
      throw new Error('expected a CalendarSettingsError');
    };
    const e = bad({ CERTFLOW_WORKDAY_END: '5pm' });
    expect(e.setting).toBe('CERTFLOW_WORKDAY_END');
    expect(e.messages.zh).toContain('CERTFLOW_WORKDAY_END 须为 24 小时制时间 HH:MM');
    expect(e.messages.en).toContain('CERTFLOW_WORKDAY_END must be a 24-hour time HH:MM');
    expect(bad({ CERTFLOW_WORKDAY_START: '9:00' }).setting).toBe('CERTFLOW_WORKDAY_START');
    expect(bad({ CERTFLOW_WORKDAY_START: '18:00' }).messages.en).toContain('must be later than');
    expect(bad({ CERTFLOW_CALENDAR_WARN_FROM: '11-31' }).setting).toBe(
      'CERTFLOW_CALENDAR_WARN_FROM',
    );
    expect(bad({ CERTFLOW_CALENDAR_WARN_FROM: '1101' }).messages.zh).toContain('MM-DD');
  });
});
