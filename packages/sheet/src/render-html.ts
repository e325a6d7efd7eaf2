import { createHash } from 'node:crypto';
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

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => ESCAPES[c] ?? c);
}

const STYLE = `
  body { font-family: "Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
    "Microsoft YaHei", sans-serif; color: #111; margin: 24px auto; max-width: 820px; font-size: 14px; }
  h1 { text-align: center; font-size: 22px; margin: 0 0 4px; }
  .subtitle { text-align: center; color: #555; margin: 0 0 20px; }
  h2 { font-size: 16px; color: #1f3a5f; border-bottom: 1px solid #1f3a5f; padding-bottom: 2px; margin: 20px 0 8px; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border: 1px solid #999; padding: 4px 6px; text-align: left; vertical-align: top; }
  th { background: #f0f0f0; font-weight: normal; white-space: nowrap; }
  .hash { font-family: ui-monospace, monospace; font-size: 11px; word-break: break-all; }
  .ok { color: #1a7f37; } .broken { color: #c62828; }
  footer { margin-top: 24px; color: #555; font-size: 12px; text-align: center; }
  @media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
  @page { size: A4; margin: 16mm; }
`;

/**
 * The Content-Security-Policy the HTML sheet needs: nothing loads or runs but its one inline
 * stylesheet, allowed by hash.
 */
export const SHEET_HTML_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The approval sheet as one print-friendly HTML page (A4 print styles, no script, every value
 * escaped): the same sections as the PDF. Pure.
 */
export function renderSheetHtml(data: SheetData): string {
  const e = escapeHtml;
  const heading = data.school
    ? `${data.school} ${data.flowTitle}审批单`
    : `${data.flowTitle}审批单`;
  const fields =
    data.fields.length === 0
      ? '<p>（无）</p>'
      : `<table>${data.fields
          .map((f) => `<tr><th>${e(f.label)}</th><td>${e(f.value)}</td></tr>`)
          .join('')}</table>`;
  const steps = data.steps
    .map(
      (s) =>
        `<tr><td>${s.seq}</td><td>${e(shanghaiTime(s.at))}</td><td>${e(
          personText(s.actor, s.onBehalfOf),
        )}</td><td>${e(eventLabel(s.event, s.label))}</td><td>${e(s.comment ?? '')}</td><td class="hash">${e(
          s.hash.slice(0, 12),
        )}</td></tr>`,
    )
    .join('');
  const attachments =
    data.attachments.length === 0
      ? '<p>（无附件）</p>'
      : `<table><tr><th>文件名</th><th>大小</th><th>校验</th><th>SHA-256</th></tr>${data.attachments
          .map(
            (a) =>
              `<tr><td>${e(a.name)}</td><td>${e(byteSize(a.size))}</td><td class="${
                a.check === 'ok' ? 'ok' : 'broken'
              }">${e(CHECK_LABELS[a.check] ?? a.check)}</td><td class="hash">${e(a.sha256)}</td></tr>`,
          )
          .join('')}</table>`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(`审批单 ${data.title}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${e(heading)}</h1>
<p class="subtitle">${e(data.title)}</p>
<h2>基本信息</h2>
<table>
<tr><th>流程编号</th><td>${e(data.instanceId)}</td><th>流程</th><td>${e(
    `${data.flowTitle}（${data.flowId} v${data.flowVersion}）`,
  )}</td></tr>
<tr><th>申请人</th><td>${e(personText(data.applicant))}</td><th>所属学院</th><td>${e(
    data.college ?? '—',
  )}</td></tr>
<tr><th>发起时间</th><td>${e(shanghaiTime(data.createdAt))}</td><th>当前状态</th><td>${e(
    STATUS_LABELS[data.status] ?? data.status,
  )}</td></tr>
</table>
<h2>申请内容</h2>
${fields}
<h2>签核历程</h2>
<table>
<tr><th>序号</th><th>时间</th><th>办理人</th><th>操作</th><th>意见</th><th>记录哈希</th></tr>
${steps}
</table>
<h2>附件</h2>
${attachments}
<h2>审计校验</h2>
<p class="${data.verification.ok ? 'ok' : 'broken'}">${e(verificationText(data.verification))}</p>
<footer>生成时间 ${e(shanghaiTime(data.generatedAt))}</footer>
</body>
</html>
`;
}
