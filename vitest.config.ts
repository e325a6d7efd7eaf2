import { existsSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

// One vitest project per workspace package, named after its folder (`engine`, `db`, `server`…).
// `pnpm test` runs them all in one process so CI gets a single summary.
const dirs = ['packages', 'apps']
  .flatMap((root) => readdirSync(here(root)).map((name) => `${root}/${name}`))
  .filter((dir) => existsSync(here(`${dir}/package.json`)) && existsSync(here(`${dir}/src`)));

// Test files that build or copy the apps' dist/ (`pnpm start` runs turbo's build; the image and
// pack tests build, deploy and pack them): two of them at once would rewrite files another is
// copying, so they run after everything else, one at a time — the console's e2e files all start
// the server with `pnpm start`.
const BUILDS = [
  'test/start.int.test.ts',
  'test/faketime-start.int.test.ts',
  'test/compose-e2e.int.test.ts',
  'test/client-pack.int.test.ts',
];
const include = (dir: string) => [
  'src/**/*.test.ts',
  'test/**/*.test.ts',
  // apps/console adds component tests (*.test.tsx, happy-dom per file) beside its e2e tests.
  ...(dir === 'apps/console' ? ['src/**/*.test.tsx'] : []),
];
const alone = { sequence: { groupOrder: 1 }, maxWorkers: 1 };

export default defineConfig({
  // Workspace packages export their built `dist/` to Node, their sources under the
  // `certflow-source` condition (tsconfig.base.json `customConditions`): tests run the sources,
  // nothing to build. Not plain `source`: third-party packages (scroll-into-view-if-needed, under
  // antd) publish TypeScript under that name, which Node cannot load.
  resolve: { conditions: ['certflow-source'] },
  ssr: { resolve: { conditions: ['certflow-source'] } },
  test: {
    projects: dirs.flatMap((dir) => {
      const name = dir.split('/')[1] ?? dir;
      const project = { name, root: here(dir), include: include(dir) };
      if (dir === 'apps/console') return [{ extends: true, test: { ...project, ...alone } }];
      if (dir !== 'apps/server') return [{ extends: true, test: project }];
      return [
        { extends: true, test: { ...project, exclude: BUILDS } },
        { extends: true, test: { ...project, name: `${name}-build`, include: BUILDS, ...alone } },
      ];
    }),
    // CI also writes a JSON report; .ci/run prints `N passed, N failed` from it.
    reporters: process.env.CI ? ['default', 'json', './vitest.flaky-reporter.ts'] : ['default'],
    outputFile: { json: 'test-results.json' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration tests share the local PostgreSQL/Redis; files isolate themselves by database/prefix.
    pool: 'forks',
    // Two test files at once at least (vitest's default is one fewer than the cores: one at a
    // time on CI's 2 cores): integration files spend most of their time waiting on PostgreSQL,
    // Redis and child processes. BUILDS and the console run apart, after the others.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // CI runs the whole suite on a shared 2-core machine, where a timing-sensitive test can lose a
    // race once: it runs again (once). vitest.flaky-reporter.ts names every test that needed it and
    // .ci/run prints them, so a flaky test is seen and fixed, not hidden. Locally a failure fails.
    retry: process.env.CI ? 1 : 0,
  },
});
