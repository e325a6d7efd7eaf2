import { isAbsolute, resolve } from 'node:path';
import { pilotSettingsFromEnv, PilotSettingsError, type PilotDeployment } from '@certflow/pilot';
import { z } from 'zod';
import { DEMO_COLLEGES } from './runtime/demo-school.js';

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).optional(),
  CERTFLOW_DATA_DIR: z.string().min(1).default('./.certflow'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// URL').optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(1000).default(10),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'a redis:// URL').optional(),
  CERTFLOW_JWT_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  CERTFLOW_DEMO: flag.optional(),
  CERTFLOW_MAIL_DIR: z.string().min(1).optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'an smtp:// URL').optional(),
  CERTFLOW_PUBLIC_URL: z.url().optional(),
  CERTFLOW_BODY_LIMIT: z.coerce.number().int().min(1024).max(16 * 1024 * 1024).default(256 * 1024),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  /** Where the embedded database, the generated JWT secret, demo tokens and mail live. */
  readonly dataDir: string;
  /** PostgreSQL when set, embedded PGlite in `dataDir/pglite` otherwise. */
  readonly databaseUrl: string | undefined;
  /** Most connections of the PostgreSQL pool (statements of commands beyond it are pipelined). */
  readonly databasePoolMax: number;
  /** BullMQ (a separate worker delivers) when set, the in-process scheduler otherwise. */
  readonly redisUrl: string | undefined;
  readonly jwtSecret: string | undefined;
  /** Seed the demo school on first start and print demo tokens. */
  readonly demo: boolean;
  readonly mailDir: string;
  readonly smtpUrl: string | undefined;
  readonly publicUrl: string;
  readonly bodyLimit: number;
  readonly logLevel: string;
  /**
   * The pilot settings shared with apps/worker: recurring calls (`PILOT_COLLEGES`; the demo
   * school's colleges by default in demo mode) and the annual-plan deadline.
   */
  readonly pilot: PilotDeployment;
}

/**
 * The server's configuration from the environment (docs/http-api.md § Configuration). Relative
 * paths are taken from where `pnpm start` was typed (`INIT_CWD`), not from apps/server.
 */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = env.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const base = source['INIT_CWD'] ?? process.cwd();
  const abs = (p: string): string => (isAbsolute(p) ? p : resolve(base, p));
  const dataDir = abs(e.CERTFLOW_DATA_DIR);
  const host = e.HOST ?? '127.0.0.1';
  const demo = e.CERTFLOW_DEMO ?? e.DATABASE_URL === undefined;
  let pilot: PilotDeployment;
  try {
    pilot = pilotSettingsFromEnv(source, { colleges: demo ? DEMO_COLLEGES.map((c) => c.id) : [] });
  } catch (error) {
    if (error instanceof PilotSettingsError) {
      throw new Error(error.message.replace('invalid pilot settings', 'invalid configuration'));
    }
    throw error;
  }
  return {
    port: e.PORT,
    host,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    databasePoolMax: e.DATABASE_POOL_MAX,
    redisUrl: e.REDIS_URL,
    jwtSecret: e.CERTFLOW_JWT_SECRET,
    demo,
    mailDir: abs(e.CERTFLOW_MAIL_DIR ?? `${dataDir}/mail`),
    smtpUrl: e.SMTP_URL,
    publicUrl: e.CERTFLOW_PUBLIC_URL ?? `http://${host === '0.0.0.0' ? 'localhost' : host}:${e.PORT}`,
    bodyLimit: e.CERTFLOW_BODY_LIMIT,
    logLevel: e.LOG_LEVEL,
    pilot,
  };
}
