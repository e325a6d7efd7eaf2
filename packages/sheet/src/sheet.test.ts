import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSheetFont, renderSheetHtml, renderSheetPdf, type SheetData } from './index.js';

const run = promisify(execFile);

const sample = (over: Partial<SheetData> = {}): SheetData => ({
  school: '某某职业技术学院',
  flowTitle: '年度试点项目申报',
  flowId: 'pilot-project',
  flowVersion: 2,
  instanceId: '0190f1c2-aaaa-7bbb-8ccc-000000000001',
  title: 'ee 工业机器人操作与运维（中级）',
  status: 'completed',
  state: 'approved',
  applicant: { id: 'u-zhang', name: '张伟' },
  college: '电子工程学院',
  createdAt: '2027-03-01T01:00:00.000Z',
  updatedAt: '2027-03-03T06:30:00.000Z',
  fields: [
    { label: '年度', value: '2027' },
    { label: '证书名称', value: '工业机器人操作与运维' },
    { label: '培训评价组织', value: '北京新奥时代科技有限责任公司' },
  ],
  steps: [
    {
      seq: 1,
      at: '2027-03-01T01:00:00.000Z',
      actor: { id: 'u-zhang', name: '张伟' },
      event: 'START',
      fromState: null,
      toState: 'review.college',
      comment: null,
      hash: 'a'.repeat(64),
    },
    {
      seq: 2,
      at: '2027-03-02T02:15:00.000Z',
      actor: { id: 'u-li', name: '李娜' },
      onBehalfOf: { id: 'u-wang', name: '王强' },
      event: 'APPROVE',
      fromState: 'review.college',
      toState: 'review.academic',
      comment: '材料齐全，同意上报教务处。',
      hash: 'b'.repeat(64),
    },
  ],
  attachments: [
    {
      id: 'att-1',
      name: '实施方案.pdf',
      mediaType: 'application/pdf',
      size: 123_456,
      sha256: '3f'.repeat(32),
      seq: 1,
      check: 'ok',
    },
  ],
  verification: { ok: true, count: 2 },
  generatedAt: '2027-03-04T00:00:00.000Z',
  ...over,
});

let dir: string;
let font: Uint8Array;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'certflow-sheet-'));
  font = await loadSheetFont();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function pdfText(pdf: Uint8Array, name: string): Promise<string> {
  const file = join(dir, `${name}.pdf`);
  await writeFile(file, pdf);
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
  return stdout;
}

/** pdftotext breaks table cells over lines: compare without any whitespace. */
const squeeze = (s: string): string => s.replace(/\s+/gu, '');

describe('the approval sheet as PDF', () => {
  it('renders to a PNG page (pdftoppm) and its Chinese text is extracted as written (pdftotext)', async () => {
    const pdf = await renderSheetPdf(sample(), { font });
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const file = join(dir, 'sheet.pdf');
    await writeFile(file, pdf);
    await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, join(dir, 'page')]);
    const png = await readFile(join(dir, 'page-1.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect((await stat(join(dir, 'page-1.png'))).size).toBeGreaterThan(5_000);

    const text = squeeze(await pdfText(pdf, 'text'));
    for (const expected of [
      '某某职业技术学院年度试点项目申报审批单',
      'ee工业机器人操作与运维（中级）',
      '基本信息',
      '申请内容',
      '北京新奥时代科技有限责任公司',
      '签核历程',
      '发起申请',
      '李娜（代王强）',
      '同意',
      '材料齐全，同意上报教务处。',
      '2027-03-0210:15', // 02:15 UTC is 10:15 in Asia/Shanghai
      '实施方案.pdf',
      '3f'.repeat(32),
      '审计链校验通过：共2条记录',
      '电子工程学院',
      '已通过',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('embeds the CJK font (a subset), so any reader shows the Chinese text', async () => {
    const pdf = await renderSheetPdf(sample(), { font });
    const file = join(dir, 'fonts.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run('pdffonts', [file]);
    const line = stdout.split('\n').find((l) => l.includes('NotoSansHans'));
    expect(line).toBeDefined();
    // emb yes, sub yes, uni yes
    expect(line).toMatch(/yes\s+yes\s+yes/u);
    // A subset, not the 8 MB font.
    expect(pdf.length).toBeLessThan(400_000);
  });

  it('says which record failed when the verification did not pass', async () => {
    const pdf = await renderSheetPdf(
      sample({
        verification: { ok: false, count: 2, brokenAt: 1, reason: 'attachment-altered' },
        attachments: [{ ...sample().attachments[0]!, check: 'altered' }],
      }),
      { font },
    );
    const text = squeeze(await pdfText(pdf, 'broken'));
    expect(text).toContain(
      '审计链校验未通过：第1条记录的附件文件与登记的SHA-256不一致（已被篡改）',
    );
    expect(text).toContain('文件被篡改');
  });

  it('breaks a long history over pages, every page numbered', async () => {
    const base = sample().steps[1]!;
    const steps = Array.from({ length: 60 }, (_, i) => ({
      ...base,
      seq: i + 1,
      comment: `第${i + 1}条意见：同意。`,
    }));
    const pdf = await renderSheetPdf(sample({ steps }), { font });
    const text = squeeze(await pdfText(pdf, 'long'));
    expect(text).toContain('第60条意见：同意。');
    const pages = /第1\/(\d+)页/u.exec(text);
    expect(Number(pages?.[1])).toBeGreaterThan(1);
  });
});

describe('the approval sheet as HTML', () => {
  it('shows the same sections and escapes every value', () => {
    const html = renderSheetHtml(
      sample({ fields: [{ label: '说明', value: '<script>alert(1)</script>' }] }),
    );
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('签核历程');
    expect(html).toContain('材料齐全，同意上报教务处。');
    expect(html).toContain('李娜（代 王强）');
    expect(html).toContain('3f'.repeat(32));
    expect(html).toContain('@media print');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
