import {
  ConfigError,
  sharedConfigFromEnv,
  type MailSettings,
  type ReplyAuthSettings,
} from '@certflow/config';
import { parseTokenKeys, type TokenKeys } from './action-token.js';
import type { Locale } from './ports.js';

/** The mail configuration: `mailConfigFromSettings(shared.mail)` (or `mailConfigFromEnv`). */
export interface MailConfig {
  /** `smtp://user:pass@host:587` or `smtps://…`; absent: `.eml` files in `emlDir` (embedded mode). */
  readonly smtpUrl: string | null;
  /** `$CERTFLOW_MAIL_DIR` (default `$CERTFLOW_DATA_DIR/mail`): the embedded mode's `.eml` files. */
  readonly emlDir: string;
  /** `教务处 <noreply@example.edu.cn>` */
  readonly from: string;
  /** `CERTFLOW_PUBLIC_URL`, the base of action links and 查看详情: `https://certflow.example.edu.cn`. */
  readonly publicUrl: string;
  /** Host part of Message-IDs: `<outbox-id@certflow.HOST>`. */
  readonly publicHost: string;
  /** Domain of the reply addresses `reply+<token>@DOMAIN`; MX must point at the inbound port. */
  readonly replyDomain: string;
  /** Inbound SMTP port for reply approval; null = reply approval off. */
  readonly inboundPort: number | null;
  /** Where the inbound endpoint listens (`MAIL_INBOUND_HOST`, default 127.0.0.1). */
  readonly inboundHost: string;
  /** How inbound replies are authenticated (DKIM/SPF/DMARC). */
  readonly replyAuth: ReplyAuthSettings;
  readonly keys: TokenKeys;
  /** Lifetime of action links and reply addresses. */
  readonly tokenTtlMs: number;
  readonly locale: Locale;
}

export class MailConfigError extends Error {
  override readonly name = 'MailConfigError';
  readonly code = 'MAIL_CONFIG_INVALID';
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * The mail configuration from the shared settings (`@certflow/config`, the same variables for
 * server and worker). `secret` overrides `CERTFLOW_MAIL_SECRET` (the embedded mode's generated one).
 */
export function mailConfigFromSettings(settings: MailSettings, secret?: string): MailConfig {
  const configured = secret ?? settings.secret;
  if (!configured) {
    throw new MailConfigError(
      'CERTFLOW_MAIL_SECRET: 必填（至少 32 个字符）/ is required (32+ random characters; `openssl rand -hex 32`)',
    );
  }
  if (!settings.publicUrl) throw new MailConfigError('CERTFLOW_PUBLIC_URL: 必填 / is required');
  let keys: TokenKeys;
  try {
    keys = parseTokenKeys(configured);
  } catch (error) {
    throw new MailConfigError(error instanceof Error ? error.message : String(error));
  }
  const publicUrl = settings.publicUrl.replace(/\/+$/u, '');
  const publicHost = new URL(publicUrl).hostname;
  return {
    smtpUrl: settings.smtpUrl,
    emlDir: settings.emlDir,
    from: settings.from,
    publicUrl,
    publicHost,
    replyDomain: settings.inbound?.replyDomain ?? publicHost,
    inboundPort: settings.inbound?.port ?? null,
    inboundHost: settings.inbound?.host ?? '127.0.0.1',
    replyAuth: settings.inbound?.auth ?? { mode: 'dmarc', trustedRelays: [], dnsServers: [] },
    keys,
    tokenTtlMs: settings.tokenTtlDays * DAY,
    locale: settings.locale,
  };
}

/**
 * The mail configuration from the environment, read by `@certflow/config` with the names every
 * process uses: `CERTFLOW_PUBLIC_URL` (required), `CERTFLOW_MAIL_SECRET` (required), `SMTP_URL`,
 * `MAIL_FROM`, `MAIL_INBOUND_PORT`, `MAIL_INBOUND_HOST`, `MAIL_REPLY_DOMAIN`, `MAIL_REPLY_AUTH`,
 * `MAIL_TRUSTED_RELAYS`, `MAIL_DNS_SERVERS`, `CERTFLOW_DATA_DIR`/`CERTFLOW_MAIL_DIR`,
 * `MAIL_TOKEN_TTL_DAYS`, `MAIL_LOCALE`. Throws `MailConfigError` naming every bad variable.
 */
export function mailConfigFromEnv(env: Readonly<Record<string, string | undefined>>): MailConfig {
  try {
    return mailConfigFromSettings(sharedConfigFromEnv(env).mail);
  } catch (error) {
    if (error instanceof ConfigError) throw new MailConfigError(error.message);
    throw error;
  }
}
