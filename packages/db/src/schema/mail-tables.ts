import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * The tables of `@certflow/mail`: signed action tokens (links and reply addresses), the mails sent
 * for `notify` outbox rows, and the inbound replies already processed. Like the core tables: no
 * schema qualifier and no foreign keys (see schema.ts).
 */

const at = (name: string) => timestamp(name, { mode: 'date', precision: 3, withTimezone: true });

/**
 * One row per token, keyed by the SHA-256 of the token (the token itself is never stored). The
 * token's HMAC covers `kid`, `purpose`, `task_id`, `approver_id`, `decision` and `expires_at`, so a
 * row edited in the database no longer verifies.
 */
export const mailActionTokens = pgTable(
  'mail_action_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    /** `action` (a link for one decision) or `reply` (a per-task reply address). */
    purpose: text('purpose').$type<'action' | 'reply'>().notNull(),
    kid: text('kid').notNull(),
    taskId: text('task_id').notNull(),
    instanceId: text('instance_id').notNull(),
    approverId: text('approver_id').notNull(),
    /** `APPROVE` / `RETURN` / `REJECT` for links; null for a reply address (the reply decides). */
    decision: text('decision'),
    /** The outbox row whose mail carried the token. */
    outboxId: text('outbox_id').notNull(),
    expiresAt: at('expires_at').notNull(),
    createdAt: at('created_at').notNull(),
    usedAt: at('used_at'),
    /** How the use ended: `applied`, or the refusal code that made the token unusable. */
    outcome: text('outcome'),
    /** Set when the token's task was no longer open (decided elsewhere, or the flow moved on). */
    supersededAt: at('superseded_at'),
  },
  (t) => [index('mail_action_tokens_task_idx').on(t.taskId)],
);

/** One mail per `notify` outbox row; the Message-ID is derived from the outbox id. */
export const mailMessages = pgTable(
  'mail_messages',
  {
    outboxId: text('outbox_id').primaryKey(),
    messageId: text('message_id').notNull(),
    instanceId: text('instance_id'),
    taskId: text('task_id'),
    notification: text('notification').notNull(),
    recipientId: text('recipient_id'),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    /** `sending` (an attempt began), `sent` (the SMTP server accepted it), `failed`. */
    status: text('status').$type<'sending' | 'sent' | 'failed'>().notNull(),
    attempts: integer('attempts').notNull(),
    lastError: text('last_error'),
    createdAt: at('created_at').notNull(),
    sentAt: at('sent_at'),
  },
  (t) => [
    uniqueIndex('mail_messages_message_id_idx').on(t.messageId),
    index('mail_messages_task_recipient_idx')
      .on(t.taskId, t.recipientId)
      .where(sql`${t.taskId} is not null`),
  ],
);

/** Inbound replies, keyed by their Message-ID: a second delivery of the same mail applies nothing. */
export const mailInbound = pgTable(
  'mail_inbound',
  {
    messageId: text('message_id').primaryKey(),
    fromAddress: text('from_address').notNull(),
    tokenHash: text('token_hash'),
    taskId: text('task_id'),
    /** `applied` or `refused`. */
    status: text('status').$type<'applied' | 'refused'>().notNull(),
    decision: text('decision'),
    /** Why a reply was refused (a stable code, e.g. `SENDER_MISMATCH`). */
    reason: text('reason'),
    receivedAt: at('received_at').notNull(),
  },
  (t) => [index('mail_inbound_task_idx').on(t.taskId)],
);

/** The mail tables, in an order safe for `TRUNCATE`. */
export const mailTables = [mailActionTokens, mailMessages, mailInbound] as const;
