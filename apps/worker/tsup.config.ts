import { defineConfig } from 'tsup';

/**
 * `pnpm --filter @certflow/worker build` → dist/main.js for the container image. The workspace
 * packages export TypeScript sources, so they are bundled in; third-party packages stay
 * external (installed by `pnpm deploy`). `@certflow/db` finds its migrations at `../drizzle`
 * from the bundle: the Dockerfile copies packages/db/drizzle there.
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
  external: [/^(?!@certflow\/)[^./]/],
});
