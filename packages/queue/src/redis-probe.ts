import { Redis } from 'ioredis';

/** What a health check says about Redis. */
export type RedisStatus =
  { readonly ok: true; readonly ms: number } | { readonly ok: false; readonly error: string };

export interface RedisProbe {
  /** PING on the probe's own connection: answered, or refused, within the probe's timeout. */
  check(): Promise<RedisStatus>;
  /**
   * `fn` runs whenever Redis answers again after the probe lost it; `restarted` when it is another
   * server process than before (its `run_id` changed): its data may be gone.
   */
  onRecovered(fn: (event: { readonly restarted: boolean }) => void): void;
  close(): Promise<void>;
}

/**
 * A Redis connection for health checks only. BullMQ's own connection must retry forever
 * (`maxRetriesPerRequest: null`), so a command on it waits for as long as Redis is down; this
 * one queues nothing (`enableOfflineQueue: false`) and times out (`commandTimeout`), so a check
 * answers within `timeoutMs` whatever Redis does. It reconnects every ≤ 500 ms and reports when
 * Redis is back (and whether it was restarted), so the worker can reconcile at once.
 */
export function createRedisProbe(
  url: string,
  options: { timeoutMs?: number; onError?: (error: Error) => void } = {},
): RedisProbe {
  const timeoutMs = options.timeoutMs ?? 1000;
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    retryStrategy: (times) => Math.min(50 * times, 500),
    connectionName: 'certflow-health',
  });
  const listeners: ((event: { restarted: boolean }) => void)[] = [];
  let runId: string | undefined;
  let lost = false;
  let lastError = '';
  redis.on('error', (error: Error) => {
    lastError = error.message;
    options.onError?.(error);
  });
  redis.on('close', () => {
    lost = true;
  });
  redis.on('ready', () => {
    void redis.info('server').then(
      (info) => {
        const id = /^run_id:(\w+)/mu.exec(info)?.[1];
        const restarted = runId !== undefined && id !== undefined && id !== runId;
        const recovered = lost || restarted;
        runId = id ?? runId;
        lost = false;
        if (recovered) for (const fn of listeners) fn({ restarted });
      },
      () => undefined, // lost again before it answered: the next 'ready' reports
    );
  });
  return {
    async check() {
      const started = performance.now();
      try {
        await redis.ping();
        return { ok: true, ms: Math.round(performance.now() - started) };
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        return {
          ok: false,
          error: lastError && redis.status !== 'ready' ? `${text} (${lastError})` : text,
        };
      }
    },
    onRecovered(fn) {
      listeners.push(fn);
    },
    async close() {
      redis.disconnect();
    },
  };
}
