import { z } from 'zod';

const schema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//u, 'DATABASE_URL must be a postgres:// URL'),
  REDIS_URL: z.string().regex(/^rediss?:\/\//u, 'REDIS_URL must be a redis:// URL'),
  WORKER_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  REDIS_PREFIX: z.string().min(1).default('certflow'),
  RECONCILE_EVERY_MS: z.coerce.number().int().min(0).default(60_000),
  CALENDAR_REFRESH_MS: z.coerce.number().int().min(1000).default(600_000),
  /** Colleges (二级学院) that get a dynamic-report task each period, comma-separated ids. */
  REPORT_COLLEGES: z.string().default(''),
  /** Cron pattern (Beijing time) of the dynamic-report call; default the 1st of every month 09:00. */
  DYNAMIC_REPORT_PATTERN: z.string().min(9).default('0 9 1 * *'),
  /** Autumn-semester start (MM-DD, Beijing) for the annual plan call. */
  SEMESTER_START: z.string().regex(/^\d{2}-\d{2}$/u).default('09-01'),
  /** The flow the annual plan call starts (none in @certflow/pilot yet: unset = no call). */
  ANNUAL_PLAN_CALL_FLOW: z.string().min(1).optional(),
});

export type WorkerConfig = z.infer<typeof schema>;

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
  return parsed.data;
}
