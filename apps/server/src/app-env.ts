import type { Engine } from '@certflow/engine';
import type { Database } from '@certflow/db';
import type { Store } from '@certflow/engine';
import type { Logger } from 'pino';
import type { AuthEnv } from './auth/require-auth.js';
import type { TokenService } from './auth/token-service.js';

/** What the HTTP app needs: the engine, the store it runs on, and the token service. */
export interface AppDeps {
  readonly engine: Engine;
  readonly store: Store;
  /** The drizzle database under `store` (reader-filtered listings). */
  readonly db: Database;
  readonly driver: 'postgres' | 'pglite';
  readonly tokens: TokenService;
  readonly logger: Logger;
  /** Largest accepted request body in bytes; default 256 KiB. */
  readonly bodyLimit?: number;
  /** Called after a command committed: nudges delivery (scheduler or BullMQ relay). */
  readonly afterCommand?: (instanceId: string) => void;
}

export type AppEnv = AuthEnv;
