import { describe, expect, it } from 'vitest';
import { barLayout } from './bar-chart-model';

describe('the bar chart layout', () => {
  it('scales bars to the largest value and stacks a group’s series', () => {
    const layout = barLayout(
      [
        { label: '电子工程学院', values: [1_000_000, 250_000] },
        { label: '计算机学院', values: [500_000, 0] },
      ],
      { width: 400, labelWidth: 100, bar: 10, gap: 10 },
    );
    const track = 400 - 100 - 72;
    expect(layout.max).toBe(1_000_000);
    expect(layout.rows.map((r) => r.bars.map((b) => b.width))).toEqual([
      [track, track / 4],
      [track / 2, 0],
    ]);
    expect(layout.rows[0]?.bars.map((b) => b.y)).toEqual([5, 15]);
    expect(layout.rows[1]?.y).toBe(5 + 30);
    expect(layout.height).toBe(60);
    expect(layout.rows.every((r) => r.bars.every((b) => b.x === 100))).toBe(true);
  });

  it('draws rates against a fixed top, nothing for a missing value, never past the track', () => {
    const layout = barLayout(
      [
        { label: 'a', values: [0.5] },
        { label: 'b', values: [Number.NaN] },
        { label: 'c', values: [1.2] },
      ],
      { max: 1, width: 372, labelWidth: 100 },
    );
    expect(layout.rows.map((r) => r.bars[0]?.width)).toEqual([100, 0, 200]);
  });

  it('has a scale even with no data or only zeros', () => {
    expect(barLayout([]).max).toBe(1);
    expect(barLayout([{ label: 'x', values: [0] }]).rows[0]?.bars[0]?.width).toBe(0);
  });
});
