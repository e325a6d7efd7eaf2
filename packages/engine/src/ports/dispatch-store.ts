import type { OutboxRecord, TimerRecord } from '../records.js';

/** An outbox row as a queue mirrors it: the job id comes from `id` and `attempts`. */
export type OutboxKey = Pick<OutboxRecord, 'id' | 'attempts' | 'availableAt'>;

/**
 * The delivery side of the store: what the outbox relay, the effect handlers and the timer
 * reconciler read and mark. PostgreSQL stays the truth; queues only mirror these rows.
 */
export interface DispatchStore {
  /** Undelivered outbox rows available at `now`, oldest first. */
  pendingOutbox(now: Date, limit: number): Promise<OutboxRecord[]>;
  /**
   * The same rows as `pendingOutbox`, in the same order, as keys only: what a relay needs to
   * mirror them as jobs, without reading (and parsing) every payload on every pass.
   */
  pendingOutboxKeys(now: Date, limit: number): Promise<OutboxKey[]>;
  getOutbox(id: string): Promise<OutboxRecord | undefined>;
  /**
   * Mark a row delivered. Returns false if it was already delivered (a redelivery: the handler's
   * effect must then have been idempotent).
   */
  markDelivered(id: string, at: Date): Promise<boolean>;
  /** Record a failed attempt; `retryAt` null = permanent failure (`failed`). */
  markAttemptFailed(id: string, error: string, retryAt: Date | null): Promise<void>;
  /** Pending timers, soonest first (for the reconciler), optionally only those due by `dueBy`. */
  pendingTimers(limit: number, dueBy?: Date): Promise<TimerRecord[]>;
  /**
   * Lease due pending timers for `leaseMs`, soonest first, skipping those another poller holds
   * under a live lease (`SKIP LOCKED` on PostgreSQL): the batch a timer poller fires next. With
   * `ids`, only those (the ones a queue woke it for). A poller that dies leaves its leases to
   * expire; the fire itself claims the timer, so a lease never makes a timer fire twice.
   */
  leaseDueTimers(args: {
    readonly now: Date;
    readonly limit: number;
    readonly leaseMs: number;
    readonly ids?: readonly string[];
  }): Promise<string[]>;
  /** The soonest due time of a pending timer, for a poller that sleeps until then. */
  nextTimerDue(): Promise<Date | undefined>;
}
