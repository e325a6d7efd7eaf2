import type { BusinessCalendar, Clock, DispatchStore, Engine, Store } from '@certflow/engine';
import type { Logger } from 'pino';
import type { OutboxHandlers } from './outbox-handlers.js';
import type { RecurringCall } from './recurring-call.js';
import type { RetryPolicy } from './retry-policy.js';

/**
 * The delivery contract shared by the BullMQ adapter (production) and the in-process scheduler
 * (all-in-one, on the embedded PostgreSQL). PostgreSQL is the truth: timer rows fire through `engine.fireTimer` once
 * due by the clock, outbox rows go to their kind's handler and are marked in the row, recurring
 * calls start their flows once per occurrence, and whatever the delivery index loses is rebuilt
 * from the database by `reconcile`.
 */
export interface Scheduler {
  readonly kind: 'in-process' | 'bullmq';
  /** Reconcile, then begin delivering. */
  start(): Promise<void>;
  /** A command committed: mirror that instance's timers and relay pending outbox rows now. */
  nudge(instanceId?: string): Promise<void>;
  /** Rebuild the delivery index from the database (every pending timer and outbox row). */
  reconcile(): Promise<ReconcileReport>;
  /** Take no new work, let running deliveries finish, close connections. */
  stop(): Promise<void>;
}

export interface ReconcileReport {
  /** Pending timer rows found (and, for BullMQ, re-enqueued idempotently). */
  readonly timers: number;
  /** Undelivered outbox rows found. */
  readonly outbox: number;
  /** Delayed jobs of timers already due by the clock, moved to run now. */
  readonly promoted: number;
  /** Recurring calls registered. */
  readonly recurring: number;
}

/** What every scheduler needs. */
export interface SchedulerDeps {
  readonly engine: Engine;
  readonly store: Store;
  readonly dispatch: DispatchStore;
  readonly clock: Clock;
  /** Outbox handlers by kind; a kind without one fails its rows (`OUTBOX_NO_HANDLER`). */
  readonly handlers: OutboxHandlers;
  /** Given to recurring calls to count working days. */
  readonly calendar?: BusinessCalendar;
  readonly recurring?: readonly RecurringCall[];
  readonly retry?: RetryPolicy;
  readonly logger?: Logger;
  /** Rows read per batch (default 500). */
  readonly batchSize?: number;
  /** At most this many pending timers / outbox rows are reconciled per pass (default 200,000). */
  readonly reconcileLimit?: number;
}
