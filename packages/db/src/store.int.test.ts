import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeDirectoryContract } from './directory.contract.js';
import { describeDispatchContract } from './dispatch.contract.js';
import { LockRequired, type CommandWrite, type Engine, type StoreTx } from '@certflow/engine';
import { historyRecord, instanceRecord, later, timerRecord } from './fixtures.js';
import { reviewCast, reviewEngine } from './review-engine.js';
import { describeStoreContract } from './store.contract.js';
import { createTestPostgres, resetPglite, sharedPglite } from './testing.js';
import type { TestPostgres } from './testing.js';
import { truncateAll } from './truncate.js';

// One file for every contract, so this worker starts a single PGlite.

describeStoreContract('postgres.js', async () => {
  const pg = await createTestPostgres();
  return { store: pg.store, db: pg.db, reset: () => truncateAll(pg), close: () => pg.drop() };
});

describeStoreContract('PGlite', async () => {
  const lite = await sharedPglite();
  return { store: lite.store, db: lite.db, reset: resetPglite, close: lite.close };
});

describeDispatchContract('postgres.js', async () => {
  const pg = await createTestPostgres();
  return { ...pg, reset: () => truncateAll(pg), close: () => pg.drop() };
});

describeDispatchContract('PGlite', async () => {
  const lite = await sharedPglite();
  return { ...lite, reset: resetPglite };
});

describeDirectoryContract('postgres.js', async () => {
  const pg = await createTestPostgres();
  return { directory: pg.directory, reset: () => truncateAll(pg), close: () => pg.drop() };
});

describeDirectoryContract('PGlite', async () => {
  const lite = await sharedPglite();
  return { directory: lite.directory, reset: resetPglite, close: lite.close };
});

/** Resolves once some other backend of this database waits for a row lock. */
async function someoneWaitsForALock(pg: TestPostgres): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const [row] = await pg.db
      .select({ n: sql<number>`count(*)::int` })
      .from(sql`pg_stat_activity`)
      .where(sql`datname = current_database() and wait_event_type = 'Lock'`);
    if ((row?.n ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('no backend is waiting for a lock');
}

// PGlite is one session (its transactions run one after another): concurrency needs PostgreSQL.
describe('PostgreSQL concurrency', () => {
  it('serializes two transactions that lock the same instance', async () => {
    const pg = await createTestPostgres({ max: 4 });
    let release = (): void => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    try {
      await pg.store.transaction((tx) => tx.insertInstance(instanceRecord()));
      const log: string[] = [];
      let signalLocked = (): void => {};
      const locked = new Promise<void>((resolve) => (signalLocked = resolve));

      const first = pg.store.transaction(async (tx) => {
        const row = await tx.lockInstance('i-1');
        log.push(`first locked v${row?.version}`);
        signalLocked();
        await held;
        expect(await tx.updateInstance(instanceRecord({ version: 2, state: 'b' }), 1)).toBe(true);
        log.push('first writes v2');
      });
      await locked;
      const second = pg.store.transaction(async (tx) => {
        const row = await tx.lockInstance('i-1');
        log.push(`second locked v${row?.version}`);
        return tx.updateInstance(instanceRecord({ version: 3, state: 'c' }), row?.version ?? -1);
      });

      await someoneWaitsForALock(pg);
      expect(log).toEqual(['first locked v1']);
      release();
      await first;
      expect(await second).toBe(true);
      expect(log).toEqual(['first locked v1', 'first writes v2', 'second locked v2']);
      expect(await pg.store.read.getInstance('i-1')).toMatchObject({ version: 3, state: 'c' });
    } finally {
      release();
      await pg.drop();
    }
  });

  it('lets exactly one of two concurrent version-checked updates win', async () => {
    const pg = await createTestPostgres({ max: 4 });
    try {
      await pg.store.transaction((tx) => tx.insertInstance(instanceRecord()));
      const results = await Promise.all(
        ['b', 'c'].map((state) =>
          pg.store.transaction(async (tx) => {
            const won = await tx.updateInstance(instanceRecord({ version: 2, state }), 1);
            await new Promise((resolve) => setTimeout(resolve, 50));
            return won;
          }),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await pg.store.read.getInstance('i-1')).toMatchObject({ version: 2 });
    } finally {
      await pg.drop();
    }
  });
  it('lets exactly one of two concurrent claims of a timer win', async () => {
    const pg = await createTestPostgres({ max: 4 });
    try {
      await pg.store.transaction((tx) => tx.insertTimers([timerRecord('x1')]));
      const results = await Promise.all(
        [1, 2].map((minute) =>
          pg.store.transaction(async (tx) => {
            const claim = await tx.claimTimer('x1', later(minute));
            await new Promise((resolve) => setTimeout(resolve, 50));
            return claim?.claimed;
          }),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await pg.store.read.getTimer('x1'))?.status).toBe('fired');
    } finally {
      await pg.drop();
    }
  });
});

// `Store.unlocked` (postgres.js only): commands that read without a lock and write with one
// version-checked statement.
describe('PostgreSQL unlocked commands', () => {
  const write = (version: number, final = true): CommandWrite => ({
    instance: instanceRecord({ version: version + 1, state: 'unlocked' }),
    expectedVersion: version,
    history: historyRecord(version + 1),
    closeTasks: [],
    newTasks: [],
    cancelTimers: null,
    timers: [],
    outbox: [],
    final,
  });

  it('reads a row another transaction holds locked; its write then loses and writes nothing', async () => {
    const pg = await createTestPostgres({ max: 4 });
    let release = (): void => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    try {
      await pg.store.transaction((tx) => tx.insertInstance(instanceRecord()));
      let signalLocked = (): void => {};
      const locked = new Promise<void>((resolve) => (signalLocked = resolve));
      const holder = pg.store.transaction(async (tx) => {
        await tx.lockInstanceWithOpenTasks('i-1');
        signalLocked();
        await held;
        await tx.writeCommand({ ...write(1, false), instance: instanceRecord({ version: 2 }) });
      });
      await locked;
      const unlocked = pg.store.unlocked!(async (tx) => {
        const read = await tx.lockInstanceWithOpenTasks('i-1');
        expect(read?.instance.version).toBe(1); // not blocked by the lock
        return tx.writeCommand(write(1));
      });
      await someoneWaitsForALock(pg); // the write waits for the row
      release();
      await holder;
      expect(await unlocked).toBe(false);
      expect(await pg.store.read.getInstance('i-1')).toMatchObject({
        version: 2,
        state: 'review.college',
      });
      expect((await pg.store.read.history('i-1')).map((h) => h.seq)).toEqual([2]);
      // Read again and write on the new version: applied, committed on its own.
      expect(await pg.store.unlocked!((tx) => tx.writeCommand(write(2)))).toBe(true);
      expect(await pg.store.read.getInstance('i-1')).toMatchObject({ version: 3 });
    } finally {
      release();
      await pg.drop();
    }
  });

  it('refuses what needs a lock with LockRequired, before writing anything', async () => {
    const pg = await createTestPostgres({ max: 2 });
    try {
      await pg.store.transaction(async (tx) => {
        await tx.insertInstance(instanceRecord());
        await tx.putReference('quota', 'ee', { n: 1 });
      });
      const run = <T>(fn: (tx: StoreTx) => Promise<T>) => pg.store.unlocked!(fn);
      await expect(run((tx) => tx.reference('quota', 'ee'))).rejects.toBeInstanceOf(LockRequired);
      await expect(run((tx) => tx.reference('quota', 'ee', { lock: false }))).resolves.toEqual({
        n: 1,
      });
      await expect(run((tx) => tx.writeCommand(write(1, false)))).rejects.toBeInstanceOf(
        LockRequired,
      );
      await expect(run((tx) => tx.putReference('quota', 'ee', { n: 2 }))).rejects.toBeInstanceOf(
        LockRequired,
      );
      expect(await pg.store.read.getInstance('i-1')).toMatchObject({ version: 1 });
      expect(await pg.store.read.reference('quota', 'ee')).toEqual({ n: 1 });
    } finally {
      await pg.drop();
    }
  });

  /** A fresh database (dropped afterwards), the review engine on it, and one started review. */
  async function withReview(
    run: (pg: TestPostgres, engine: Engine, id: string) => Promise<void>,
  ): Promise<void> {
    const pg = await createTestPostgres({ max: 6 });
    try {
      const engine = await reviewEngine(pg.store, pg.directory);
      const { id } = await engine.start('review', { college: 'ee', title: 't' }, reviewCast.owner);
      await run(pg, engine, id);
    } finally {
      await pg.drop();
    }
  }

  it('applies twelve racing sends on one instance, each once, with an intact chain', () =>
    withReview(async (_pg, engine, id) => {
      const comments = Array.from({ length: 12 }, (_, n) => `意见 ${n}`);
      await Promise.all(
        comments.map((comment) => engine.send(id, { type: 'COMMENT', comment }, reviewCast.lead)),
      );
      const history = await engine.history(id);
      expect(history.map((h) => h.seq)).toEqual(Array.from({ length: 13 }, (_, n) => n + 1));
      expect(
        history
          .slice(1)
          .map((h) => h.comment)
          .sort(),
      ).toEqual([...comments].sort());
      expect(await engine.verifyHistory(id)).toEqual({ ok: true, count: 13 });
    }));

  it('fires a timer delivered eight times at once exactly once, among racing sends', () =>
    withReview(async (pg, engine, id) => {
      const remind = (await pg.store.read.pendingTimers(id)).find((t) => t.kind === 'remind');
      const comments = Array.from({ length: 6 }, (_, n) => `意见 ${n}`);
      const [fires] = await Promise.all([
        Promise.all(Array.from({ length: 8 }, () => engine.fireTimer(remind!.id))),
        Promise.all(
          comments.map((comment) => engine.send(id, { type: 'COMMENT', comment }, reviewCast.lead)),
        ),
      ]);
      expect(fires.filter((f) => f.fired)).toHaveLength(1);
      expect(fires.filter((f) => !f.fired).map((f) => f.reason)).toEqual(
        Array.from({ length: 7 }, () => 'not-pending'),
      );
      const history = await engine.history(id);
      expect(history.filter((h) => h.event === 'REMIND')).toHaveLength(1);
      expect(history.filter((h) => h.event === 'COMMENT')).toHaveLength(6);
      expect(await engine.verifyHistory(id)).toEqual({ ok: true, count: 8 });
      expect(await pg.store.read.getTimer(remind!.id)).toMatchObject({ status: 'fired' });
    }));
});
