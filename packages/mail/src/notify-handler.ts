import {
  NOTIFY_OUTBOX_KIND,
  type Clock,
  type Messages,
  type NotificationPayload,
  type OutboxRecord,
} from '@certflow/engine';
import { mintToken, tokenRow, type TokenKeys } from './action-token.js';
import { DECISIONS, type Decision } from './labels.js';
import { actionUrl, detailsUrl, notificationMessageId, replyAddress } from './mail-links.js';
import { notificationPayloadSchema } from './notification-payload.js';
import { outboxPayload } from './outbox-payload.js';
import type {
  ActionTokenRecord,
  Locale,
  MailContextSource,
  MailStore,
  MailTransport,
} from './ports.js';
import { renderNotification } from './templates/render-notification.js';

export interface NotifyHandlerOptions {
  readonly transport: MailTransport;
  readonly store: MailStore;
  readonly context: MailContextSource;
  readonly keys: TokenKeys;
  readonly from: string;
  readonly publicUrl: string;
  readonly publicHost: string;
  /** Reply addresses are offered only when set (an inbound endpoint is running). */
  readonly replyDomain?: string | null;
  readonly tokenTtlMs: number;
  readonly locale?: Locale;
  readonly office?: Messages;
  readonly clock?: Clock;
}

const systemClock: Clock = { now: () => new Date() };
const ACTIONABLE = new Set(['task', 'reminder', 'escalation', 'urge', 'deadline-moved']);

/**
 * The outbox handler for `notify` rows: one mail per row, with the Message-ID
 * `<outbox-id@certflow.HOST>`. Idempotent: a row whose mail is recorded as sent is not sent again;
 * a crash after the SMTP server accepted it but before that was recorded sends it again, with the
 * same Message-ID, the same links and the same body. Failures reject with the engine's
 * `InfrastructureError` (`retryable` tells the relay whether to try again).
 */
export function createNotifyHandler(
  options: NotifyHandlerOptions,
): (row: OutboxRecord) => Promise<void> {
  const clock = options.clock ?? systemClock;
  const locale = options.locale ?? 'zh-CN';
  const office = options.office ?? { zh: '教务处', en: 'Office of Academic Affairs' };

  return async (row) => {
    const payload = outboxPayload(
      row,
      NOTIFY_OUTBOX_KIND,
      notificationPayloadSchema,
      'notify',
    ) as NotificationPayload;
    const recipient = payload.recipient;
    if (!recipient) return; // no directory: nobody to write to
    const existing = await options.store.getMessage(row.id);
    if (existing?.status === 'sent') return;

    const ctx = await options.context.load(payload);
    const task = ctx.task;
    const decisions: Decision[] =
      task?.open && ACTIONABLE.has(payload.notification)
        ? DECISIONS.filter((d) => task.events.includes(d))
        : [];
    const expiresAt = new Date(row.createdAt.getTime() + options.tokenTtlMs);
    const tokens: ActionTokenRecord[] = [];
    const mint = (purpose: 'action' | 'reply', decision: Decision | null): string => {
      const claims = {
        purpose,
        instanceId: payload.instanceId,
        taskId: task?.id ?? '',
        approverId: recipient.id,
        decision,
        expiresAt,
      };
      const token = mintToken(options.keys, claims, row.id);
      tokens.push(tokenRow(options.keys, token, claims, row.id, row.createdAt));
      return token;
    };
    const links = {
      decisions: decisions.map((d) => ({
        decision: d,
        url: actionUrl(options.publicUrl, mint('action', d)),
      })),
      details: detailsUrl(options.publicUrl, payload.instanceId),
    };
    const replyTo =
      decisions.length > 0 && task?.replyAllowed && options.replyDomain
        ? replyAddress(mint('reply', null), options.replyDomain)
        : undefined;
    await options.store.insertTokens(tokens);

    const mail = renderNotification({
      locale,
      payload,
      context: ctx,
      links,
      replyHint: replyTo !== undefined,
      date: row.createdAt,
      office,
    });
    const messageId = notificationMessageId(row.id, options.publicHost);
    await options.store.beginAttempt({
      outboxId: row.id,
      messageId,
      instanceId: payload.instanceId,
      taskId: payload.taskId,
      notification: payload.notification,
      recipientId: recipient.id,
      recipient: recipient.email,
      subject: mail.subject,
      status: 'sending',
      attempts: 1,
      lastError: null,
      createdAt: clock.now(),
      sentAt: null,
    });
    try {
      await options.transport.send({
        messageId,
        date: row.createdAt,
        from: options.from,
        to: { name: recipient.name, address: recipient.email },
        ...(replyTo ? { replyTo } : {}),
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: {
          'Auto-Submitted': 'auto-generated',
          'X-Auto-Response-Suppress': 'OOF, AutoReply',
          'X-Certflow-Outbox': row.id,
        },
      });
    } catch (error) {
      await options.store.markFailed(
        row.id,
        error instanceof Error ? error.message : String(error),
      );
      throw error;
    }
    await options.store.markSent(row.id, clock.now());
  };
}
