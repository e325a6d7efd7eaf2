import type { RedisProbe, RedisStatus } from '@certflow/queue';
import type { HealthCheck } from './health-server.js';

type Status = RedisStatus;

/** `promise`, or a failure naming `what` after `ms` — a check never waits on a dead peer. */
async function within<T>(what: string, ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function timed(what: string, ms: number, fn: () => Promise<unknown>): Promise<Status> {
  const started = performance.now();
  try {
    await within(what, ms, fn());
    return { ok: true, ms: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

export interface WorkerHealthDeps {
  /** A trivial query on the worker's pool (`select 1`). */
  readonly postgres: () => Promise<unknown>;
  readonly redis: RedisProbe;
  /** The queues' job counts, asked only when Redis answers (BullMQ's connection waits otherwise). */
  readonly queues: () => Promise<unknown>;
  readonly timeoutMs: number;
}

/**
 * The worker's `/healthz`: PostgreSQL and Redis checked side by side, each within `timeoutMs`,
 * so it answers within that time whatever is down: 503 `{ down: ['redis'], postgres, redis }`
 * naming what is down, 200 with the queues' job counts otherwise.
 */
export function workerHealth(deps: WorkerHealthDeps): HealthCheck {
  return async () => {
    const [postgres, redis] = await Promise.all([
      timed('PostgreSQL', deps.timeoutMs, deps.postgres),
      within('Redis', deps.timeoutMs, deps.redis.check()).catch((error: unknown): Status => ({
        ok: false,
        error: String(error),
      })),
    ]);
    const down = [...(postgres.ok ? [] : ['postgres']), ...(redis.ok ? [] : ['redis'])];
    if (down.length > 0) return { ok: false, down, postgres, redis };
    try {
      return {
        ok: true,
        postgres,
        redis,
        queues: await within('BullMQ', deps.timeoutMs, deps.queues()),
      };
    } catch (error) {
      return { ok: false, down: ['redis'], postgres, redis: { ok: false, error: String(error) } };
    }
  };
}
