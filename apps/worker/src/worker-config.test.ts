import { describe, expect, it } from 'vitest';
import { WorkerConfigError, workerConfigFromEnv } from './worker-config.js';

const base = { DATABASE_URL: 'postgres://db/certflow', REDIS_URL: 'redis://redis:6379' };

describe('worker configuration', () => {
  it('sizes the PostgreSQL pool from DATABASE_POOL_MAX (10 by default)', () => {
    expect(workerConfigFromEnv(base).DATABASE_POOL_MAX).toBe(10);
    expect(workerConfigFromEnv({ ...base, DATABASE_POOL_MAX: '4' }).DATABASE_POOL_MAX).toBe(4);
  });

  it('refuses a pool of no connections, naming the variable', () => {
    expect(() => workerConfigFromEnv({ ...base, DATABASE_POOL_MAX: '0' })).toThrow(
      WorkerConfigError,
    );
    expect(() => workerConfigFromEnv({ ...base, DATABASE_POOL_MAX: 'many' })).toThrow(
      /DATABASE_POOL_MAX/,
    );
  });
});
