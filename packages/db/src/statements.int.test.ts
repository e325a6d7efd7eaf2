import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '@certflow/engine';
import { reviewCast, reviewEngine } from './review-engine.js';
import { createTestPostgres, type TestPostgres } from './testing.js';

// Statement counts, not timings: a command's round trips are what it costs on a real server.

describe('statements per command (postgres.js debug hook)', () => {
  let pg: TestPostgres;
  let engine: Engine;
  const seen: string[] = [];

  beforeAll(async () => {
    pg = await createTestPostgres({ max: 1 });
    engine = await reviewEngine(pg.store, pg.directory);
    (pg.sql.options as { debug: unknown }).debug = (_c: number, query: string) => {
      seen.push(query.trim().split(/\s+/)[0]?.toLowerCase() ?? '');
    };
  });
  afterAll(async () => {
    await pg.drop();
  });

  it('sends with an unlocked read and one write; the directory is read once per revision', async () => {
    const cycle = async () => {
      const { id } = await engine.start('review', { college: 'ee', title: 't' }, reviewCast.owner);
      const statements: string[][] = [];
      // first → second: closes the lead's task and cancels its timers, opens the office task.
      seen.length = 0;
      await engine.send(id, { type: 'APPROVE' }, reviewCast.lead);
      statements.push([...seen]);
      seen.length = 0;
      const view = await engine.send(id, { type: 'RETURN' }, reviewCast.office);
      statements.push([...seen]);
      // The view's open tasks are derived, not read again, and match a fresh read.
      expect(view.tasks).toStrictEqual((await engine.get(id)).tasks);
      return statements;
    };
    // The first time, each command looks its recipients up (the office; the submitter).
    expect(await cycle()).toEqual([
      ['select', 'select', 'with'],
      ['select', 'select', 'with'],
    ]);
    // Then the directory has not changed (same revision): no directory read at all.
    expect(await cycle()).toEqual([
      ['select', 'with'],
      ['select', 'with'],
    ]);
    // A change to the directory is seen by the next command: its revision moved.
    await pg.directory.upsertUser({
      id: 'u-office',
      name: '王处长',
      email: 'wang@example.edu',
      roles: ['office'],
      college: null,
    });
    expect((await cycle())[0]).toEqual(['select', 'select', 'with']);
  });

  it('sends with an idempotency key in a transaction: begin, lock, key, write, key, commit', async () => {
    const { id } = await engine.start('review', { college: 'ee', title: 't' }, reviewCast.owner);
    seen.length = 0;
    await engine.send(id, { type: 'APPROVE' }, reviewCast.lead, { idempotencyKey: 'k-1' });
    expect(seen).toEqual(['begin', 'select', 'select', 'with', 'insert', 'commit']);
  });

  it('fires a reminder with a read of timer + instance + open tasks, then one claiming write', async () => {
    const fire = async () => {
      const { id } = await engine.start('review', { college: 'ee', title: 't' }, reviewCast.owner);
      const remind = (await pg.store.read.pendingTimers(id)).find((t) => t.kind === 'remind');
      expect(remind).toBeDefined();
      seen.length = 0;
      expect((await engine.fireTimer(remind!.id)).fired).toBe(true);
      return [...seen];
    };
    await fire(); // looks the leads up at this directory revision
    expect(await fire()).toEqual(['select', 'with']);
  });

  it('runs drizzle statements as prepared statements (one round trip each after the first)', async () => {
    const [row] = await pg.sql<{ n: number }[]>`
      select count(*)::int as n from pg_prepared_statements 
      where statement like '%fr' || 'om "users"%'`;
    expect(row?.n ?? 0).toBeGreaterThan(0);
  });
});
