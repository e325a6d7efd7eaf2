import type { TestPostgres } from '@certflow/db/testing';

/**
 * Insert `perTask` reminder timers on every open task of the database in one statement each
 * (`generate_series`): thousands of real timer rows in milliseconds for the scale tests.
 */
export async function insertReminderTimers(
  db: TestPostgres,
  perTask: number,
  dueAt: Date,
): Promise<number> {
  const rows = await db.sql`
    insert into timers (id, instance_id, task_id, state, kind, event, due_at, status, created_at, fired_at)
    select 'bulk-' || lpad(n::text, 5, '0') || '-' || t.id, t.instance_id, t.id, t.state, 'remind', 'REMIND', ${dueAt.toISOString()}::timestamptz, 'pending', now(), null
    from tasks t cross join generate_series(1, ${perTask}::int) n
    where t.status = 'open'
    returning id`;
  return rows.length;
}

/** How many times each timer fired, from the audit history (REMIND rows carry `timerId`). */
export async function fireCounts(
  db: TestPostgres,
): Promise<{ total: number; distinct: number; doubled: number; pending: number }> {
  const [r] = await db.sql<{ total: string; distinct: string; doubled: string; pending: string }[]>`
    select
      (select count(*) from history where event in ('REMIND','ESCALATE')) as total,
      (select count(distinct data->>'timerId') from history where event in ('REMIND','ESCALATE')) as distinct,
      (select count(*) from (select data->>'timerId' from history where event in ('REMIND','ESCALATE') group by 1 having count(*) > 1) d) as doubled,
      (select count(*) from timers where status = 'pending') as pending`;
  return {
    total: Number(r?.total),
    distinct: Number(r?.distinct),
    doubled: Number(r?.doubled),
    pending: Number(r?.pending),
  };
}
