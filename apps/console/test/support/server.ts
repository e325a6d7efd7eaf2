import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export interface Server {
  readonly url: string;
  readonly dataDir: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * The console built as `pnpm start` builds it (apps/console `build:ensure`), then the real
 * `pnpm start` from the repository root on a free port and a fresh data dir (demo school).
 */
export async function startServer(): Promise<Server> {
  const build = spawnSync('pnpm', ['--filter', '@certflow/console', 'build:ensure'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0)
    throw new Error(`console build failed:\n${build.stdout}\n${build.stderr}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'certflow-console-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    CERTFLOW_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  };
  for (const key of ['CERTFLOW_JWT_SECRET', 'DATABASE_URL', 'REDIS_URL', 'CERTFLOW_DEMO'])
    delete env[key];
  const child: ChildProcess = spawn('pnpm', ['start'], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const check = setInterval(() => {
      const match = /certflow listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) {
        clearInterval(check);
        resolve(match[1]);
      }
    }, 100);
    void exited.then(() => {
      clearInterval(check);
      reject(new Error(`pnpm start exited before listening:\n${out}`));
    });
  });
  return {
    url,
    dataDir,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null && child.pid !== undefined) {
        process.kill(-child.pid, 'SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
