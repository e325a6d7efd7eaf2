// The StrykerJS options every package shares (docs/mutation-testing.md). Each package's
// stryker.config.mjs adds what to mutate; `pnpm test:mutation` runs them one after the other.
import { fileURLToPath } from 'node:url';

/** @param {{ mutate: string[] }} pkg */
export function strykerConfig({ mutate }) {
  return {
    testRunner: 'vitest',
    plugins: ['@stryker-mutator/vitest-runner'],
    vitest: {
      configFile: fileURLToPath(new URL('../vitest.mutation.config.ts', import.meta.url)),
      related: false,
    },
    mutate,
    coverageAnalysis: 'perTest',
    // Two cores here, shared: one test process.
    concurrency: 1,
    incremental: true,
    incrementalFile: 'reports/stryker-incremental.json',
    reporters: ['clear-text', 'progress', 'html', 'json'],
    htmlReporter: { fileName: 'reports/mutation/index.html' },
    jsonReporter: { fileName: 'reports/mutation/mutation.json' },
    thresholds: { high: 90, low: 85, break: 85 },
    tempDirName: '.stryker-tmp',
    cleanTempDir: 'always',
    timeoutMS: 3_000,
  };
}
