import {
  InfrastructureError,
  type Clock,
  type Directory,
  type OutboxRecord,
} from '@certflow/engine';
import { z } from 'zod';
import { enDateTime, zhDate, zhDateTime } from './beijing-time.js';
import { outboxPayload } from './outbox-payload.js';
import type { MailStore, MailTransport } from './ports.js';
import { sendRecorded } from './recorded-send.js';
import { htmlDocument, paragraph } from './templates/html.js';

/**
 * Outbox kind of the mail to a webhook subscription's owner when the subscription was disabled
 * after persistent failure: the same string as `@certflow/webhooks`' `WEBHOOK_DISABLED_OUTBOX_KIND`
 * (which writes the rows; docs/http-api.md § Webhooks).
 */
export const WEBHOOK_DISABLED_MAIL_OUTBOX_KIND = 'webhook.disabled';

/** The row's payload as `@certflow/webhooks` writes it (`WebhookDisabledPayload`). */
const payloadSchema = z.object({
  notification: z.literal('webhook-disabled'),
  subscription: z.object({ id: z.string(), url: z.string(), description: z.string().nullable() }),
  owner: z.object({ id: z.string(), email: z.string().nullable() }),
  disabledAt: z.string(),
  delivery: z.object({
    id: z.number().int(),
    eventId: z.string(),
    eventType: z.string(),
    instanceId: z.string(),
    attempts: z.number().int(),
  }),
  lastErrors: z.array(
    z.object({ at: z.string(), status: z.number().int().nullable(), error: z.string().nullable() }),
  ),
  waiting: z.number().int(),
});

export type WebhookDisabledMailPayload = z.infer<typeof payloadSchema>;

export interface WebhookDisabledMailHandlerOptions {
  readonly transport: MailTransport;
  readonly store: MailStore;
  /** The owner's name and current address (the payload's address is the fallback). */
  readonly directory: Pick<Directory, 'getUser'>;
  readonly from: string;
  /** `CERTFLOW_PUBLIC_URL`: the API paths in the mail are under it. */
  readonly publicUrl: string;
  readonly publicHost: string;
  readonly clock?: Clock;
}

function attemptLine(e: WebhookDisabledMailPayload['lastErrors'][number], zh: boolean): string {
  const at = new Date(e.at);
  const status = e.status === null ? null : `HTTP ${e.status}`;
  const what = [status, e.error === status ? null : e.error].filter(Boolean).join(' — ');
  return zh
    ? `· ${zhDateTime(at)}：${what || '无应答'}`
    : `· ${enDateTime(at)}: ${what || 'no answer'}`;
}

/** The mail: zh-CN first, English second. Pure. */
export function renderWebhookDisabledMail(input: {
  readonly payload: WebhookDisabledMailPayload;
  readonly recipientName: string;
  readonly publicUrl: string;
}): { subject: string; text: string; html: string } {
  const { payload: p } = input;
  const sub = p.subscription;
  const d = p.delivery;
  const api = `${input.publicUrl.replace(/\/+$/u, '')}/api/webhooks/${sub.id}`;
  const disabledAt = new Date(p.disabledAt);
  const zh = [
    `尊敬的${input.recipientName}：`,
    '您好！',
    `您创建的 webhook 订阅因持续投递失败，已于 ${zhDateTime(disabledAt)}（北京时间）被系统自动停用。`,
    `· 接收地址：${sub.url}`,
    ...(sub.description ? [`· 说明：${sub.description}`] : []),
    `· 订阅编号：${sub.id}`,
    `· 停用原因：投递 ${d.id}（事件 ${d.eventType}，实例 ${d.instanceId}）连续失败 ${d.attempts} 次`,
    '最近几次失败：',
    ...p.lastErrors.map((e) => attemptLine(e, true)),
    `停用期间不再投递；已排队的 ${p.waiting} 条投递保留原有顺序，停用后发生的事件也不会丢失。`,
    '排除接收端故障后（教务处账号）：',
    `· 重新启用：PATCH ${api}，请求体 {"active": true}——排队的投递立即按顺序重新发送，停用期间的事件随后补发；`,
    `· 查看投递记录：GET ${api}/deliveries`,
    `· 重新投递某一条：POST ${api}/deliveries/<投递编号>/redeliver`,
    '接口说明见 docs/http-api.md「Webhooks」一节。',
    '',
    'certflow',
    zhDate(disabledAt),
  ];
  const en = [
    `Your webhook subscription was disabled automatically after persistent delivery failures, at ${enDateTime(disabledAt)}.`,
    `· URL: ${sub.url}`,
    `· Subscription: ${sub.id}`,
    `· Reason: delivery ${d.id} (${d.eventType}, instance ${d.instanceId}) failed ${d.attempts} times in a row`,
    'Last failures:',
    ...p.lastErrors.map((e) => attemptLine(e, false)),
    `Nothing is delivered while it is disabled; the ${p.waiting} waiting deliveries keep their place and later events are not lost.`,
    'Once the receiver works again (as Academic Affairs):',
    `· re-enable: PATCH ${api} with {"active": true} — the waiting deliveries are sent at once, in order, then the events since;`,
    `· the delivery log: GET ${api}/deliveries`,
    `· send one again: POST ${api}/deliveries/<delivery id>/redeliver`,
    'See docs/http-api.md § Webhooks.',
  ];
  const subject = `【已停用】Webhook 订阅 ${sub.url} 持续投递失败 / Webhook disabled`;
  const html = htmlDocument(
    'zh-CN',
    subject,
    paragraph(zh.join('\n')) +
      '<hr style="border:none;border-top:1px solid #ddd;margin:16px 0">' +
      `<div lang="en">${paragraph(en.join('\n'), 'color:#555')}</div>`,
  );
  return { subject, text: `${zh.join('\n')}\n\n----\n\n${en.join('\n')}\n`, html };
}

/**
 * The outbox handler for `webhook.disabled` rows: one mail to the subscription's owner (the
 * person who created it; their directory entry, else the address recorded with the
 * subscription), recorded in `mail_messages` under the row id, so a redelivered row sends
 * nothing more. An owner with no address is refused for good (`MAIL_NO_RECIPIENT`).
 */
export function createWebhookDisabledMailHandler(
  options: WebhookDisabledMailHandlerOptions,
): (row: OutboxRecord) => Promise<void> {
  const clock = options.clock ?? { now: () => new Date() };
  return async (row) => {
    const payload = outboxPayload(
      row,
      WEBHOOK_DISABLED_MAIL_OUTBOX_KIND,
      payloadSchema,
      'webhook-disabled',
    );
    const person = await options.directory.getUser(payload.owner.id);
    const email = person?.email ? person.email : payload.owner.email;
    if (!email) {
      throw new InfrastructureError(
        'MAIL_NO_RECIPIENT',
        `outbox ${row.id}: webhook owner ${payload.owner.id} has no mail address`,
        { retryable: false },
      );
    }
    const name = person?.name ?? payload.owner.id;
    const mail = renderWebhookDisabledMail({
      payload,
      recipientName: name,
      publicUrl: options.publicUrl,
    });
    await sendRecorded({ ...options, clock }, row, {
      key: row.id,
      notification: 'webhook-disabled',
      to: { id: payload.owner.id, name, email },
      ...mail,
    });
  };
}
