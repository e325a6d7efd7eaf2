import type { Sql } from 'postgres';

/** A timer whose due time the benchmark knows: its row id (= job id) and due epoch ms. */
export interface DueTimer {
  readonly id: string;
  readonly due: number;
  /** Its instance (the backlog's timers have none). */
  readonly instanceId?: string;
}

/**
 * `n` copies of an engine-created instance waiting in `collegeReview` (one open college task
 * each), and one pending `remind` timer per copy — inserted with SQL so thousands exist at once
 * without running thousands of starts. Copy `g` has the timer due at `first + (g-1) * stepMs`.
 * Every copy is its own instance row, so firing timers never contend on one lock.
 */
export async function insertDueTimers(
  admin: Sql,
  sourceId: string,
  tag: string,
  n: number,
  first: number,
  stepMs: number,
): Promise<DueTimer[]> {
  await admin`
    insert into instances (id, flow_id, flow_version, state, status, version, snapshot, submitter_id,
                           college, subject_id, title, step_actors, head_hash, created_at, updated_at)
    select ${tag} || '-i-' || g, flow_id, flow_version, state, status, version, snapshot,
           submitter_id, college, subject_id, title, step_actors, head_hash, created_at, updated_at
      from instances, generate_series(1, ${n}::int) g where id = ${sourceId}`;
  await admin`
    insert into tasks (id, instance_id, flow_id, state, step, kind, role, college, assignee, events,
                       approval, due_at, status, created_at, completed_at, completed_by)
    select ${tag} || '-t-' || g, ${tag} || '-i-' || g, flow_id, state, step, kind, role, college,
           assignee, events, approval, due_at, status, created_at, completed_at, completed_by
      from tasks, generate_series(1, ${n}::int) g
     where instance_id = ${sourceId} and status = 'open'`;
  await admin`
    insert into timers (id, instance_id, task_id, state, kind, event, due_at, status, created_at)
    select ${tag} || '-m-' || g, ${tag} || '-i-' || g, ${tag} || '-t-' || g, 'collegeReview',
           'remind', 'REMIND',
           to_timestamp((${first}::float8 + (g - 1) * ${stepMs}::float8) / 1000), 'pending', now()
      from generate_series(1, ${n}::int) g`;
  return Array.from({ length: n }, (_, i) => ({
    id: `${tag}-m-${i + 1}`,
    due: first + i * stepMs,
    instanceId: `${tag}-i-${i + 1}`,
  }));
}

/** `n` pending timers due in a year (the backlog), ids `${tag}-p-N`; returns their ids' prefix. */
export async function insertPendingBacklog(admin: Sql, tag: string, n: number): Promise<void> {
  await admin`
    insert into timers (id, instance_id, task_id, state, kind, event, due_at, status, created_at)
    select ${tag} || '-p-' || g, ${tag} || '-backlog-' || (g % 100000), null, 'collegeReview',
           'remind', 'REMIND', now() + interval '365 days' + g * interval '1 second',
           'pending', now()
      from generate_series(1, ${n}::int) g`;
}

/** pg_total_relation_size of the timers table (heap, TOAST and indexes), bytes. */
export async function timersTableBytes(admin: Sql): Promise<number> {
  await admin`checkpoint`.catch(() => undefined);
  const [row] = await admin<{ n: string }[]>`select pg_total_relation_size('timers') as n`;
  return Number(row?.n ?? Number.NaN);
}
