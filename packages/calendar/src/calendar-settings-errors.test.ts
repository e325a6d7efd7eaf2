import { describe, expect, it } from 'vitest';
import {
  CALENDAR_ENV,
  CalendarSettingsError,
  calendarSettingsFromEnv,
  clockMs,
  isMonthDay,
  resolveCalendarSettings,
} from './calendar-settings.js';

const MINUTE = 60_000;

/** The CalendarSettingsError `run` throws. */
const refusal = (run: () => unknown): CalendarSettingsError => {
  try {
    run();
  } catch (error) {
    if (error instanceof CalendarSettingsError) return error;
    throw error;
  }
  throw new Error('expected a CalendarSettingsError');
};

describe('clock times and days of the year', () => {
  it('reads HH:MM on a 24-hour clock, 00:00 to 23:59', () => {
    expect(clockMs('00:00')).toBe(0);
    expect(clockMs('09:05')).toBe(9 * 60 * MINUTE + 5 * MINUTE);
    expect(clockMs('17:30')).toBe((17 * 60 + 30) * MINUTE);
    expect(clockMs('19:59')).toBe((19 * 60 + 59) * MINUTE);
    expect(clockMs('20:00')).toBe(20 * 60 * MINUTE);
    expect(clockMs('23:59')).toBe((23 * 60 + 59) * MINUTE);
    for (const bad of [
      '24:00',
      '23:60',
      '9:00',
      '09:0',
      '09-00',
      ' 09:00',
      '09:00 ',
      'x09:00',
      '09:00x',
      '',
    ]) {
      expect(clockMs(bad)).toBeUndefined();
    }
  });

  it('reads MM-DD days, 29 February included, and nothing past a month’s end', () => {
    for (const good of ['01-01', '01-31', '02-29', '04-30', '11-01', '12-31']) {
      expect(isMonthDay(good)).toBe(true);
    }
    for (const bad of [
      '00-10',
      '13-01',
      '01-00',
      '02-30',
      '04-31',
      '12-32',
      '1-01',
      '01-1',
      ' 01-01',
      '01-01 ',
      '0101',
      '',
    ]) {
      expect(isMonthDay(bad)).toBe(false);
    }
  });
});

describe('settings refused, with both messages', () => {
  it('names the option of a bad working-day time', () => {
    const e = refusal(() => resolveCalendarSettings({ workdayEnd: '5pm' }));
    expect(e.name).toBe('CalendarSettingsError');
    expect(e.setting).toBe('workdayEnd');
    expect(e.messages).toEqual({
      zh: 'workdayEnd 须为 24 小时制时间 HH:MM（例如 17:30），而不是“5pm”',
      en: 'workdayEnd must be a 24-hour time HH:MM (e.g. 17:30), not "5pm"',
    });
    expect(e.message).toBe(`invalid calendar settings: ${e.messages.zh} / ${e.messages.en}`);
    const s = refusal(() => resolveCalendarSettings({ workdayStart: '9' }));
    expect(s.setting).toBe('workdayStart');
    expect(s.messages).toEqual({
      zh: 'workdayStart 须为 24 小时制时间 HH:MM（例如 09:00），而不是“9”',
      en: 'workdayStart must be a 24-hour time HH:MM (e.g. 09:00), not "9"',
    });
  });

  it('refuses an end that is not after the start, equal included', () => {
    const e = refusal(() =>
      resolveCalendarSettings({ workdayStart: '09:00', workdayEnd: '09:00' }),
    );
    expect(e.setting).toBe('workdayEnd');
    expect(e.messages).toEqual({
      zh: '工作日结束时间 workdayEnd=09:00 须晚于开始时间 workdayStart=09:00',
      en: 'workdayEnd=09:00 must be later than workdayStart=09:00',
    });
    expect(resolveCalendarSettings({ workdayStart: '09:00', workdayEnd: '09:01' })).toEqual({
      workdayStart: '09:00',
      workdayEnd: '09:01',
      warnFrom: '11-01',
      startMs: 9 * 60 * MINUTE,
      endMs: (9 * 60 + 1) * MINUTE,
    });
  });

  it('names the warning day', () => {
    const e = refusal(() => resolveCalendarSettings({ warnFrom: '11-31' }));
    expect(e.setting).toBe('warnFrom');
    expect(e.messages).toEqual({
      zh: 'warnFrom 须为日期 MM-DD（例如 11-01），而不是“11-31”',
      en: 'warnFrom must be a day MM-DD (e.g. 11-01), not "11-31"',
    });
    expect(resolveCalendarSettings({ warnFrom: '02-29' }).warnFrom).toBe('02-29');
  });

  it('from the environment, names the variable in every message', () => {
    expect(CALENDAR_ENV).toEqual({
      workdayStart: 'CERTFLOW_WORKDAY_START',
      workdayEnd: 'CERTFLOW_WORKDAY_END',
      warnFrom: 'CERTFLOW_CALENDAR_WARN_FROM',
    });
    expect(
      refusal(() => calendarSettingsFromEnv({ CERTFLOW_WORKDAY_START: '25:00' })).messages,
    ).toEqual({
      zh: 'CERTFLOW_WORKDAY_START 须为 24 小时制时间 HH:MM（例如 09:00），而不是“25:00”',
      en: 'CERTFLOW_WORKDAY_START must be a 24-hour time HH:MM (e.g. 09:00), not "25:00"',
    });
    const order = refusal(() => calendarSettingsFromEnv({ CERTFLOW_WORKDAY_END: '08:00' }));
    expect(order.setting).toBe('CERTFLOW_WORKDAY_END');
    expect(order.messages).toEqual({
      zh: '工作日结束时间 CERTFLOW_WORKDAY_END=08:00 须晚于开始时间 CERTFLOW_WORKDAY_START=09:00',
      en: 'CERTFLOW_WORKDAY_END=08:00 must be later than CERTFLOW_WORKDAY_START=09:00',
    });
    expect(
      refusal(() => calendarSettingsFromEnv({ CERTFLOW_CALENDAR_WARN_FROM: '13-01' })).messages.en,
    ).toBe('CERTFLOW_CALENDAR_WARN_FROM must be a day MM-DD (e.g. 11-01), not "13-01"');
  });

  it('takes blank and unset variables as the default, and returns no numbers', () => {
    expect(
      calendarSettingsFromEnv({
        CERTFLOW_WORKDAY_START: '   ',
        CERTFLOW_WORKDAY_END: undefined,
        CERTFLOW_CALENDAR_WARN_FROM: ' 10-01',
      }),
    ).toStrictEqual({ workdayStart: '09:00', workdayEnd: '17:30', warnFrom: '10-01' });
    // An undefined option is the default too.
    expect(resolveCalendarSettings({ workdayStart: undefined, workdayEnd: '17:00' })).toMatchObject(
      {
        workdayStart: '09:00',
        startMs: 9 * 60 * MINUTE,
        endMs: 17 * 60 * MINUTE,
      },
    );
  });
});
