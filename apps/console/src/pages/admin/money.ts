const yuan = new Intl.NumberFormat('zh-CN', {
  style: 'currency',
  currency: 'CNY',
  minimumFractionDigits: 2,
});

/** Fen (分, as the API counts money) as yuan: `¥10,000.00`. */
export function formatYuan(fen: number): string {
  return yuan.format(fen / 100);
}

/** A 0–1 rate as a percentage, `—` when there is nothing to divide by. */
export function formatRate(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
}
