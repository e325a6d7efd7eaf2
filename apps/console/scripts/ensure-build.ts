/**
 * Builds the console unless `dist/` already holds a build of exactly these sources: what
 * `pnpm start` runs first, so a fresh clone serves the console and a second start costs
 * nothing. Concurrent callers (two test files starting servers) wait for one build.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const APP = fileURLToPath(new URL('..', import.meta.url));
const ROOT = join(APP, '../..');
const INPUTS = [
  join(APP, 'src'),
  join(APP, 'public'),
  join(APP, 'index.html'),
  join(APP, 'vite.config.ts'),
  join(APP, 'package.json'),
  join(ROOT, 'packages/client/src'),
  join(ROOT, 'pnpm-lock.yaml'),
];
const STAMP = join(APP, 'dist', '.build-stamp');
const LOCK = join(APP, '.build-lock');
const STALE_LOCK_MS = 5 * 60_000;

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => files(join(path, name)))
    .filter((f) => !/\.test\.tsx?$/.test(f));
}

/** One hash over the names and bytes of every input. */
export function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap(files)) {
    hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

const fresh = (hash: string): boolean =>
  existsSync(STAMP) && readFileSync(STAMP, 'utf8').trim() === hash;

async function withLock<T>(run: () => T): Promise<T> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      const age = existsSync(LOCK) ? Date.now() - statSync(LOCK).mtimeMs : 0;
      if (age > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    return run();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const hash = sourceHash();
  if (fresh(hash)) return;
  await withLock(() => {
    if (fresh(hash)) return;
    process.stdout.write('building the console (apps/console) …\n');
    const run = spawnSync('pnpm', ['exec', 'vite', 'build', '--logLevel', 'warn'], {
      cwd: APP,
      stdio: 'inherit',
    });
    if (run.status !== 0) throw new Error(`vite build failed (exit ${run.status ?? 'signal'})`);
    writeFileSync(STAMP, `${hash}\n`);
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `console build failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
