import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '@certflow/engine';
import { createTestPostgres, type TestPostgres } from './testing/index.js';
import { reviewCast, reviewEngine } from './testing/review-engine.js';
import { RoundTripCounter } from './testing/round-trip-counter.js';

// Round trips, not timings, counted where the client sees them (testing/round-trip-counter.ts):
// a command is its load and its write, which commits itself — two round trips.

describe('round trips per command (postgres.js, counted at the client socket)', () => {
  let pg: TestPostgres;
  let engine: Engine;
  const counter = new RoundTripCounter();

  beforeAll(async () => {
    pg = await createTestPostgres({ max: 1 });
    engine = await reviewEngine(pg);
    // Twice first, so every statement is prepared on the connection (no describe round trips)
    // and the directory answers are cached. A write statement holds only the parts its batch
    // uses (sql/write-commands.ts), so each kind of write is prepared on its first use: a keyed
    // send's too.
    for (let i = 0; i < 2; i += 1) {
      const { id } = await engine.start('review', { college: 'ee', title: 't' }, reviewCast.owner);
      await fireReminder(id);
      await engine.send(id, { type: 'APPROVE' }, reviewCast.lead, { idempotencyKey: `w-${i}` });
      await engine.send(id, { type: 'APPROVE' }, reviewCast.office);
      const other = await engine.start('review', { college: 'ee', title: 't' }, reviewCast.owner);
      await engine.send(other.id, { type: 'APPROVE' }, reviewCast.lead);
    }
  });
  afterAll(async () => {
    counter.uninstall();
    await pg?.drop();
  });

  async function fireReminder(id: string) {
    const remind = (await pg.store.read.pendingTimers(id)).find((t) => t.kind === 'remind');
    if (!remind) throw new Error('no reminder');
    return engine.fireTimer(remind.id);
  }

  it('sends in two round trips: the load, then the write that commits itself', async () => {
    const { id } = await engine.start('review', { college: 'ee', title: 't' }, reviewCast.owner);
    const trips = await counter.during(() => engine.send(id, { type: 'APPROVE' }, reviewCast.lead));
    expect(trips).toBe(2);
    expect((await engine.get(id)).state).toBe('second');
  });

  it('fires a timer in two: the load of the timer with its instance, then the claiming write', async () => {
    const { id } = await engine.start('review', { college: 'ee', title: 't' }, reviewCast.owner);
    const remind = (await pg.store.read.pendingTimers(id)).find((t) => t.kind === 'remind');
    const trips = await counter.during(() => engine.fireTimer(remind!.id));
    expect(trips).toBe(2);
    expect((await pg.store.read.pendingTimers(id)).map((t) => t.id)).not.toContain(remind!.id);
    expect((await pg.store.read.history(id)).map((h) => h.event)).toEqual(['START', 'REMIND']);
  });

  it('starts in two, and a keyed send in two (the key is checked in the load and the write)', async () => {
    let id = '';
    expect(
      await counter.during(async () => {
        id = (await engine.start('review', { college: 'ee', title: 't' }, reviewCast.owner)).id;
      }),
    ).toBe(2);
    const keyed = () =>
      engine.send(id, { type: 'APPROVE' }, reviewCast.lead, { idempotencyKey: `k-${id}` });
    expect(await counter.during(keyed)).toBe(2);
    // The replay answers from the key: the load alone.
    expect(await counter.during(keyed)).toBe(1);
  });
});
