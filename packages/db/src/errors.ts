import { DrizzleQueryError } from 'drizzle-orm/errors';
import { InfrastructureError, isDomainError } from '@certflow/engine';

/**
 * SQLSTATEs and driver codes after which the same command may simply be run again. Whatever
 * says the database cannot be reached — the server shutting down or starting up (57P0x), too
 * many connections (53300), a connection closed, refused, reset or timed out — is
 * `DATABASE_UNAVAILABLE`, the code the HTTP API answers with (503, retryable).
 */
const RETRYABLE: Readonly<Record<string, string>> = {
  '40001': 'DB_SERIALIZATION_FAILURE',
  '40P01': 'DB_DEADLOCK',
  '55P03': 'DB_LOCK_NOT_AVAILABLE',
  '57014': 'DB_QUERY_CANCELLED',
  '57P01': 'DATABASE_UNAVAILABLE',
  '57P02': 'DATABASE_UNAVAILABLE',
  '57P03': 'DATABASE_UNAVAILABLE',
  '53300': 'DATABASE_UNAVAILABLE',
  // postgres.js and Node socket errors
  CONNECTION_CLOSED: 'DATABASE_UNAVAILABLE',
  CONNECTION_DESTROYED: 'DATABASE_UNAVAILABLE',
  CONNECTION_ENDED: 'DATABASE_UNAVAILABLE',
  CONNECT_TIMEOUT: 'DATABASE_UNAVAILABLE',
  ECONNREFUSED: 'DATABASE_UNAVAILABLE',
  ECONNRESET: 'DATABASE_UNAVAILABLE',
  ETIMEDOUT: 'DATABASE_UNAVAILABLE',
  EPIPE: 'DATABASE_UNAVAILABLE',
};

const SQLSTATE = /^[0-9A-Z]{5}$/;

function driverCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/**
 * Turns a database failure into an engine `InfrastructureError` (`DB_UNIQUE_VIOLATION`,
 * `DB_DEADLOCK`, `DATABASE_UNAVAILABLE`, …) with the driver's error as `cause`. Anything else — a domain
 * refusal, the caller's own error, a bug — is returned unchanged.
 */
export function toStoreError(error: unknown): unknown {
  if (error instanceof InfrastructureError || isDomainError(error)) return error;
  const wrapped = error instanceof DrizzleQueryError;
  const cause = wrapped && error.cause !== undefined ? error.cause : error;
  const code = driverCode(cause);
  const retryable = code === undefined ? undefined : RETRYABLE[code];
  const message = cause instanceof Error ? cause.message : String(cause);
  if (retryable !== undefined) {
    return new InfrastructureError(retryable, `database: ${message}`, { retryable: true, cause });
  }
  if (code !== undefined && SQLSTATE.test(code)) {
    const name =
      code === '23505'
        ? 'DB_UNIQUE_VIOLATION'
        : code.startsWith('23')
          ? 'DB_CONSTRAINT_VIOLATION'
          : 'DB_ERROR';
    const retry = code.startsWith('08'); // connection exception class
    return new InfrastructureError(
      retry ? 'DATABASE_UNAVAILABLE' : name,
      `database (${code}): ${message}`,
      {
        retryable: retry,
        cause,
      },
    );
  }
  if (wrapped) {
    return new InfrastructureError('DB_ERROR', `database: ${message}`, { retryable: false, cause });
  }
  return error;
}

/** Runs `fn`, rethrowing database failures as `InfrastructureError`s. */
export async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toStoreError(error);
  }
}
