import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { isDomainError, type DomainError, type Store } from '@certflow/engine';
import type { Database } from './database.js';
import { createDirectory, type Directory } from './directory.js';
import { guarded } from './errors.js';
import { mailActionTokens, mailInbound, mailMessages } from './mail-schema.js';
import { createStore } from './store.js';

export { mailActionTokens, mailInbound, mailMessages, mailTables } from './mail-schema.js';

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

/** The engine's store and the directory, bound to the token's transaction. */
export interface TokenScope {
  readonly store: Store;
  readonly directory: Directory;
}

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
   * One transaction: consume the token (`UPDATE … SET used_at = now WHERE token_hash = $1 AND
   * used_at IS NULL AND superseded_at IS NULL AND expires_at > now RETURNING *`), record `inbound`
   * when given (a duplicate rolls everything back), then run `apply` with the engine's store bound
   * to the same transaction (its own transaction becomes a savepoint). Applied: the task's other
   * tokens are superseded. A `DomainError` from `apply` rolls back its writes and leaves the token
   * used with the error's code as `outcome` (superseded for `TOKEN_SUPERSEDED`). Any other error
   * rolls back everything.
   */
  useToken<T>(args: {
    readonly tokenHash: string;
    readonly now: Date;
    readonly inbound?: InboundReplyRecord;
    readonly apply: (token: ActionTokenRecord, scope: TokenScope) => Promise<T>;
  }): Promise<TokenUse<T>>;
}

class DuplicateInbound extends Error {}

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

/** The mail package's persistence over a drizzle database (postgres.js or PGlite). */
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
        try {
          return await db.transaction(async (tx) => {
            const [consumed] = await tx
              .update(mailActionTokens)
              .set({ usedAt: now })
              .where(
                and(
                  eq(mailActionTokens.tokenHash, tokenHash),
                  isNull(mailActionTokens.usedAt),
                  isNull(mailActionTokens.supersededAt),
                  gt(mailActionTokens.expiresAt, now),
                ),
              )
              .returning();
            if (!consumed) return { status: 'unavailable', token: await getToken(tx, tokenHash) };
            if (args.inbound) {
              const inserted = await tx
                .insert(mailInbound)
                .values(copyInbound(args.inbound))
                .onConflictDoNothing()
                .returning({ messageId: mailInbound.messageId });
              if (inserted.length === 0) throw new DuplicateInbound();
            }
            const token = copyToken(consumed);
            const scope = { store: createStore(tx), directory: createDirectory(tx) };
            try {
              const result = (await args.apply(token, scope)) as T;
              await tx
                .update(mailActionTokens)
                .set({ outcome: 'applied' })
                .where(eq(mailActionTokens.tokenHash, tokenHash));
              // Rows locked by a concurrent use are skipped (no deadlock): that use finds the
              // task closed and marks its own token superseded.
              await tx.execute(sql`
                update ${mailActionTokens} set superseded_at = ${now.toISOString()}::timestamptz
                where token_hash in (
                  select token_hash from ${mailActionTokens}
                  where task_id = ${token.taskId} and used_at is null and superseded_at is null
                  for update skip locked)`);
              return { status: 'applied', token: { ...token, outcome: 'applied' }, result };
            } catch (error) {
              if (!isDomainError(error)) throw error;
              const superseded = error.code === TOKEN_SUPERSEDED ? now : null;
              await tx
                .update(mailActionTokens)
                .set({ outcome: error.code, supersededAt: superseded })
                .where(eq(mailActionTokens.tokenHash, tokenHash));
              const refused = { ...token, outcome: error.code, supersededAt: superseded };
              if (args.inbound) {
                await tx
                  .update(mailInbound)
                  .set({ status: 'refused', reason: error.code })
                  .where(eq(mailInbound.messageId, args.inbound.messageId));
              }
              return { status: 'refused', token: refused, error };
            }
          });
        } catch (error) {
          if (error instanceof DuplicateInbound) return { status: 'duplicate' };
          throw error;
        }
      }),
  };
}
