import type { Messages } from '@certflow/engine';
import { zhDateTime } from '../beijing-time.js';
import { DECISION_LABELS, type Decision } from '../labels.js';
import type { MailContext } from '../ports.js';
import { escapeHtml } from './html.js';
import { PAGE_CSS } from './page-security.js';

/**
 * The pages of the action links: zh-CN first, an English line under each message. Pure. Styled
 * by classes of `PAGE_CSS` only (no `style=`, no script), so `PAGE_CSP` can be strict.
 */

function page(title: string, body: string): string {
  return (
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(title)}</title><style>${PAGE_CSS}</style></head><body>${body}</body></html>`
  );
}

function para(text: string, className = ''): string {
  const attr = className ? ` class="${className}"` : '';
  return `<p${attr}>${escapeHtml(text).replaceAll('\n', '<br>')}</p>`;
}

function summary(ctx: MailContext): string {
  const rows = ctx.fields
    .map((f) => `<tr><th>${escapeHtml(f.label.zh)}</th><td>${escapeHtml(f.value)}</td></tr>`)
    .join('');
  const table = rows ? `<table>${rows}</table>` : '';
  return `<h2>${escapeHtml(`${ctx.flowTitle.zh}：${ctx.headline}`)}</h2>${table}`;
}

/** GET: shows what will be decided and asks to confirm with a POST. Changes nothing. */
export function confirmPage(args: {
  readonly decision: Decision;
  readonly context: MailContext;
  readonly comment?: string;
  readonly error?: string;
  readonly expiresAt: Date;
}): string {
  const label = DECISION_LABELS[args.decision];
  const due = args.context.task?.dueAt;
  const body = [
    `<h1>确认${escapeHtml(label.zh)}</h1>`,
    para(`请确认对以下事项作出“${label.zh}”的决定。提交后不可撤销。\nPlease confirm: ${label.en}.`),
    summary(args.context),
    due ? para(`办理期限：${zhDateTime(new Date(due))}（北京时间）`) : '',
    args.error ? para(args.error, 'error') : '',
    `<form method="post" action="">`,
    `<label for="comment">审批意见（选填，最多2000字）</label><br>`,
    `<textarea id="comment" name="comment" rows="5" maxlength="2000">${escapeHtml(args.comment ?? '')}</textarea>`,
    `<p><button type="submit">确认${escapeHtml(label.zh)}</button></p>`,
    `</form>`,
    para(`此链接仅限本人使用，于${zhDateTime(args.expiresAt)}（北京时间）失效。`, 'muted small'),
  ].join('\n');
  return page(`确认${label.zh}`, body);
}

/** POST accepted: the decision is recorded. */
export function donePage(decision: Decision, context: MailContext | null): string {
  const label = DECISION_LABELS[decision];
  const body = [
    `<h1>已办理：${escapeHtml(label.zh)}</h1>`,
    para(
      `您的审批意见已记录，流程将继续流转。此链接已失效。\nDone: ${label.en}. This link can no longer be used.`,
    ),
    context ? summary(context) : '',
  ].join('\n');
  return page(`已办理：${label.zh}`, body);
}

/** Any refusal: used, expired, forged, superseded, or refused by the engine. No internals. */
export function messagePage(title: Messages, message: Messages): string {
  const body = [
    `<h1>${escapeHtml(title.zh)}</h1>`,
    para(message.zh),
    para(`${title.en}. ${message.en}`, 'muted'),
    para('如需办理，请登录系统在“我的待办”中处理。', 'muted small'),
  ].join('\n');
  return page(title.zh, body);
}
