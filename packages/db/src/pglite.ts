import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { createDirectory } from './directory.js';
import { createDispatchStore } from './dispatch.js';
import type { DbHandle } from './handle.js';
import { migratePglite } from './migrate.js';
import { createStore } from './store.js';

export interface PgliteOptions {
  /** A directory to keep the database in; in memory when absent. */
  readonly dataDir?: string | undefined;
  /** Apply pending migrations before returning; default true. */
  readonly migrate?: boolean | undefined;
}

export type PgliteHandle = DbHandle<PGlite>;

/**
 * Opens an embedded PGlite database (PostgreSQL compiled to WASM, one session). Starting one
 * takes seconds and most of a gigabyte: open one per process and share it.
 */
export async function openPglite(options: PgliteOptions = {}): Promise<PgliteHandle> {
  const client = await PGlite.create(options.dataDir);
  try {
    if (options.migrate !== false) await migratePglite(client);
  } catch (error) {
    await client.close();
    throw error;
  }
  const db = drizzle(client);
  return {
    driver: 'pglite',
    store: createStore(db),
    dispatch: createDispatchStore(db),
    directory: createDirectory(db),
    db,
    sql: client,
    close: () => client.close(),
  };
}
