import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/**
 * A drizzle PostgreSQL database (or transaction) on any driver: postgres.js and PGlite both
 * produce one. Built without a relational schema: the store uses the query builder only.
 */
export type Database = PgDatabase<PgQueryResultHKT, Record<string, never>>;
