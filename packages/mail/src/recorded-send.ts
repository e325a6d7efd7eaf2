import { createHash } from 'node:crypto';
import type { Clock, OutboxRecord, Person } from '@certflow/engine';
import { notificationMessageId } from './mail-links.js';
import type { MailStore, MailTransport } from './ports.js';

/** A UUID-shaped id derived from `key` (Message-IDs look like every other certflow mail's). */
function stableUuid(key: string): string {
  const h = createHash('sha256').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export interface RecordedSendOptions {
  readonly transport: MailTransport;
  readonly store: MailStore;
  readonly from: string;
  readonly publicHost: string;
  readonly clock: Clock;
}

/**
 * One mail of an outbox row without an instance, sent at most once: recorded in `mail_messages`
 * under `key` with a stable Message-ID (a UUID hashed from the key), skipped when that key was
 * sent already, so a redelivered row sends only what was not sent yet. A transport failure is
 * recorded and rethrown (the relay retries the row).
 */
export async function sendRecorded(
  options: RecordedSendOptions,
  row: OutboxRecord,
  mail: {
    readonly key: string;
    readonly notification: string;
    readonly to: Pick<Person, 'id' | 'name'> & { readonly email: string };
    readonly subject: string;
    readonly text: string;
    readonly html: string;
  },
): Promise<void> {
  const { key } = mail;
  const existing = await options.store.getMessage(key);
  if (existing?.status === 'sent') return;
  const messageId = notificationMessageId(stableUuid(key), options.publicHost);
  await options.store.beginAttempt({
    outboxId: key,
    messageId,
    instanceId: null,
    taskId: null,
    notification: mail.notification,
    recipientId: mail.to.id,
    recipient: mail.to.email,
    subject: mail.subject,
    status: 'sending',
    attempts: 1,
    lastError: null,
    createdAt: options.clock.now(),
    sentAt: null,
  });
  try {
    await options.transport.send({
      messageId,
      date: row.createdAt,
      from: options.from,
      to: { name: mail.to.name, address: mail.to.email },
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
    await options.store.markFailed(key, error instanceof Error ? error.message : String(error));
    throw error;
  }
  await options.store.markSent(key, options.clock.now());
}
