import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgresDb } from 'drizzle-orm/postgres-js/migrator';
import { connect } from './connection.js';
import { guarded } from './errors.js';

/** The committed drizzle-kit migrations, resolved from this file (works from any cwd). */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../drizzle', import.meta.url));

/** Session-level advisory lock key, computed by the server from a fixed name. */
const LOCK = sql`hashtext('certflow.migrations')`;

export interface MigrateOptions {
  /** PostgreSQL schema to create the tables in (and to record applied migrations in). */
  readonly schema?: string | undefined;
}

/**
 * Applies pending migrations on PostgreSQL. drizzle's migrator is not safe to run concurrently
 * (drizzle-orm#874), so it runs on one dedicated connection holding `pg_advisory_lock`: a second
 * process waits, then finds nothing left to do.
 */
export async function migratePostgres(url: string, options: MigrateOptions = {}): Promise<void> {
  const client = connect(url, {
    max: 1,
    onnotice: () => {},
    ...(options.schema === undefined ? {} : { connection: { search_path: options.schema } }),
  });
  try {
    await guarded(async () => {
      const db = drizzlePostgres(client);
      await db.execute(sql`select pg_advisory_lock(${LOCK})`);
      try {
        await migratePostgresDb(db, {
          migrationsFolder: MIGRATIONS_FOLDER,
          ...(options.schema === undefined ? {} : { migrationsSchema: options.schema }),
        });
      } finally {
        await db.execute(sql`select pg_advisory_unlock(${LOCK})`);
      }
    });
  } finally {
    await client.end();
  }
}
