import { describe, expect, it } from 'vitest';
import { WorkerConfigError, workerConfigFromEnv } from './worker-config.js';

const base = {
  DATABASE_URL: 'postgres://db/certflow',
  REDIS_URL: 'redis://redis:6379',
  CERTFLOW_PUBLIC_URL: 'https://certflow.example.edu.cn',
  CERTFLOW_MAIL_SECRET: 'x'.repeat(40),
};

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

  it('reads the links’ base from CERTFLOW_PUBLIC_URL, as the server does, and never guesses it', () => {
    expect(workerConfigFromEnv(base).shared.mail.publicUrl).toBe('https://certflow.example.edu.cn');
    const { CERTFLOW_PUBLIC_URL: _, ...withoutUrl } = base;
    expect(() => workerConfigFromEnv(withoutUrl)).toThrow(/CERTFLOW_PUBLIC_URL: 必填/u);
    expect(() =>
      workerConfigFromEnv({ ...withoutUrl, PUBLIC_URL: 'https://certflow.example.edu.cn' }),
    ).toThrow(/PUBLIC_URL: .*CERTFLOW_PUBLIC_URL/u);
  });
});
