import type { Messages } from '@certflow/engine';

/**
 * How the school's working day is read (DOMAIN: a deadline is "by the end of that working day",
 * 下班前) and when the coverage warning starts. Every value is Beijing wall-clock time.
 */
export interface CalendarSettings {
  /** Start of the working day, `HH:MM` (24-hour): reminders arrive then. Default `09:00`. */
  readonly workdayStart: string;
  /** End of the working day, `HH:MM`: deadlines end then. Default `17:30`. */
  readonly workdayEnd: string;
  /** From this day of each year (`MM-DD`), warn while next year has no holiday table. Default `11-01`. */
  readonly warnFrom: string;
}

export const DEFAULT_CALENDAR_SETTINGS: CalendarSettings = {
  workdayStart: '09:00',
  workdayEnd: '17:30',
  warnFrom: '11-01',
};

/** The environment variables of `calendarSettingsFromEnv`, by setting. */
export const CALENDAR_ENV = {
  workdayStart: 'CERTFLOW_WORKDAY_START',
  workdayEnd: 'CERTFLOW_WORKDAY_END',
  warnFrom: 'CERTFLOW_CALENDAR_WARN_FROM',
} as const satisfies Record<keyof CalendarSettings, string>;

/** A configuration value the calendar cannot work with; `message` is zh-CN / English. */
export class CalendarSettingsError extends Error {
  override readonly name = 'CalendarSettingsError';
  constructor(
    /** The option (`workdayEnd`) or environment variable (`CERTFLOW_WORKDAY_END`) at fault. */
    readonly setting: string,
    readonly messages: Messages,
  ) {
    super(`invalid calendar settings: ${messages.zh} / ${messages.en}`);
  }
}

const MINUTE = 60_000;
const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MONTH_DAY = /^(\d{2})-(\d{2})$/;
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `HH:MM` → milliseconds after midnight, or undefined when it is not a 24-hour clock time. */
export function clockMs(value: string): number | undefined {
  const m = CLOCK.exec(value);
  return m ? (Number(m[1]) * 60 + Number(m[2])) * MINUTE : undefined;
}

/** Is `value` a day of the year written `MM-DD` (29 February included)? */
export function isMonthDay(value: string): boolean {
  const m = MONTH_DAY.exec(value);
  const days = MONTH_DAYS[Number(m?.[1]) - 1];
  return m !== null && days !== undefined && Number(m[2]) >= 1 && Number(m[2]) <= days;
}

/** Settings checked and turned into numbers: what the calendar computes with. */
export interface ResolvedCalendarSettings extends CalendarSettings {
  readonly startMs: number;
  readonly endMs: number;
}

/**
 * Fill in the defaults and check every value: `HH:MM` times with the start before the end, and
 * an `MM-DD` warning day. `names` says what to call a setting in the error (an option name by
 * default, the environment variable for `calendarSettingsFromEnv`).
 */
export function resolveCalendarSettings(
  input: Partial<CalendarSettings> = {},
  names: Record<keyof CalendarSettings, string> = {
    workdayStart: 'workdayStart',
    workdayEnd: 'workdayEnd',
    warnFrom: 'warnFrom',
  },
): ResolvedCalendarSettings {
  const s = { ...DEFAULT_CALENDAR_SETTINGS, ...definedOnly(input) };
  const time = (key: 'workdayStart' | 'workdayEnd', example: string): number => {
    const ms = clockMs(s[key]);
    if (ms === undefined) {
      throw new CalendarSettingsError(names[key], {
        zh: `${names[key]} 须为 24 小时制时间 HH:MM（例如 ${example}），而不是“${s[key]}”`,
        en: `${names[key]} must be a 24-hour time HH:MM (e.g. ${example}), not "${s[key]}"`,
      });
    }
    return ms;
  };
  const startMs = time('workdayStart', '09:00');
  const endMs = time('workdayEnd', '17:30');
  if (startMs >= endMs) {
    throw new CalendarSettingsError(names.workdayEnd, {
      zh: `工作日结束时间 ${names.workdayEnd}=${s.workdayEnd} 须晚于开始时间 ${names.workdayStart}=${s.workdayStart}`,
      en: `${names.workdayEnd}=${s.workdayEnd} must be later than ${names.workdayStart}=${s.workdayStart}`,
    });
  }
  if (!isMonthDay(s.warnFrom)) {
    throw new CalendarSettingsError(names.warnFrom, {
      zh: `${names.warnFrom} 须为日期 MM-DD（例如 11-01），而不是“${s.warnFrom}”`,
      en: `${names.warnFrom} must be a day MM-DD (e.g. 11-01), not "${s.warnFrom}"`,
    });
  }
  return { ...s, startMs, endMs };
}

/**
 * The calendar settings of a server or worker from its environment: `CERTFLOW_WORKDAY_START`,
 * `CERTFLOW_WORKDAY_END`, `CERTFLOW_CALENDAR_WARN_FROM` (unset or empty = the default). Throws
 * `CalendarSettingsError` naming the variable for a bad value.
 */
export function calendarSettingsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): CalendarSettings {
  const read = (key: keyof CalendarSettings): string | undefined => {
    const value = env[CALENDAR_ENV[key]]?.trim();
    return value === '' ? undefined : value;
  };
  const { workdayStart, workdayEnd, warnFrom } = resolveCalendarSettings(
    {
      workdayStart: read('workdayStart'),
      workdayEnd: read('workdayEnd'),
      warnFrom: read('warnFrom'),
    },
    CALENDAR_ENV,
  );
  return { workdayStart, workdayEnd, warnFrom };
}

function definedOnly(input: Partial<CalendarSettings>): Partial<CalendarSettings> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
}
