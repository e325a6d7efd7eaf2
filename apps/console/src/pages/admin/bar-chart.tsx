import { Space } from 'antd';
import { barLayout, type BarDatum, type BarOptions } from './bar-chart-model';

/** Colours with at least 4.5:1 against white for the value texts. */
const SERIES_COLORS = ['#0958d9', '#237804', '#ad4e00'];

/**
 * A horizontal bar chart drawn as plain SVG (no chart library: a few KB instead of hundreds),
 * scaled to its container's width. The figures are also in the table beside it; the SVG's
 * title and description say what it shows for screen readers.
 */
export function BarChart({
  title,
  data,
  series,
  format,
  options,
}: {
  title: string;
  data: readonly BarDatum[];
  series: readonly string[];
  format: (value: number) => string;
  options?: BarOptions;
}) {
  const layout = barLayout(data, options);
  const summary = data
    .map(
      (d) => `${d.label}：${d.values.map((v, i) => `${series[i] ?? ''}${format(v)}`).join('，')}`,
    )
    .join('；');
  return (
    <figure style={{ margin: 0 }}>
      <figcaption style={{ fontWeight: 600, marginBottom: 4 }}>{title}</figcaption>
      {series.length > 1 ? (
        <Space size={12} wrap style={{ marginBottom: 4, fontSize: 12 }}>
          {series.map((s, i) => (
            <span key={s}>
              <svg width="10" height="10" aria-hidden="true" style={{ marginInlineEnd: 4 }}>
                <rect width="10" height="10" fill={SERIES_COLORS[i % SERIES_COLORS.length]} />
              </svg>
              {s}
            </span>
          ))}
        </Space>
      ) : null}
      <svg
        className="bar-chart"
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width="100%"
        role="img"
        aria-label={`${title}：${summary}`}
        style={{ display: 'block', maxWidth: layout.width }}
      >
        {layout.rows.map((row) => (
          <g key={row.label}>
            <text
              x={layout.labelWidth - 8}
              y={row.y + (row.bars.length * (options?.bar ?? 14)) / 2}
              textAnchor="end"
              dominantBaseline="middle"
              fontSize="13"
              fill="#262626"
            >
              {row.label}
            </text>
            {row.bars.map((b, i) => (
              <g key={i}>
                <rect
                  x={b.x}
                  y={b.y + 1}
                  width={b.width}
                  height={(options?.bar ?? 14) - 2}
                  rx="2"
                  fill={SERIES_COLORS[i % SERIES_COLORS.length]}
                />
                <text
                  x={b.x + b.width + 6}
                  y={b.y + (options?.bar ?? 14) / 2}
                  dominantBaseline="middle"
                  fontSize="12"
                  fill="#262626"
                >
                  {format(b.value)}
                </text>
              </g>
            ))}
          </g>
        ))}
      </svg>
    </figure>
  );
}
