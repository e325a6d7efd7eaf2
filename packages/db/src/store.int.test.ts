import { eq, getTableColumns, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import type { TaskRecord, TimerRecord } from '@certflow/engine';
import { describeCommandStoreContract, MemoryStore, writeOf } from '@certflow/engine/testing';
import type { Database } from './database.js';
import { instances, referenceData, tasks, timers } from './schema/tables.js';
import { describeDirectoryContract } from './testing/directory-contract.js';
import { describeDispatchContract } from './testing/dispatch-contract.js';
import { instanceRecord, idempotencyRecord } from './testing/fixtures.js';
import { createTestPostgres, emptyTables, type TestPostgres } from './testing/index.js';

// The ports' contracts on PostgreSQL: one database per contract, emptied before each case.

/** The timer columns a `TimerRecord` has (the table also keeps the poller's lease). */
const { leaseUntil: _lease, ...timerColumns } = getTableColumns(timers);

/** Rows as stored, read with drizzle's own mapping (not the store's). */
function peekOf(db: Database) {
  return {
    task: async (id: string): Promise<TaskRecord | undefined> =>
      (await db.select().from(tasks).where(eq(tasks.id, id)))[0],
    timer: async (id: string): Promise<TimerRecord | undefined> =>
      (await db.select(timerColumns).from(timers).where(eq(timers.id, id)))[0],
  };
}

describeCommandStoreContract('PostgreSQL', async () => {
  const pg = await createTestPostgres({ max: 4 });
  return {
    store: pg.store,
    dispatch: pg.dispatch,
    peek: peekOf(pg.db),
    reset: () => emptyTables(pg),
    close: () => pg.drop(),
  };
});

describeDispatchContract('PostgreSQL', async () => {
  const pg = await createTestPostgres({ max: 2 });
  return { store: pg.store, dispatch: pg.dispatch, reset: () => emptyTables(pg), close: pg.drop };
});

describeDispatchContract('MemoryStore', async () => {
  let store = new MemoryStore();
  return {
    get store() {
      return store;
    },
    get dispatch() {
      return store.dispatch;
    },
    reset: async () => {
      store = new MemoryStore();
    },
    close: async () => {},
  };
});

describeDirectoryContract('PostgreSQL', async () => {
  const pg = await createTestPostgres({ max: 2 });
  return { directory: pg.directory, reset: () => emptyTables(pg), close: () => pg.drop() };
});

describe('rows on PostgreSQL, as the store writes them', () => {
  let pg: TestPostgres | undefined;
  const open = async (): Promise<TestPostgres> => (pg ??= await createTestPostgres({ max: 2 }));
  afterAll(async () => {
    await pg?.drop();
  });

  it('stores jsonb as objects and numbers, never as JSON strings', async () => {
    const db = await open();
    const row = instanceRecord();
    expect(
      await db.store.write(
        writeOf({
          instance: { row, expectedVersion: null },
          references: [{ kind: 'quota', key: 'q', value: { n: 1 }, expectedVersion: null }],
          idempotency: idempotencyRecord('k-1'),
        }),
      ),
    ).toBe(true);
    const [kinds] = await db.db
      .select({
        snap: sql<string>`jsonb_typeof(${instances.snapshot})`,
        actors: sql<string>`jsonb_typeof(${instances.stepActors})`,
        refKeys: sql<string>`jsonb_typeof(${instances.refKeys})`,
        str: sql<string>`jsonb_typeof(${instances.snapshot} -> 'numericString')`,
        big: sql<string>`(${instances.snapshot} ->> 'big')`,
      })
      .from(instances);
    expect(kinds).toEqual({
      snap: 'object',
      actors: 'object',
      refKeys: 'array',
      str: 'string',
      big: '9007199254740991',
    });
    const [ref] = await db.db
      .select({ t: sql<string>`jsonb_typeof(${referenceData.value})`, v: referenceData.version })
      .from(referenceData);
    expect(ref).toEqual({ t: 'object', v: 1 });
    const [key] = await db.sql<{ t: string }[]>`select jsonb_typeof(result) as t
      from idempotency_keys`;
    expect(key).toEqual({ t: 'object' });
  });
});
