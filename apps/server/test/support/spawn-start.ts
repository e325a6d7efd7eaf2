import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root: `pnpm start` runs there, as the README says. */
export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export interface Started {
  readonly child: ChildProcess;
  readonly url: string;
  readonly output: () => string;
  readonly exited: Promise<number | null>;
}

export interface StartOptions {
  /** The data directory (`CERTFLOW_DATA_DIR`): a fresh temp dir, or one reused for a restart. */
  readonly dataDir: string;
  /** What runs `pnpm start`: nothing (`[]`), or a wrapper such as `['faketime', '-f', '@…']`. */
  readonly wrapper?: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  /** Ready also needs this in the output (e.g. the demo school's seed line). */
  readonly readyAfter?: string;
}

/**
 * `pnpm start` from the repository root on a free port and `dataDir`, in a process group of its
 * own (so `stopStarted` ends node and the PostgreSQL it started together), with the production
 * settings cleared so it runs the all-in-one mode. Resolves with its URL once it listens.
 */
export async function startServer(o: StartOptions): Promise<Started> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    CERTFLOW_DATA_DIR: o.dataDir,
    LOG_LEVEL: 'info',
    ...o.env,
  };
  for (const key of ['CERTFLOW_JWT_SECRET', 'DATABASE_URL', 'REDIS_URL']) delete env[key];
  const [command, ...args] = [...(o.wrapper ?? []), 'pnpm', 'start'];
  const child = spawn(command ?? 'pnpm', args, {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const check = setInterval(() => {
      const match = /certflow listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1] && (o.readyAfter === undefined || out.includes(o.readyAfter))) {
        clearInterval(check);
        resolve(match[1]);
      }
    }, 100);
    void exited.then((code) => {
      clearInterval(check);
      reject(
        new Error(
          `${[...(o.wrapper ?? []), 'pnpm start'].join(' ')} exited (${code}) before listening:\n${out}`,
        ),
      );
    });
  });
  return { child, url, output: () => out, exited };
}

/**
 * SIGTERM to the whole group, then wait until every process of it has gone (a wrapper such as
 * faketime may exit before node and PostgreSQL have).
 */
export async function stopStarted(s: Started | undefined): Promise<void> {
  if (!s || s.child.exitCode !== null || s.child.pid === undefined) return;
  const group = s.child.pid;
  process.kill(-group, 'SIGTERM');
  await s.exited;
  for (let i = 0; i < 200; i += 1) {
    try {
      process.kill(-group, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`process group ${group} still running 20 s after SIGTERM`);
}
