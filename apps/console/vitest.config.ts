import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The console's tests on their own: `npx vitest run --config apps/console/vitest.config.ts`.
 *
 * The root config resolves every package with the `source` condition (workspace packages run
 * from their sources). Some of antd's dependencies publish a `source` export too
 * (scroll-into-view-if-needed → `src/index.ts`), which Node cannot `require` when it loads
 * antd's CommonJS build: the component tests fail to load. Here only the workspace packages
 * are mapped to their sources; everything else resolves as published.
 */
const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  // The workspace packages from their sources (`@certflow/x` → packages/x/src/index.ts,
  // `@certflow/x/testing` → packages/x/src/testing/index.ts), everything else as published.
  resolve: {
    alias: [
      {
        find: /^@certflow\/([\w-]+)\/testing$/,
        replacement: `${here('../../packages')}/$1/src/testing/index.ts`,
      },
      { find: /^@certflow\/([\w-]+)$/, replacement: `${here('../../packages')}/$1/src/index.ts` },
    ],
  },
  test: {
    name: 'console',
    root: here('.'),
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Workspace packages are inlined (transformed from their sources), as the root config does.
    server: { deps: { inline: [/packages\/[\w-]+\/src\//] } },
  },
});
