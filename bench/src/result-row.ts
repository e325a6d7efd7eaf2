/** One line of the benchmark table: a figure, the baseline it is read against, and the verdict. */
export interface ResultRow {
  /** Section number and short name, e.g. `1 throughput`. */
  readonly section: string;
  readonly measure: string;
  /** The figure as printed (with its unit). */
  readonly value: string;
  /** The same-run baseline as printed, or `—`. */
  readonly baseline: string;
  /** value ÷ baseline (or the comparison the target is stated in), as printed. */
  readonly ratio: string;
  readonly target: string;
  /** `met`, `missed`, or `info` (no target for this row). */
  readonly verdict: 'met' | 'missed' | 'info' | 'skipped';
  /** How the figure was measured (goes to BENCHMARKS.md). */
  readonly method: string;
}

/** Extra evidence printed below the table: plans, counters, profiles, reasons. */
export interface Note {
  readonly title: string;
  readonly body: string;
}

export interface SectionResult {
  readonly rows: ResultRow[];
  readonly notes: Note[];
}

export const fmt = {
  rate: (n: number): string => `${Math.round(n).toLocaleString('en-US')}/s`,
  ms: (n: number): string => (Number.isFinite(n) ? `${n.toFixed(n < 10 ? 2 : 1)} ms` : 'n/a'),
  ratio: (n: number): string => (Number.isFinite(n) ? `${n.toFixed(2)}×` : 'n/a'),
  num: (n: number, digits = 1): string => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a'),
  bytes: (n: number): string =>
    Number.isFinite(n) ? `${Math.round(n).toLocaleString('en-US')} B` : 'n/a',
  mb: (n: number): string => `${(n / 1024 / 1024).toFixed(0)} MB`,
  count: (n: number): string => n.toLocaleString('en-US'),
};

export function verdict(ok: boolean): 'met' | 'missed' {
  return ok ? 'met' : 'missed';
}
