import type { BusinessCalendar, Deadline, Duration, SkippedDays } from '../ports/calendar.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const BEIJING = 8 * HOUR;
/** 09:00 and 17:30 Beijing, as milliseconds into the day. */
const START = 9 * HOUR;
const END = 17.5 * HOUR;

const dateOf = (ms: number): string => new Date(ms + BEIJING).toISOString().slice(0, 10);
const msOfDay = (ms: number): number => (ms + BEIJING) % DAY;
const at = (date: string, ms: number): Date =>
  new Date(Date.parse(`${date}T00:00:00Z`) - BEIJING + ms);
const next = (date: string): string => dateOf(at(date, 0).getTime() + DAY);
const isWeekday = (date: string): boolean => {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d !== 0 && d !== 6;
};

function nextWorking(date: string, skipped: SkippedDays[]): string {
  let d = next(date);
  while (!isWeekday(d)) {
    const last = skipped[skipped.length - 1];
    if (last && next(last.to) === d) skipped[skipped.length - 1] = { ...last, to: d };
    else skipped.push({ from: d, to: d, kind: 'weekend' });
    d = next(d);
  }
  return d;
}

function result(from: Date, when: Date, rule: Duration, skipped: SkippedDays[]): Deadline {
  const first = Number(dateOf(from.getTime()).slice(0, 4));
  const last = Number(dateOf(when.getTime()).slice(0, 4));
  const n = 'workingDays' in rule ? rule.workingDays : rule.workingHours;
  const unit =
    'workingDays' in rule ? ['个工作日', 'working days'] : ['个工作小时', 'working hours'];
  return {
    at: when,
    provisional: false,
    years: Array.from({ length: last - first + 1 }, (_, i) => first + i),
    skipped,
    explanation: { zh: `${n}${unit[0]}`, en: `${n} ${unit[1]}` },
  };
}

/**
 * Monday–Friday on Beijing dates, no holidays, no 调休: a deterministic calendar for tests only
 * (the real one is `@certflow/calendar`). Deadlines end at 17:30 of the last working day,
 * reminders come at 09:00 of the working day after; working hours count 09:00–17:30.
 */
export const weekdayCalendar: BusinessCalendar = {
  isWorkingDay: isWeekday,
  isCovered: () => true,
  deadline(from, rule) {
    const skipped: SkippedDays[] = [];
    if ('workingDays' in rule) {
      let d = dateOf(from.getTime());
      for (let left = rule.workingDays; left > 0; left -= 1) d = nextWorking(d, skipped);
      return result(from, at(d, END), rule, skipped);
    }
    let left = Math.round(rule.workingHours * HOUR);
    let d = dateOf(from.getTime());
    let t = msOfDay(from.getTime());
    if (!isWeekday(d) || t >= END) {
      d = nextWorking(d, skipped);
      t = START;
    } else if (t < START) t = START;
    while (left > END - t) {
      left -= END - t;
      d = nextWorking(d, skipped);
      t = START;
    }
    return result(from, at(d, t + left), rule, skipped);
  },
  reminder(from, rule) {
    const end = weekdayCalendar.deadline(from, rule);
    const skipped = [...end.skipped];
    const d = nextWorking(dateOf(end.at.getTime()), skipped);
    return result(from, at(d, START), rule, skipped);
  },
};
