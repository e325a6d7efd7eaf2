import {
  openPostgres,
  type Directory,
  type PostgresHandle,
  type PostgresStore,
} from '@certflow/db';
import { createTestPostgres, type TestPostgres } from '@certflow/db/testing';
import postgres from 'postgres';
import type { Sql } from 'postgres';

/**
 * An isolated, migrated PostgreSQL database for one benchmark (`createTestPostgres`), dropped
 * afterwards. Measured clients are opened separately so each run starts from fresh connections
 * and the statement counter sees only the measured work.
 */
export interface BenchDatabase {
  readonly url: string;
  readonly name: string;
  /** Setup and probe connection (not measured). */
  readonly admin: Sql;
  drop(): Promise<void>;
}

export async function openBenchDatabase(): Promise<BenchDatabase> {
  const test: TestPostgres = await createTestPostgres({ max: 2 });
  return {
    url: test.url,
    name: test.database,
    admin: test.sql,
    drop: () => test.drop(),
  };
}

/**
 * Before a measured run: the statistics and visibility map autovacuum keeps on a live system
 * (pgbench vacuums before each run too). Without them a fresh bench database's tables have no
 * statistics, so the plans a connection caches treat them as nearly empty for as long as it
 * lives, and a table the run grows to thousands of rows is scanned whole by every write.
 */
export async function settle(db: BenchDatabase): Promise<void> {
  await db.admin`vacuum analyze`;
}

/**
 * After a bulk insert just before a timed run (the timers' rows): the statistics only, which
 * autovacuum would have taken of rows written over weeks, within the run's lead time.
 */
export async function analyzed(admin: Sql): Promise<void> {
  await admin`analyze`;
}

/** Counts every statement postgres.js sends (begin/commit included) through its `debug` hook. */
export class StatementCounter {
  count = 0;
  /** The last statements seen, for EXPLAIN. */
  readonly recent: { query: string; parameters: readonly unknown[] }[] = [];
  keep = 0;

  hook = (_connection: number, query: string, parameters: unknown[]): void => {
    this.count += 1;
    if (this.keep > 0) {
      this.recent.push({ query, parameters });
      if (this.recent.length > this.keep) this.recent.shift();
    }
  };
}

export interface MeasuredClient {
  readonly handle: PostgresHandle;
  readonly sql: Sql;
  /** The store as shipped, with its group-commit counters (`stats`). */
  readonly store: PostgresStore;
  readonly directory: Directory;
  readonly counter: StatementCounter;
  close(): Promise<void>;
}

/**
 * A postgres.js pool of `max` connections opened by `openPostgres` (the store as shipped), with
 * a statement counter put on the driver's `debug` hook: postgres.js reads `options.debug` for
 * every statement it sends, so setting it after opening counts everything from then on.
 * `migrate`: apply pending migrations first (a database not made by `createTestPostgres`).
 */
export async function measuredClient(
  url: string,
  max: number,
  migrate = false,
): Promise<MeasuredClient> {
  const handle = await openPostgres({ url, max, migrate });
  const counter = new StatementCounter();
  (handle.sql.options as { debug: unknown }).debug = counter.hook;
  return {
    handle,
    sql: handle.sql,
    store: handle.store,
    directory: handle.directory,
    counter,
    close: () => handle.sql.end({ timeout: 5 }),
  };
}

/** Per-database counters from `pg_stat_database` (read on a fresh connection). */
export interface DbCounters {
  /** `pg_stat_database.xact_commit`: every committed transaction, a lone read included. */
  readonly commits: number;
  /**
   * Transaction ids handed out (server-wide): one per transaction that wrote, i.e. per commit
   * that writes a commit record and waits for the WAL flush. Reads get none.
   */
  readonly writingCommits: number;
  readonly inserted: number;
  readonly updated: number;
  readonly fetched: number;
  readonly returned: number;
}

export async function dbCounters(url: string): Promise<DbCounters> {
  const probe = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await probe<
      {
        commits: string;
        next_xid: string;
        inserted: string;
        updated: string;
        fetched: string;
        returned: string;
      }[]
    >`select xact_commit as commits, tup_inserted as inserted, tup_updated as updated,
             tup_fetched as fetched, tup_returned as returned,
             pg_snapshot_xmax(pg_current_snapshot())::text as next_xid
        from pg_stat_database where datname = current_database()`;
    if (!row) throw new Error('pg_stat_database has no row for this database');
    return {
      commits: Number(row.commits),
      writingCommits: Number(row.next_xid),
      inserted: Number(row.inserted),
      updated: Number(row.updated),
      fetched: Number(row.fetched),
      returned: Number(row.returned),
    };
  } finally {
    await probe.end();
  }
}

export function counterDelta(a: DbCounters, b: DbCounters): DbCounters {
  return {
    commits: b.commits - a.commits,
    writingCommits: b.writingCommits - a.writingCommits,
    inserted: b.inserted - a.inserted,
    updated: b.updated - a.updated,
    fetched: b.fetched - a.fetched,
    returned: b.returned - a.returned,
  };
}
