import type { Duration, Messages } from '@certflow/engine';
import { yearOf } from './beijing-time.js';
import { clockLabel, enDays, enWeekday, zhDays, zhWeekday } from './date-labels.js';
import type { HolidayName } from './year-table.js';

/** A run of consecutive days off a count skipped, with the holiday's name in both languages. */
export interface SkippedRun {
  readonly from: string;
  readonly to: string;
  readonly kind: 'weekend' | 'holiday';
  readonly name?: HolidayName;
}

/** Everything a count saw, for its explanation. */
export interface CountRecord {
  readonly rule: Duration;
  readonly edge: 'deadline' | 'reminder';
  /** Beijing date the count started from: dates of other years are written with their year. */
  readonly fromDate: string;
  readonly dueDate: string;
  readonly dueMs: number;
  readonly skipped: readonly SkippedRun[];
  /** Make-up working days (调休上班) the count counted as working days. */
  readonly makeups: readonly { readonly date: string; readonly name: HolidayName }[];
  /** Years of the count without an official table (counted on weekends alone). */
  readonly uncovered: readonly number[];
  readonly workday: { readonly startMs: number; readonly endMs: number };
}

/** The zh-CN note of a provisional count (on the task, the timer, the API and the mail). */
export const PROVISIONAL_NOTE_ZH = '暂按周末计算，节假日安排公布后自动调整';
export const PROVISIONAL_NOTE_EN =
  'counted on weekends alone for now; adjusted automatically once the holiday arrangement is published';

const days = (n: number): string => (n === 1 ? 'day' : 'days');
const hours = (n: number): string => (n === 1 ? 'hour' : 'hours');

/**
 * The rule, the due time and the days skipped, for people:
 * `5个工作日，截至 10月13日（周二）17:30；跳过 10月1日–7日 国庆节、周末 1 天；10月10日（周六）国庆节调休上班`.
 * Weekends are counted, holidays named; a provisional count says so and for which year.
 */
export function explain(c: CountRecord): Messages {
  const year = yearOf(c.fromDate);
  const window = `${clockLabel(c.workday.startMs)}–${clockLabel(c.workday.endMs)}`;
  const due = {
    zh: `${zhDays(c.dueDate, c.dueDate, year)}（${zhWeekday(c.dueDate)}）${clockLabel(c.dueMs)}`,
    en: `${enWeekday(c.dueDate)} ${enDays(c.dueDate, c.dueDate, year)} ${clockLabel(c.dueMs)}`,
  };
  const zh: string[] = [];
  const en: string[] = [];
  if ('workingDays' in c.rule) {
    const n = c.rule.workingDays;
    if (c.edge === 'deadline') {
      zh.push(`${n}个工作日，截至 ${due.zh}`);
      en.push(`${n} working ${days(n)}, due ${due.en}`);
    } else {
      zh.push(`${n}个工作日后提醒，于 ${due.zh}`);
      en.push(`reminder after ${n} working ${days(n)}, on ${due.en}`);
    }
  } else {
    const n = c.rule.workingHours;
    if (c.edge === 'deadline') {
      zh.push(`${n}个工作小时（工作时间 ${window}），截至 ${due.zh}`);
      en.push(`${n} working ${hours(n)} (working hours ${window}), due ${due.en}`);
    } else {
      zh.push(`${n}个工作小时后提醒，于 ${due.zh}`);
      en.push(`reminder after ${n} working ${hours(n)}, on ${due.en}`);
    }
  }

  const holidays = c.skipped.filter((s) => s.kind === 'holiday');
  const weekendDays = c.skipped
    .filter((s) => s.kind === 'weekend')
    .reduce((sum, s) => sum + spanDays(s.from, s.to), 0);
  const zhSkips = holidays.map((h) => `${zhDays(h.from, h.to, year)} ${h.name?.zh ?? '节假日'}`);
  const enSkips = holidays.map((h) => `${enDays(h.from, h.to, year)} ${h.name?.en ?? 'holiday'}`);
  if (weekendDays > 0) {
    zhSkips.push(`周末 ${weekendDays} 天`);
    enSkips.push(`${weekendDays} weekend ${days(weekendDays)}`);
  }
  if (zhSkips.length > 0) {
    zh.push(`跳过 ${zhSkips.join('、')}`);
    en.push(`skipped ${enSkips.join(', ')}`);
  }
  for (const m of c.makeups) {
    zh.push(`${zhDays(m.date, m.date, year)}（${zhWeekday(m.date)}）${m.name.zh}调休上班`);
    en.push(
      `${enWeekday(m.date)} ${enDays(m.date, m.date, year)} is a make-up working day (${m.name.en})`,
    );
  }
  if (c.uncovered.length > 0) {
    const zhYears = c.uncovered.map((y) => `${y}年`).join('、');
    const enYears = c.uncovered.join(', ');
    zh.push(`${zhYears}节假日安排尚未公布，${PROVISIONAL_NOTE_ZH}`);
    en.push(`${enYears}: no holiday arrangement published yet, ${PROVISIONAL_NOTE_EN}`);
  }
  return { zh: zh.join('；'), en: en.join('; ') };
}

function spanDays(from: string, to: string): number {
  return (
    Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1
  );
}
