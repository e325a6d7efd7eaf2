import {
  InfrastructureError,
  type CommandWrite,
  type Directory as EngineDirectory,
  type Loaded,
  type LoadRequest,
  type Store,
  type StoreReader,
} from '@certflow/engine';
import type { Database } from '../database.js';
import { createDirectory, substitutionRows } from '../directory.js';
import { DirectoryCache } from '../directory-cache.js';
import { guarded } from '../errors.js';
import { loadCommands } from '../sql/load-commands.js';
import { conflictKeys, writeCommands } from '../sql/write-commands.js';
import { Batcher } from './batcher.js';
import { createReader } from './reader.js';

export interface StoreOptions {
  /** Most commands one load statement carries (default 64). */
  readonly maxLoadBatch?: number;
  /**
   * Most commands one write statement carries (default 8). A write statement runs on one
   * backend, so on one core: smaller batches with several in flight let PostgreSQL write two
   * batches at once while the engine decides the next (bench §1: 16 clients on 2 cores, ≈ 1.3×
   * the sends of one batch of 16).
   */
  readonly maxWriteBatch?: number;
  /** Load statements in flight at once (default 4). */
  readonly loadsInFlight?: number;
  /** Write statements in flight at once (default 4). */
  readonly writesInFlight?: number;
}

/** The engine's `Store` on PostgreSQL, with the directory its commands resolve people from. */
export interface PostgresStore extends Store {
  /** The people directory, answered from memory while `users` is unchanged. */
  readonly directory: EngineDirectory;
  /** Statements and commands so far (benchmarks, tests). */
  readonly stats: {
    readonly loads: { batches: number; items: number };
    readonly writes: { batches: number; items: number };
  };
}

/** Lost a race inside the statement: the command is decided again (not an error). */
const RACES = new Set(['DB_UNIQUE_VIOLATION', 'DB_DEADLOCK', 'DB_SERIALIZATION_FAILURE']);

/**
 * The core loop's store on PostgreSQL (ARCHITECTURE.md). Concurrent commands' loads go out as one
 * statement, their writes as one statement — one transaction, one commit (group commit) — each
 * write checked on its own, so one conflict refuses only its own command. A batch that fails as a
 * whole (a unique violation of one write) is written again write by write.
 */
export function createStore(db: Database, options: StoreOptions = {}): PostgresStore {
  const cache = new DirectoryCache();
  let revision: string | null = null;

  const loads = new Batcher<LoadRequest, Loaded>(
    async (requests) => {
      const batch = await guarded(() => loadCommands(db, requests));
      revision = batch.directoryRevision;
      return batch.loaded;
    },
    { maxBatch: options.maxLoadBatch ?? 64, maxInFlight: options.loadsInFlight ?? 4 },
  );

  const writeOne = async (write: CommandWrite): Promise<boolean | Error> => {
    try {
      const [applied] = await guarded(() => writeCommands(db, [write]));
      return applied === true;
    } catch (error) {
      if (error instanceof InfrastructureError && RACES.has(error.code)) return false;
      return error instanceof Error ? error : new Error(String(error));
    }
  };
  const writes = new Batcher<CommandWrite, boolean | Error>(
    async (batch) => {
      if (batch.length === 1) return [await writeOne(batch[0] as CommandWrite)];
      try {
        return await guarded(() => writeCommands(db, batch));
      } catch (error) {
        if (error instanceof InfrastructureError && error.retryable && !RACES.has(error.code)) {
          throw error;
        }
        return Promise.all(batch.map(writeOne));
      }
    },
    {
      maxBatch: options.maxWriteBatch ?? 8,
      maxInFlight: options.writesInFlight ?? 4,
      keysOf: conflictKeys,
    },
  );

  const read = createReader(db);
  const load = createDirectory(db);
  const rows = substitutionRows(db);
  const now = (): EngineDirectory => cache.at(revision, load, rows);
  return {
    load: (request) => loads.submit(request),
    async write(write) {
      const result = await writes.submit(write);
      if (result instanceof Error) throw result;
      return result;
    },
    directory: {
      getUser: (id) => guarded(() => now().getUser(id)),
      usersFor: (role, college) => guarded(() => now().usersFor(role, college)),
      principalsOf: (id, at) => guarded(() => now().principalsOf?.(id, at) ?? Promise.resolve([])),
      substitutesOf: (ids, at) =>
        guarded(() => now().substitutesOf?.(ids, at) ?? Promise.resolve(new Map())),
    },
    read: guardedReader(read),
    stats: { loads: loads.stats, writes: writes.stats },
  };
}

/** Every read with driver errors mapped to the store's typed errors (errors.ts `guarded`). */
function guardedReader(read: StoreReader): StoreReader {
  const entries = Object.entries(read) as [string, (...args: unknown[]) => Promise<unknown>][];
  return Object.fromEntries(
    entries.map(([name, fn]) => [name, (...args: unknown[]) => guarded(() => fn(...args))]),
  ) as unknown as StoreReader;
}
