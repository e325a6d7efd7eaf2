import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/index.js';

const base = {
  DATABASE_URL: 'postgres://postgres@db:5432/certflow',
  CERTFLOW_JWT_SECRET: 'config-test-secret-0123456789-abcdefgh',
  CERTFLOW_MAIL_SECRET: 'config-test-mail-secret-0123456789-abcdef',
  CERTFLOW_PUBLIC_URL: 'https://certflow.example.edu.cn',
};

describe('server configuration', () => {
  it('sizes the PostgreSQL pool from DATABASE_POOL_MAX (10 by default)', () => {
    expect(loadConfig(base).databasePoolMax).toBe(10);
    expect(loadConfig({ ...base, DATABASE_POOL_MAX: '4' }).databasePoolMax).toBe(4);
  });

  it('refuses a pool of no connections, naming the variable', () => {
    expect(() => loadConfig({ ...base, DATABASE_POOL_MAX: '0' })).toThrow(/DATABASE_POOL_MAX/);
  });

  it('bounds token trust: 12 h lifetime by default, issuer and audience when configured', () => {
    expect(loadConfig(base).auth).toEqual({
      issuer: undefined,
      audience: undefined,
      maxTtlSeconds: 43_200,
      identity: 'token',
    });
    expect(
      loadConfig({
        ...base,
        CERTFLOW_JWT_ISSUER: 'https://cas.example.edu.cn',
        CERTFLOW_JWT_AUDIENCE: 'certflow',
        CERTFLOW_JWT_MAX_TTL: '3600',
        CERTFLOW_IDENTITY: 'directory',
      }).auth,
    ).toEqual({
      issuer: 'https://cas.example.edu.cn',
      audience: 'certflow',
      maxTtlSeconds: 3600,
      identity: 'directory',
    });
    expect(() => loadConfig({ ...base, CERTFLOW_IDENTITY: 'ldap' })).toThrow(/CERTFLOW_IDENTITY/);
  });

  it('allows no cross-origin callers unless their origins are listed', () => {
    expect(loadConfig(base).corsOrigins).toEqual([]);
    expect(
      loadConfig({
        ...base,
        CERTFLOW_CORS_ORIGINS: 'https://oa.example.edu.cn, https://portal.example.edu.cn',
      }).corsOrigins,
    ).toEqual(['https://oa.example.edu.cn', 'https://portal.example.edu.cn']);
    expect(() => loadConfig({ ...base, CERTFLOW_CORS_ORIGINS: '*' })).toThrow(
      /CERTFLOW_CORS_ORIGINS/,
    );
  });

  it('needs the JWT secret, the mail secret and the public URL with DATABASE_URL', () => {
    for (const name of [
      'CERTFLOW_JWT_SECRET',
      'CERTFLOW_MAIL_SECRET',
      'CERTFLOW_PUBLIC_URL',
    ] as const) {
      const env: Record<string, string> = { ...base };
      delete env[name];
      expect(() => loadConfig(env)).toThrow(new RegExp(`${name}: `, 'u'));
    }
  });
});
