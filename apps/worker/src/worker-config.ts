import { pilotSettingsFromEnv, PilotSettingsError, type PilotDeployment } from '@certflow/pilot';
import { z } from 'zod';

const schema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//u, 'DATABASE_URL must be a postgres:// URL'),
  REDIS_URL: z.string().regex(/^rediss?:\/\//u, 'REDIS_URL must be a redis:// URL'),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(1000).default(10),
  WORKER_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  REDIS_PREFIX: z.string().min(1).default('certflow'),
  RECONCILE_EVERY_MS: z.coerce.number().int().min(0).default(60_000),
  CALENDAR_REFRESH_MS: z.coerce.number().int().min(1000).default(600_000),
});

/**
 * The worker's own variables, plus the pilot settings it shares with the server (recurring
 * calls and the annual-plan deadline: `PILOT_COLLEGES`, `SEMESTER_START`, … — see
 * `pilotSettingsFromEnv` in @certflow/pilot).
 */
export type WorkerConfig = z.infer<typeof schema> & { readonly pilot: PilotDeployment };

export class WorkerConfigError extends Error {
  override readonly name = 'WorkerConfigError';
}

/** Read the worker's environment; says which variable is wrong (no stack trace needed). */
export function workerConfigFromEnv(env: Readonly<Record<string, string | undefined>>): WorkerConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new WorkerConfigError(`invalid worker configuration:\n  ${lines.join('\n  ')}`);
  }
  try {
    return { ...parsed.data, pilot: pilotSettingsFromEnv(env) };
  } catch (error) {
    if (error instanceof PilotSettingsError) throw new WorkerConfigError(error.message);
    throw error;
  }
}
