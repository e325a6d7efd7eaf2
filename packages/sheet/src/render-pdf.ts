import { create, type Font } from 'fontkit';
import PDFDocument from 'pdfkit';
import type { SheetData } from './sheet-data.js';
import {
  byteSize,
  CHECK_LABELS,
  eventLabel,
  personText,
  shanghaiTime,
  STATUS_LABELS,
  verificationText,
} from './labels.js';

export interface PdfOptions {
  /** The CJK font (OpenType/TrueType bytes) every text is set in; `loadSheetFont()` reads one. */
  readonly font: Uint8Array;
}

const MARGIN = 48;
const GREY = '#555555';
const LINE = '#999999';

/**
 * The approval sheet as a PDF (A4): heading, the application's fields, 签核历程 (every history
 * row: time, who, what, opinion), the attachments with their SHA-256, and the chain's
 * verification. Only the glyphs used are embedded (a subset of `font`). Pure: the same data and
 * font give the same document, dated `generatedAt`.
 */
export function renderSheetPdf(data: SheetData, options: PdfOptions): Promise<Uint8Array> {
  const generated = new Date(data.generatedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: {
      Title: `审批单 ${data.title}`,
      Subject: data.flowTitle,
      Creator: 'certflow',
      Producer: 'certflow',
      CreationDate: generated,
      ModDate: generated,
    },
    lang: 'zh-CN',
    bufferPages: true,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', parsedFont(options.font));
  doc.font('cjk');
  const width = doc.page.width - 2 * MARGIN;

  const heading = data.school
    ? `${data.school} ${data.flowTitle}审批单`
    : `${data.flowTitle}审批单`;
  doc.fontSize(18).text(heading, { align: 'center' });
  doc.moveDown(0.3);
  doc.fontSize(11).fillColor(GREY).text(data.title, { align: 'center' }).fillColor('black');
  doc.moveDown(0.8);

  section(doc, '基本信息');
  const meta: string[][] = [
    [
      '流程编号',
      data.instanceId,
      '流程',
      `${data.flowTitle}（${data.flowId} v${data.flowVersion}）`,
    ],
    ['申请人', personText(data.applicant), '所属学院', data.college ?? '—'],
    [
      '发起时间',
      shanghaiTime(data.createdAt),
      '当前状态',
      STATUS_LABELS[data.status] ?? data.status,
    ],
  ];
  doc.fontSize(9).table({
    columnStyles: [60, '*', 60, '*'],
    defaultStyle: { border: 0.5, borderColor: LINE, padding: 4 },
    data: meta.map((row) => row.map((text, i) => (i % 2 === 0 ? label(text) : text))),
  });
  doc.moveDown(0.8);

  section(doc, '申请内容');
  if (data.fields.length === 0) doc.fontSize(9).text('（无）');
  else
    doc.fontSize(9).table({
      columnStyles: [120, '*'],
      defaultStyle: { border: 0.5, borderColor: LINE, padding: 4 },
      data: data.fields.map((f) => [label(f.label), f.value]),
    });
  doc.moveDown(0.8);

  section(doc, '签核历程');
  doc.fontSize(8.5).table({
    columnStyles: [28, 78, 80, 60, '*', 58],
    defaultStyle: { border: 0.5, borderColor: LINE, padding: 3 },
    data: [
      ['序号', '时间', '办理人', '操作', '意见', '记录哈希'].map(label),
      ...data.steps.map((s) => [
        String(s.seq),
        shanghaiTime(s.at),
        personText(s.actor, s.onBehalfOf),
        eventLabel(s.event, s.label),
        s.comment ?? '',
        { text: s.hash.slice(0, 12), font: { size: 7 } },
      ]),
    ],
  });
  doc.moveDown(0.8);

  section(doc, '附件');
  if (data.attachments.length === 0) doc.fontSize(9).text('（无附件）');
  else
    doc.fontSize(8.5).table({
      columnStyles: [110, 46, 60, '*'],
      defaultStyle: { border: 0.5, borderColor: LINE, padding: 3 },
      data: [
        ['文件名', '大小', '校验', 'SHA-256'].map(label),
        ...data.attachments.map((a) => [
          a.name,
          byteSize(a.size),
          CHECK_LABELS[a.check] ?? a.check,
          { text: a.sha256, font: { size: 7 } },
        ]),
      ],
    });
  doc.moveDown(0.8);

  section(doc, '审计校验');
  doc
    .fontSize(10)
    .fillColor(data.verification.ok ? '#1a7f37' : '#c62828')
    .text(verificationText(data.verification), { width })
    .fillColor('black');

  // Footer on every page: when it was produced, the page number.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const y = doc.page.height - MARGIN + 12;
    doc
      .fontSize(8)
      .fillColor(GREY)
      .text(
        `生成时间 ${shanghaiTime(data.generatedAt)} · 第 ${i - range.start + 1} / ${range.count} 页`,
        MARGIN,
        y,
        { width, align: 'center', lineBreak: false, height: 10 },
      )
      .fillColor('black');
  }
  doc.end();
  return done;
}

const parsed = new WeakMap<Uint8Array, Font>();

/**
 * The font parsed once per byte array. pdfkit takes a parsed fontkit font as a source; given
 * bytes, its tables would parse the whole CFF table again for every cell they restore the font
 * of (seconds per sheet).
 */
function parsedFont(bytes: Uint8Array): PDFKit.Mixins.PDFFontSource {
  let font = parsed.get(bytes);
  if (!font) {
    const created = create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    if (!('glyphForCodePoint' in created)) throw new TypeError('a font collection: pass one font');
    font = created;
    parsed.set(bytes, font);
  }
  // pdfkit's typings list bytes only; its font factory accepts a fontkit font (has `layout`).
  return font as unknown as PDFKit.Mixins.PDFFontSource;
}

function section(doc: PDFKit.PDFDocument, title: string): void {
  doc.x = MARGIN;
  doc.fontSize(12).fillColor('#1f3a5f').text(title).fillColor('black');
  doc.moveDown(0.3);
}

function label(text: string): PDFKit.Mixins.CellOptions {
  return { text, backgroundColor: '#f0f0f0' };
}
