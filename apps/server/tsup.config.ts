import { defineConfig } from 'tsup';

/**
 * `pnpm --filter @certflow/server build` → dist/main.js for the container image. The workspace
 * packages export TypeScript sources, so they are bundled in; third-party packages stay external
 * (the image installs them with `pnpm deploy`). `@certflow/db` finds its migrations at
 * `../drizzle` from the bundle: the Dockerfile copies packages/db/drizzle there.
 */
export default defineConfig({
  entry: { main: 'src/main.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  outDir: 'dist',
  clean: true,
  sourcemap: true,
  splitting: false,
  noExternal: [/^@certflow\//],
  // Every other bare import (node:*, xstate, postgres, @electric-sql/pglite …) is loaded at run time.
  external: [/^(?!@certflow\/)[^./]/],
});
