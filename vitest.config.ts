import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

// One vitest project per workspace package, named after its folder (`engine`, `db`, `server`…).
// `pnpm test` runs them all in one process so CI gets a single summary.
const dirs = ['packages', 'apps']
  .flatMap((root) => readdirSync(here(root)).map((name) => `${root}/${name}`))
  .filter((dir) => existsSync(here(`${dir}/package.json`)) && existsSync(here(`${dir}/src`)));

export default defineConfig({
  // Workspace packages export their built `dist/` to Node, their sources under the
  // `certflow-source` condition (tsconfig.base.json `customConditions`): tests run the sources,
  // nothing to build. Not plain `source`: third-party packages (scroll-into-view-if-needed, under
  // antd) publish TypeScript under that name, which Node cannot load.
  resolve: { conditions: ['certflow-source'] },
  ssr: { resolve: { conditions: ['certflow-source'] } },
  test: {
    projects: dirs.map((dir) => ({
      extends: true,
      test: {
        name: dir.split('/')[1] ?? dir,
        root: here(dir),
        // apps/console adds component tests (*.test.tsx, happy-dom per file) beside its e2e tests.
        include: [
          'src/**/*.test.ts',
          'test/**/*.test.ts',
          ...(dir === 'apps/console' ? ['src/**/*.test.tsx'] : []),
        ],
      },
    })),
    // CI also writes a JSON report; .ci/run prints `N passed, N failed` from it.
    reporters: process.env.CI ? ['default', 'json', './vitest.flaky-reporter.ts'] : ['default'],
    outputFile: { json: 'test-results.json' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration tests share the local PostgreSQL/Redis; files isolate themselves by database/prefix.
    pool: 'forks',
    // CI runs the whole suite on a shared 2-core machine, where a timing-sensitive test can lose a
    // race once: it runs again (once). vitest.flaky-reporter.ts names every test that needed it and
    // .ci/run prints them, so a flaky test is seen and fixed, not hidden. Locally a failure fails.
    retry: process.env.CI ? 1 : 0,
  },
});
