import { pilotFlows } from '@certflow/pilot';
import { createEngine, type Engine, type Store } from '@certflow/engine';
import type { Database, Directory } from '@certflow/db';
import pino from 'pino';
import { createApp, OPENAPI_INFO } from './app.js';
import { TokenService } from './auth/token-service.js';

/** Fails loudly if a route handler were ever run while only the document is built. */
const unused = <T extends object>(name: string): T =>
  new Proxy({} as T, {
    get: (_t, key) => {
      if (key === 'then') return undefined;
      throw new Error(
        `${name}.${String(key)} is not available while building the OpenAPI document`,
      );
    },
  });

/**
 * The server's OpenAPI 3.1 document without a database: what `GET /api/openapi.json` answers.
 * `@certflow/client`'s types are generated from it (`pnpm --filter @certflow/server openapi`).
 */
export function openApiDocument(): ReturnType<
  ReturnType<typeof createApp>['getOpenAPI31Document']
> {
  const engine: Engine = createEngine({
    store: unused<Store>('store'),
    flows: pilotFlows,
    clock: { now: () => new Date(0) },
    ids: () => 'id',
  });
  const app = createApp({
    engine,
    store: unused<Store>('store'),
    db: unused<Database>('db'),
    driver: 'postgres',
    tokens: new TokenService('openapi-document-only-0123456789-abcdef'),
    directory: unused<Directory>('directory'),
    logger: pino({ level: 'silent' }),
  });
  return app.getOpenAPI31Document(OPENAPI_INFO);
}
