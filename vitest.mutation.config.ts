import { defineConfig } from 'vitest/config';

// The vitest config StrykerJS runs (docs/mutation-testing.md): ONLY the tests of the package
// Stryker is started in (its sandbox is the working directory), so a package's score never
// depends on another package's suites (the pilot flows exercise the engine too).
export default defineConfig({
  resolve: { conditions: ['certflow-source'] },
  ssr: { resolve: { conditions: ['certflow-source'] } },
  test: {
    root: process.cwd(),
    // MUTATION_TESTS (comma-separated globs, relative to the package) narrows a run to some of
    // them, e.g. one pilot flow's own tests (docs/mutation/flows.md).
    include: process.env.MUTATION_TESTS?.split(',') ?? ['src/**/*.test.ts'],
    exclude: [
      // It runs the calendar in child processes (tsx, another TZ): a mutant is switched on in the
      // test process only, so the child never sees it, and the sandbox has no tsx at that path.
      'src/timezone.test.ts',
      // Integration tests (PostgreSQL, slow; the pilot's): mutation runs use the store-free ones.
      '**/*.int.test.ts',
      '**/node_modules/**',
    ],
    // A test file that fails to load (a mutant throwing at import) must fail a test; see
    // stryker/load-failure-runner.ts.
    runner: new URL('./stryker/load-failure-runner.ts', import.meta.url).pathname,
    testTimeout: 30_000,
  },
});
