import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '@certflow/engine';
import { createTestPostgres, type TestPostgres } from './testing/index.js';
import { reviewCast, reviewEngine } from './testing/review-engine.js';
import { StatementLog } from './testing/statement-log.js';

// Statement counts, not timings: what a command costs on a real server. Every command is one
// load statement and one write statement (a write commits itself); the directory is read only
// when its revision moved.

describe('statements per command (postgres.js debug hook)', () => {
  let pg: TestPostgres;
  let engine: Engine;
  let log: StatementLog;

  beforeAll(async () => {
    pg = await createTestPostgres({ max: 2 });
    engine = await reviewEngine(pg);
    log = new StatementLog(pg.sql);
  });
  afterAll(async () => {
    log?.stop();
    await pg?.drop();
  });

  const start = () => engine.start('review', { college: 'ee', title: 't' }, reviewCast.owner);
  const remindOf = async (id: string) => {
    const remind = (await pg.store.read.pendingTimers(id)).find((t) => t.kind === 'remind');
    if (!remind) throw new Error('no reminder');
    return remind.id;
  };

  /** Every kind of command once, each with the statements it sent. */
  async function cycle(): Promise<Record<string, string[]>> {
    const seen: Record<string, string[]> = {};
    let id = '';
    seen.start = await log.during(async () => {
      id = (await start()).id;
    });
    const remind = await remindOf(id);
    seen.fire = await log.during(() => engine.fireTimer(remind));
    seen.send = await log.during(() => engine.send(id, { type: 'APPROVE' }, reviewCast.lead));
    seen.keyed = await log.during(() =>
      engine.send(id, { type: 'COMMENT', comment: '好' }, reviewCast.office, {
        idempotencyKey: `k-${id}`,
      }),
    );
    seen.replay = await log.during(() =>
      engine.send(id, { type: 'COMMENT', comment: '好' }, reviewCast.office, {
        idempotencyKey: `k-${id}`,
      }),
    );
    seen.recompute = await log.during(() => engine.recomputeDeadlines(id));
    seen.cancel = await log.during(() => engine.cancel(id, '撤销'));
    seen.reference = await log.during(() =>
      engine.putReference({
        kind: 'quota',
        key: `q-${id}`,
        value: { total: 40 },
        actor: reviewCast.office,
        audit: { action: 'quota.put' },
      }),
    );
    seen.audit = await log.during(() =>
      engine.audit({
        action: 'users.import',
        subject: 'users',
        data: {},
        actor: reviewCast.office,
      }),
    );
    return seen;
  }

  const once = ['load', 'write'];
  /** The load, then the directory reads the people it names need (at least one), then the write. */
  const looksUp = (kinds: string[]) => {
    expect(kinds[0]).toBe('load');
    expect(kinds.at(-1)).toBe('write');
    expect(kinds.length).toBeGreaterThan(2);
    expect(new Set(kinds.slice(1, -1))).toEqual(new Set(['directory']));
  };

  it('runs every command as one load and one write; the directory is read once per revision', async () => {
    const first = await cycle();
    // The first time, the start looks up everyone it mails or may escalate to (and caches them).
    looksUp(first.start!);
    // Then the directory has not changed (same revision): no directory read at all.
    expect(await cycle()).toEqual({
      start: once,
      fire: once,
      send: once,
      keyed: once,
      // A replayed key answers what the first send answered: the load alone.
      replay: ['load'],
      // Nothing moved on this calendar: nothing to write.
      recompute: ['load'],
      cancel: once,
      reference: once,
      audit: once,
    });
    // A change to the directory is seen by the next command: its revision moved.
    await pg.directory.upsertUser({
      id: 'u-lead',
      name: '李院长',
      email: 'li@example.edu',
      roles: ['lead'],
      college: 'ee',
    });
    looksUp((await cycle()).start!);
  });

  it('loads concurrent commands on many instances in one statement, writes them in batches of at most eight', async () => {
    const ids = await Promise.all(Array.from({ length: 12 }, async () => (await start()).id));
    const before = { loads: { ...pg.store.stats.loads }, writes: { ...pg.store.stats.writes } };
    const kinds = await log.during(() =>
      Promise.all(ids.map((id) => engine.send(id, { type: 'APPROVE' }, reviewCast.lead))),
    );
    expect(kinds).toEqual(['load', 'write', 'write']);
    expect(pg.store.stats.loads.batches - before.loads.batches).toBe(1);
    expect(pg.store.stats.loads.items - before.loads.items).toBe(12);
    // maxWriteBatch 8: two write statements, in flight together (command-store.ts).
    expect(pg.store.stats.writes.batches - before.writes.batches).toBe(2);
    expect(pg.store.stats.writes.items - before.writes.items).toBe(12);
    for (const id of ids) expect((await engine.get(id)).state).toBe('second');
  });

  it('runs its statements prepared (one round trip each after the first)', async () => {
    const rows = await pg.sql<
      { statement: string }[]
    >`select statement from pg_prepared_statements`;
    const texts = rows.map((r) => r.statement);
    expect(texts.some((t) => /^\s*with w as \(/.test(t))).toBe(true);
    expect(texts.some((t) => t.includes('as r(n int'))).toBe(true);
  });
});
