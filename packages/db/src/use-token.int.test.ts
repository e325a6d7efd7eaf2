import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CommandWrite, Engine } from '@certflow/engine';
import { historyRecord, instanceRecord, later, writeOf } from '@certflow/engine/testing';
import { mailActionTokens } from './schema/mail-tables.js';
import { createTestPostgres, emptyTables, type TestPostgres } from './testing/index.js';
import { reviewCast, reviewEngine } from './testing/review-engine.js';
import { StatementLog } from './testing/statement-log.js';

// A mail action token is used by the write of the command it stands for (CommandWrite.useToken):
// the write applies only while the token is unused, not superseded and unexpired, and marks it
// used in the same statement — two uses of one token can never both apply.

let pg: TestPostgres;
beforeAll(async () => {
  pg = await createTestPostgres({ max: 4 });
});
beforeEach(() => emptyTables(pg));
afterAll(async () => {
  await pg?.drop();
});

type TokenRow = typeof mailActionTokens.$inferInsert;
const token = (tokenHash: string, over: Partial<TokenRow> = {}): TokenRow => ({
  tokenHash,
  purpose: 'action',
  kid: 'k1',
  taskId: 't-1',
  instanceId: 'i-1',
  approverId: 'u-lead',
  decision: 'APPROVE',
  outboxId: 'o-1',
  expiresAt: later(60),
  createdAt: later(0),
  ...over,
});
const tokenRow = async (tokenHash: string) => {
  const [row] = await pg.db
    .select({ usedAt: mailActionTokens.usedAt, outcome: mailActionTokens.outcome })
    .from(mailActionTokens)
    .where(eq(mailActionTokens.tokenHash, tokenHash));
  return row;
};
const at = later(10);
const command = (tokenHash: string): CommandWrite =>
  writeOf({
    instance: { row: instanceRecord({ version: 2, headHash: 'h2' }), expectedVersion: 1 },
    history: historyRecord(2),
    useToken: { tokenHash, at },
  });

describe('the useToken guard on PostgreSQL', () => {
  beforeEach(async () => {
    const row = instanceRecord();
    expect(
      await pg.store.write(
        writeOf({ instance: { row, expectedVersion: null }, history: historyRecord(1) }),
      ),
    ).toBe(true);
  });

  it("uses an unused token in the command's own write", async () => {
    await pg.db.insert(mailActionTokens).values(token('fresh'));
    expect(await pg.store.write(command('fresh'))).toBe(true);
    expect(await tokenRow('fresh')).toEqual({ usedAt: at, outcome: 'applied' });
    expect(await pg.store.read.getInstance('i-1')).toMatchObject({ version: 2 });
    // A second command with the same token loses, although its version would hold.
    const again = writeOf({
      instance: { row: instanceRecord({ version: 3 }), expectedVersion: 2 },
      history: historyRecord(3),
      useToken: { tokenHash: 'fresh', at: later(11) },
    });
    expect(await pg.store.write(again)).toBe(false);
    expect(await tokenRow('fresh')).toEqual({ usedAt: at, outcome: 'applied' });
    expect(await pg.store.read.getInstance('i-1')).toMatchObject({ version: 2 });
  });

  it.each([
    ['used', { usedAt: later(1), outcome: 'applied' }],
    ['superseded', { supersededAt: later(1), outcome: 'TOKEN_SUPERSEDED' }],
    ['expired', { expiresAt: later(5) }],
    ['expiring at that very instant', { expiresAt: at }],
  ] as const)('makes the write lose with a token %s, and writes nothing', async (_, over) => {
    await pg.db.insert(mailActionTokens).values(token('t', over));
    const before = await tokenRow('t');
    expect(await pg.store.write(command('t'))).toBe(false);
    expect(await tokenRow('t')).toEqual(before);
    expect(await pg.store.read.getInstance('i-1')).toMatchObject({ version: 1 });
    expect((await pg.store.read.history('i-1')).map((h) => h.seq)).toEqual([1]);
  });

  it('makes the write lose with a token that does not exist', async () => {
    expect(await pg.store.write(command('missing'))).toBe(false);
    expect(await pg.store.read.getInstance('i-1')).toMatchObject({ version: 1 });
  });

  it('lets only one of two racing writes with one token apply', async () => {
    await pg.db.insert(mailActionTokens).values(token('fresh'));
    const other = writeOf({
      instance: {
        row: instanceRecord({ id: 'i-2', version: 2 }),
        expectedVersion: 1,
      },
      history: historyRecord(2, { instanceId: 'i-2' }),
      useToken: { tokenHash: 'fresh', at: later(11) },
    });
    await pg.store.write(
      writeOf({
        instance: { row: instanceRecord({ id: 'i-2' }), expectedVersion: null },
        history: historyRecord(1, { instanceId: 'i-2' }),
      }),
    );
    const results = await Promise.all([pg.store.write(command('fresh')), pg.store.write(other)]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});

describe('a decision by mail token through the engine', () => {
  let engine: Engine;
  const hash = (s: string) => createHash('sha256').update(s).digest('hex');
  // The engine decides at the real time: these tokens expire an hour from now.
  const inAnHour = () => new Date(Date.now() + 3_600_000);
  beforeEach(async () => {
    engine = await reviewEngine(pg);
  });

  it('applies the decision and uses the token in one load and one write', async () => {
    const { id, tasks } = await engine.start(
      'review',
      { college: 'ee', title: 't' },
      reviewCast.owner,
    );
    await engine.send(id, { type: 'APPROVE', taskId: tasks[0]!.id }, reviewCast.lead); // warm up
    const { id: id2, tasks: tasks2 } = await engine.start(
      'review',
      { college: 'ee', title: 't' },
      reviewCast.owner,
    );
    const tokenHash2 = hash('token-2');
    await pg.db
      .insert(mailActionTokens)
      .values(token(tokenHash2, { instanceId: id2, taskId: tasks2[0]!.id, expiresAt: inAnHour() }));
    const log = new StatementLog(pg.sql);
    const kinds = await log.during(() =>
      engine.send(id2, { type: 'APPROVE', taskId: tasks2[0]!.id }, reviewCast.lead, {
        useToken: { tokenHash: tokenHash2 },
      }),
    );
    expect(kinds).toEqual(['load', 'write']);
    expect((await engine.get(id2)).state).toBe('second');
    expect(await tokenRow(tokenHash2)).toMatchObject({ outcome: 'applied' });
    expect((await tokenRow(tokenHash2))?.usedAt).toBeInstanceOf(Date);
  });

  it('refuses a decision with a used token and writes nothing', async () => {
    const { id, tasks } = await engine.start(
      'review',
      { college: 'ee', title: 't' },
      reviewCast.owner,
    );
    const tokenHash = hash('used');
    await pg.db.insert(mailActionTokens).values(
      token(tokenHash, {
        instanceId: id,
        taskId: tasks[0]!.id,
        usedAt: later(1),
        expiresAt: inAnHour(),
      }),
    );
    // The engine cannot tell a used token from a lost race: it tries again, then refuses.
    await expect(
      engine.send(id, { type: 'APPROVE' }, reviewCast.lead, { useToken: { tokenHash } }),
    ).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    expect((await engine.get(id)).version).toBe(1);
    expect((await engine.history(id)).map((h) => h.event)).toEqual(['START']);
  });
});
