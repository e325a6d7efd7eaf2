import { getTableName } from 'drizzle-orm';
import type { Sql } from 'postgres';
import { allTables } from '../schema/tables.js';

const DELETE_ALL = allTables.map((t) => `delete from "${getTableName(t)}"`).join('; ');

/**
 * Empties every certflow table between the cases of a suite: `delete` in one round trip, not
 * `TRUNCATE` (truncateAll), which rewrites each table's files and takes the better part of a
 * second per call on a small machine — for tables that hold a handful of rows here.
 */
export async function emptyTables(handle: { readonly sql: Sql }): Promise<void> {
  await handle.sql.unsafe(DELETE_ALL);
}
