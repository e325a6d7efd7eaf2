import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { Sql } from 'postgres';
import { createDirectory } from './directory.js';
import { createDispatchStore } from './dispatch.js';
import type { DbHandle } from './handle.js';
import { migratePostgres } from './migrate.js';
import { createStore, type TxScope } from './store.js';

const dialect = new PgDialect();

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
    connection: {
      // Every statement is prepared once per connection and written so that one plan fits every
      // parameter (the plan tests EXPLAIN them on this setting). Left at `auto`, PostgreSQL keeps
      // re-planning the command's write statement on each execution: a fifth of the server's
      // time per command in the throughput benchmark.
      plan_cache_mode: 'force_generic_plan',
      ...(options.schema === undefined ? {} : { search_path: options.schema }),
    },
  });
  const db = drizzle(preparing(client));
  return {
    driver: 'postgres',
    store: createStore(db, {
      transaction: (fn) => pipelinedTransaction(client, fn),
      unlocked: true,
    }),
    dispatch: createDispatchStore(db),
    directory: createDirectory(db),
    db,
    sql: client,
    close: () => client.end(),
  };
}

/**
 * A transaction on one reserved connection whose BEGIN is not awaited: postgres.js pipelines it
 * with the transaction's first statement (one socket write, one round trip for both), where its
 * `begin()` waits for BEGIN's reply first. Its last statement may go out with COMMIT behind it
 * (`commitWith`: again one round trip for both). A failed BEGIN surfaces before COMMIT; any
 * error rolls back. (Nested transactions are not supported on this path; the store opens none.)
 */
async function pipelinedTransaction<T>(client: Sql, fn: (tx: TxScope) => Promise<T>): Promise<T> {
  const connection = await client.reserve();
  let state: 'open' | 'committing' | 'over' = 'open';
  try {
    const begun = connection.unsafe('begin').execute();
    const beginFailure = begun.then(
      () => undefined,
      (error: unknown) => ({ error }),
    );
    const commitWith = async (query: SQL): Promise<Record<string, unknown>[]> => {
      if (state !== 'open') throw new Error('commitWith: the transaction is already over');
      const failed = await beginFailure;
      if (failed) throw failed.error;
      const { sql: text, params } = dialect.sqlToQuery(query);
      state = 'committing';
      // Both queued on the connection before either reply: one socket write, one round trip.
      const write = connection
        .unsafe(text, params as Parameters<Sql['unsafe']>[1], { prepare: true })
        .execute();
      const commit = connection.unsafe('commit').execute();
      const [written, committed] = await Promise.allSettled([write, commit]);
      state = 'over';
      if (written.status === 'rejected') throw written.reason;
      if (committed.status === 'rejected') throw committed.reason;
      if (committed.value.command !== 'COMMIT') {
        throw new Error(`commit answered ${committed.value.command}`);
      }
      return [...written.value] as Record<string, unknown>[];
    };
    // A reserved connection has no `options` of its own; drizzle reads the pool's.
    const db = drizzle(preparing(connection, client.options));
    const result = await fn({ db, commitWith });
    const failed = await beginFailure;
    if (failed) throw failed.error;
    if (state === 'open') {
      state = 'committing';
      await connection.unsafe('commit');
      state = 'over';
    }
    return result;
  } catch (error) {
    if (state === 'open') await connection.unsafe('rollback').catch(() => undefined);
    throw error;
  } finally {
    connection.release();
  }
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
