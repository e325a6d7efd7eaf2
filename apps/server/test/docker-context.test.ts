import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// A CommonJS module whose types declare an ES default export: loaded as what it is.
const dockerignore = createRequire(import.meta.url)('@balena/dockerignore') as (options?: {
  ignorecase?: boolean;
}) => { add(rules: string): { ignores(path: string): boolean } };

const ROOT = fileURLToPath(new URL('../../../', import.meta.url)).replace(/\/$/u, '');

/** The rules Docker applies to a build whose context is the repository root. */
const rules = () =>
  dockerignore({ ignorecase: false }).add(readFileSync(join(ROOT, '.dockerignore'), 'utf8'));

/**
 * The files `docker build` would send as the context, computed from the ignore rules with
 * `@balena/dockerignore` (a port of Docker's own matcher). Ignored directories are not entered,
 * as Docker does when no `!` exception reaches into them.
 */
function context(): string[] {
  const ig = rules();
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = relative(ROOT, join(dir, entry.name));
      if (ig.ignores(path)) continue;
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else out.push(path);
    }
  };
  walk(ROOT);
  return out.sort();
}

describe('the Docker build context', () => {
  it('is the repository root for both images, so the root .dockerignore is the one applied', () => {
    const run = spawnSync('docker-compose', ['-f', join(ROOT, 'docker/compose.yml'), 'config'], {
      cwd: ROOT,
      env: {
        ...process.env,
        CERTFLOW_JWT_SECRET: 'x'.repeat(40),
        CERTFLOW_MAIL_SECRET: 'y'.repeat(40),
      },
      encoding: 'utf8',
    });
    if (run.error)
      throw new Error(
        `docker-compose is required (apt-get install -y docker-compose): ${run.error.message}`,
      );
    const contexts = [...run.stdout.matchAll(/^\s+context: (.+)$/gmu)].map((m) => m[1]?.trim());
    expect(contexts).toEqual([ROOT, ROOT]);
    expect(existsSync(join(ROOT, '.dockerignore'))).toBe(true);
    // An ignore file beside the compose file is never read for a context at the root.
    expect(existsSync(join(ROOT, 'docker/.dockerignore'))).toBe(false);
  });

  it('keeps secrets, data, dependencies and history out, whatever lies on disk', () => {
    const ig = rules();
    const kept = [
      '.certflow/jwt-secret',
      '.certflow/mail-secret',
      '.certflow/demo-tokens.env',
      '.certflow/postgres/pgdata/base/1/1259',
      'apps/server/.certflow/jwt-secret',
      'node_modules/.pnpm/lock.yaml',
      'apps/server/node_modules/hono/package.json',
      '.git/HEAD',
      '.git',
      'packages/db/.git',
      'apps/server/dist/main.js',
      '.env',
      'docker/.env.production',
      'test-results.json',
      '.certflow/mail/0001.eml',
      'server.log',
    ].filter((p) => !ig.ignores(p));
    expect(kept).toEqual([]);
    const needed = [
      'package.json',
      'pnpm-lock.yaml',
      'pnpm-workspace.yaml',
      'tsconfig.base.json',
      'apps/server/src/main.ts',
      'apps/worker/src/main.ts',
      'packages/db/drizzle/0000_init.sql',
      'packages/pilot/src/flows/report/flow.ts',
      'patches/postgres@3.4.9.patch',
      'docker/server.Dockerfile',
    ].filter((p) => ig.ignores(p));
    expect(needed).toEqual([]);
  });

  it('sends what the Dockerfiles build from, and nothing under the excluded folders', () => {
    const files = context();
    const excluded = files.filter((f) =>
      /(^|\/)(\.git|node_modules|\.certflow|dist|\.turbo)(\/|$)/u.test(f),
    );
    expect(excluded).toEqual([]);
    for (const f of [
      'package.json',
      'pnpm-lock.yaml',
      'pnpm-workspace.yaml',
      'docker/server.Dockerfile',
      'docker/worker.Dockerfile',
    ]) {
      expect(files).toContain(f);
    }
    expect(files.some((f) => f.startsWith('packages/db/drizzle/'))).toBe(true);
    expect(files.some((f) => f.startsWith('apps/worker/src/'))).toBe(true);
    // The repository's tracked files are all there (the images build from a checkout).
    const tracked = spawnSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' })
      .stdout.trim()
      .split('\n');
    expect(tracked.filter((f) => existsSync(join(ROOT, f)) && !files.includes(f))).toEqual([]);
    const bytes = files.reduce((sum, f) => sum + statSync(join(ROOT, f)).size, 0);
    expect(bytes).toBeLessThan(20 * 1024 * 1024);
  });
});
