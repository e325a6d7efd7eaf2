import { drizzle } from 'drizzle-orm/postgres-js';
import type { Sql } from 'postgres';
import { connect } from './connection.js';
import { createDirectory } from './directory.js';
import type { DbHandle } from './handle.js';
import { migratePostgres } from './migrate.js';
import { createStore, type StoreOptions } from './store/command-store.js';
import { createDispatchStore } from './store/dispatch.js';
import { RECONNECT } from './reconnect.js';

export interface PostgresOptions {
  /** `postgres://user:password@host:port/database`. */
  readonly url: string;
  /** Pool size (postgres.js `max`); default 10. */
  readonly max?: number | undefined;
  /** Keep the tables in this PostgreSQL schema (via `search_path`) instead of `public`. */
  readonly schema?: string | undefined;
  /** Apply pending migrations before returning (under an advisory lock); default true. */
  readonly migrate?: boolean | undefined;
  /** Batching of the command statements (store/command-store.ts). */
  readonly store?: StoreOptions | undefined;
}

export type PostgresHandle = DbHandle<Sql>;

/** Opens a postgres.js pool on a real PostgreSQL server. */
export async function openPostgres(options: PostgresOptions): Promise<PostgresHandle> {
  if (options.migrate !== false) await migratePostgres(options.url, { schema: options.schema });
  const client = connect(options.url, {
    max: options.max ?? 10,
    ...RECONNECT,
    onnotice: () => {},
    connection: {
      // Every statement is prepared once per connection and written so that one plan fits every
      // parameter (the plan tests EXPLAIN them on this setting). Left at `auto`, PostgreSQL keeps
      // re-planning the command's write statement on each execution: a fifth of the server's
      // time per command in the throughput benchmark.
      plan_cache_mode: 'force_generic_plan',
      // The command statements are many small index lookups whose estimated cost (jsonb row
      // lists are guessed at 100 rows each) crosses `jit_above_cost`: compiling them would take
      // longer than running them, on every execution.
      jit: 'off',
      ...(options.schema === undefined ? {} : { search_path: options.schema }),
    },
  });
  const db = drizzle(preparing(client));
  const store = createStore(db, options.store);
  return {
    store,
    dispatch: createDispatchStore(db),
    directory: createDirectory(db),
    db,
    sql: client,
    close: () => client.end(),
  };
}

/**
 * The client drizzle runs on, with every statement prepared. drizzle sends a query built without
 * `.prepare(name)` as `unsafe(text, params, { prepare: false })`, and postgres.js then describes
 * each parameterized statement before executing it: two round trips and two socket writes per
 * statement. Prepared (postgres.js caches them per connection by text and parameter types), a
 * statement is one round trip after its first use — what postgres.js tagged templates do by
 * default. Transactions (and their savepoints) get the same client.
 */
function preparing(client: Sql, options?: Sql['options']): Sql {
  type Unsafe = Sql['unsafe'];
  type Scope = (sql: Sql) => unknown;
  const unsafe: Unsafe = (query, parameters, options) =>
    client.unsafe(query, parameters, { ...options, prepare: true });
  const wrapScope =
    (fn: Scope): Scope =>
    (sql) =>
      fn(preparing(sql));
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'unsafe') return unsafe;
      if (property === 'options' && options) return options;
      if (property === 'begin' || property === 'savepoint') {
        const original = Reflect.get(target, property, receiver) as
          ((...args: unknown[]) => unknown) | undefined;
        if (typeof original !== 'function') return original;
        return (...args: unknown[]) =>
          original.apply(
            target,
            args.map((a) => (typeof a === 'function' ? wrapScope(a as Scope) : a)),
          );
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}
