import { and, eq, isNull, sql } from 'drizzle-orm';
import { isDomainError, type DomainError } from '@certflow/engine';
import type { Database } from './database.js';
import { guarded } from './errors.js';
import { mailActionTokens, mailInbound, mailMessages } from './schema/mail-tables.js';

export { mailActionTokens, mailInbound, mailMessages, mailTables } from './schema/mail-tables.js';

/** A signed action token as stored: the SHA-256 of the token, what it is bound to, its fate. */
export interface ActionTokenRecord {
  readonly tokenHash: string;
  readonly purpose: 'action' | 'reply';
  readonly kid: string;
  readonly taskId: string;
  readonly instanceId: string;
  readonly approverId: string;
  readonly decision: string | null;
  readonly outboxId: string;
  readonly expiresAt: Date;
  readonly createdAt: Date;
  readonly usedAt: Date | null;
  readonly outcome: string | null;
  readonly supersededAt: Date | null;
}

export type MailMessageStatus = 'sending' | 'sent' | 'failed';

/** The mail sent for one `notify` outbox row. */
export interface MailMessageRecord {
  readonly outboxId: string;
  readonly messageId: string;
  readonly instanceId: string | null;
  readonly taskId: string | null;
  readonly notification: string;
  readonly recipientId: string | null;
  readonly recipient: string;
  readonly subject: string;
  readonly status: MailMessageStatus;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly createdAt: Date;
  readonly sentAt: Date | null;
}

/** An inbound reply already processed, keyed by its Message-ID. */
export interface InboundReplyRecord {
  readonly messageId: string;
  readonly fromAddress: string;
  readonly tokenHash: string | null;
  readonly taskId: string | null;
  readonly status: 'applied' | 'refused';
  readonly decision: string | null;
  readonly reason: string | null;
  readonly receivedAt: Date;
}

/** What a decision through a token came to. */
export type TokenUse<T> =
  | { readonly status: 'applied'; readonly token: ActionTokenRecord; readonly result: T }
  /** The decision was refused: the token is used up, `outcome` holds the refusal's code. */
  | { readonly status: 'refused'; readonly token: ActionTokenRecord; readonly error: DomainError }
  /** Unknown, already used, superseded or expired: nothing was written. */
  | { readonly status: 'unavailable'; readonly token: ActionTokenRecord | undefined }
  /** The inbound reply was processed before: nothing was written. */
  | { readonly status: 'duplicate' };

/** A refusal with this code marks the token superseded (its task was no longer open). */
export const TOKEN_SUPERSEDED = 'TOKEN_SUPERSEDED';

export interface MailStore {
  /** Inserts tokens; an existing token hash is left as it is (a redelivered mail). */
  insertTokens(rows: readonly ActionTokenRecord[]): Promise<void>;
  getToken(tokenHash: string): Promise<ActionTokenRecord | undefined>;
  getMessage(outboxId: string): Promise<MailMessageRecord | undefined>;
  findMessage(messageId: string): Promise<MailMessageRecord | undefined>;
  /** Records an attempt to send (inserting the row, or counting one more attempt). */
  beginAttempt(row: MailMessageRecord): Promise<MailMessageRecord>;
  markSent(outboxId: string, at: Date): Promise<void>;
  markFailed(outboxId: string, error: string): Promise<void>;
  getInbound(messageId: string): Promise<InboundReplyRecord | undefined>;
  /** Inserts a processed reply; false if that Message-ID was already recorded. */
  recordInbound(row: InboundReplyRecord): Promise<boolean>;
  /**
   * Decide with a token: a token already used, superseded or expired is `unavailable`; a reply
   * (`inbound`) already recorded is a `duplicate`. Otherwise `apply` sends the decision with the
   * engine's `useToken` option, so the command's one write uses the token atomically with the
   * decision (and loses to a concurrent use). Applied: the task's other tokens are superseded. A
   * `DomainError` from `apply` leaves the token used with the refusal's code as `outcome`
   * (superseded for `TOKEN_SUPERSEDED`); any other error leaves it unused.
   */
  useToken<T>(args: {
    readonly tokenHash: string;
    readonly now: Date;
    readonly inbound?: InboundReplyRecord;
    readonly apply: (token: ActionTokenRecord) => Promise<T>;
  }): Promise<TokenUse<T>>;
}

function copyToken(r: ActionTokenRecord): ActionTokenRecord {
  return {
    tokenHash: r.tokenHash,
    purpose: r.purpose,
    kid: r.kid,
    taskId: r.taskId,
    instanceId: r.instanceId,
    approverId: r.approverId,
    decision: r.decision,
    outboxId: r.outboxId,
    expiresAt: r.expiresAt,
    createdAt: r.createdAt,
    usedAt: r.usedAt,
    outcome: r.outcome,
    supersededAt: r.supersededAt,
  };
}

function copyMessage(r: MailMessageRecord): MailMessageRecord {
  return {
    outboxId: r.outboxId,
    messageId: r.messageId,
    instanceId: r.instanceId,
    taskId: r.taskId,
    notification: r.notification,
    recipientId: r.recipientId,
    recipient: r.recipient,
    subject: r.subject,
    status: r.status,
    attempts: r.attempts,
    lastError: r.lastError,
    createdAt: r.createdAt,
    sentAt: r.sentAt,
  };
}

function copyInbound(r: InboundReplyRecord): InboundReplyRecord {
  return {
    messageId: r.messageId,
    fromAddress: r.fromAddress,
    tokenHash: r.tokenHash,
    taskId: r.taskId,
    status: r.status,
    decision: r.decision,
    reason: r.reason,
    receivedAt: r.receivedAt,
  };
}

/** The mail package's persistence over a drizzle database (postgres.js). */
export function createMailStore(db: Database): MailStore {
  const getToken = async (q: Database, hash: string) => {
    const [row] = await q
      .select()
      .from(mailActionTokens)
      .where(eq(mailActionTokens.tokenHash, hash));
    return row && copyToken(row);
  };

  return {
    insertTokens: (rows) =>
      guarded(async () => {
        if (rows.length === 0) return;
        await db.insert(mailActionTokens).values(rows.map(copyToken)).onConflictDoNothing();
      }),

    getToken: (hash) => guarded(() => getToken(db, hash)),

    getMessage: (outboxId) =>
      guarded(async () => {
        const [row] = await db
          .select()
          .from(mailMessages)
          .where(eq(mailMessages.outboxId, outboxId));
        return row && copyMessage(row);
      }),

    findMessage: (messageId) =>
      guarded(async () => {
        const [row] = await db
          .select()
          .from(mailMessages)
          .where(eq(mailMessages.messageId, messageId));
        return row && copyMessage(row);
      }),

    beginAttempt: (row) =>
      guarded(async () => {
        const [stored] = await db
          .insert(mailMessages)
          .values({ ...copyMessage(row), status: 'sending', attempts: 1 })
          .onConflictDoUpdate({
            target: mailMessages.outboxId,
            set: {
              attempts: sql`${mailMessages.attempts} + 1`,
              status: sql`case when ${mailMessages.status} = 'sent' then 'sent' else 'sending' end`,
            },
          })
          .returning();
        if (!stored) throw new Error(`mail_messages: no row for ${row.outboxId}`);
        return copyMessage(stored);
      }),

    markSent: (outboxId, at) =>
      guarded(async () => {
        await db
          .update(mailMessages)
          .set({ status: 'sent', sentAt: at, lastError: null })
          .where(eq(mailMessages.outboxId, outboxId));
      }),

    // A late failure report never undoes a sent mail.
    markFailed: (outboxId, error) =>
      guarded(async () => {
        await db
          .update(mailMessages)
          .set({ status: 'failed', lastError: error })
          .where(and(eq(mailMessages.outboxId, outboxId), sql`${mailMessages.status} <> 'sent'`));
      }),

    getInbound: (messageId) =>
      guarded(async () => {
        const [row] = await db
          .select()
          .from(mailInbound)
          .where(eq(mailInbound.messageId, messageId));
        return row && copyInbound(row);
      }),

    recordInbound: (row) =>
      guarded(async () => {
        const inserted = await db
          .insert(mailInbound)
          .values(copyInbound(row))
          .onConflictDoNothing()
          .returning({ messageId: mailInbound.messageId });
        return inserted.length === 1;
      }),

    useToken: <T>(args: Parameters<MailStore['useToken']>[0]) =>
      guarded(async (): Promise<TokenUse<T>> => {
        const { tokenHash, now } = args;
        const token = await getToken(db, tokenHash);
        const usable =
          token !== undefined &&
          token.usedAt === null &&
          token.supersededAt === null &&
          token.expiresAt.getTime() > now.getTime();
        if (!usable) return { status: 'unavailable', token };
        if (args.inbound) {
          const inserted = await db
            .insert(mailInbound)
            .values(copyInbound(args.inbound))
            .onConflictDoNothing()
            .returning({ messageId: mailInbound.messageId });
          if (inserted.length === 0) return { status: 'duplicate' };
        }
        try {
          // The command's own write uses the token (used_at, outcome 'applied'), atomically with
          // the decision; a concurrent use of the same token makes that write lose.
          const result = (await args.apply(token)) as T;
          // The task's other tokens can no longer decide anything.
          await db.execute(sql`
            update ${mailActionTokens} set superseded_at = ${now.toISOString()}::timestamptz
            where task_id = ${token.taskId} and used_at is null and superseded_at is null`);
          return {
            status: 'applied',
            token: { ...token, usedAt: now, outcome: 'applied' },
            result,
          };
        } catch (error) {
          if (!isDomainError(error)) {
            if (args.inbound) {
              await db.delete(mailInbound).where(eq(mailInbound.messageId, args.inbound.messageId));
            }
            throw error;
          }
          const superseded = error.code === TOKEN_SUPERSEDED ? now : null;
          const spent = await db
            .update(mailActionTokens)
            .set({ usedAt: now, outcome: error.code, supersededAt: superseded })
            .where(and(eq(mailActionTokens.tokenHash, tokenHash), isNull(mailActionTokens.usedAt)))
            .returning({ tokenHash: mailActionTokens.tokenHash });
          if (spent.length === 0) {
            // A concurrent use of this same token decided first: it is used, not refused.
            if (args.inbound) {
              await db.delete(mailInbound).where(eq(mailInbound.messageId, args.inbound.messageId));
            }
            return { status: 'unavailable', token: await getToken(db, tokenHash) };
          }
          if (args.inbound) {
            await db
              .update(mailInbound)
              .set({ status: 'refused', reason: error.code })
              .where(eq(mailInbound.messageId, args.inbound.messageId));
          }
          const refused = { ...token, usedAt: now, outcome: error.code, supersededAt: superseded };
          return { status: 'refused', token: refused, error };
        }
      }),
  };
}
