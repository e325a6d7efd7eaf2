import {
  ConfigError,
  list,
  readSharedConfig,
  readVariables,
  variable,
  type ConfigProblem,
  type Env,
  type MailSettings,
  type SharedConfig,
} from '@certflow/config';
import type { PilotDeployment } from '@certflow/pilot';
import { resolve } from 'node:path';
import { z } from 'zod';
import { DEMO_COLLEGES } from './runtime/demo-school.js';

/** Default and ceiling of a token's lifetime (`exp - iat`). */
export const DEFAULT_JWT_MAX_TTL_SECONDS = 12 * 3600;

/** The server's own variables; the shared ones are `SHARED_VARIABLES` of `@certflow/config`. */
export const SERVER_VARIABLES = {
  PORT: variable('server', z.coerce.number().int().min(0).max(65535).default(3000), {
    zh: '须为端口号（0 至 65535，0 为任一空闲端口）',
    en: 'must be a port (0–65535; 0 = any free port)',
    default: '3000',
  }),
  HOST: variable('server', z.string().min(1).default('127.0.0.1'), {
    zh: '须为监听地址，如 0.0.0.0',
    en: 'must be a listen address such as 0.0.0.0',
    default: '127.0.0.1',
  }),
  CERTFLOW_JWT_SECRET: variable('server', z.string().min(32).optional(), {
    zh: '须为至少 32 个字符的 HS256 密钥；使用 DATABASE_URL 时必填',
    en: 'must be an HS256 secret of 32+ characters; required with DATABASE_URL',
    default: 'generated into the data dir (embedded mode only)',
  }),
  CERTFLOW_JWT_ISSUER: variable('server', z.string().min(1).max(500).optional(), {
    zh: '须为令牌签发者（iss）',
    en: 'must be the tokens’ issuer (iss)',
    default: '— (iss not checked)',
  }),
  CERTFLOW_JWT_AUDIENCE: variable('server', z.string().min(1).max(500).optional(), {
    zh: '须为令牌受众（aud）',
    en: 'must be the tokens’ audience (aud)',
    default: '— (aud not checked)',
  }),
  CERTFLOW_JWT_MAX_TTL: variable(
    'server',
    z.coerce
      .number()
      .int()
      .min(60)
      .max(30 * 24 * 3600)
      .default(DEFAULT_JWT_MAX_TTL_SECONDS),
    {
      zh: '须为 60 至 2592000 之间的秒数（令牌有效期 exp − iat 的上限）',
      en: 'must be 60–2592000 seconds (the longest token lifetime, exp − iat)',
      default: '43200 (12 h)',
    },
  ),
  CERTFLOW_IDENTITY: variable('server', z.enum(['token', 'directory']).default('token'), {
    zh: '须为 token（角色与学院取自令牌）或 directory（取自人员目录）',
    en: 'must be token (roles and college from the token) or directory (from the people directory)',
    default: 'token',
  }),
  CERTFLOW_CORS_ORIGINS: variable(
    'server',
    list.pipe(z.array(z.string().regex(/^https?:\/\/[^\s/]+$/u))).optional(),
    {
      zh: '须为逗号分隔的来源（如 https://oa.example.edu.cn），不带路径',
      en: 'must be comma-separated origins (e.g. https://oa.example.edu.cn), no path',
      default: '— (no cross-origin access)',
    },
  ),
  CERTFLOW_BODY_LIMIT: variable(
    'server',
    z.coerce
      .number()
      .int()
      .min(1024)
      .max(16 * 1024 * 1024)
      .default(256 * 1024),
    {
      zh: '须为 1024 至 16777216 之间的字节数',
      en: 'must be 1024–16777216 bytes',
      default: '262144',
    },
  ),
  CERTFLOW_ATTACHMENT_DIR: variable('server', z.string().min(1).optional(), {
    zh: '须为附件存放目录的路径（不设置则附件存入 PostgreSQL）',
    en: 'must be the directory attachments are stored in (unset: in PostgreSQL)',
    default: '— (the attachments table of PostgreSQL)',
  }),
  CERTFLOW_ATTACHMENT_LIMIT: variable(
    'server',
    z.coerce
      .number()
      .int()
      .min(1024)
      .max(200 * 1024 * 1024)
      .default(20 * 1024 * 1024),
    {
      zh: '须为 1024 至 209715200 之间的字节数（单个附件的上限）',
      en: 'must be 1024–209715200 bytes (the largest attachment)',
      default: '20971520 (20 MB)',
    },
  ),
} as const;

export interface AuthConfig {
  readonly issuer: string | undefined;
  readonly audience: string | undefined;
  /** Longest accepted `exp - iat`, seconds. */
  readonly maxTtlSeconds: number;
  /** Where roles and college come from: the token's claims, or the people directory. */
  readonly identity: 'token' | 'directory';
}

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  /** Where the embedded database, the generated JWT secret, demo tokens and mail live. */
  readonly dataDir: string;
  /** PostgreSQL when set, the embedded database in `dataDir` otherwise. */
  readonly databaseUrl: string | undefined;
  /** Most connections of the PostgreSQL pool (statements of commands beyond it are pipelined). */
  readonly databasePoolMax: number;
  /** BullMQ (a separate worker delivers) when set, the in-process scheduler otherwise. */
  readonly redisUrl: string | undefined;
  readonly redisPrefix: string;
  /** `CERTFLOW_WEBHOOK_ALLOW_PRIVATE`: webhooks may target private and loopback addresses. */
  readonly webhookAllowPrivate: boolean;
  readonly jwtSecret: string | undefined;
  readonly auth: AuthConfig;
  /** Origins allowed to call the API from a browser; none by default. */
  readonly corsOrigins: readonly string[];
  /** Seed the demo school on first start and print demo tokens. */
  readonly demo: boolean;
  readonly mailDir: string;
  readonly smtpUrl: string | undefined;
  readonly publicUrl: string;
  readonly mail: MailSettings;
  readonly bodyLimit: number;
  /** Where attachments are stored: this directory, or PostgreSQL when undefined. */
  readonly attachmentDir: string | undefined;
  /** Largest attachment, bytes. */
  readonly attachmentLimit: number;
  readonly logLevel: string;
  /**
   * The pilot settings shared with apps/worker: recurring calls (`PILOT_COLLEGES`; the demo
   * school's colleges by default in demo mode) and the annual-plan deadline.
   */
  readonly pilot: PilotDeployment;
  readonly shared: SharedConfig;
}

/**
 * The server's configuration from the environment (docs/deployment.md § Configuration): the
 * shared variables of `@certflow/config` (the worker reads the same) and the server's own.
 * Relative paths are taken from where `pnpm start` was typed (`INIT_CWD`), not from apps/server.
 * Throws a `ConfigError` naming every bad variable.
 */
export function loadConfig(source: Env = process.env): ServerConfig {
  const problems: ConfigProblem[] = [];
  const e = readVariables(SERVER_VARIABLES, source, problems);
  const host = e.HOST ?? '127.0.0.1';
  const shared = readSharedConfig(
    source,
    {
      defaultPublicUrl: `http://${host === '0.0.0.0' ? 'localhost' : host}:${e.PORT ?? 3000}`,
      demoColleges: DEMO_COLLEGES.map((c) => c.id),
    },
    problems,
  );
  if (
    shared.databaseUrl &&
    !e.CERTFLOW_JWT_SECRET &&
    !problems.some((p) => p.variable === 'CERTFLOW_JWT_SECRET')
  ) {
    problems.push({
      variable: 'CERTFLOW_JWT_SECRET',
      zh: '使用 DATABASE_URL 时必填（至少 32 个字符）',
      en: 'is required with DATABASE_URL (32+ characters)',
    });
  }
  if (shared.redisUrl && !shared.databaseUrl) {
    problems.push({
      variable: 'REDIS_URL',
      zh: '须与 DATABASE_URL 一同设置',
      en: 'needs DATABASE_URL too',
    });
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port: e.PORT,
    host,
    dataDir: shared.dataDir,
    databaseUrl: shared.databaseUrl,
    databasePoolMax: shared.databasePoolMax,
    redisUrl: shared.redisUrl,
    redisPrefix: shared.redisPrefix,
    webhookAllowPrivate: shared.webhookAllowPrivate,
    jwtSecret: e.CERTFLOW_JWT_SECRET,
    auth: {
      issuer: e.CERTFLOW_JWT_ISSUER,
      audience: e.CERTFLOW_JWT_AUDIENCE,
      maxTtlSeconds: e.CERTFLOW_JWT_MAX_TTL,
      identity: e.CERTFLOW_IDENTITY,
    },
    corsOrigins: e.CERTFLOW_CORS_ORIGINS ?? [],
    demo: shared.demo,
    mailDir: shared.mail.emlDir,
    smtpUrl: shared.mail.smtpUrl ?? undefined,
    publicUrl: shared.publicUrl,
    mail: shared.mail,
    bodyLimit: e.CERTFLOW_BODY_LIMIT,
    attachmentDir: e.CERTFLOW_ATTACHMENT_DIR
      ? resolve(source['INIT_CWD'] ?? process.cwd(), e.CERTFLOW_ATTACHMENT_DIR)
      : undefined,
    attachmentLimit: e.CERTFLOW_ATTACHMENT_LIMIT,
    logLevel: shared.logLevel,
    pilot: shared.pilot,
    shared,
  };
}
