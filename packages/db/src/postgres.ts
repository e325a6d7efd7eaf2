import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { Sql } from 'postgres';
import { createDirectory } from './directory.js';
import { createDispatchStore } from './dispatch.js';
import type { DbHandle } from './handle.js';
import { migratePostgres } from './migrate.js';
import { createStore } from './store.js';

export interface PostgresOptions {
  /** `postgres://user:password@host:port/database`. */
  readonly url: string;
  /** Pool size (postgres.js `max`); default 10. */
  readonly max?: number | undefined;
  /** Keep the tables in this PostgreSQL schema (via `search_path`) instead of `public`. */
  readonly schema?: string | undefined;
  /** Apply pending migrations before returning (under an advisory lock); default true. */
  readonly migrate?: boolean | undefined;
}

export type PostgresHandle = DbHandle<Sql>;

/** Opens a postgres.js pool on a real PostgreSQL server. */
export async function openPostgres(options: PostgresOptions): Promise<PostgresHandle> {
  if (options.migrate !== false) await migratePostgres(options.url, { schema: options.schema });
  const client = postgres(options.url, {
    max: options.max ?? 10,
    onnotice: () => {},
    ...(options.schema === undefined ? {} : { connection: { search_path: options.schema } }),
  });
  const db = drizzle(client);
  return {
    driver: 'postgres',
    store: createStore(db),
    dispatch: createDispatchStore(db),
    directory: createDirectory(db),
    db,
    sql: client,
    close: () => client.end(),
  };
}
