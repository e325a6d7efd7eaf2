import { and, asc, eq, lte, ne, sql } from 'drizzle-orm';
import type { DispatchStore, OutboxRecord, TimerRecord } from '@certflow/engine';
import type { Database } from '../database.js';
import { guarded } from '../errors.js';
import { fromJsonRow } from '../schema/columns.js';
import { outbox, TIMER_COLUMNS, timers } from '../schema/tables.js';
import { jsonValue, rowsOf } from '../sql/sql-values.js';
import { Batcher } from './batcher.js';

/**
 * The engine's `DispatchStore` over a drizzle database: what the outbox relay, the effect
 * handlers and the timer reconciler read and mark. Each call is its own statement (autocommit),
 * except the two a delivery makes — reading its row and marking it delivered — which concurrent
 * deliveries share (a timer worker delivers the mails of every fire of its turn): one statement,
 * one commit for the marks of a batch, as the command writes are (ARCHITECTURE.md § Group
 * commit), each answered on its own.
 */
export function createDispatchStore(db: Database): DispatchStore {
  const reads = new Batcher<string, OutboxRecord | undefined>(
    async (ids) => {
      const rows = rowsOf(
        await db.execute(sql`
          select to_jsonb(o) as row from outbox o
          where o.id = any(array(select jsonb_array_elements_text(${JSON.stringify(ids)}::text::jsonb)))`),
      );
      const byId = new Map(
        rows.map((r) => {
          const row = fromJsonRow<OutboxRecord>(outbox, jsonValue(r.row));
          return [row.id, row] as const;
        }),
      );
      return ids.map((id) => byId.get(id));
    },
    { maxBatch: 64, maxInFlight: 2 },
  );
  const marks = new Batcher<{ readonly id: string; readonly at: Date }, boolean>(
    async (items) => {
      const marked = JSON.stringify(items.map((i) => ({ id: i.id, at: i.at.toISOString() })));
      const rows = rowsOf(
        await db.execute(sql`
          with x as materialized (
            select * from jsonb_to_recordset(${marked}::text::jsonb) as x(id text, at timestamptz))
          update outbox o set status = 'delivered', delivered_at = x.at from x
          where o.id = x.id and o.id = any(array(select id from x)) and o.status <> 'delivered'
          returning o.id`),
      );
      const done = new Set(rows.map((r) => String(r.id)));
      return items.map((i) => done.has(i.id));
    },
    { maxBatch: 64, maxInFlight: 2, keysOf: (i) => [i.id] },
  );
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

    getOutbox: (id) => guarded(() => reads.submit(id)),

    markDelivered: (id, at) => guarded(() => marks.submit({ id, at })),

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
