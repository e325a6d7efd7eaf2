import { sql } from 'drizzle-orm';
import type { Database } from './database.js';
import { allTables } from './schema/tables.js';

/** Empties every certflow table in one statement (tests and local resets only). */
export async function truncateAll(handle: { readonly db: Database }): Promise<void> {
  await handle.db.execute(sql`truncate table ${sql.join([...allTables], sql`, `)}`);
}
