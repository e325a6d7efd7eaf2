import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CommandWrite } from '@certflow/engine';
import {
  auditRecord,
  historyRecord,
  idempotencyRecord,
  instanceRecord,
  later,
  timerRecord,
  writeOf,
} from '@certflow/engine/testing';
import { mailActionTokens } from './schema/mail-tables.js';
import { createTestPostgres, emptyTables, type TestPostgres } from './testing/index.js';
import { holdTransaction, someoneWaitsForALock } from './testing/locks.js';
import { StatementLog } from './testing/statement-log.js';

// Group commit (store/command-store.ts, sql/write-commands.ts): concurrent writes go out as one
// statement — one transaction, one commit — and each is still checked on its own. Batches here
// hold up to 64 writes (the default is 8 with several in flight), so that one statement carries
// every case.

let pg: TestPostgres;
let log: StatementLog;
beforeAll(async () => {
  pg = await createTestPostgres({ max: 6, store: { maxWriteBatch: 64 } });
  log = new StatementLog(pg.sql);
});
beforeEach(() => emptyTables(pg));
afterAll(async () => {
  log?.stop();
  await pg?.drop();
});

const start = (id: string): CommandWrite =>
  writeOf({
    instance: { row: instanceRecord({ id }), expectedVersion: null },
    history: historyRecord(1, { instanceId: id }),
  });
/** The next command on instance `id`, decided on version `from`. */
const bump = (id: string, from = 1, parts: Partial<CommandWrite> = {}): CommandWrite =>
  writeOf({
    instance: {
      row: instanceRecord({ id, version: from + 1, headHash: `h${from + 1}` }),
      expectedVersion: from,
    },
    history: historyRecord(from + 1, { instanceId: id }),
    ...parts,
  });
const ids = (n: number) => Array.from({ length: n }, (_, i) => `i-${i}`);

async function seed(...writes: CommandWrite[]): Promise<void> {
  expect(await Promise.all(writes.map((w) => pg.store.write(w)))).toEqual(writes.map(() => true));
}
async function versions(): Promise<Record<string, number>> {
  const rows = await pg.sql<{ id: string; version: number }[]>`
    select id, version from instances order by id`;
  return Object.fromEntries(rows.map((r) => [r.id, r.version]));
}

describe('group commit on PostgreSQL', () => {
  it('writes concurrent commands in one statement and answers each only once it committed', async () => {
    await seed(...ids(8).map(start));
    // Another transaction holds one of the eight rows: the batch's statement waits for it.
    const holder = await holdTransaction(
      pg.sql,
      (tx) => tx`select id from instances where id = 'i-3' for update`,
    );
    const before = { ...pg.store.stats.writes };
    const answered: boolean[] = [];
    log.start();
    const writes = ids(8).map((id, n) =>
      pg.store.write(bump(id)).then((ok) => {
        answered[n] = true;
        return ok;
      }),
    );
    try {
      await someoneWaitsForALock(pg.sql);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(answered).toEqual([]);
      // Nothing of the batch is visible, not even the rows nobody else holds.
      expect(Object.values(await versions())).toEqual(Array.from({ length: 8 }, () => 1));
    } finally {
      await holder.release();
    }
    expect(await Promise.all(writes)).toEqual(Array.from({ length: 8 }, () => true));
    log.stop();
    expect(log.kinds()).toEqual(['write']);
    expect(pg.store.stats.writes.batches - before.batches).toBe(1);
    expect(pg.store.stats.writes.items - before.items).toBe(8);
    expect(Object.values(await versions())).toEqual(Array.from({ length: 8 }, () => 2));
  });

  it('refuses only the writes whose own check fails, in one statement; the others land', async () => {
    const at = later(10);
    const token = (tokenHash: string, usedAt: Date | null) => ({
      tokenHash,
      purpose: 'action' as const,
      kid: 'k1',
      taskId: `t-${tokenHash}`,
      instanceId: 'i-x',
      approverId: 'u-lead',
      decision: 'APPROVE',
      outboxId: 'o-1',
      expiresAt: later(60),
      createdAt: later(0),
      usedAt,
    });
    const ref = (key: string, expectedVersion: number | null) => ({
      kind: 'r',
      key,
      value: { key, written: true },
      expectedVersion,
    });
    await seed(...ids(12).map(start));
    const moved = instanceRecord({ id: 'i-1', version: 2, headHash: 'other' });
    await seed(
      writeOf({
        instance: { row: moved, expectedVersion: 1 },
        history: historyRecord(2, { instanceId: 'i-1', hash: 'other' }),
      }),
      writeOf({ references: [ref('2', null), ref('3', null), ref('4', null)] }),
      writeOf({ newTimers: [timerRecord('x5'), timerRecord('x6')] }),
      writeOf({ idempotency: idempotencyRecord('k7', { scope: 's7' }) }),
      writeOf({ audit: auditRecord(1) }),
    );
    await seed(writeOf({ references: [ref('3', 1)], claimTimer: { id: 'x5', at: later(1) } }));
    await pg.db.insert(mailActionTokens).values([token('used', later(1)), token('fresh', null)]);
    const cases: [string, CommandWrite, boolean][] = [
      ['a plain command', bump('i-0'), true],
      ['a command on a moved instance', bump('i-1'), false],
      ['a reference row at its version', bump('i-2', 1, { references: [ref('2', 1)] }), true],
      ['a reference row moved on', bump('i-3', 1, { references: [ref('3', 1)] }), false],
      ['a reference row expected absent', bump('i-4', 1, { references: [ref('4', null)] }), false],
      ['a fired timer claimed', bump('i-5', 1, { claimTimer: { id: 'x5', at } }), false],
      ['a pending timer claimed', bump('i-6', 1, { claimTimer: { id: 'x6', at } }), true],
      [
        'a key taken',
        bump('i-7', 1, { idempotency: idempotencyRecord('k7', { scope: 's7' }) }),
        false,
      ],
      [
        'a key free',
        bump('i-8', 1, { idempotency: idempotencyRecord('k8', { scope: 's8' }) }),
        true,
      ],
      ['a used token', bump('i-9', 1, { useToken: { tokenHash: 'used', at } }), false],
      ['an unused token', bump('i-10', 1, { useToken: { tokenHash: 'fresh', at } }), true],
      ['an audit seq taken', bump('i-11', 1, { audit: auditRecord(1, { hash: 'x' }) }), false],
    ];
    let answers: boolean[] = [];
    const kinds = await log.during(async () => {
      answers = await Promise.all(cases.map(([, w]) => pg.store.write(w)));
    });
    expect(kinds).toEqual(['write']);
    expect(Object.fromEntries(cases.map(([name], n) => [name, answers[n]]))).toEqual(
      Object.fromEntries(cases.map(([name, , applied]) => [name, applied])),
    );
    expect(await versions()).toMatchObject({
      'i-0': 2,
      'i-2': 2,
      'i-3': 1,
      'i-4': 1,
      'i-5': 1,
      'i-6': 2,
      'i-7': 1,
      'i-8': 2,
      'i-9': 1,
      'i-10': 2,
      'i-11': 1,
    });
    expect(await pg.store.read.getInstance('i-1')).toMatchObject({ version: 2, headHash: 'other' });
    expect((await pg.store.read.history('i-3')).map((h) => h.seq)).toEqual([1]);
    expect(
      await pg.sql`select key, version from reference_data order by key`.then((r) => [...r]),
    ).toEqual([
      { key: '2', version: 2 },
      { key: '3', version: 2 },
      { key: '4', version: 1 },
    ]);
    expect(
      await pg.sql<{ id: string; status: string; fired_at: string }[]>`
        select id, status, fired_at from timers order by id`.then((r) =>
        r.map((t) => [t.id, t.status, new Date(t.fired_at).toISOString()]),
      ),
    ).toEqual([
      ['x5', 'fired', later(1).toISOString()],
      ['x6', 'fired', at.toISOString()],
    ]);
    expect(
      await pg.sql`select scope from idempotency_keys order by scope`.then((r) => [...r]),
    ).toEqual([{ scope: 's7' }, { scope: 's8' }]);
    expect(
      await pg.sql<{ token_hash: string; used_at: string; outcome: string | null }[]>`
        select token_hash, used_at, outcome from mail_action_tokens order by token_hash`.then((r) =>
        r.map((t) => [t.token_hash, new Date(t.used_at).toISOString(), t.outcome]),
      ),
    ).toEqual([
      ['fresh', at.toISOString(), 'applied'],
      ['used', later(1).toISOString(), null],
    ]);
    expect(await pg.store.read.auditTrail({ limit: 10, offset: 0 })).toEqual([auditRecord(1)]);
  });

  it('leaves out the write that lost a race inside the statement, and commits the others', async () => {
    await seed(...ids(4).map(start));
    // Another command moves i-2 on and has not committed: the batch's lock waits for it, then
    // finds the row at a version its write was not decided on.
    const holder = await holdTransaction(
      pg.sql,
      (tx) => tx`update instances set version = 2, head_hash = 'theirs' where id = 'i-2'`,
    );
    let answers: Promise<boolean[]> | undefined;
    const kinds = await log.during(async () => {
      answers = Promise.all(ids(4).map((id) => pg.store.write(bump(id))));
      try {
        await someoneWaitsForALock(pg.sql);
      } finally {
        await holder.release();
      }
      await answers;
    });
    expect(await answers).toEqual([true, true, false, true]);
    expect(kinds).toEqual(['write']);
    expect(await pg.store.read.getInstance('i-2')).toMatchObject({
      version: 2,
      headHash: 'theirs',
    });
    expect((await pg.store.read.history('i-2')).map((h) => h.seq)).toEqual([1]);
    expect((await pg.store.read.history('i-3')).map((h) => h.seq)).toEqual([1, 2]);
  });

  it('writes a batch one by one when its statement fails as a whole: a unique violation', async () => {
    await seed(...ids(4).map(start));
    // i-1 exists: inserting it again violates the primary key, which fails the whole statement.
    const batch = [bump('i-0'), start('i-1'), bump('i-2'), bump('i-3')];
    let answers: boolean[] = [];
    const kinds = await log.during(async () => {
      answers = await Promise.all(batch.map((w) => pg.store.write(w)));
    });
    expect(answers).toEqual([true, false, true, true]);
    // The batch, then each write on its own.
    expect(kinds).toEqual(['write', 'write', 'write', 'write', 'write']);
    expect(await versions()).toEqual({ 'i-0': 2, 'i-1': 1, 'i-2': 2, 'i-3': 2 });
  });

  it('falls back the same way when a concurrent writer takes an idempotency key first', async () => {
    await seed(...ids(3).map(start));
    const key = idempotencyRecord('k-1', { scope: 'u|i-0' });
    // The key is free when the statement checks it, taken when it inserts it: another
    // transaction inserted it and commits while the batch waits on the key's index entry.
    const holder = await holdTransaction(
      pg.sql,
      (tx) => tx`insert into idempotency_keys (scope, key, actor_id, fingerprint, instance_id,
        result, created_at) values ('u|i-0', 'k-1', 'u', 'theirs', 'i-0', '{}', now())`,
    );
    let answers: Promise<boolean[]> | undefined;
    try {
      answers = Promise.all([
        pg.store.write(bump('i-0', 1, { idempotency: key })),
        pg.store.write(bump('i-1')),
        pg.store.write(bump('i-2')),
      ]);
      await someoneWaitsForALock(pg.sql);
    } finally {
      await holder.release();
    }
    expect(await answers).toEqual([false, true, true]);
    expect(await versions()).toEqual({ 'i-0': 1, 'i-1': 2, 'i-2': 2 });
    const [row] = await pg.sql`select fingerprint from idempotency_keys`;
    expect(row).toEqual({ fingerprint: 'theirs' });
  });
});
