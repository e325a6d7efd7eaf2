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

  it('sends with begin, lock + open tasks, one directory read, one write, commit', async () => {
    const { id } = await engine.start('review', { college: 'ee', title: 't' }, reviewCast.owner);
    seen.length = 0;
    // first → second: closes the lead's task and cancels its timers, opens the office task.
    await engine.send(id, { type: 'APPROVE' }, reviewCast.lead);
    expect(seen).toEqual(['begin', 'select', 'select', 'with', 'commit']);
    seen.length = 0;
    const view = await engine.send(id, { type: 'RETURN' }, reviewCast.office);
    expect(seen).toHaveLength(5);
    // The view's open tasks are derived, not read again, and match a fresh read.
    expect(view.tasks).toStrictEqual((await engine.get(id)).tasks);
  });

  it('fires a reminder with begin, claim, lock + open tasks, directory read, write, commit', async () => {
    const { id } = await engine.start('review', { college: 'ee', title: 't' }, reviewCast.owner);
    const remind = (await pg.store.read.pendingTimers(id)).find((t) => t.kind === 'remind');
    expect(remind).toBeDefined();
    seen.length = 0;
    expect((await engine.fireTimer(remind!.id)).fired).toBe(true);
    expect(seen).toEqual(['begin', 'with', 'select', 'select', 'with', 'commit']);
  });

  it('runs drizzle statements as prepared statements (one round trip each after the first)', async () => {
    const [row] = await pg.sql<{ n: number }[]>`
      select count(*)::int as n from pg_prepared_statements 
      where statement like '%fr' || 'om "instances"%'`;
    expect(row?.n ?? 0).toBeGreaterThan(0);
  });
});
