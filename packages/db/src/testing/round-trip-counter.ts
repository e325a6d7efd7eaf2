import { Socket } from 'node:net';

// Round trips, not timings, counted where the client sees them: every socket write that follows
// a read (or is the first) starts a round trip; writes sent before the reply arrives — pipelined
// statements, COMMIT queued behind the last statement — belong to the round trip they follow.

type Write = (this: Socket, ...args: unknown[]) => boolean;
type Emit = (this: Socket, event: string | symbol, ...args: unknown[]) => boolean;

/** `Socket.prototype`'s two methods the counter wraps. */
const proto = Socket.prototype as unknown as { write: Write; emit: Emit };

/** Counts the client's round trips while installed on `Socket.prototype`. */
export class RoundTripCounter {
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
