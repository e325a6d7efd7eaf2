import { monthDay } from '../../calls.js';

/**
 * When pilot projects are applied for (第七条2: 每年秋季学期编报下一年度…): from `start` to `end`
 * (`MM-DD`, Beijing, both days included), for the year after the autumn semester of the call.
 * An `end` before `start` runs into January of the next year. A deployment setting
 * (`PROJECT_CALL_WINDOW`, `settings.ts`); by default from the semester start (09-01) to 12-31.
 */
export interface CallWindow {
  readonly start: string;
  readonly end: string;
}

export const DEFAULT_CALL_WINDOW: CallWindow = { start: '09-01', end: '12-31' };

/** The call open at `now`: the year applied for and the window's first and last day. */
export interface OpenCall {
  readonly year: number;
  readonly opens: string;
  readonly closes: string;
}

const BEIJING = 8 * 3_600_000;
const pad = (n: number): string => String(n).padStart(2, '0');
const md = (mmdd: string): string => {
  const { month, day } = monthDay(mmdd);
  return `${pad(month)}-${pad(day)}`;
};

/** Checks the window's dates (a `RangeError` names the bad one). */
export function checkCallWindow(w: CallWindow): CallWindow {
  return { start: md(w.start), end: md(w.end) };
}

/** The call open at `now` (Beijing), or `undefined` outside the window. */
export function openCall(window: CallWindow, now: Date): OpenCall | undefined {
  const { start, end } = checkCallWindow(window);
  const today = new Date(now.getTime() + BEIJING).toISOString().slice(0, 10);
  const year = Number(today.slice(0, 4));
  const day = today.slice(5);
  const call = (autumn: number): OpenCall => ({
    year: autumn + 1,
    opens: `${autumn}-${start}`,
    closes: `${end < start ? autumn + 1 : autumn}-${end}`,
  });
  if (end >= start) return day >= start && day <= end ? call(year) : undefined;
  if (day >= start) return call(year);
  return day <= end ? call(year - 1) : undefined;
}

/** The next window to open after `now`, for a refusal that says when to come back. */
export function nextCall(window: CallWindow, now: Date): OpenCall {
  const { start } = checkCallWindow(window);
  const today = new Date(now.getTime() + BEIJING).toISOString().slice(0, 10);
  const year = Number(today.slice(0, 4));
  const autumn = today.slice(5) < start ? year : year + 1;
  const open = openCall(window, new Date(Date.parse(`${autumn}-${start}T00:00:00+08:00`)));
  return open ?? { year: autumn + 1, opens: `${autumn}-${start}`, closes: `${autumn}-${start}` };
}
