import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url)).replace(/\/$/u, '');

/**
 * What a service's image holds, built on this host exactly as `docker/*.Dockerfile` builds it:
 * `turbo run build --filter=<pkg>` (tsc → dist/, its workspace dependencies first) and `pnpm deploy --prod --legacy
 * --config.node-linker=hoisted <dir>` (the workspace packages it uses, built, with the migrations
 * @certflow/db ships, and its third-party dependencies).
 */
export function buildImage(pkg: '@certflow/server' | '@certflow/worker', dir: string): string {
  // The package and every workspace package it depends on (turbo's ^build), as `pnpm install`
  // does in the image: `deploy` copies their dist/ as built.
  execFileSync(
    'pnpm',
    ['exec', 'turbo', 'run', 'build', `--filter=${pkg}`, '--output-logs=errors-only'],
    {
      cwd: ROOT,
      stdio: 'pipe',
    },
  );
  execFileSync(
    'pnpm',
    [
      '--filter',
      pkg,
      'deploy',
      '--prod',
      '--legacy',
      '--config.node-linker=hoisted',
      '--prefer-offline',
      dir,
    ],
    {
      cwd: ROOT,
      stdio: 'pipe',
    },
  );
  return join(dir, 'dist/main.js');
}

/** The environment compose gives `service`, as `docker-compose config` resolves it. */
export function composeEnvironment(
  service: 'server' | 'worker',
  env: NodeJS.ProcessEnv,
): Record<string, string> {
  const run = spawnSync('docker-compose', ['-f', join(ROOT, 'docker/compose.yml'), 'config'], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
  });
  if (run.error)
    throw new Error(
      `docker-compose is required (apt-get install -y docker-compose): ${run.error.message}`,
    );
  if (run.status !== 0) throw new Error(run.stderr);
  const json = spawnSync(
    'python3',
    ['-c', 'import sys, json, yaml; print(json.dumps(yaml.safe_load(sys.stdin)))'],
    {
      input: run.stdout,
      encoding: 'utf8',
    },
  );
  const config = JSON.parse(json.stdout) as {
    services: Record<string, { environment?: Record<string, string> }>;
  };
  return { ...(config.services[service]?.environment ?? {}) };
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface Running {
  readonly child: ChildProcess;
  output(): string;
  readonly exited: Promise<number | null>;
}

/** `node <main>` with exactly `env` (plus PATH), as a container runs it. */
export function runNode(main: string, env: Record<string, string>): Running {
  const child = spawn(process.execPath, [main], {
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

/** Polls `probe` until it returns a value (or the time is up). */
export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  ms = 30_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}
