/** One bar group of a horizontal bar chart: a label and one value per series. */
export interface BarDatum {
  readonly label: string;
  readonly values: readonly number[];
}

export interface BarLayout {
  readonly width: number;
  readonly height: number;
  readonly labelWidth: number;
  readonly rows: ReadonlyArray<{
    readonly label: string;
    readonly y: number;
    readonly bars: ReadonlyArray<{
      readonly x: number;
      readonly y: number;
      readonly width: number;
      readonly value: number;
    }>;
  }>;
  /** The scale's top value (the largest value, or `max` when given). */
  readonly max: number;
}

export interface BarOptions {
  readonly width?: number;
  /** Height of one bar. */
  readonly bar?: number;
  readonly gap?: number;
  readonly labelWidth?: number;
  /** The scale's top (1 for rates); the largest value otherwise. */
  readonly max?: number;
}

/**
 * Where each bar goes, in SVG units: groups one under another, a group's bars (series) stacked
 * by `bar`, lengths proportional to the value over `max`; negative or missing values draw nothing.
 */
export function barLayout(data: readonly BarDatum[], options: BarOptions = {}): BarLayout {
  const width = options.width ?? 560;
  const bar = options.bar ?? 14;
  const gap = options.gap ?? 12;
  const labelWidth = options.labelWidth ?? 120;
  const valueRoom = 72;
  const series = Math.max(1, ...data.map((d) => d.values.length));
  const largest = Math.max(0, ...data.flatMap((d) => d.values.filter(Number.isFinite)));
  const max = options.max ?? (largest > 0 ? largest : 1);
  const track = width - labelWidth - valueRoom;
  const groupHeight = series * bar + gap;
  const rows = data.map((d, i) => {
    const y = gap / 2 + i * groupHeight;
    return {
      label: d.label,
      y,
      bars: d.values.map((value, s) => ({
        x: labelWidth,
        y: y + s * bar,
        width: Number.isFinite(value) && value > 0 ? Math.min(1, value / max) * track : 0,
        value,
      })),
    };
  });
  return { width, height: Math.max(groupHeight, data.length * groupHeight), labelWidth, rows, max };
}
