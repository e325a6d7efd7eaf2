import { defineConfig } from 'drizzle-kit';

// `pnpm --filter @certflow/db db:generate` diffs src/schema/tables.ts against drizzle/meta and writes the
// next migration. No database is needed to generate; migrations are applied at runtime (src/migrate.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/tables.ts',
  out: './drizzle',
  strict: true,
});
