/**
 * Dates for people, always in Beijing time (Asia/Shanghai), formatted explicitly so the output does
 * not depend on the process's time zone or ICU defaults. Pure.
 */

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

interface BeijingParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: string;
  readonly minute: string;
}

function beijing(at: Date): BeijingParts {
  const get = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.formatToParts(at).find((p) => p.type === type)?.value ?? '';
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    hour: get('hour'),
    minute: get('minute'),
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026年11月2日` */
export function zhDate(at: Date): string {
  const b = beijing(at);
  return `${b.year}年${b.month}月${b.day}日`;
}

/** `2026年11月2日 17:00` (北京时间) */
export function zhDateTime(at: Date): string {
  const b = beijing(at);
  return `${zhDate(at)} ${b.hour}:${b.minute}`;
}

/** `2 Nov 2026` */
export function enDate(at: Date): string {
  const b = beijing(at);
  return `${b.day} ${MONTHS[b.month - 1] ?? ''} ${b.year}`;
}

/** `2 Nov 2026, 17:00 (Beijing time)` */
export function enDateTime(at: Date): string {
  const b = beijing(at);
  return `${enDate(at)}, ${b.hour}:${b.minute} (Beijing time)`;
}
