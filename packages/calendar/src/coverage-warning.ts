import type { BusinessCalendar, JsonObject, Messages, OutboxRecord } from '@certflow/engine';
import { addDays, beijingDate, weekday, yearOf } from './beijing-time.js';
import { DEFAULT_CALENDAR_SETTINGS, type CalendarSettings } from './calendar-settings.js';

/** The warning that next year has no holiday table yet (start-up log, `/healthz`, weekly mail). */
export interface CoverageWarning {
  readonly code: 'CALENDAR_NEXT_YEAR_NOT_COVERED';
  /** The year without a table. */
  readonly year: number;
  /** The Beijing day the warning started (`warnFrom` of the year before). */
  readonly since: string;
  readonly message: string;
  readonly messageEn: string;
}

/**
 * From `warnFrom` (1 November by default) of each year, while next year has no official table:
 * the warning; otherwise null. Pure: `now` is the caller's clock.
 */
export function calendarCoverageWarning(
  calendar: Pick<BusinessCalendar, 'isCovered'>,
  now: Date,
  settings: Pick<CalendarSettings, 'warnFrom'> = DEFAULT_CALENDAR_SETTINGS,
): CoverageWarning | null {
  const today = beijingDate(now);
  const year = yearOf(today) + 1;
  const since = `${year - 1}-${settings.warnFrom}`;
  if (today < since || calendar.isCovered(year)) return null;
  const messages = coverageMessages(year);
  return {
    code: 'CALENDAR_NEXT_YEAR_NOT_COVERED',
    year,
    since,
    message: messages.zh,
    messageEn: messages.en,
  };
}

function coverageMessages(year: number): Messages {
  return {
    zh:
      `${year}年节假日安排尚未导入：截止时间落在${year}年的待办暂按周末计算，节假日安排公布后自动调整。` +
      `请教务处在国务院办公厅通知发布后导入（pnpm certflow calendar import <文件>，或 PUT /api/calendar/${year}）。`,
    en:
      `The ${year} holiday table has not been imported: deadlines in ${year} are counted on weekends alone ` +
      `for now and adjusted automatically once it is. Academic Affairs imports it when the State Council ` +
      `publishes the notice (pnpm certflow calendar import <file>, or PUT /api/calendar/${year}).`,
  };
}

/** ISO 8601 week of a Beijing date: `2026-W45` (weeks start on Monday). */
export function isoWeek(date: string): string {
  const thursday = addDays(date, 3 - ((weekday(date) + 6) % 7));
  const year = yearOf(thursday);
  const first = Date.parse(`${year}-01-01T00:00:00Z`);
  const week = Math.floor((Date.parse(`${thursday}T00:00:00Z`) - first) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Outbox kind of the weekly mail to 教务处 (handled by `@certflow/mail`). */
export const COVERAGE_WARNING_OUTBOX_KIND = 'calendar.coverage-warning';

/** The payload of a coverage mail: who gets it (the `academic_affairs` role) and what it says. */
export interface CoverageWarningPayload extends JsonObject {
  readonly notification: 'calendar-coverage';
  readonly year: number;
  readonly week: string;
  readonly since: string;
  readonly audience: { readonly role: 'academic_affairs'; readonly college: null };
  readonly message: string;
  readonly messageEn: string;
}

/**
 * The outbox row of this week's mail while the warning stands (null otherwise): one per ISO week
 * (Beijing), with the id `calendar-coverage:<year>:<week>`. `sendCoverageWarningIfDue` writes
 * it at most once a week.
 */
export function coverageWarningMail(
  calendar: Pick<BusinessCalendar, 'isCovered'>,
  now: Date,
  settings: Pick<CalendarSettings, 'warnFrom'> = DEFAULT_CALENDAR_SETTINGS,
): OutboxRecord | null {
  const warning = calendarCoverageWarning(calendar, now, settings);
  if (!warning) return null;
  const week = isoWeek(beijingDate(now));
  const payload: CoverageWarningPayload = {
    notification: 'calendar-coverage',
    year: warning.year,
    week,
    since: warning.since,
    audience: { role: 'academic_affairs', college: null },
    message: warning.message,
    messageEn: warning.messageEn,
  };
  return {
    id: `calendar-coverage:${warning.year}:${week}`,
    instanceId: null,
    kind: COVERAGE_WARNING_OUTBOX_KIND,
    payload,
    status: 'pending',
    attempts: 0,
    createdAt: now,
    availableAt: now,
    deliveredAt: null,
    lastError: null,
  };
}
