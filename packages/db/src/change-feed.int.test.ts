import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '@certflow/engine';
import { sql } from 'drizzle-orm';
import { FEED_START, readFeed, feedHead, type FeedEvent } from './feed/change-feed.js';
import { instances } from './schema/tables.js';
import { openPostgres, type PostgresHandle } from './postgres.js';
import { createTestPostgres, type TestPostgres } from './testing/index.js';
import { reviewCast, reviewEngine } from './testing/review-engine.js';

// The change feed on a real server: events in commit-safe order, a cursor that never skips a
// slower transaction's rows, resumable after a restart with no gap and no duplicate.

let pg: TestPostgres;
let engine: Engine;
beforeAll(async () => {
  pg = await createTestPostgres({ max: 8 });
  engine = await reviewEngine(pg);
  await pg.directory.upsertUser({
    ...csOwner,
    name: csOwner.id,
    email: 'cs@example.edu',
    roles: [...csOwner.roles],
  });
});
const csOwner = { id: 'u-owner-cs', roles: ['owner'], college: 'cs' } as const;
const ownerOf = (college: string) =>
  college === 'cs' ? { ...csOwner, roles: [...csOwner.roles] } : reviewCast.owner;
afterAll(async () => {
  await pg?.drop();
});

async function readAll(
  from: string,
  limit = 7,
  where?: Parameters<typeof readFeed>[1]['where'],
): Promise<{ events: FeedEvent[]; cursor: string }> {
  const events: FeedEvent[] = [];
  let cursor = from;
  for (;;) {
    const page = await readFeed(pg.db, { after: cursor, limit, where });
    events.push(...page.events);
    cursor = page.cursor;
    if (!page.hasMore) return { events, cursor };
  }
}

describe('change feed', () => {
  it('lists every command of an instance in order, with task events', async () => {
    const head = await feedHead(pg.db);
    const { id } = await engine.start('review', { college: 'ee', title: '甲' }, reviewCast.owner);
    await engine.send(id, { type: 'APPROVE' }, reviewCast.lead);
    await engine.send(id, { type: 'APPROVE' }, reviewCast.office);
    let mine: FeedEvent[] = [];
    for (let n = 0; n < 100 && mine.length < 8; n++) {
      mine = (await readAll(head)).events.filter((e) => e.instanceId === id);
      if (mine.length < 8) await new Promise((r) => setTimeout(r, 50));
    }
    expect(mine.map((e) => e.type)).toEqual([
      'instance.started',
      'task.created',
      'instance.updated',
      'task.decided',
      'task.created',
      'instance.updated',
      'task.decided',
      'instance.completed',
    ]);
    expect(mine[3]?.task?.completedBy).toBe(reviewCast.lead.id);
    expect(mine[3]?.command?.event).toBe('APPROVE');
    expect(mine.at(-1)?.instance.status).toBe('completed');
    expect(new Set(mine.map((e) => e.id)).size).toBe(mine.length);
  });

  it('records a task closed by a cancel as no decision, and the end once', async () => {
    const head = await feedHead(pg.db);
    const { id } = await engine.start('review', { college: 'ee', title: '撤' }, reviewCast.owner);
    await engine.cancel(id, '申请人撤回');
    let mine: FeedEvent[] = [];
    for (let n = 0; n < 100 && mine.length < 4; n++) {
      mine = (await readAll(head)).events.filter((e) => e.instanceId === id);
      if (mine.length < 4) await new Promise((r) => setTimeout(r, 50));
    }
    expect(mine.map((e) => [e.type, e.instance.college])).toEqual([
      ['instance.started', 'ee'],
      ['task.created', 'ee'],
      ['instance.updated', 'ee'],
      ['instance.cancelled', 'ee'],
    ]);
    expect(mine[1]?.task?.status).toBe('cancelled');
  });

  it('resumes after a restart and under concurrent writers sees no gap and no duplicate', async () => {
    const head = await feedHead(pg.db);
    const consumed: FeedEvent[] = [];
    let cursor = head;
    let stop = false;
    // A consumer polling while writers commit: every page it takes is final.
    const consumer = (async () => {
      let restarts = 0;
      while (!stop) {
        const page = await readFeed(pg.db, { after: cursor, limit: 5 });
        consumed.push(...page.events);
        cursor = page.cursor;
        // "Restart": a fresh pool, only the cursor carried over.
        if (++restarts % 10 === 0) {
          const other: PostgresHandle = await openPostgres({ url: pg.url, max: 1, migrate: false });
          const p = await readFeed(other.db, { after: cursor, limit: 5 });
          consumed.push(...p.events);
          cursor = p.cursor;
          await other.close();
        }
        await new Promise((r) => setTimeout(r, 3));
      }
    })();
    // A slow transaction holding a feed row uncommitted while others commit after it.
    const slow = pg.sql.begin(async (tx) => {
      const { id } = await engine.start('review', { college: 'cs', title: '慢' }, ownerOf('cs'));
      await tx.unsafe(
        `insert into history select instance_id, 999, actor_id, actor_name, 'COMMENT',
        data, from_state, to_state, 'slow', at, prev_hash, hash from history where instance_id = $1
        and seq = 1`,
        [id],
      );
      // …and its feed row, as the write statement writes it (write-commands.ts `fed`).
      await tx.unsafe(
        `insert into change_feed (xid, instance_id, rank, item, type, seq, flow_id, college, at)
        select pg_current_xact_id()::text::bigint, instance_id, 0, lpad('999', 10, '0'),
          'instance.updated', 999, 'review', 'cs', at from history where instance_id = $1
        and seq = 999`,
        [id],
      );
      await new Promise((r) => setTimeout(r, 400));
      return id;
    });
    let ids: string[] = [];
    let slowId = '';
    try {
      ids = await Promise.all(
        Array.from({ length: 12 }, async (_, n) => {
          const { id } = await engine.start(
            'review',
            { college: 'ee', title: `并发 ${n}` },
            reviewCast.owner,
          );
          await Promise.all([
            engine.send(id, { type: 'COMMENT', comment: 'a' }, reviewCast.lead),
            engine.send(id, { type: 'COMMENT', comment: 'b' }, reviewCast.lead),
          ]);
          await engine.send(id, { type: 'APPROVE' }, reviewCast.lead);
          return id;
        }),
      );
      slowId = await slow;
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      stop = true;
      await consumer;
    }
    // Drain what is left.
    const rest = await readAll(cursor);
    consumed.push(...rest.events);

    const truth = await readAll(head, 1000);
    expect(consumed.map((e) => e.id)).toEqual(truth.events.map((e) => e.id));
    expect(new Set(consumed.map((e) => e.id)).size).toBe(consumed.length);
    // The slow transaction's row arrived although faster commits were read before it ended.
    expect(consumed.some((e) => e.instanceId === slowId && e.command?.seq === 999)).toBe(true);
    // Per instance: history seqs strictly increasing.
    for (const id of ids) {
      const seqs = consumed
        .filter((e) => e.instanceId === id && e.type !== 'task.created')
        .map((e) => e.command?.seq ?? 0);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(
        consumed.filter((e) => e.instanceId === id && e.type === 'instance.updated'),
      ).toHaveLength(3);
    }
  });

  it('filters by a condition on instances and still advances past what is hidden', async () => {
    const head = await feedHead(pg.db);
    await engine.start('review', { college: 'cs', title: '计' }, ownerOf('cs'));
    const { id } = await engine.start('review', { college: 'ee', title: '电' }, reviewCast.owner);
    const onlyEe = sql`${instances.college} = 'ee'`;
    // Visible once every older transaction of the server has ended (other test files share it).
    let page = await readFeed(pg.db, { after: head, limit: 50, where: onlyEe });
    for (let n = 0; n < 100 && !page.events.some((e) => e.instanceId === id); n++) {
      await new Promise((r) => setTimeout(r, 50));
      page = await readFeed(pg.db, { after: head, limit: 50, where: onlyEe });
    }
    expect(page.events.every((e) => e.instance.college === 'ee')).toBe(true);
    expect(page.events.map((e) => e.instanceId)).toContain(id);
    const next = await readFeed(pg.db, { after: page.cursor, limit: 50, where: onlyEe });
    expect(next.events).toEqual([]);
    expect(next.cursor).toBe(page.cursor);
  });

  it('refuses a cursor it never handed out', async () => {
    await expect(readFeed(pg.db, { after: 'nonsense!', limit: 5 })).rejects.toThrow(/cursor/);
    expect((await readFeed(pg.db, { after: FEED_START, limit: 1 })).events).toHaveLength(1);
  });
});
