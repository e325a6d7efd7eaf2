import { and, asc, eq, lte, ne, sql } from 'drizzle-orm';
import type { DispatchStore, OutboxRecord, TimerRecord } from '@certflow/engine';
import type { Database } from '../database.js';
import { guarded } from '../errors.js';
import { outbox, TIMER_COLUMNS, timers } from '../schema/tables.js';
import { rowsOf } from '../sql/sql-values.js';

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
        return rows satisfies OutboxRecord[];
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
        return row satisfies OutboxRecord | undefined;
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
          .select(TIMER_COLUMNS)
          .from(timers)
          .where(
            and(
              eq(timers.status, 'pending'),
              dueBy === undefined ? undefined : lte(timers.dueAt, dueBy),
            ),
          )
          .orderBy(asc(timers.dueAt), asc(timers.id))
          .limit(limit);
        return rows satisfies TimerRecord[];
      }),

    // Due pending timers, soonest first, whose lease (if any) has run out; `SKIP LOCKED` lets two
    // pollers lease disjoint batches at once.
    leaseDueTimers: ({ now, limit, leaseMs, ids }) =>
      guarded(async () => {
        const at = now.toISOString();
        const until = new Date(now.getTime() + leaseMs).toISOString();
        const only = ids === undefined ? null : JSON.stringify(ids);
        const result = await db.execute(sql`
          update timers set lease_until = ${until}::text::timestamptz
          where id in (
            select id from timers
            where status = 'pending' and due_at <= ${at}::text::timestamptz
              and (lease_until is null or lease_until <= ${at}::text::timestamptz)
              and (${only}::text is null
                   or id in (select jsonb_array_elements_text(${only}::text::jsonb)))
            order by due_at, id
            limit ${limit}
            for update skip locked)
          returning id, due_at`);
        return rowsOf(result)
          .sort((a, b) => String(a.due_at).localeCompare(String(b.due_at)))
          .map((r) => String(r.id));
      }),

    nextTimerDue: () =>
      guarded(async () => {
        const [row] = await db
          .select({ dueAt: timers.dueAt })
          .from(timers)
          .where(eq(timers.status, 'pending'))
          .orderBy(asc(timers.dueAt))
          .limit(1);
        return row?.dueAt;
      }),
  };
}
