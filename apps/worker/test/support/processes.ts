import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
/**
 * tsx as a loader of this very process (`node --import tsx`), not the `tsx` CLI: the CLI runs the
 * program in a child of its own, so a SIGKILL would hit the CLI and orphan the program.
 */
const tsxLoader = new URL('../../../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;
export const SERVER_MAIN = here('../../../server/src/main.ts');
export const WORKER_MAIN = here('../../src/main.ts');

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A real server or worker process (`src/main.ts` under tsx), its output kept for assertions. */
export interface Child {
  readonly child: ChildProcess;
  readonly output: () => string;
  /** Resolves with the exit code (or the signal's name) when the process ends. */
  readonly exited: Promise<number | string>;
  /** The exit code or signal once ended, `undefined` while it runs. */
  readonly exit: () => number | string | undefined;
}

export function run(main: string, env: Record<string, string>): Child {
  const child = spawn(process.execPath, ['--import', tsxLoader, main], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let ended: number | string | undefined;
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => {
      ended = code ?? signal ?? 'unknown';
      resolve(ended);
    }),
  );
  return { child, output: () => out, exited, exit: () => ended };
}

/** Wait until `check` holds (polled every 20 ms); throws naming `what` after `timeoutMs`. */
export async function until(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(20);
  }
  throw new Error(`timed out waiting for ${what}`);
}

export interface ServerChild extends Child {
  readonly url: string;
  /** Demo tokens from `<dataDir>/demo-tokens.env` (`OWNER`, `LEAD`, `ACADEMIC`, …). */
  readonly tokens: Readonly<Record<string, string>>;
}

/** `apps/server` on PostgreSQL in demo mode (the demo school and its tokens), on a free port. */
export async function startServer(env: Record<string, string>): Promise<ServerChild> {
  const dataDir = env['CERTFLOW_DATA_DIR'];
  if (!dataDir) throw new Error('CERTFLOW_DATA_DIR is required');
  const c = run(SERVER_MAIN, {
    PORT: '0',
    HOST: '127.0.0.1',
    CERTFLOW_DEMO: '1',
    CERTFLOW_JWT_SECRET: 'fault-test-jwt-secret-0123456789abcdef',
    CERTFLOW_MAIL_SECRET: 'fault-test-mail-secret-0123456789abcdef',
    CERTFLOW_PUBLIC_URL: 'http://certflow.test',
    ...env,
  });
  let url = '';
  await until(
    'the server to listen',
    () => {
      if (c.exit() !== undefined) throw new Error(`server exited (${c.exit()}):\n${c.output()}`);
      url = /certflow listening on (http:\/\/\S+)/u.exec(c.output())?.[1] ?? '';
      return url !== '';
    },
    60_000,
  );
  const tokens: Record<string, string> = {};
  for (const m of readFileSync(`${dataDir}/demo-tokens.env`, 'utf8').matchAll(
    /^export CERTFLOW_TOKEN_(\w+)=(\S+)$/gmu,
  )) {
    if (m[1] && m[2]) tokens[m[1]] = m[2];
  }
  return { ...c, url, tokens };
}

/** `apps/worker`, ready once its `/healthz` answers 200. */
export async function startWorker(
  env: Record<string, string>,
): Promise<Child & { health: string }> {
  const port = env['WORKER_HEALTH_PORT'];
  if (!port) throw new Error('WORKER_HEALTH_PORT is required');
  const c = run(WORKER_MAIN, {
    CERTFLOW_MAIL_SECRET: 'fault-test-mail-secret-0123456789abcdef',
    CERTFLOW_PUBLIC_URL: 'http://certflow.test',
    ...env,
  });
  const health = `http://127.0.0.1:${port}/healthz`;
  await until(
    'the worker to answer /healthz',
    async () => {
      if (c.exit() !== undefined) throw new Error(`worker exited (${c.exit()}):\n${c.output()}`);
      const r = await fetch(health, { signal: AbortSignal.timeout(1000) }).catch(() => undefined);
      return r?.status === 200;
    },
    60_000,
  );
  return { ...c, health };
}

/** SIGKILL whatever still runs (afterEach/afterAll). */
export function killAll(children: readonly Child[]): void {
  for (const c of children) if (c.exit() === undefined) c.child.kill('SIGKILL');
}

/** A free TCP port on 127.0.0.1 (bound and released). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}
