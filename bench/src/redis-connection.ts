import { Redis } from 'ioredis';

/** The Redis the queue uses: `REDIS_URL` or the local server. */
export function redisUrl(): string {
  return process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
}

export function openRedis(): Redis {
  return new Redis(redisUrl(), { maxRetriesPerRequest: null });
}

export async function redisVersion(): Promise<string> {
  const redis = openRedis();
  try {
    const info = await redis.info('server');
    return /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown';
  } finally {
    redis.disconnect();
  }
}

/** `used_memory` from INFO memory, bytes. */
export async function redisUsedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? Number.NaN);
}
