import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/index.js';

const base = {
  DATABASE_URL: 'postgres://postgres@db:5432/certflow',
  CERTFLOW_JWT_SECRET: 'config-test-secret-0123456789-abcdefgh',
};

describe('server configuration', () => {
  it('sizes the PostgreSQL pool from DATABASE_POOL_MAX (10 by default)', () => {
    expect(loadConfig(base).databasePoolMax).toBe(10);
    expect(loadConfig({ ...base, DATABASE_POOL_MAX: '4' }).databasePoolMax).toBe(4);
  });

  it('refuses a pool of no connections, naming the variable', () => {
    expect(() => loadConfig({ ...base, DATABASE_POOL_MAX: '0' })).toThrow(/DATABASE_POOL_MAX/);
  });
});
