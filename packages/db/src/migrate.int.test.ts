import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, migratePostgres } from './migrate.js';
import { openPostgres } from './postgres.js';
import { instanceRecord } from './fixtures.js';
import { createTestPostgres } from './testing.js';
import type { TestPostgres } from './testing.js';

const opened: TestPostgres[] = [];
async function fresh(migrate: boolean): Promise<TestPostgres> {
  const pg = await createTestPostgres({ max: 2, migrate });
  opened.push(pg);
  return pg;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((pg) => pg.drop()));
});

async function tablesIn(pg: TestPostgres, schema: string): Promise<string[]> {
  const rows = await pg.db
    .select({ name: sql<string>`table_name` })
    .from(sql`information_schema.tables`)
    .where(sql`table_schema = ${schema}`)
    .orderBy(sql`table_name`);
  return rows.map((r) => r.name);
}

const TABLES = [
  'directory_revision',
  'history',
  'idempotency_keys',
  'instances',
  'mail_action_tokens',
  'mail_inbound',
  'mail_messages',
  'outbox',
  'reference_data',
  'tasks',
  'timers',
  'users',
];

describe('migrations on PostgreSQL', () => {
  it('resolves the committed migrations folder from the source file', () => {
    expect(existsSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'))).toBe(true);
  });

  it('can run from several processes at once (advisory lock) and again (no-op)', async () => {
    const pg = await fresh(false);
    expect(await tablesIn(pg, 'public')).toEqual([]);
    await Promise.all([migratePostgres(pg.url), migratePostgres(pg.url), migratePostgres(pg.url)]);
    await migratePostgres(pg.url);
    expect(await tablesIn(pg, 'public')).toEqual(TABLES);
    const applied = await pg.db
      .select({ n: sql<number>`count(*)::int` })
      .from(sql`drizzle.__drizzle_migrations`);
    const journal = JSON.parse(
      readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'),
    ) as { entries: unknown[] };
    expect(applied).toEqual([{ n: journal.entries.length }]);
  });

  it('keeps the tables of a `schema` apart from the default ones', async () => {
    const pg = await fresh(true);
    const tenant = await openPostgres({ url: pg.url, schema: 'tenant_a', max: 2 });
    try {
      await tenant.store.transaction((tx) => tx.insertInstance(instanceRecord()));
      expect(await tablesIn(pg, 'tenant_a')).toEqual([...TABLES, '__drizzle_migrations'].sort());
      expect(await tenant.store.read.getInstance('i-1')).toBeDefined();
      expect(await pg.store.read.getInstance('i-1')).toBeUndefined();
      // The directory trigger stamps the tenant's own revision, whoever writes its users.
      const revision = async (schema: string) =>
        (await pg.sql.unsafe(`select revision::text as r from ${schema}.directory_revision`))[0]
          ?.r as string | undefined;
      const [tenantBefore, publicBefore] = [await revision('tenant_a'), await revision('public')];
      await pg.sql.unsafe(
        `insert into tenant_a.users (id, name, email, roles) values ('u', 'u', 'u@x', '{}')`,
      );
      expect(await revision('tenant_a')).not.toBe(tenantBefore);
      expect(await revision('public')).toBe(publicBefore);
    } finally {
      await tenant.close();
    }
  });
});

describe('test databases', () => {
  it('fail loudly (never skip) when PostgreSQL is unreachable', async () => {
    const saved = process.env['DATABASE_URL_ADMIN'];
    process.env['DATABASE_URL_ADMIN'] = 'postgres://postgres@127.0.0.1:1/test';
    try {
      await expect(createTestPostgres()).rejects.toThrow(/127\.0\.0\.1:1/);
    } finally {
      if (saved === undefined) delete process.env['DATABASE_URL_ADMIN'];
      else process.env['DATABASE_URL_ADMIN'] = saved;
    }
  });
});
