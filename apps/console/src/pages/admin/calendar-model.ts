import type { CalendarDiff, CalendarYearStatus, TableProblem } from '../../api/admin';

/** One line of the file being imported, with the server's problems on it. */
export interface FileLine {
  readonly number: number;
  readonly text: string;
  readonly problems: readonly TableProblem[];
}

/**
 * The file's lines for the preview. Without problems every line; with problems the lines that
 * have one and `context` lines around each (gaps are left out), so a long file stays short.
 */
export function fileLines(
  text: string,
  problems: readonly TableProblem[],
  context = 1,
): FileLine[] {
  const lines = text.split(/\r?\n/);
  const byLine = new Map<number, TableProblem[]>();
  for (const p of problems) {
    const line = Math.min(Math.max(p.line, 1), lines.length);
    byLine.set(line, [...(byLine.get(line) ?? []), p]);
  }
  const all = lines.map((t, i) => ({ number: i + 1, text: t, problems: byLine.get(i + 1) ?? [] }));
  if (problems.length === 0) return all;
  return all.filter((l) => [...byLine.keys()].some((n) => Math.abs(n - l.number) <= context));
}

/** The year a table file says it is for (`"year": 2027`), or null when it cannot be read. */
export function yearOfTable(text: string): number | null {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed !== null && typeof parsed === 'object' && 'year' in parsed) {
      const y = parsed.year;
      return typeof y === 'number' && Number.isInteger(y) ? y : null;
    }
  } catch {
    const m = /"year"\s*:\s*(\d{4})/.exec(text);
    return m?.[1] ? Number(m[1]) : null;
  }
  return null;
}

export interface DiffRow {
  readonly key: string;
  readonly date: string;
  /** 新增 / 删除 / 更名 */
  readonly change: '新增' | '删除' | '更名';
  /** 节假日 / 调休上班 */
  readonly kind: '节假日' | '调休上班';
  readonly name: string;
}

const KIND = { holiday: '节假日', makeup: '调休上班' } as const;

/** What a table changes, day by day, in date order. */
export function diffRows(diff: CalendarDiff): DiffRow[] {
  const rows: DiffRow[] = [
    ...diff.added.map((d) => ({
      key: `a${d.date}`,
      date: d.date,
      change: '新增' as const,
      kind: KIND[d.kind],
      name: d.name,
    })),
    ...diff.removed.map((d) => ({
      key: `r${d.date}`,
      date: d.date,
      change: '删除' as const,
      kind: KIND[d.kind],
      name: d.name,
    })),
    ...diff.renamed.map((d) => ({
      key: `n${d.date}`,
      date: d.date,
      change: '更名' as const,
      kind: KIND[d.kind],
      name: `${d.from} → ${d.to}`,
    })),
  ];
  return rows.sort((a, b) => a.date.localeCompare(b.date) || a.key.localeCompare(b.key));
}

export const BEFORE_LABEL: Readonly<Record<CalendarDiff['before'], string>> = {
  none: '此前没有该年安排（按周末推算）',
  package: '此前为软件自带的安排',
  import: '此前为导入的安排',
};

export const ORIGIN_LABEL: Readonly<Record<'package' | 'import', string>> = {
  package: '软件自带',
  import: '教务处导入',
};

/** The year proposed for an import: the one the warning names, else the first year not covered. */
export function proposedYear(
  years: readonly CalendarYearStatus[],
  warningYear: number | null,
  thisYear: number,
): number {
  if (warningYear !== null) return warningYear;
  const official = new Set(years.filter((y) => y.status === 'official').map((y) => y.year));
  let y = thisYear;
  while (official.has(y)) y += 1;
  return y;
}
