import { openPostgres, type PostgresHandle } from '../postgres.js';
import type { StoreOptions } from '../store/command-store.js';
import {
  runningEmbeddedUrl,
  startEmbeddedPostgres,
  type EmbeddedPostgres,
} from './embedded-postgres.js';

export interface EmbeddedHandle extends PostgresHandle {
  /** The embedded server (its `url` reaches it through its Unix socket). */
  readonly server: EmbeddedPostgres;
}

/**
 * The all-in-one mode's database: a real PostgreSQL managed in `dataDir`
 * (`startEmbeddedPostgres`), opened like any other — the same store and the same command path
 * as production. `close()` closes the pool, then stops the server.
 */
export async function openEmbedded(options: {
  readonly dataDir: string;
  readonly max?: number;
  readonly store?: StoreOptions;
  readonly onLog?: (line: string) => void;
}): Promise<EmbeddedHandle> {
  const server = await startEmbeddedPostgres({
    dataDir: options.dataDir,
    ...(options.onLog ? { onLog: options.onLog } : {}),
  });
  let handle: PostgresHandle;
  try {
    handle = await openPostgres({ url: server.url, max: options.max, store: options.store });
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    ...handle,
    server,
    close: async () => {
      await handle.close();
      await server.stop();
    },
  };
}

/**
 * A second client of the embedded server another certflow process runs on `dataDir` (the CLI
 * while `pnpm start` runs), or undefined when none runs. `close()` closes this pool only.
 */
export async function attachEmbedded(options: {
  readonly dataDir: string;
  readonly max?: number;
}): Promise<PostgresHandle | undefined> {
  const url = await runningEmbeddedUrl(options.dataDir);
  return url ? openPostgres({ url, max: options.max ?? 2, migrate: false }) : undefined;
}
