import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { CertflowClient } from '@certflow/client';
import { truncateAll, type DbHandle } from '@certflow/db';
import { people, type PersonKey } from '@certflow/pilot/testing';
import pino from 'pino';
import { fingerprint, seedSchool } from './school-state.js';
import {
  businessCalendar,
  createApp,
  engineFor,
  TokenService,
  type Claims,
  type TokenTrust,
} from '../../src/index.js';

export const TEST_SECRET = 'test-secret-0123456789-abcdefghijklmnop';

/** A real HTTP server (port 0) over one database, with clients for the pilot cast. */
export interface ApiWorld {
  readonly url: string;
  readonly handle: DbHandle<unknown>;
  readonly tokens: TokenService;
  /** A client with no token. */
  readonly anonymous: CertflowClient;
  as(who: PersonKey): CertflowClient;
  token(who: PersonKey): Promise<string>;
  /** A client for any claims (people not in the cast, several roles, hostile claims). */
  withClaims(claims: Claims, ttlSeconds?: number): Promise<CertflowClient>;
  /** Empties the database and seeds the cast into the directory. */
  reset(): Promise<void>;
  /** Every row of every table, canonical: equal before and after = nothing changed. */
  fingerprint(): Promise<string>;
  close(): Promise<void>;
}

export function claimsOf(who: PersonKey): Claims {
  const p = people[who];
  return {
    sub: p.id,
    name: p.name,
    email: p.email,
    roles: [...p.roles] as Claims['roles'],
    ...('college' in p ? { college: p.college } : {}),
  };
}

export interface ApiWorldOptions {
  /** What `/healthz` reports (default `postgres`). */
  readonly driver?: 'embedded' | 'postgres';
  /** Token trust: issuer, audience, lifetime, identity mode. */
  readonly trust?: TokenTrust;
  readonly corsOrigins?: readonly string[];
  /** Webhooks may target loopback (the tests' receivers); a nudge for a delivery loop. */
  readonly webhooks?: { readonly allowPrivate: boolean; readonly nudge?: () => void };
}

export async function startApiWorld(
  handle: DbHandle<unknown>,
  options: ApiWorldOptions = {},
): Promise<ApiWorld> {
  const tokens = new TokenService(TEST_SECRET, options.trust);
  const engine = engineFor(handle, await businessCalendar(handle));
  const app = createApp({
    engine,
    store: handle.store,
    db: handle.db,
    driver: options.driver ?? 'postgres',
    tokens,
    directory: handle.directory,
    ...(options.corsOrigins ? { corsOrigins: options.corsOrigins } : {}),
    ...(options.webhooks ? { webhooks: options.webhooks } : {}),
    logger: pino({ level: 'silent' }),
    bodyLimit: 64 * 1024,
  });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const anonymous = new CertflowClient({ baseUrl: url });
  const cache = new Map<PersonKey, string>();
  const token = async (who: PersonKey): Promise<string> => {
    const cached = cache.get(who);
    if (cached) return cached;
    const signed = await tokens.sign(claimsOf(who), 3600);
    cache.set(who, signed);
    return signed;
  };
  const clients = new Map<PersonKey, CertflowClient>();
  for (const who of Object.keys(people) as PersonKey[])
    clients.set(who, anonymous.as(await token(who)));
  return {
    url,
    handle,
    tokens,
    anonymous,
    as: (who) => clients.get(who) as CertflowClient,
    token,
    withClaims: async (claims, ttl = 3600) => anonymous.as(await tokens.sign(claims, ttl)),
    reset: async () => {
      await truncateAll(handle);
      await seedSchool(engine, handle.directory);
    },
    fingerprint: () => fingerprint(handle.db),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
