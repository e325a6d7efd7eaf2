import type { Sql } from 'postgres';

export interface ScaleSizes {
  readonly instances: number;
  readonly tasks: number;
  readonly history: number;
}

/**
 * Bulk data for the inbox/history probes, written with `generate_series` straight into the
 * tables (not through the engine), shaped like the engine's rows by copying the columns of one
 * engine-started instance `sourceId`:
 * - `instances` finished instances `gi-N` (completed/rejected/withdrawn), 20 colleges c0..c19,
 *   each with one done task and `history / instances` history rows;
 * - `tasks` open tasks, each on its own active instance `ga-N`: 50% unassigned college_lead
 *   tasks of a college, 20% academic_affairs, 5% leadership, 5% finance (school-wide), 10%
 *   assigned to one of 2,000 teachers `u-gen-N`, 10% assigned to a college lead `u-lead-cN`;
 *   deadlines over the next 30 days, one in five without one. Then VACUUM ANALYZE.
 */
export async function generateScale(admin: Sql, sourceId: string, s: ScaleSizes): Promise<void> {
  const perInstance = Math.max(1, Math.round(s.history / s.instances));
  await admin`
    insert into instances (id, flow_id, flow_version, state, status, version, snapshot, submitter_id,
                           college, subject_id, title, step_actors, head_hash, created_at, updated_at)
    select 'gi-' || g, flow_id, flow_version, 'approved',
           (array['completed','rejected','withdrawn'])[1 + g % 3], ${perInstance}::int, snapshot,
           'u-gen-' || (g % 2000), 'c' || (g % 20), 'gi-' || g, title, step_actors,
           md5(g::text) || md5((-g)::text),
           now() - (g || ' seconds')::interval, now() - (g || ' seconds')::interval
      from instances, generate_series(1, ${s.instances}::int) g where id = ${sourceId}`;
  await admin`
    insert into instances (id, flow_id, flow_version, state, status, version, snapshot, submitter_id,
                           college, subject_id, title, step_actors, head_hash, created_at, updated_at)
    select 'ga-' || g, flow_id, flow_version, state, 'active', 1, snapshot,
           'u-gen-' || (g % 2000), 'c' || (g % 20), 'ga-' || g, title, step_actors, head_hash,
           now() - (g || ' seconds')::interval, now()
      from instances, generate_series(1, ${s.tasks}::int) g where id = ${sourceId}`;
  // History: `perInstance` rows per finished instance, in instance order (as appended over time).
  await admin`
    insert into history (instance_id, seq, actor_id, actor_name, event, data, from_state, to_state,
                         comment, at, prev_hash, hash)
    select 'gi-' || g, s, 'u-gen-' || ((g + s) % 2000), '张老师',
           (array['START','APPROVE','RETURN','RESUBMIT'])[1 + s % 4], '{}'::jsonb,
           case when s = 1 then null else 'collegeReview' end, 'academicReview',
           case when s % 2 = 0 then '同意，报教务处审核。' end,
           now() - (g || ' seconds')::interval + (s || ' minutes')::interval,
           md5((g * 100 + s - 1)::text) || md5((g * 100 + s - 1)::text),
           md5((g * 100 + s)::text) || md5((g * 100 + s)::text)
      from generate_series(1, ${s.instances}::int) g, generate_series(1, ${perInstance}::int) s`;
  await admin`
    insert into tasks (id, instance_id, flow_id, state, step, kind, role, college, assignee, events,
                       approval, due_at, status, created_at, completed_at, completed_by)
    select 'gd-' || g, 'gi-' || g, flow_id, 'collegeReview', 'college', 'step', 'college_lead',
           'c' || (g % 20), null, events, true, null, 'done',
           now() - (g || ' seconds')::interval, now(), 'u-lead-c' || (g % 20)
      from tasks, generate_series(1, ${s.instances}::int) g
     where instance_id = ${sourceId} and status = 'open'`;
  await admin`
    insert into tasks (id, instance_id, flow_id, state, step, kind, role, college, assignee, events,
                       approval, due_at, status, created_at, completed_at, completed_by)
    select 'go-' || g, 'ga-' || g, flow_id, state, step, kind,
           case when b < 10 then 'college_lead' when b < 14 then 'academic_affairs'
                when b < 15 then 'leadership' when b < 16 then 'finance'
                when b < 18 then 'submitter' else 'college_lead' end,
           case when b < 10 or b >= 18 then 'c' || (g % 20) end,
           case when b between 16 and 17 then 'u-gen-' || (g % 2000)
                when b >= 18 then 'u-lead-c' || (g % 20) end,
           events, b < 16 or b >= 18,
           case when g % 5 = 0 then null
                else now() + ((g * 7919) % (30 * 86400) || ' seconds')::interval end,
           'open', now() - (g || ' seconds')::interval, null, null
      from tasks, generate_series(1, ${s.tasks}::int) g, lateral (select (g / 7) % 20 as b) x
     where instance_id = ${sourceId} and status = 'open'`;
  // What autovacuum leaves behind on a live system (statistics, and the visibility map that lets
  // the inbox count by index-only scans).
  await admin`vacuum analyze`;
}
