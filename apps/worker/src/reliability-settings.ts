import { z } from 'zod';
import { WorkerConfigError } from './worker-config.js';

const ms = (min: number, fallback: number) => z.coerce.number().int().min(min).default(fallback);

const schema = z.object({
  WORKER_LOCK_DURATION_MS: ms(500, 3_000),
  WORKER_STALLED_INTERVAL_MS: ms(100, 1_000),
  WORKER_MAX_STALLED_COUNT: z.coerce.number().int().min(1).max(100).default(2),
  WORKER_SHUTDOWN_TIMEOUT_MS: ms(0, 8_000),
  WORKER_HEALTH_TIMEOUT_MS: ms(100, 1_500),
});

/**
 * How the worker meets faults (docs/reliability.md):
 * - `WORKER_LOCK_DURATION_MS` (3000) / `WORKER_STALLED_INTERVAL_MS` (1000): a job held by a worker
 *   that died (kill -9, a lost host) runs again within about lock + interval, instead of BullMQ's
 *   30 s + 30 s. The lock is renewed every half lock; a job whose event loop stalls longer may
 *   run twice — every handler is idempotent (the row in PostgreSQL decides).
 * - `WORKER_MAX_STALLED_COUNT` (2): stalls before BullMQ gives a job up (the reconciler re-adds
 *   its row).
 * - `WORKER_SHUTDOWN_TIMEOUT_MS` (8000): SIGTERM lets running jobs finish for at most this long
 *   (Redis or PostgreSQL unreachable: the rest is left to the reconciler), under compose's 10 s.
 * - `WORKER_HEALTH_TIMEOUT_MS` (1500): `/healthz` answers within it whatever is down.
 */
export type ReliabilitySettings = z.infer<typeof schema>;

export function reliabilitySettingsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): ReliabilitySettings {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new WorkerConfigError(`invalid worker configuration:\n  ${lines.join('\n  ')}`);
  }
  return parsed.data;
}
