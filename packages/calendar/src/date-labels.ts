import { weekday, yearOf } from './beijing-time.js';

/** Dates and times for people, in zh-CN and English, from `YYYY-MM-DD` Beijing dates. */

const ZH_WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const EN_WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const EN_MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

const parts = (date: string) => ({
  y: yearOf(date),
  m: Number(date.slice(5, 7)),
  d: Number(date.slice(8, 10)),
});

export const zhWeekday = (date: string): string => ZH_WEEKDAYS[weekday(date)] ?? '';
export const enWeekday = (date: string): string => EN_WEEKDAYS[weekday(date)] ?? '';

/**
 * `10月1日`, `10月1日–7日`, `9月30日–10月8日`; the year is written when it is not `year`
 * (`2027年1月1日`).
 */
export function zhDays(from: string, to: string, year: number): string {
  const a = parts(from);
  const b = parts(to);
  const yearA = a.y !== year || b.y !== a.y ? `${a.y}年` : '';
  const first = `${yearA}${a.m}月${a.d}日`;
  if (from === to) return first;
  if (b.y !== a.y) return `${first}–${b.y}年${b.m}月${b.d}日`;
  return b.m === a.m ? `${first}–${b.d}日` : `${first}–${b.m}月${b.d}日`;
}

/** `Oct 1`, `Oct 1–7`, `Sep 30–Oct 8`; with the year when it is not `year` (`Jan 1, 2027`). */
export function enDays(from: string, to: string, year: number): string {
  const a = parts(from);
  const b = parts(to);
  const month = (m: number): string => EN_MONTHS[m - 1] ?? '';
  const withYear = a.y !== year || b.y !== a.y;
  if (from === to) return `${month(a.m)} ${a.d}${withYear ? `, ${a.y}` : ''}`;
  if (b.y !== a.y) return `${month(a.m)} ${a.d}, ${a.y}–${month(b.m)} ${b.d}, ${b.y}`;
  const end = b.m === a.m ? `${b.d}` : `${month(b.m)} ${b.d}`;
  return `${month(a.m)} ${a.d}–${end}${withYear ? `, ${a.y}` : ''}`;
}

/** `HH:MM` of milliseconds after midnight. */
export function clockLabel(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${hh}:${mm}`;
}
