import { defineConfig } from 'vitest/config';

// The vitest config StrykerJS runs (docs/mutation-testing.md): ONLY the tests of the package
// Stryker is started in (its sandbox is the working directory), so a package's score never
// depends on another package's suites (the pilot flows exercise the engine too).
export default defineConfig({
  resolve: { conditions: ['certflow-source'] },
  ssr: { resolve: { conditions: ['certflow-source'] } },
  test: {
    root: process.cwd(),
    include: ['src/**/*.test.ts'],
    // It runs the calendar in child processes (tsx, another TZ): a mutant is switched on in the
    // test process only, so the child never sees it, and the sandbox has no tsx at that path.
    exclude: ['src/timezone.test.ts'],
    // A test file that fails to load (a mutant throwing at import) must fail a test; see
    // stryker/load-failure-runner.ts.
    runner: new URL('./stryker/load-failure-runner.ts', import.meta.url).pathname,
    testTimeout: 30_000,
  },
});
