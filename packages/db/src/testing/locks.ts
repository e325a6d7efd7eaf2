import type { Sql } from 'postgres';

/** Resolves once some backend of the current database waits for a lock (or fails after ~4 s). */
export async function someoneWaitsForALock(sql: Sql): Promise<void> {
  for (let i = 0; i < 400; i++) {
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock'`;
    if ((row?.n ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('no backend is waiting for a lock');
}

/**
 * Holds a transaction open on its own connection (`sql.reserve()`), with whatever `hold` did in
 * it, until `release(commit)`: how a test makes another writer wait for a row.
 */
export async function holdTransaction(
  sql: Sql,
  hold: (tx: Sql) => Promise<unknown>,
): Promise<{ release: (commit?: boolean) => Promise<void> }> {
  const conn = await sql.reserve();
  await conn`begin`;
  try {
    await hold(conn);
  } catch (error) {
    await conn`rollback`;
    conn.release();
    throw error;
  }
  let done = false;
  return {
    release: async (commit = true) => {
      if (done) return;
      done = true;
      await (commit ? conn`commit` : conn`rollback`);
      conn.release();
    },
  };
}
