import { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '@certflow/engine';
import { reviewCast, reviewEngine } from './review-engine.js';
import { createTestPostgres, type TestPostgres } from './testing.js';

// Round trips, not timings, counted where the client sees them: every socket write that follows
// a read (or is the first) starts a round trip; writes sent before the reply arrives — pipelined
// statements, COMMIT queued behind the last statement — belong to the round trip they follow.

type Write = (this: Socket, ...args: unknown[]) => boolean;
type Emit = (this: Socket, event: string | symbol, ...args: unknown[]) => boolean;

/** `Socket.prototype`'s two methods the counter wraps. */
const proto = Socket.prototype as unknown as { write: Write; emit: Emit };

/** Counts the client's round trips while installed on `Socket.prototype`. */
class RoundTripCounter {
  trips = 0;
  private waiting = false;
  private readonly original = { write: proto.write, emit: proto.emit };

  private install(): void {
    const { write, emit } = this.original;
    const sent = (): void => {
      if (!this.waiting) this.trips += 1;
      this.waiting = true;
    };
    const received = (): void => {
      this.waiting = false;
    };
    const countingWrite: Write = function (...args) {
      sent();
      return write.apply(this, args);
    };
    const countingEmit: Emit = function (event, ...args) {
      if (event === 'data') received();
      return emit.apply(this, [event, ...args]);
    };
    proto.write = countingWrite;
    proto.emit = countingEmit;
  }

  uninstall(): void {
    proto.write = this.original.write;
    proto.emit = this.original.emit;
  }

  async during(fn: () => Promise<unknown>): Promise<number> {
    this.trips = 0;
    this.waiting = false;
    this.install();
    try {
      await fn();
    } finally {
      this.uninstall();
    }
    return this.trips;
  }
}

describe('round trips per command (postgres.js, counted at the client socket)', () => {
  let pg: TestPostgres;
  let engine: Engine;
  const counter = new RoundTripCounter();

  beforeAll(async () => {
    pg = await createTestPostgres({ max: 1 });
    engine = await reviewEngine(pg.store, pg.directory);
    // Twice first, so every statement is prepared on the connection (no describe round trips)
    // and the directory answers are cached.
    for (let i = 0; i < 2; i += 1) {
      const { id } = await engine.start('review', { college: 'ee', title: 't' }, reviewCast.owner);
      await fireReminder(id);
      await engine.send(id, { type: 'APPROVE' }, reviewCast.lead);
    }
  });
  afterAll(async () => {
    counter.uninstall();
    await pg.drop();
  });

  async function fireReminder(id: string) {
    const remind = (await pg.store.read.pendingTimers(id)).find((t) => t.kind === 'remind');
    if (!remind) throw new Error('no reminder');
    return engine.fireTimer(remind.id);
  }

  it('sends in two round trips: read the instance, then the one write that commits itself', async () => {
    const { id } = await engine.start('review', { college: 'ee', title: 't' }, reviewCast.owner);
    const trips = await counter.during(() => engine.send(id, { type: 'APPROVE' }, reviewCast.lead));
    expect(trips).toBe(2);
    expect((await engine.get(id)).state).toBe('second');
  });

  it('fires a timer in two: read the timer with its instance, then the write that claims it', async () => {
    const { id } = await engine.start('review', { college: 'ee', title: 't' }, reviewCast.owner);
    const remind = (await pg.store.read.pendingTimers(id)).find((t) => t.kind === 'remind');
    const trips = await counter.during(() => engine.fireTimer(remind!.id));
    expect(trips).toBe(2);
    expect((await pg.store.read.getTimer(remind!.id))?.status).toBe('fired');
    expect((await pg.store.read.history(id)).map((h) => h.event)).toEqual(['START', 'REMIND']);
  });
});
