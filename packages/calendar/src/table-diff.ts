import type { YearArrangement } from './year-table.js';

/** A day an import made (or stopped being) a holiday or a make-up working day. */
export interface DayChange {
  readonly date: string;
  readonly kind: 'holiday' | 'makeup';
  /** The holiday's name (for a make-up day, the holiday it belongs to). */
  readonly name: string;
}

/** What importing a table changes in its year. */
export interface TableDiff {
  readonly added: readonly DayChange[];
  readonly removed: readonly DayChange[];
  /** Days that stay of the same kind under another name. */
  readonly renamed: readonly {
    readonly date: string;
    readonly kind: 'holiday' | 'makeup';
    readonly from: string;
    readonly to: string;
  }[];
  /** What the year was counted on before: nothing (weekends alone), the package, an import. */
  readonly before: 'none' | YearArrangement['origin'];
}

const daysOf = (a: YearArrangement | undefined): Map<string, DayChange> => {
  const out = new Map<string, DayChange>();
  for (const [date, n] of a?.holidays ?? []) out.set(date, { date, kind: 'holiday', name: n.zh });
  for (const [date, n] of a?.workdays ?? []) out.set(date, { date, kind: 'makeup', name: n.zh });
  return out;
};

const byDate = (a: DayChange, b: DayChange): number => a.date.localeCompare(b.date);

/** The days added, removed and renamed from `before` (undefined: no table) to `after`. */
export function diffArrangements(
  before: YearArrangement | undefined,
  after: YearArrangement,
): TableDiff {
  const old = daysOf(before);
  const next = daysOf(after);
  const added: DayChange[] = [];
  const removed: DayChange[] = [];
  const renamed: { date: string; kind: 'holiday' | 'makeup'; from: string; to: string }[] = [];
  for (const [date, n] of next) {
    const o = old.get(date);
    if (!o || o.kind !== n.kind) added.push(n);
    else if (o.name !== n.name) renamed.push({ date, kind: n.kind, from: o.name, to: n.name });
  }
  for (const [date, o] of old) {
    const n = next.get(date);
    if (!n || n.kind !== o.kind) removed.push(o);
  }
  return {
    added: added.sort(byDate),
    removed: removed.sort(byDate),
    renamed: renamed.sort((a, b) => a.date.localeCompare(b.date)),
    before: before?.origin ?? 'none',
  };
}

/** Did the import change any day (names aside)? */
export const changesDays = (d: TableDiff): boolean => d.added.length + d.removed.length > 0;
