import { isAbsolute, resolve } from 'node:path';
import { pilotSettingsFromEnv, PilotSettingsError, type PilotDeployment } from '@certflow/pilot';
import { ConfigError, type ConfigProblem } from './config-error.js';
import type { MailSettings } from './mail-settings.js';
import { SHARED_VARIABLES } from './shared-variables.js';
import { readVariables, type Env } from './variables.js';

/** The configuration every certflow process shares (server, worker, CLI). */
export interface SharedConfig {
  /** Absolute. The embedded database, generated secrets, demo tokens, `.eml` mail. */
  readonly dataDir: string;
  /** PostgreSQL when set; the embedded database in `dataDir` otherwise. */
  readonly databaseUrl: string | undefined;
  readonly databasePoolMax: number;
  /** BullMQ delivery (apps/worker) when set; the in-process scheduler otherwise. */
  readonly redisUrl: string | undefined;
  readonly redisPrefix: string;
  /** Webhooks may target private and loopback addresses (SSRF guard off; tests, intranets). */
  readonly webhookAllowPrivate: boolean;
  /** Base of every link in mail, no trailing slash. */
  readonly publicUrl: string;
  /** Seed the demo school on first start. */
  readonly demo: boolean;
  readonly logLevel: string;
  readonly mail: MailSettings;
  readonly pilot: PilotDeployment;
}

export interface SharedOptions {
  /** The public URL when `CERTFLOW_PUBLIC_URL` is unset (the server's own address, embedded only). */
  readonly defaultPublicUrl?: string;
  /** `PILOT_COLLEGES` in demo mode when unset (the demo school's colleges). */
  readonly demoColleges?: readonly string[];
  /** The process needs PostgreSQL and Redis (the worker). */
  readonly production?: boolean;
  /** Base of relative paths; default `INIT_CWD` (where `pnpm …` was typed), then the cwd. */
  readonly cwd?: string;
}

/** Variables that were renamed: set alone, they are an error naming the new name. */
const RENAMED: Readonly<Record<string, string>> = { PUBLIC_URL: 'CERTFLOW_PUBLIC_URL' };

/** The demo school's call window for pilot projects: the whole year. */
export const DEMO_CALL_WINDOW = '01-01..12-31';

/**
 * Reads the shared variables (`SHARED_VARIABLES`, and the pilot's through `pilotSettingsFromEnv`)
 * into `problems`. With `DATABASE_URL` (a deployment) `CERTFLOW_PUBLIC_URL` and
 * `CERTFLOW_MAIL_SECRET` are required: no process may guess the address mail links point at.
 * The result is only meaningful when no problem was added; process configs built on it (server,
 * worker) add their own variables to the same list and throw once.
 */
export function readSharedConfig(
  env: Env,
  options: SharedOptions,
  problems: ConfigProblem[],
): SharedConfig {
  const e = readVariables(SHARED_VARIABLES, env, problems);
  for (const [old, name] of Object.entries(RENAMED)) {
    if (env[old] && !env[name]) {
      problems.push({
        variable: old,
        zh: `已不再读取，请改用 ${name}`,
        en: `is no longer read: set ${name}`,
      });
    }
  }
  const deployed = e.DATABASE_URL !== undefined || options.production === true;
  if (options.production && !env['DATABASE_URL']) {
    problems.push({
      variable: 'DATABASE_URL',
      zh: '必填（postgres:// 地址）',
      en: 'is required (a postgres:// URL)',
    });
  }
  if (options.production && !env['REDIS_URL']) {
    problems.push({
      variable: 'REDIS_URL',
      zh: '必填（redis:// 地址）',
      en: 'is required (a redis:// URL)',
    });
  }
  const publicUrl = (
    e.CERTFLOW_PUBLIC_URL ?? (deployed ? undefined : options.defaultPublicUrl)
  )?.replace(/\/+$/u, '');
  if (!publicUrl && !problems.some((p) => p.variable === 'CERTFLOW_PUBLIC_URL')) {
    problems.push({
      variable: 'CERTFLOW_PUBLIC_URL',
      zh: '必填：邮件中链接的地址前缀，如 https://certflow.example.edu.cn',
      en: 'is required: the base of the links in mail, e.g. https://certflow.example.edu.cn',
    });
  }
  if (
    deployed &&
    !e.CERTFLOW_MAIL_SECRET &&
    !problems.some((p) => p.variable === 'CERTFLOW_MAIL_SECRET')
  ) {
    problems.push({
      variable: 'CERTFLOW_MAIL_SECRET',
      zh: '必填（至少 32 个字符，如 openssl rand -hex 32）',
      en: 'is required (32+ characters, e.g. openssl rand -hex 32)',
    });
  }
  const base = options.cwd ?? env['INIT_CWD'] ?? process.cwd();
  const abs = (p: string): string => (isAbsolute(p) ? p : resolve(base, p));
  const dataDir = abs(e.CERTFLOW_DATA_DIR ?? './.certflow');
  const demo = e.CERTFLOW_DEMO ?? !deployed;
  let pilot: PilotDeployment | undefined;
  try {
    // The demo school takes applications all year, so the quick start works on any day; a
    // deployment's call window defaults to SEMESTER_START..12-31 (第七条2).
    const pilotEnv =
      demo && !env['PROJECT_CALL_WINDOW'] ? { ...env, PROJECT_CALL_WINDOW: DEMO_CALL_WINDOW } : env;
    pilot = pilotSettingsFromEnv(pilotEnv, {
      colleges: demo ? (options.demoColleges ?? []) : [],
    });
  } catch (error) {
    if (!(error instanceof PilotSettingsError)) throw error;
    for (const line of error.message.split('\n').slice(1)) {
      const [variable = 'PILOT', ...rest] = line.trim().split(': ');
      problems.push({ variable, zh: `取值不合法（${rest.join(': ')}）`, en: rest.join(': ') });
    }
  }
  const host = (() => {
    try {
      return publicUrl ? new URL(publicUrl).hostname : 'localhost';
    } catch {
      return 'localhost';
    }
  })();
  return {
    dataDir,
    databaseUrl: e.DATABASE_URL,
    databasePoolMax: e.DATABASE_POOL_MAX,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    webhookAllowPrivate: e.CERTFLOW_WEBHOOK_ALLOW_PRIVATE,
    publicUrl: publicUrl ?? '',
    demo,
    logLevel: e.LOG_LEVEL,
    // Undefined only when a problem was recorded, and then the caller throws.
    pilot: pilot as PilotDeployment,
    mail: {
      smtpUrl: e.SMTP_URL ?? null,
      emlDir: abs(e.CERTFLOW_MAIL_DIR ?? `${dataDir}/mail`),
      from: e.MAIL_FROM,
      publicUrl: publicUrl ?? '',
      secret: e.CERTFLOW_MAIL_SECRET ?? null,
      tokenTtlDays: e.MAIL_TOKEN_TTL_DAYS,
      locale: e.MAIL_LOCALE,
      inbound:
        e.MAIL_INBOUND_PORT === undefined
          ? null
          : {
              port: e.MAIL_INBOUND_PORT,
              host: e.MAIL_INBOUND_HOST,
              replyDomain: e.MAIL_REPLY_DOMAIN ?? host,
              auth: {
                mode: e.MAIL_REPLY_AUTH,
                trustedRelays: e.MAIL_TRUSTED_RELAYS ?? [],
                dnsServers: e.MAIL_DNS_SERVERS ?? [],
              },
            },
    },
  };
}

/** `readSharedConfig`, throwing a `ConfigError` that names every bad variable. */
export function sharedConfigFromEnv(env: Env, options: SharedOptions = {}): SharedConfig {
  const problems: ConfigProblem[] = [];
  const config = readSharedConfig(env, options, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
