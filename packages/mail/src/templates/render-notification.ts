import type { Messages, NotificationPayload } from '@certflow/engine';
import { enDate, enDateTime, zhDate, zhDateTime } from '../beijing-time.js';
import { DECISION_LABELS, SUBJECT_TAGS, TODO_TAG, type Decision } from '../labels.js';
import type { Locale, MailContext } from '../ports.js';
import { fieldTable, htmlDocument, linkButton, paragraph } from './html.js';
import { commentLabel, greeting, leadLine } from './notification-lines.js';

export interface NotificationLinks {
  /** One signed link per decision the recipient may take (empty when there is nothing to decide). */
  readonly decisions: ReadonlyArray<{ readonly decision: Decision; readonly url: string }>;
  /** 查看详情: the instance in the web console. */
  readonly details: string;
}

export interface RenderInput {
  readonly locale: Locale;
  readonly payload: NotificationPayload;
  readonly context: MailContext;
  readonly links: NotificationLinks;
  /** Show the reply-approval hint (the task allows it and a reply address is set). */
  readonly replyHint: boolean;
  /** The notice's date (the outbox row's creation time), for the sign-off. */
  readonly date: Date;
  /** Who signs: 教务处. */
  readonly office: Messages;
}

export interface RenderedMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

const COLORS: Readonly<Record<Decision, string>> = {
  APPROVE: '#1a7f37',
  RETURN: '#9a6700',
  REJECT: '#cf222e',
};

const ACTIONABLE = new Set(['task', 'reminder', 'escalation', 'urge', 'deadline-moved']);

/** The subject: `【待审批】年度试点项目申报：电子工程学院 Web前端开发（中级）`. */
export function notificationSubject(
  locale: Locale,
  payload: NotificationPayload,
  ctx: MailContext,
): string {
  const tag =
    payload.notification === 'task' && ctx.task?.approval === false
      ? TODO_TAG
      : SUBJECT_TAGS[payload.notification];
  return locale === 'zh-CN'
    ? `${tag.zh}${ctx.flowTitle.zh}：${ctx.headline}`
    : `${tag.en}${ctx.flowTitle.en}: ${ctx.headline}`;
}

/** Render one notification mail, HTML and text. Pure: everything comes in as arguments. */
export function renderNotification(input: RenderInput): RenderedMail {
  const { locale, payload, context: ctx, links } = input;
  const zh = locale === 'zh-CN';
  const subject = notificationSubject(locale, payload, ctx);
  const lines: string[] = [];
  const html: string[] = [];
  const say = (text: string, style = ''): void => {
    lines.push(text, '');
    html.push(paragraph(text, style));
  };

  say(`${greeting(locale, payload.recipient?.name ?? null)}\n${zh ? '您好！' : ''}`.trim());
  say(leadLine(locale, payload, ctx));
  if (payload.onBehalfOf) {
    const name = payload.onBehalfOf.name;
    say(
      zh
        ? `您是${name}的代理人：此事项原应由${name}办理，您办理后将记为“由您代${name}审批”。`
        : `You stand in for ${name}: you received this in their place, and what you decide is recorded as on their behalf.`,
    );
  }

  const rows = ctx.fields.map((f) => [zh ? f.label.zh : f.label.en, f.value] as const);
  if (payload.comment) rows.push([commentLabel(locale, payload), payload.comment]);
  if (rows.length > 0) {
    const width = Math.max(...rows.map(([label]) => label.length));
    lines.push(
      ...rows.map(([label, value]) => `${label.padEnd(width, zh ? '　' : ' ')}  ${value}`),
      '',
    );
    html.push(fieldTable(rows));
  }

  const actionable = ACTIONABLE.has(payload.notification);
  if (actionable && ctx.task && !ctx.task.open) {
    say(zh ? '（该待办已办理或已变更，无需再操作。）' : '(This task has already been dealt with.)');
  } else if (actionable) {
    const due = ctx.task?.dueAt ?? payload.dueAt;
    if (due) {
      const at = new Date(due);
      say(
        zh ? `请于${zhDateTime(at)}（北京时间）前办理。` : `Please act by ${enDateTime(at)}.`,
        'font-weight:bold',
      );
      // Why that date (the rule and the days skipped), and whether it is provisional.
      const why = payload.dueExplanation;
      if (why) say(zh ? `期限说明：${why.zh}` : `Deadline: ${why.en}`);
      if (payload.dueProvisional && !(why?.zh ?? '').includes('暂按周末计算')) {
        say(
          zh
            ? '（暂按周末计算，节假日安排公布后自动调整）'
            : '(Provisional: counted on weekends only until the holiday table is published.)',
        );
      }
    } else {
      say(zh ? '请及时办理。' : 'Please act at your earliest convenience.');
    }
  }

  const label = (d: Decision): string => (zh ? DECISION_LABELS[d].zh : DECISION_LABELS[d].en);
  const detailsLabel = zh ? '查看详情' : 'View details';
  if (links.decisions.length > 0) {
    lines.push(zh ? '办理（点击链接后在页面上确认）：' : 'Act (each link asks you to confirm):');
    for (const l of links.decisions) lines.push(`${label(l.decision)}：${l.url}`);
  }
  lines.push(`${detailsLabel}：${links.details}`, '');
  html.push(
    `<p style="margin:0 0 12px">${links.decisions
      .map((l) => linkButton(label(l.decision), l.url, COLORS[l.decision]))
      .join('')}${linkButton(detailsLabel, links.details, '#0969da')}</p>`,
  );

  const hint = input.replyHint
    ? zh
      ? '此邮件由系统发送；回复本邮件首行写“同意”“退回”或“驳回”即可办理，其后各行为审批意见。'
      : 'Sent by certflow. To decide by e-mail, reply with APPROVE, RETURN or REJECT on the first line; the following lines are your comment.'
    : actionable && ctx.task?.open && ctx.task.approval && links.decisions.length > 0
      ? zh
        ? '此邮件由系统发送。本环节不能通过回复邮件办理，请使用上方链接或登录系统办理。'
        : 'Sent by certflow. This step cannot be decided by reply; use the links above or the web console.'
      : zh
        ? '此邮件由系统发送，请勿直接回复。'
        : 'Sent by certflow; please do not reply.';
  say(hint, 'color:#666;font-size:12px');

  const office = zh ? input.office.zh : input.office.en;
  const date = zh ? zhDate(input.date) : enDate(input.date);
  lines.push(office, date);
  html.push(
    `<div style="margin:24px 0 0;text-align:right">${paragraph(office)}${paragraph(date)}</div>`,
  );

  return {
    subject,
    text: lines.join('\n') + '\n',
    html: htmlDocument(zh ? 'zh-CN' : 'en', subject, html.join('\n')),
  };
}
