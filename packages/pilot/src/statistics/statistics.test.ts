import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { applyEntry, openLedger } from '../ledger/ledger.js';
import { projectRecord, resultsFixture, studentsFixture } from '../testing/assessment-fixtures.js';
import { schoolStatistics, type StatisticsSource } from './school-statistics.js';
import { statisticsCsv } from './table.js';
import { statisticsXlsx } from './xlsx.js';

const AT = '2027-03-01T01:00:00.000Z';
const web = projectRecord({ id: 'p-web' });
const web2 = projectRecord({ id: 'p-web-2', scale: 20 });
const iot = projectRecord({
  id: 'p-iot',
  collegeId: 'cs',
  certificate: { code: 'IOT', name: '物联网安装调试', level: 'advanced' },
});
const webLedger = applyEntry(openLedger('p-web', web.budget, AT), {
  type: 'expense',
  category: 'certificateFees',
  amount: 300_000,
  receiptRef: 'att://r.pdf',
  note: '',
  at: AT,
  source: 'a1',
});
const source: StatisticsSource = {
  year: 2027,
  projects: [web, web2, iot, projectRecord({ id: 'p-2026', year: 2026 })],
  ledgers: { 'p-web': JSON.parse(JSON.stringify(webLedger)) },
  assessments: [
    {
      projectId: 'p-web',
      context: JSON.parse(JSON.stringify({ students: studentsFixture, results: resultsFixture })),
    },
  ],
};

describe('school statistics (第五条4, 第十四条)', () => {
  const s = schoolStatistics(source);

  it('per college and certificate: projects, students trained, pass rate, spending against budget', () => {
    expect(s.rows).toEqual([
      expect.objectContaining({
        collegeId: 'cs',
        certificateCode: 'IOT',
        level: '高级',
        projects: 1,
      }),
      {
        collegeId: 'ee',
        certificateCode: 'WEB-FE',
        certificateName: 'Web前端开发',
        level: '中级',
        projects: 2,
        scale: 60,
        trained: 3,
        examined: 3,
        passed: 2,
        passRate: 0.6667,
        budget: 1_500_000,
        spent: 300_000,
        remaining: 1_200_000,
        spendingRate: 0.2,
      },
    ]);
    expect(s.colleges.map((c) => [c.collegeId, c.projects])).toEqual([
      ['cs', 1],
      ['ee', 2],
    ]);
    expect(s.total).toMatchObject({ collegeId: '全校', projects: 3, passed: 2, spent: 300_000 });
    expect(s.rows.find((r) => r.collegeId === 'cs')).toMatchObject({ passRate: null, spent: 0 });
  });

  it('CSV: a BOM, zh-CN headers, one line per row, per college and for the school', () => {
    const csv = statisticsCsv(s);
    expect(csv.startsWith('\uFEFF二级学院,证书代码,证书名称,等级,项目数')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 2 + 2 + 1);
    expect(lines[2]).toBe('ee,WEB-FE,Web前端开发,中级,2,60,3,3,2,0.6667,15000,3000,12000,0.2');
    expect(lines.at(-1)?.startsWith('全校,,合计,,3,')).toBe(true);
  });

  it('XLSX: read back with exceljs, the same table', async () => {
    const bytes = await statisticsXlsx(s);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('2027年试点统计');
    expect(sheet?.rowCount).toBe(6);
    expect(sheet?.getRow(1).getCell(1).value).toBe('二级学院');
    const ee = sheet?.getRow(3);
    expect([1, 2, 5, 7, 9, 10, 12].map((c) => ee?.getCell(c).value)).toEqual([
      'ee',
      'WEB-FE',
      2,
      3,
      2,
      0.6667,
      3000,
    ]);
    expect(sheet?.getColumn(10).numFmt).toBe('0.00%');
  });
});
