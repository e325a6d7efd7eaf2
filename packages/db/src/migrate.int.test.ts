import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson, sha256 } from '@certflow/engine';
import { historyRecord, instanceRecord, writeOf } from '@certflow/engine/testing';
import { connect } from './connection.js';
import { MIGRATIONS_FOLDER, migratePostgres } from './migrate.js';
import { openPostgres } from './postgres.js';
import { createTestPostgres, type TestPostgres } from './testing/index.js';
import { reviewCast, reviewEngine } from './testing/review-engine.js';

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
  'admin_audit',
  'attachments',
  'change_feed',
  'copies',
  'directory_revision',
  'done_items',
  'drafts',
  'history',
  'idempotency_keys',
  'instances',
  'mail_action_tokens',
  'mail_inbound',
  'mail_messages',
  'outbox',
  'phrases',
  'reference_data',
  'tasks',
  'timers',
  'users',
  'webhook_deliveries',
  'webhook_subscriptions',
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
      const start = writeOf({
        instance: { row: instanceRecord(), expectedVersion: null },
        history: historyRecord(1),
      });
      expect(await tenant.store.write(start)).toBe(true);
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

/** Apply the committed migrations up to and including `lastTag` only (a database from before). */
async function migrateUpTo(url: string, lastTag: string): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), 'certflow-migrations-'));
  try {
    const journal = JSON.parse(
      await readFile(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'),
    ) as { entries: { idx: number; tag: string }[] };
    const last = journal.entries.findIndex((e) => e.tag === lastTag);
    expect(last).toBeGreaterThanOrEqual(0);
    const entries = journal.entries.slice(0, last + 1);
    await mkdir(join(folder, 'meta'));
    await writeFile(join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
    for (const e of entries) {
      await copyFile(join(MIGRATIONS_FOLDER, `${e.tag}.sql`), join(folder, `${e.tag}.sql`));
    }
    const client = connect(url, { max: 1, onnotice: () => {} });
    try {
      await migrate(drizzle(client), { migrationsFolder: folder });
    } finally {
      await client.end();
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

describe('upgrading a database to core v2 (migration 0006)', () => {
  const send = { op: 'send', instanceId: 'i-old', event: { type: 'APPROVE' }, actor: 'u-lead' };
  const start = {
    op: 'start',
    flowId: 'review',
    input: { college: 'ee', title: 't' },
    actor: 'u-owner',
  };

  /** A database at 0005 with two idempotency keys of the old, global kind; then upgraded. */
  async function upgraded(): Promise<TestPostgres> {
    const pg = await fresh(false);
    await migrateUpTo(pg.url, '0005_wave2_basis');
    await pg.sql`insert into idempotency_keys
      (key, actor_id, fingerprint, instance_id, result, created_at) values
      ('k-send', 'u-lead', ${sha256(canonicalJson(send))}, 'i-old',
        ${JSON.stringify({ id: 'i-old', version: 2, replayed: true })}::jsonb, now()),
      ('k-start', 'u-owner', ${sha256(canonicalJson(start))}, 'i-new',
        ${JSON.stringify({ id: 'i-new', flow: 'review', version: 1, replayed: true })}::jsonb,
        now())`;
    await migratePostgres(pg.url);
    return pg;
  }

  it('moves the old keys into the scope of who used them and what about', async () => {
    const pg = await upgraded();
    const rows = await pg.sql`select scope, key, actor_id from idempotency_keys order by key`;
    expect(rows[0]).toEqual({ scope: 'u-lead|i-old', key: 'k-send', actor_id: 'u-lead' });
    // (Where the start's key belongs is the case below.)
    expect(rows[1]).toMatchObject({ key: 'k-start', scope: expect.stringMatching(/^u-owner\|/) });
    // Keys are the caller's own now: another caller may use the same key.
    await pg.sql`insert into idempotency_keys
      (scope, key, actor_id, fingerprint, instance_id, result, created_at)
      values ('u-other|i-old', 'k-send', 'u-other', 'f', 'i-old', '{}', now())`;
  });

  it('answers a send retried with its old key from the key, writing nothing', async () => {
    const pg = await upgraded();
    const engine = await reviewEngine(pg);
    const view = await engine.send('i-old', { type: 'APPROVE' }, reviewCast.lead, {
      idempotencyKey: 'k-send',
    });
    expect(view).toEqual({ id: 'i-old', version: 2, replayed: true });
  });

  // A start's key lives in the scope `<actor>|start:<flow>` (core/decide.ts idempotencyKeyOf).
  it('answers a start retried with its old key from the key, starting nothing', async () => {
    const pg = await upgraded();
    const engine = await reviewEngine(pg);
    const view = await engine.start('review', { college: 'ee', title: 't' }, reviewCast.owner, {
      idempotencyKey: 'k-start',
    });
    expect(view).toEqual({ id: 'i-new', flow: 'review', version: 1, replayed: true });
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
