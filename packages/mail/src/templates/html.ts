/** Minimal, escaped HTML building blocks shared by mails and pages. Pure. */

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Text with line breaks kept. */
export function paragraph(text: string, style = ''): string {
  const body = escapeHtml(text).replaceAll('\n', '<br>');
  return `<p style="margin:0 0 12px;${style}">${body}</p>`;
}

export function fieldTable(rows: ReadonlyArray<readonly [string, string]>): string {
  if (rows.length === 0) return '';
  const cells = rows
    .map(
      ([label, value]) =>
        `<tr><th style="text-align:left;padding:4px 12px 4px 0;color:#555;font-weight:normal;white-space:nowrap;vertical-align:top">${escapeHtml(label)}</th>` +
        `<td style="padding:4px 0">${escapeHtml(value)}</td></tr>`,
    )
    .join('');
  return `<table style="border-collapse:collapse;margin:0 0 12px">${cells}</table>`;
}

export function linkButton(label: string, url: string, color: string): string {
  return (
    `<a href="${escapeHtml(url)}" style="display:inline-block;margin:0 8px 8px 0;padding:6px 16px;` +
    `border-radius:4px;background:${color};color:#fff;text-decoration:none">${escapeHtml(label)}</a>`
  );
}

export function htmlDocument(lang: string, title: string, body: string): string {
  return (
    `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(title)}</title></head>` +
    `<body style="font-family:-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;font-size:14px;line-height:1.6;color:#222;max-width:640px;margin:24px auto;padding:0 16px">` +
    `${body}</body></html>`
  );
}
