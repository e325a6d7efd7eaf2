import type { Messages } from '@certflow/engine';
import { zhDateTime } from '../beijing-time.js';
import { DECISION_LABELS, type Decision } from '../labels.js';
import type { MailContext } from '../ports.js';
import { escapeHtml, fieldTable, htmlDocument, paragraph } from './html.js';

/** The pages of the action links: zh-CN first, an English line under each message. Pure. */

function summary(ctx: MailContext): string {
  const rows = ctx.fields.map((f) => [f.label.zh, f.value] as const);
  return `<h2 style="font-size:16px;margin:0 0 8px">${escapeHtml(`${ctx.flowTitle.zh}：${ctx.headline}`)}</h2>${fieldTable(rows)}`;
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
    `<h1 style="font-size:20px">确认${escapeHtml(label.zh)}</h1>`,
    paragraph(
      `请确认对以下事项作出“${label.zh}”的决定。提交后不可撤销。\nPlease confirm: ${label.en}.`,
    ),
    summary(args.context),
    due ? paragraph(`办理期限：${zhDateTime(new Date(due))}（北京时间）`) : '',
    args.error ? paragraph(args.error, 'color:#cf222e') : '',
    `<form method="post" action="">`,
    `<label for="comment">审批意见（选填，最多2000字）</label><br>`,
    `<textarea id="comment" name="comment" rows="5" maxlength="2000" style="width:100%;box-sizing:border-box">${escapeHtml(args.comment ?? '')}</textarea>`,
    `<p><button type="submit" style="padding:6px 20px">确认${escapeHtml(label.zh)}</button></p>`,
    `</form>`,
    paragraph(
      `此链接仅限本人使用，于${zhDateTime(args.expiresAt)}（北京时间）失效。`,
      'color:#666;font-size:12px',
    ),
  ].join('\n');
  return htmlDocument('zh-CN', `确认${label.zh}`, body);
}

/** POST accepted: the decision is recorded. */
export function donePage(decision: Decision, context: MailContext | null): string {
  const label = DECISION_LABELS[decision];
  const body = [
    `<h1 style="font-size:20px">已办理：${escapeHtml(label.zh)}</h1>`,
    paragraph(
      `您的审批意见已记录，流程将继续流转。此链接已失效。\nDone: ${label.en}. This link can no longer be used.`,
    ),
    context ? summary(context) : '',
  ].join('\n');
  return htmlDocument('zh-CN', `已办理：${label.zh}`, body);
}

/** Any refusal: used, expired, forged, superseded, or refused by the engine. No internals. */
export function messagePage(title: Messages, message: Messages): string {
  const body = [
    `<h1 style="font-size:20px">${escapeHtml(title.zh)}</h1>`,
    paragraph(message.zh),
    paragraph(`${title.en}. ${message.en}`, 'color:#666'),
    paragraph('如需办理，请登录系统在“我的待办”中处理。', 'color:#666;font-size:12px'),
  ].join('\n');
  return htmlDocument('zh-CN', title.zh, body);
}
