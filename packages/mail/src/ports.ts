import type { DomainError, Engine, Messages, NotificationPayload, Store } from '@certflow/engine';

/**
 * The ports of `@certflow/mail`, owned here. `@certflow/db`'s `createMailStore` implements
 * `MailStore`; `createSmtpTransport` / `createEmlTransport` implement `MailTransport`.
 */

export type Locale = 'zh-CN' | 'en';

/** One mail to send. `messageId` includes the angle brackets: `<id@host>`. */
export interface OutgoingMail {
  readonly messageId: string;
  readonly date: Date;
  readonly from: string;
  readonly to: { readonly name: string | null; readonly address: string };
  readonly replyTo?: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly inReplyTo?: string;
  readonly references?: readonly string[];
  readonly headers?: Readonly<Record<string, string>>;
}

export interface MailTransport {
  /** Resolves once the mail is accepted (by the SMTP server, or written to disk). */
  send(mail: OutgoingMail): Promise<{ readonly messageId: string }>;
}

/** One row of a notification's field table. */
export interface MailField {
  readonly label: Messages;
  readonly value: string;
}

/** The task a notification is about, as it stands when the mail is rendered. */
export interface MailTask {
  readonly id: string;
  readonly step: string;
  readonly role: string;
  readonly kind: string;
  readonly approval: boolean;
  readonly events: readonly string[];
  readonly dueAt: string | null;
  /** False when the task was decided (or the flow moved on) before the mail went out. */
  readonly open: boolean;
  /** May the task be decided by reply mail (`TaskSpec.replyAllowed`)? */
  readonly replyAllowed: boolean;
}

/** Everything a template needs besides the outbox payload, read through `MailContextSource`. */
export interface MailContext {
  readonly flowTitle: Messages;
  /** `电子工程学院 Web前端开发（中级）` — the instance title with college names. */
  readonly headline: string;
  readonly fields: readonly MailField[];
  readonly task: MailTask | null;
  readonly submitterName: string | null;
}

/** What a context is loaded for: a notification payload, or a token's instance and task. */
export type MailContextRef = Pick<
  NotificationPayload,
  'instanceId' | 'taskId' | 'step' | 'audience' | 'dueAt'
>;

export interface MailContextSource {
  load(ref: MailContextRef): Promise<MailContext>;
}

/** Builds an engine over a store (the token's transaction): `(store) => createEngine({ …, store })`. */
export type EngineFor = (store: Store) => Engine;

/** A signed action token as stored (the SHA-256 of the token, never the token). */
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

export interface MailMessageRecord {
  readonly outboxId: string;
  readonly messageId: string;
  readonly instanceId: string | null;
  readonly taskId: string | null;
  readonly notification: string;
  readonly recipientId: string | null;
  readonly recipient: string;
  readonly subject: string;
  readonly status: 'sending' | 'sent' | 'failed';
  readonly attempts: number;
  readonly lastError: string | null;
  readonly createdAt: Date;
  readonly sentAt: Date | null;
}

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

export type TokenUse<T> =
  | { readonly status: 'applied'; readonly token: ActionTokenRecord; readonly result: T }
  | { readonly status: 'refused'; readonly token: ActionTokenRecord; readonly error: DomainError }
  | { readonly status: 'unavailable'; readonly token: ActionTokenRecord | undefined }
  | { readonly status: 'duplicate' };

export interface TokenScope {
  readonly store: Store;
  readonly directory: {
    getUser(id: string): Promise<
      | {
          readonly id: string;
          readonly name: string;
          readonly email: string;
          readonly roles: readonly string[];
          readonly college: string | null;
        }
      | undefined
    >;
  };
}

/** Persistence of tokens, sent mails and processed replies (see `@certflow/db` `createMailStore`). */
export interface MailStore {
  insertTokens(rows: readonly ActionTokenRecord[]): Promise<void>;
  getToken(tokenHash: string): Promise<ActionTokenRecord | undefined>;
  getMessage(outboxId: string): Promise<MailMessageRecord | undefined>;
  findMessage(messageId: string): Promise<MailMessageRecord | undefined>;
  beginAttempt(row: MailMessageRecord): Promise<MailMessageRecord>;
  markSent(outboxId: string, at: Date): Promise<void>;
  markFailed(outboxId: string, error: string): Promise<void>;
  getInbound(messageId: string): Promise<InboundReplyRecord | undefined>;
  recordInbound(row: InboundReplyRecord): Promise<boolean>;
  /** Consume the token and run `apply` in one transaction (see `@certflow/db` for the contract). */
  useToken<T>(args: {
    readonly tokenHash: string;
    readonly now: Date;
    readonly inbound?: InboundReplyRecord;
    readonly apply: (token: ActionTokenRecord, scope: TokenScope) => Promise<T>;
  }): Promise<TokenUse<T>>;
}
