import type { DispatchStore } from '@certflow/engine';
import type { Database } from './database.js';
import type { Directory } from './directory.js';
import type { PostgresStore } from './store/command-store.js';

/** An open database: the engine's store, the directory, and the driver underneath. */
export interface DbHandle<Client> {
  /** The command store; its `directory` is the cached one commands resolve people from. */
  readonly store: PostgresStore;
  /** The delivery side (outbox relay, effect handlers, timer reconciler). */
  readonly dispatch: DispatchStore;
  readonly directory: Directory;
  /** The drizzle database, for queries the store does not cover (admin, relays, reports). */
  readonly db: Database;
  /** The driver's own client (postgres.js `Sql`), for raw SQL. */
  readonly sql: Client;
  /** Closes the connections; the handle is unusable afterwards. */
  readonly close: () => Promise<void>;
}
