/** Times as the school reads them: Beijing time, whatever the browser's zone (as the mails do). */
const ZONE = 'Asia/Shanghai';

const dateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

const shortDateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: ZONE,
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** `2026/12/08 17:30`. */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dateTime.format(new Date(iso)) : '—';
}

/** `12月8日 17:30`. */
export function formatShort(iso: string | null | undefined): string {
  return iso ? shortDateTime.format(new Date(iso)) : '—';
}

export type DueKind = 'overdue' | 'soon' | 'normal' | 'none';

export interface Due {
  readonly kind: DueKind;
  readonly text: string;
}

const HOUR = 3600_000;
/** A deadline within this is 即将到期. */
export const DUE_SOON_MS = 24 * HOUR;

/** The deadline mark of a task: 已超期 N 天 / 即将到期 / 12月8日 17:30 截止 / 无期限. */
export function dueOf(dueAt: string | null | undefined, now: number): Due {
  if (!dueAt) return { kind: 'none', text: '无期限' };
  const left = new Date(dueAt).getTime() - now;
  if (left < 0) {
    const days = Math.floor(-left / (24 * HOUR));
    return { kind: 'overdue', text: days >= 1 ? `已超期 ${days} 天` : '已超期' };
  }
  if (left <= DUE_SOON_MS) return { kind: 'soon', text: `即将到期 · ${formatShort(dueAt)}` };
  return { kind: 'normal', text: `${formatShort(dueAt)} 截止` };
}
