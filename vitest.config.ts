import { readdirSync, existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// One vitest project per workspace package, named after its folder (`engine`, `db`, `server`…).
// `pnpm test` runs them all in one process so CI gets a single summary.
const dirs = ['packages', 'apps']
  .flatMap((root) => readdirSync(root).map((name) => `${root}/${name}`))
  .filter((dir) => existsSync(`${dir}/package.json`) && existsSync(`${dir}/src`));

export default defineConfig({
  test: {
    projects: dirs.map((dir) => ({
      extends: true,
      test: {
        name: dir.split('/')[1] ?? dir,
        root: dir,
        include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      },
    })),
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration tests share the local PostgreSQL/Redis; files isolate themselves by database/prefix.
    pool: 'forks',
  },
});
