import ExcelJS from 'exceljs';
import type { SchoolStatistics } from './school-statistics.js';
import { STATISTICS_COLUMNS, statisticsLines } from './table.js';

/**
 * The statistics as an XLSX workbook (one sheet, `YYYY年试点统计`), built in memory with
 * `exceljs`: rates as percentages, money in yuan with two decimals.
 */
export async function statisticsXlsx(s: SchoolStatistics): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'certflow';
  const sheet = book.addWorksheet(`${s.year}年试点统计`);
  sheet.columns = STATISTICS_COLUMNS.map((c) => ({
    header: c.header,
    width: Math.max(10, c.header.length * 2 + 2),
  }));
  for (const r of statisticsLines(s)) sheet.addRow(STATISTICS_COLUMNS.map((c) => c.value(r)));
  sheet.getRow(1).font = { bold: true };
  for (const [i, c] of STATISTICS_COLUMNS.entries()) {
    const column = sheet.getColumn(i + 1);
    if (c.header.endsWith('率')) column.numFmt = '0.00%';
    if (c.header.endsWith('（元）')) column.numFmt = '#,##0.00';
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}
