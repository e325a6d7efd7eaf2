import { z } from 'zod';
import { parseTokenKeys, type TokenKeys } from './action-token.js';
import type { Locale } from './ports.js';

/** The mail configuration, read from the environment by `mailConfigFromEnv`. */
export interface MailConfig {
  /** `smtp://user:pass@host:587` or `smtps://…`; absent: `.eml` files in `emlDir` (embedded mode). */
  readonly smtpUrl: string | null;
  /** `$CERTFLOW_DATA_DIR/mail` — where the embedded mode writes `.eml` files. */
  readonly emlDir: string;
  /** `教务处 <noreply@example.edu.cn>` */
  readonly from: string;
  /** Base URL of the server, for action links and 查看详情: `https://certflow.example.edu.cn`. */
  readonly publicUrl: string;
  /** Host part of Message-IDs: `<outbox-id@certflow.HOST>`. */
  readonly publicHost: string;
  /** Domain of the reply addresses `reply+<token>@DOMAIN`; MX must point at the inbound port. */
  readonly replyDomain: string;
  /** Inbound SMTP port for reply approval; null = reply approval off. */
  readonly inboundPort: number | null;
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

const envSchema = z.object({
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//u, 'SMTP_URL must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('教务处 <noreply@certflow.localhost>'),
  PUBLIC_URL: z.url().default('http://localhost:3000'),
  MAIL_INBOUND_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  MAIL_REPLY_DOMAIN: z.string().min(1).optional(),
  CERTFLOW_MAIL_SECRET: z.string({
    error: 'CERTFLOW_MAIL_SECRET is required (32+ random characters; `openssl rand -hex 32`)',
  }),
  CERTFLOW_DATA_DIR: z.string().min(1).default('.certflow'),
  MAIL_TOKEN_TTL_DAYS: z.coerce.number().positive().max(90).default(14),
  MAIL_LOCALE: z.enum(['zh-CN', 'en']).default('zh-CN'),
});

/**
 * Read `SMTP_URL`, `MAIL_FROM`, `PUBLIC_URL`, `MAIL_INBOUND_PORT`, `MAIL_REPLY_DOMAIN`,
 * `CERTFLOW_MAIL_SECRET`, `CERTFLOW_DATA_DIR`, `MAIL_TOKEN_TTL_DAYS`, `MAIL_LOCALE`.
 * Throws `MailConfigError` naming every bad variable.
 */
export function mailConfigFromEnv(env: Readonly<Record<string, string | undefined>>): MailConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new MailConfigError(`mail configuration: ${issues.join('; ')}`);
  }
  const e = parsed.data;
  let keys: TokenKeys;
  try {
    keys = parseTokenKeys(e.CERTFLOW_MAIL_SECRET);
  } catch (error) {
    throw new MailConfigError(error instanceof Error ? error.message : String(error));
  }
  const publicUrl = e.PUBLIC_URL.replace(/\/+$/u, '');
  const publicHost = new URL(publicUrl).hostname;
  return {
    smtpUrl: e.SMTP_URL ?? null,
    emlDir: `${e.CERTFLOW_DATA_DIR.replace(/\/+$/u, '')}/mail`,
    from: e.MAIL_FROM,
    publicUrl,
    publicHost,
    replyDomain: e.MAIL_REPLY_DOMAIN ?? publicHost,
    inboundPort: e.MAIL_INBOUND_PORT ?? null,
    keys,
    tokenTtlMs: e.MAIL_TOKEN_TTL_DAYS * DAY,
    locale: e.MAIL_LOCALE,
  };
}
