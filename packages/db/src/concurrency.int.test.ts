import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, sha256, type AdminAuditRecord, type Engine } from '@certflow/engine';
import { later, timerRecord, writeOf } from '@certflow/engine/testing';
import { openPostgres, type PostgresHandle } from './postgres.js';
import { createTestPostgres, type TestPostgres } from './testing/index.js';
import { reviewCast, reviewEngine } from './testing/review-engine.js';

// Races through the engine on a real server: every command is load → decide → one
// version-checked write, re-decided when it lost; group commit batches the winners.

let pg: TestPostgres;
let engine: Engine;
beforeAll(async () => {
  pg = await createTestPostgres({ max: 6 });
  engine = await reviewEngine(pg);
});
afterAll(async () => {
  await pg?.drop();
});

/** Each audit row's hash covers its fields and its predecessor's hash. */
function verifyAuditChain(rows: readonly AdminAuditRecord[]): boolean {
  return rows.every((row, n) => {
    const { hash, ...fields } = row;
    const linked = n === 0 || row.prevHash === rows[n - 1]?.hash;
    return linked && hash === sha256(canonicalJson({ ...fields, at: fields.at.toISOString() }));
  });
}

/** `n` racing COMMENTs on one instance: each applied once, the chain intact. */
async function twelveRacingSends(on: Engine): Promise<void> {
  const { id } = await on.start('review', { college: 'ee', title: 't' }, reviewCast.owner);
  const comments = Array.from({ length: 12 }, (_, n) => `意见 ${n}`);
  await Promise.all(
    comments.map((comment) => on.send(id, { type: 'COMMENT', comment }, reviewCast.lead)),
  );
  const history = await on.history(id);
  expect(history.map((h) => h.seq)).toEqual(Array.from({ length: 13 }, (_, n) => n + 1));
  expect(
    history
      .slice(1)
      .map((h) => h.comment)
      .sort(),
  ).toEqual([...comments].sort());
  expect(await on.verifyHistory(id)).toEqual({ ok: true, count: 13 });
  expect((await on.get(id)).version).toBe(13);
}

/** A reminder delivered eight times at once among six racing sends: fired exactly once. */
async function eightFiresAmongSends(on: Engine): Promise<void> {
  const { id } = await on.start('review', { college: 'ee', title: 't' }, reviewCast.owner);
  const remind = (await pg.store.read.pendingTimers(id)).find((t) => t.kind === 'remind');
  expect(remind).toBeDefined();
  const comments = Array.from({ length: 6 }, (_, n) => `意见 ${n}`);
  const [fires] = await Promise.all([
    Promise.all(Array.from({ length: 8 }, () => on.fireTimer(remind!.id))),
    Promise.all(
      comments.map((comment) => on.send(id, { type: 'COMMENT', comment }, reviewCast.lead)),
    ),
  ]);
  expect(fires.filter((f) => f.fired)).toHaveLength(1);
  expect(fires.filter((f) => !f.fired).map((f) => f.reason)).toEqual(
    Array.from({ length: 7 }, () => 'not-pending'),
  );
  const history = await on.history(id);
  expect(history.filter((h) => h.event === 'REMIND')).toHaveLength(1);
  expect(history.filter((h) => h.event === 'COMMENT')).toHaveLength(6);
  expect(await on.verifyHistory(id)).toEqual({ ok: true, count: 8 });
  const [row] = await pg.sql`select status from timers where id = ${remind!.id}`;
  expect(row).toEqual({ status: 'fired' });
}

/**
 * Ten administrators writing one reference row at once, each audited (what the row lock of the
 * old path protected): every write applied once — versions 1 to 10 — and the audit trail a
 * chain of ten.
 */
async function tenReferenceWrites(on: Engine): Promise<void> {
  const key = `ledger-${Math.random()}`;
  const results = await Promise.all(
    Array.from({ length: 10 }, (_, n) =>
      on.putReference({
        kind: 'ledger',
        key,
        value: { spent: n * 100 },
        actor: reviewCast.office,
        audit: { action: 'ledger.put', data: { n } },
      }),
    ),
  );
  expect(results.map((r) => r.version).sort((a, b) => a - b)).toEqual(
    Array.from({ length: 10 }, (_, n) => n + 1),
  );
  const trail = await pg.store.read.auditTrail({ limit: 100, offset: 0 });
  const mine = trail.filter((a) => a.subject === `ledger/${key}`);
  expect(mine).toHaveLength(10);
  expect(new Set(mine.map((a) => a.seq)).size).toBe(10);
  expect(verifyAuditChain([...trail].reverse())).toBe(true);
}

describe('racing commands on PostgreSQL', () => {
  it('applies twelve racing sends on one instance, each once, with an intact chain', () =>
    twelveRacingSends(engine));
  it('fires a timer delivered eight times at once exactly once, among racing sends', () =>
    eightFiresAmongSends(engine));
  it('applies ten racing writes of one reference row, each once, the audit trail chained', () =>
    tenReferenceWrites(engine));

  // In one process the engine queues an instance's commands (lanes.ts): all of them apply, one
  // load and one write each.
  it('applies eight concurrent commands on one instance from one engine, each once', async () => {
    const { id } = await engine.start('review', { college: 'ee', title: 't' }, reviewCast.owner);
    const comments = Array.from({ length: 8 }, (_, n) => `意见 ${n}`);
    await Promise.all(
      comments.map((comment) => engine.send(id, { type: 'COMMENT', comment }, reviewCast.lead)),
    );
    const history = await engine.history(id);
    expect(
      history
        .map((h) => h.comment)
        .slice(1)
        .sort(),
    ).toEqual(comments.sort());
    expect(await engine.verifyHistory(id)).toEqual({ ok: true, count: 9 });
  });

  // Across processes (here: eight engines, each its own queue) each round of writes lets one
  // racer on a row win, so N racers take N rounds: past `maxAttempts` the rest are refused,
  // having written nothing — never applied twice.
  it('refuses the racers of other engines beyond maxAttempts with VERSION_CONFLICT, applying each once', async () => {
    const engines = await Promise.all(
      Array.from({ length: 8 }, () => reviewEngine(pg, { maxAttempts: 3 })),
    );
    const { id } = await engines[0]!.start(
      'review',
      { college: 'ee', title: 't' },
      reviewCast.owner,
    );
    const comments = Array.from({ length: 8 }, (_, n) => `意见 ${n}`);
    const settled = await Promise.allSettled(
      comments.map((comment, n) =>
        engines[n]!.send(id, { type: 'COMMENT', comment }, reviewCast.lead),
      ),
    );
    const applied = settled.filter((r) => r.status === 'fulfilled').length;
    expect(applied).toBeGreaterThanOrEqual(3);
    expect(applied).toBeLessThan(8);
    for (const r of settled) {
      if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'VERSION_CONFLICT' });
    }
    const history = await engines[0]!.history(id);
    expect(history).toHaveLength(1 + applied);
    expect(new Set(history.map((h) => h.comment)).size).toBe(history.length);
    expect(await engines[0]!.verifyHistory(id)).toEqual({ ok: true, count: 1 + applied });
  });

  it('gives two pollers leasing at once disjoint batches that together hold every due timer', async () => {
    const timers = Array.from({ length: 300 }, (_, n) =>
      timerRecord(`lease-${String(n).padStart(3, '0')}`, { instanceId: `i-${n}`, dueAt: later(0) }),
    );
    expect(await pg.store.write(writeOf({ newTimers: timers }))).toBe(true);
    // A second pool: the other poller's connections.
    const other: PostgresHandle = await openPostgres({ url: pg.url, max: 2, migrate: false });
    try {
      const lease = (dispatch: PostgresHandle['dispatch']) =>
        dispatch.leaseDueTimers({ now: later(1), limit: 200, leaseMs: 60_000 });
      const rounds = await Promise.all(
        Array.from({ length: 3 }, () => Promise.all([lease(pg.dispatch), lease(other.dispatch)])),
      );
      const all = rounds.flat(2);
      expect(new Set(all).size).toBe(all.length);
      expect([...all].sort()).toEqual(timers.map((t) => t.id));
    } finally {
      await other.close();
    }
  });
});
