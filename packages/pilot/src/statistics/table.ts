import type { SchoolStatistics, StatisticsRow } from './school-statistics.js';

/** The columns of the exported table, zh-CN headers (教务处's own report). Money in yuan. */
export const STATISTICS_COLUMNS: ReadonlyArray<{
  readonly header: string;
  readonly value: (r: StatisticsRow) => string | number;
}> = [
  { header: '二级学院', value: (r) => r.collegeId },
  { header: '证书代码', value: (r) => r.certificateCode },
  { header: '证书名称', value: (r) => r.certificateName },
  { header: '等级', value: (r) => r.level },
  { header: '项目数', value: (r) => r.projects },
  { header: '试点规模（人）', value: (r) => r.scale },
  { header: '培训人数', value: (r) => r.trained },
  { header: '参考人数', value: (r) => r.examined },
  { header: '通过人数', value: (r) => r.passed },
  { header: '通过率', value: (r) => (r.passRate === null ? '' : r.passRate) },
  { header: '预算（元）', value: (r) => r.budget / 100 },
  { header: '已支出（元）', value: (r) => r.spent / 100 },
  { header: '结余（元）', value: (r) => r.remaining / 100 },
  { header: '预算执行率', value: (r) => (r.spendingRate === null ? '' : r.spendingRate) },
];

/** Every line of the export: per college and certificate, then per college, then the school. */
export function statisticsLines(s: SchoolStatistics): StatisticsRow[] {
  return [...s.rows, ...s.colleges, s.total];
}

const cell = (v: string | number): string => {
  const text = String(v);
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
};

/** RFC 4180 CSV with a UTF-8 byte-order mark, so Excel opens the Chinese headers correctly. */
export function statisticsCsv(s: SchoolStatistics): string {
  const lines = [
    STATISTICS_COLUMNS.map((c) => cell(c.header)).join(','),
    ...statisticsLines(s).map((r) => STATISTICS_COLUMNS.map((c) => cell(c.value(r))).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
