import postgres from 'postgres';
import type { StoreOptions } from '../store/command-store.js';
import { randomBytes } from 'node:crypto';
import { openPostgres } from '../postgres.js';
import type { PostgresHandle } from '../postgres.js';

export { emptyTables } from './empty-tables.js';

/**
 * Test helpers (the `@certflow/db/testing` entry). PostgreSQL is required: when it is unreachable
 * these helpers throw, so the tests fail rather than skip.
 */

/** The server to create test databases on: `DATABASE_URL_ADMIN`, `TEST_DATABASE_URL`, or local. */
export function testAdminUrl(): string {
  return (
    process.env['DATABASE_URL_ADMIN'] ??
    process.env['TEST_DATABASE_URL'] ??
    'postgres://postgres@127.0.0.1:5432/test'
  );
}

export interface TestPostgres extends PostgresHandle {
  /** The URL of the fresh database, e.g. for a second pool or another process. */
  readonly url: string;
  readonly database: string;
  /** Closes the pool and drops the database. */
  readonly drop: () => Promise<void>;
}

async function withAdmin<T>(fn: (admin: postgres.Sql) => Promise<T>): Promise<T> {
  const url = testAdminUrl();
  const admin = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    return await fn(admin);
  } catch (error) {
    const where = new URL(url);
    where.password = '';
    throw new Error(`test PostgreSQL at ${where.href}: ${String(error)}`, { cause: error });
  } finally {
    await admin.end();
  }
}

export interface TestPostgresOptions {
  /** Pool size; default 10. */
  readonly max?: number;
  /** Apply the migrations (default true); `false` leaves the new database empty. */
  readonly migrate?: boolean;
  /** Batching of the command statements. */
  readonly store?: StoreOptions;
}

/** A new, migrated, uniquely named database (`certflow_t_<random>`) on the test server. */
export async function createTestPostgres(options: TestPostgresOptions = {}): Promise<TestPostgres> {
  const database = `certflow_t_${randomBytes(6).toString('hex')}`;
  await withAdmin((admin) => admin.unsafe(`create database "${database}"`));
  const url = new URL(testAdminUrl());
  url.pathname = `/${database}`;
  let handle: PostgresHandle;
  try {
    handle = await openPostgres({
      url: url.href,
      max: options.max,
      migrate: options.migrate,
      store: options.store,
    });
  } catch (error) {
    await withAdmin((admin) => admin.unsafe(`drop database if exists "${database}" with (force)`));
    throw error;
  }
  return {
    ...handle,
    url: url.href,
    database,
    drop: async () => {
      // Do not wait for a transaction a failed test left open: the drop terminates it anyway.
      await handle.sql.end({ timeout: 1 });
      await withAdmin((admin) =>
        admin.unsafe(`drop database if exists "${database}" with (force)`),
      );
    },
  };
}
