import { InfrastructureError } from '@certflow/engine';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { toStoreError } from './errors.js';

const driver = (code: string, message = 'boom') => Object.assign(new Error(message), { code });

describe('toStoreError', () => {
  it.each([
    'CONNECTION_CLOSED',
    'CONNECTION_DESTROYED',
    'CONNECT_TIMEOUT',
    'ECONNREFUSED',
    'ECONNRESET',
    '57P01', // terminating connection due to administrator command (pg_terminate_backend, restart)
    '57P03', // the database system is starting up
    '53300', // too many connections
    '08006', // connection failure
  ])('%s: DATABASE_UNAVAILABLE, retryable, the driver error kept as cause', (code) => {
    const cause = driver(code);
    const error = toStoreError(new DrizzleQueryError('select 1', [], cause));
    expect(error).toBeInstanceOf(InfrastructureError);
    expect(error).toMatchObject({ code: 'DATABASE_UNAVAILABLE', retryable: true, cause });
  });

  it('a constraint violation is permanent, a deadlock retryable under its own code', () => {
    expect(toStoreError(driver('23505'))).toMatchObject({
      code: 'DB_UNIQUE_VIOLATION',
      retryable: false,
    });
    expect(toStoreError(driver('40P01'))).toMatchObject({ code: 'DB_DEADLOCK', retryable: true });
  });

  it('leaves anything that is not a database failure unchanged', () => {
    const bug = new TypeError('not a driver error');
    expect(toStoreError(bug)).toBe(bug);
  });
});
