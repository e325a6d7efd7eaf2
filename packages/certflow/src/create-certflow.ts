import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CalendarSettings } from '@certflow/calendar';
import type { Actor, AnyFlow, Engine, InstanceView, StoreReader } from '@certflow/engine';
import { composeRuntime, loadConfig, type HostActorResolver, type Runtime } from '@certflow/server';
import pino, { type Logger } from 'pino';

export interface CertflowMailOptions {
  /** `smtp://…`; without it mail is written as `.eml` files under `dir`. */
  readonly smtpUrl?: string;
  readonly from?: string;
  /** Key of the signed links in mail (≥ 32 characters); generated per process if unset. */
  readonly secret?: string;
  readonly dir?: string;
}

export interface CertflowOptions {
  /** PostgreSQL (`postgres://…`); migrated on open. */
  readonly databaseUrl: string;
  /** With Redis, timers and the outbox go to BullMQ and `apps/worker` delivers them. */
  readonly redisUrl?: string;
  readonly mail?: CertflowMailOptions;
  /** Working hours and the calendar coverage warning. */
  readonly calendar?: CalendarSettings;
  /** The flows to run; default the 1+X pilot flows. */
  readonly flows?: readonly AnyFlow[];
  /**
   * The host's own sign-in: who is calling, from the host's request (session cookie, SSO).
   * Return undefined to fall back to certflow's bearer tokens (then 401 without one).
   */
  readonly actor?: HostActorResolver;
  /** Where `fetch` mounts the API; default `/certflow`. */
  readonly prefix?: string;
  /** Bearer tokens' key (≥ 32 characters); a random one per process if unset. */
  readonly jwtSecret?: string;
  /** The host's public URL plus the prefix, for links in mail; default `http://localhost<prefix>`. */
  readonly publicUrl?: string;
  /** Generated secrets and `.eml` mail; default a directory under the OS temp dir. */
  readonly dataDir?: string;
  /** Allow webhooks to private and loopback addresses. */
  readonly webhookAllowPrivate?: boolean;
  readonly logger?: Logger;
}

/** The embedded certflow: commands, reads, and the HTTP API as a fetch handler. */
export interface Certflow {
  /** The engine: every command (start, send, cancel, …) and read (get, history, inbox, preview). */
  readonly engine: Engine;
  /** Reads outside commands (instances, history, tasks, reference data). */
  readonly read: StoreReader;
  /** Start an instance as `actor` (delivery is nudged at once). */
  start(flowId: string, input: unknown, actor: Actor): Promise<InstanceView>;
  /** Send an event as `actor` (APPROVE, RETURN, REJECT, TRANSFER …). */
  send(
    instanceId: string,
    event: Parameters<Engine['send']>[1],
    actor: Actor,
    options?: Parameters<Engine['send']>[3],
  ): Promise<InstanceView>;
  /**
   * The whole HTTP API (docs/http-api.md) under `prefix`: `/certflow/api/instances` … Requests
   * outside the prefix answer 404. Mount it in Hono (`app.all('/certflow/*', c =>
   * certflow.fetch(c.req.raw))`), Express or Fastify (through a fetch adapter).
   */
  fetch(request: Request): Promise<Response>;
  readonly prefix: string;
  /** The composed runtime (the server's own wiring, reused). */
  readonly runtime: Runtime;
  close(): Promise<void>;
}

/**
 * certflow inside a host application. The wiring is the server's own (`composeRuntime` of
 * `@certflow/server`), configured from these options instead of the environment: one
 * composition, whether certflow runs as `pnpm start` or inside a campus app.
 */
export async function createCertflow(options: CertflowOptions): Promise<Certflow> {
  const prefix = normalizePrefix(options.prefix ?? '/certflow');
  const dataDir = options.dataDir ?? join(tmpdir(), `certflow-${process.pid}`);
  const env: Record<string, string | undefined> = {
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    CERTFLOW_JWT_SECRET: options.jwtSecret ?? randomBytes(32).toString('hex'),
    CERTFLOW_MAIL_SECRET: options.mail?.secret ?? randomBytes(32).toString('hex'),
    CERTFLOW_DATA_DIR: dataDir,
    CERTFLOW_DEMO: '0',
    CERTFLOW_PUBLIC_URL: options.publicUrl ?? `http://localhost${prefix}`,
    SMTP_URL: options.mail?.smtpUrl,
    MAIL_FROM: options.mail?.from,
    CERTFLOW_MAIL_DIR: options.mail?.dir,
    CERTFLOW_WEBHOOK_ALLOW_PRIVATE: options.webhookAllowPrivate ? '1' : '0',
    // The pilot's deployment settings still come from the host's environment.
    ...pick(process.env, /^PILOT_/),
  };
  const config = loadConfig(env);
  const logger = options.logger ?? pino({ level: 'warn' });
  const runtime = await composeRuntime(config, logger, {
    ...(options.actor ? { resolveActor: options.actor } : {}),
    ...(options.flows ? { flows: options.flows } : {}),
    ...(options.calendar ? { calendarSettings: options.calendar } : {}),
  });
  const { engine, app, background } = runtime;
  return {
    engine,
    read: runtime.handle.store.read,
    prefix,
    runtime,
    start: async (flowId, input, actor) => {
      const view = await engine.start(flowId, input, actor);
      background.nudge(view.id);
      return view;
    },
    send: async (instanceId, event, actor, sendOptions) => {
      const view = await engine.send(instanceId, event, actor, sendOptions);
      background.nudge(instanceId);
      return view;
    },
    fetch: async (request) => {
      const url = new URL(request.url);
      if (url.pathname !== prefix && !url.pathname.startsWith(`${prefix}/`)) {
        return new Response(JSON.stringify({ code: 'ROUTE_NOT_FOUND' }), {
          status: 404,
          headers: { 'content-type': 'application/json' },
        });
      }
      url.pathname = url.pathname.slice(prefix.length) || '/';
      return app.fetch(new Request(url, request));
    },
    close: () => runtime.close(),
  };
}

function normalizePrefix(prefix: string): string {
  const p = `/${prefix.replace(/^\/+|\/+$/g, '')}`;
  return p === '/' ? '' : p;
}

function pick(
  env: Readonly<Record<string, string | undefined>>,
  pattern: RegExp,
): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).filter(([k]) => pattern.test(k)));
}
