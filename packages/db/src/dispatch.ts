import { and, asc, eq, lte, ne, sql } from 'drizzle-orm';
import type { DispatchStore } from '@certflow/engine';
import type { Database } from './database.js';
import { guarded } from './errors.js';
import { copyOutbox, copyTimer } from './rows.js';
import { outbox, timers } from './schema.js';

/**
 * The engine's `DispatchStore` over a drizzle database: what the outbox relay, the effect
 * handlers and the timer reconciler read and mark. Each call is its own statement (autocommit).
 */
export function createDispatchStore(db: Database): DispatchStore {
  return {
    pendingOutbox: (now, limit) =>
      guarded(async () => {
        const rows = await db
          .select()
          .from(outbox)
          .where(and(eq(outbox.status, 'pending'), lte(outbox.availableAt, now)))
          .orderBy(asc(outbox.availableAt), asc(outbox.createdAt), asc(outbox.id))
          .limit(limit);
        return rows.map(copyOutbox);
      }),

    pendingOutboxKeys: (now, limit) =>
      guarded(() =>
        db
          .select({ id: outbox.id, attempts: outbox.attempts, availableAt: outbox.availableAt })
          .from(outbox)
          .where(and(eq(outbox.status, 'pending'), lte(outbox.availableAt, now)))
          .orderBy(asc(outbox.availableAt), asc(outbox.createdAt), asc(outbox.id))
          .limit(limit),
      ),

    getOutbox: (id) =>
      guarded(async () => {
        const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
        return row && copyOutbox(row);
      }),

    markDelivered: (id, at) =>
      guarded(async () => {
        const updated = await db
          .update(outbox)
          .set({ status: 'delivered', deliveredAt: at })
          .where(and(eq(outbox.id, id), ne(outbox.status, 'delivered')))
          .returning({ id: outbox.id });
        return updated.length === 1;
      }),

    // A late failure report never undoes a delivery.
    markAttemptFailed: (id, error, retryAt) =>
      guarded(async () => {
        await db
          .update(outbox)
          .set({
            attempts: sql`${outbox.attempts} + 1`,
            lastError: error,
            status: retryAt === null ? 'failed' : 'pending',
            ...(retryAt === null ? {} : { availableAt: retryAt }),
          })
          .where(and(eq(outbox.id, id), ne(outbox.status, 'delivered')));
      }),

    pendingTimers: (limit, dueBy) =>
      guarded(async () => {
        const rows = await db
          .select()
          .from(timers)
          .where(
            and(
              eq(timers.status, 'pending'),
              dueBy === undefined ? undefined : lte(timers.dueAt, dueBy),
            ),
          )
          .orderBy(asc(timers.dueAt), asc(timers.id))
          .limit(limit);
        return rows.map(copyTimer);
      }),
  };
}
