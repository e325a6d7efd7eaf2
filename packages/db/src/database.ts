import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/**
 * A drizzle PostgreSQL database (or transaction) on postgres.js, the store's one driver. Built
 * without a relational schema: the store uses the query builder only.
 */
export type Database = PgDatabase<PgQueryResultHKT, Record<string, never>>;
