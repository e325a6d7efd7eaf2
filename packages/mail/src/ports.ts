import type { Messages, NotificationPayload } from '@certflow/engine';

/**
 * The ports of `@certflow/mail`. `MailTransport` is implemented by `createSmtpTransport` /
 * `createEmlTransport`; the mail store's types are `@certflow/db`'s (`createMailStore`).
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

/**
 * Persistence of tokens, sent mails and processed replies: the port is declared once, beside its
 * implementation in `@certflow/db` (`createMailStore`), and used here as it is.
 */
export type {
  ActionTokenRecord,
  InboundReplyRecord,
  MailMessageRecord,
  MailStore,
  TokenUse,
} from '@certflow/db';
