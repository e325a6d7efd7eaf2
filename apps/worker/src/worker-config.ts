import {
  ConfigError,
  readSharedConfig,
  readVariables,
  variable,
  type ConfigProblem,
  type SharedConfig,
} from '@certflow/config';
import type { PilotDeployment } from '@certflow/pilot';
import { z } from 'zod';

/** The worker's own variables; everything it shares with the server comes from `@certflow/config`. */
export const WORKER_VARIABLES = {
  WORKER_HEALTH_PORT: variable('worker', z.coerce.number().int().min(0).max(65535).default(3001), {
    zh: '须为端口号（0 至 65535）',
    en: 'must be a port (0–65535)',
    default: '3001',
  }),
  RECONCILE_EVERY_MS: variable('worker', z.coerce.number().int().min(0).default(60_000), {
    zh: '须为毫秒数（0 为只在启动时）',
    en: 'must be milliseconds (0 = at start only)',
    default: '60000',
  }),
  CALENDAR_REFRESH_MS: variable('worker', z.coerce.number().int().min(1000).default(600_000), {
    zh: '须为不少于 1000 的毫秒数',
    en: 'must be at least 1000 milliseconds',
    default: '600000',
  }),
} as const;

/**
 * The worker's configuration: the shared variables (`DATABASE_URL`, `REDIS_URL`,
 * `CERTFLOW_PUBLIC_URL`, `CERTFLOW_MAIL_SECRET`, `SMTP_URL`, the pilot's …, read exactly as the
 * server reads them) and its own.
 */
export interface WorkerConfig {
  readonly DATABASE_URL: string;
  readonly REDIS_URL: string;
  readonly DATABASE_POOL_MAX: number;
  readonly WORKER_HEALTH_PORT: number;
  readonly LOG_LEVEL: string;
  readonly REDIS_PREFIX: string;
  readonly RECONCILE_EVERY_MS: number;
  readonly CALENDAR_REFRESH_MS: number;
  readonly pilot: PilotDeployment;
  readonly shared: SharedConfig;
}

export class WorkerConfigError extends Error {
  override readonly name = 'WorkerConfigError';
}

/** Read the worker's environment; says which variable is wrong (no stack trace needed). */
export function workerConfigFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): WorkerConfig {
  const problems: ConfigProblem[] = [];
  const own = readVariables(WORKER_VARIABLES, env, problems);
  const shared = readSharedConfig(env, { production: true }, problems);
  if (problems.length > 0) throw new WorkerConfigError(new ConfigError(problems).message);
  return {
    DATABASE_URL: shared.databaseUrl ?? '',
    REDIS_URL: shared.redisUrl ?? '',
    DATABASE_POOL_MAX: shared.databasePoolMax,
    LOG_LEVEL: shared.logLevel,
    REDIS_PREFIX: shared.redisPrefix,
    ...own,
    pilot: shared.pilot,
    shared,
  };
}
