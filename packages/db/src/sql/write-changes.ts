import { STILL_OPEN_T_TEXT, STILL_PENDING_T_TEXT } from './sql-values.js';
import type { Part, Uses } from './write-param.js';

/** A history row that is a decision (已办): not a start, comment, 抄送, 催办 or recompute. */
const DONE_EVENT = `h.event not in ('START', 'COMMENT', 'CC', 'URGE', 'RECOMPUTE_DEADLINES')`;

/**
 * "Row `t` is one of the rows of the batch's flattened set `cte` (as `alias`)": the join, and
 * `= any(array(…))` beside it, which lets the planner — taking the set for 100 rows — look the
 * rows up by primary key from a few thousand rows on, not only from tens of thousands.
 */
const keyedBy = (cte: string, alias: string) =>
  `t.id = ${alias}.id and t.id = any(array(select id from ${cte}))`;

/** Insert the one row each `ok` write may carry in its jsonb column `column`. */
function insertRow(
  name: string,
  table: string,
  column: string,
  when: (u: Uses) => boolean,
  returning = '',
): Part {
  return {
    name,
    when,
    body: () => `
    insert into ${table} select x.* from go, jsonb_populate_record(null::${table}, go.${column}) x
    where go.${column} is not null${returning ? `\n    ${returning}` : ''}`,
  };
}

/**
 * The deadlines a write moves, of its open tasks or its pending timers: the rows flattened over
 * the batch, then the update by key (a timer moved loses its poller's lease).
 */
function deadlineMoves(table: 'tasks' | 'timers'): Part[] {
  const tasks = table === 'tasks';
  const when = (u: Uses) => (tasks ? u.moveTasks : u.moveTimers);
  const rows = `moving_${table}`;
  return [
    {
      name: rows,
      when,
      materialized: true,
      body: () => `
    select m.* from go cross join lateral jsonb_to_recordset(go.move_${table})
      as m(id text, due_at timestamptz, due_basis jsonb)`,
    },
    {
      name: `moved_${table}`,
      when,
      body: () => `
    update ${table} t set due_at = m.due_at, due_basis = m.due_basis${tasks ? '' : ', lease_until = null'}
    from ${rows} m
    where ${keyedBy(rows, 'm')} and ${tasks ? STILL_OPEN_T_TEXT : STILL_PENDING_T_TEXT}`,
    },
  ];
}

/**
 * A list's rows of the written instance (抄送 or 已办) given its status, by the write that changes
 * it (`listed`'s `was_status`: the rows carry the status of the last write that changed it) — a
 * step that leaves the status reads none of them. Their overdue
 * reads the instance's late_at by key (migration 0017). By key (`instance_id` leads
 * `done_items_pk` and `copies_instance_idx`), not a hash of the table.
 */
function statusKept(name: string, table: 'copies' | 'done_items'): Part {
  return {
    name,
    when: (u) => u.inst,
    body: () => `
    update ${table} r set status = l.status from listed l
    where r.instance_id = l.id and r.instance_id = any(array(select id from listed))
      and l.status is distinct from l.was_status
      and r.status is distinct from l.status`,
  };
}

/**
 * The write statement's changes (write-commands.ts, step 3): everything the `ok` writes (`go`)
 * change, nothing of the others.
 */
export const CHANGES: readonly Part[] = [
  {
    // What the lists filter on (migration 0013, docs/lists.md), as this write leaves the
    // instance: its flow, status, college, search text (0010's, or computed for a start) and the
    // earliest deadline of its open tasks after the write (those open before, minus the closed,
    // as moved or replaced, plus the new ones; the statement sees the rows as they were before).
    // Every part that joins it needs it; a write without an instance has no row in it. The
    // instance's row before the write is read once, here: its search text and its status
    // (`was_status`, null for a start).
    name: 'listed',
    when: (u) => u.inst || u.hist || u.close || u.newTasks || u.copies,
    body: () => `
    select go.n, x.id, x.flow_id, x.status, x.college, was.status as was_status,
      left(coalesce(was.search_text,
        certflow_search_text(x.title, x.submitter_id, x.college, x.snapshot), ''), 400) as search_text,
      (select min(o.due_at) from (
        select case when m.id is not null then m.due_at when u.id is not null then u.due_at
            else t.due_at end as due_at
          from tasks t
          left join jsonb_to_recordset(go.move_tasks) as m(id text, due_at timestamptz) on m.id = t.id
          left join jsonb_to_recordset(go.upd) as u(id text, due_at timestamptz) on u.id = t.id
          where t.instance_id = x.id and t.status = 'open'
            and not exists (select 1 from jsonb_to_recordset(go.close) as c(id text) where c.id = t.id)
        union all
        select e.due_at from jsonb_to_recordset(go.new_tasks) as e(due_at timestamptz, status text)
          where e.status = 'open') o) as late_at
    from go, jsonb_populate_record(null::instances, go.inst) x
    left join lateral (select i.status, i.search_text from instances i where i.id = x.id limit 1)
      was on true
    where go.inst is not null`,
  },
  {
    name: 'inst_upd',
    when: (u) => u.expected,
    body: () => `
    update instances i set state = x.state, status = x.status, version = x.version,
      snapshot = x.snapshot, step_actors = x.step_actors, decisions = x.decisions,
      steps = x.steps, undo = x.undo, head_hash = x.head_hash, updated_at = x.updated_at,
      late_at = l.late_at
    from go join listed l using (n), jsonb_populate_record(null::instances, go.inst) x
    where go.expected is not null and i.id = x.id`,
  },
  {
    // The instance's own late_at (migration 0015, 我发起的's overdue) is the listed one.
    name: 'inst_ins',
    when: (u) => u.inserted,
    body: () => `
    insert into instances select x.* from go join listed l using (n),
      jsonb_populate_record(null::instances, go.inst || jsonb_build_object('late_at', l.late_at)) x
    where go.inst is not null and go.expected is null`,
  },
  insertRow('hist', 'history', 'hist', (u) => u.hist, 'returning instance_id, seq, at'),
  {
    // The rows each table's update looks up, flattened over the batch first: an update joined
    // to a row set that is lateral to the batch's rows runs its scan once per write — a
    // per-connection generic plan made while the table was small seq-scans it each time
    // (keyedBy: by primary key).
    name: 'closing',
    when: (u) => u.close,
    materialized: true,
    body: () => `
    select c.* from go cross join lateral jsonb_to_recordset(go.close)
      as c(id text, status text, completed_by text, completed_at timestamptz)`,
  },
  {
    name: 'closed',
    when: (u) => u.close,
    body: () => `
    update tasks t set status = c.status, completed_by = c.completed_by,
      completed_at = c.completed_at
    from closing c
    where ${keyedBy('closing', 'c')} and ${STILL_OPEN_T_TEXT}
    returning t.id, t.instance_id, t.flow_id, t.instance_college, t.status, t.created_at,
      t.completed_at`,
  },
  {
    name: 'updating',
    when: (u) => u.upd,
    materialized: true,
    body: () => `
    select x.* from go cross join lateral jsonb_populate_recordset(null::tasks, go.upd) x`,
  },
  {
    name: 'updated',
    when: (u) => u.upd,
    body: () => `
    update tasks t set kind = x.kind, role = x.role, college = x.college,
      organization = x.organization, assignee = x.assignee, events = x.events,
      approval = x.approval, due_at = x.due_at, due_basis = x.due_basis, urged_at = x.urged_at,
      delegated_to = x.delegated_to
    from updating x
    where ${keyedBy('updating', 'x')} and ${STILL_OPEN_T_TEXT}`,
  },
  {
    name: 'opened',
    when: (u) => u.newTasks,
    body: () => `
    insert into tasks select x.* from go left join listed l using (n)
    cross join lateral jsonb_array_elements(go.new_tasks) e
    cross join lateral jsonb_populate_record(null::tasks, e.value || jsonb_build_object(
      'instance_college', l.college, 'search_text', coalesce(l.search_text, ''))) x
    returning id, instance_id, flow_id, instance_college, created_at, completed_at`,
  },
  {
    // The change feed's rows (docs/http-api.md § Change feed; migration 0016 moved them here
    // from row triggers): in the command's own transaction, under its transaction id, as the
    // write leaves the instance — each history row (rank 0), the instance's end once (rank 3:
    // the write that moves it from active — the statement reads the row as it was before — as
    // an ended instance takes no command that changes its status),
    // each task decided by a person (rank 1: closed as done, not cancelled) and each task opened
    // (rank 2).
    name: 'fed',
    when: (u) => u.hist || u.close || u.newTasks,
    body: (u) => {
      const listed = (on: string) => `left join listed l on l.id = ${on}`;
      // A history row of a write without its instance (none of the engine's writes): the
      // instance as it stands, looked up by key only then.
      const ofInstance = (column: string) =>
        `coalesce(l.${column}, (select i.${column} from instances i where i.id = h.instance_id))`;
      const branches = [
        ...(u.hist
          ? [
              `
      select h.instance_id, 0::smallint as rank, lpad(h.seq::text, 10, '0') as item,
          case when h.seq = 1 then 'instance.started' else 'instance.updated' end as type,
          h.seq, null::text as task_id, coalesce(${ofInstance('flow_id')}, '') as flow_id,
          ${ofInstance('college')} as college, h.at
        from hist h ${listed('h.instance_id')}`,
              `
      select h.instance_id, 3::smallint, '', 'instance.' || ${ofInstance('status')}, h.seq,
          null::text, coalesce(${ofInstance('flow_id')}, ''), ${ofInstance('college')}, h.at
        from hist h ${listed('h.instance_id')}
        where ${ofInstance('status')} <> 'active'
          and coalesce((select i.status from instances i where i.id = h.instance_id), 'active')
            = 'active'`,
            ]
          : []),
        ...(u.close
          ? [
              `
      select t.instance_id, 1::smallint, t.id, 'task.decided', null::int, t.id, t.flow_id,
          coalesce(l.college, t.instance_college), coalesce(t.completed_at, t.created_at)
        from closed t ${listed('t.instance_id')}
        where t.status = 'done'`,
            ]
          : []),
        ...(u.newTasks
          ? [
              `
      select t.instance_id, 2::smallint, t.id, 'task.created', null::int, t.id, t.flow_id,
          coalesce(l.college, t.instance_college), coalesce(t.completed_at, t.created_at)
        from opened t ${listed('t.instance_id')}`,
            ]
          : []),
      ];
      return `
    insert into change_feed (xid, instance_id, rank, item, type, seq, task_id, flow_id, college, at)
    select pg_current_xact_id()::text::bigint, f.* from (${branches.join('\n      union all')}
    ) f
    on conflict do nothing`;
    },
  },
  ...deadlineMoves('tasks'),
  {
    name: 'cancelling',
    when: (u) => u.cancel,
    materialized: true,
    body: () => `
    select c.id from go cross join lateral jsonb_array_elements_text(go.cancel) as c(id)
    where c.id is distinct from go.claim_id`,
  },
  {
    name: 'cancelled',
    when: (u) => u.cancel,
    body: () => `
    update timers t set status = 'cancelled', lease_until = null
    from cancelling c
    where ${keyedBy('cancelling', 'c')} and ${STILL_PENDING_T_TEXT}`,
  },
  ...deadlineMoves('timers'),
  {
    name: 'claimed',
    when: (u) => u.claim,
    body: () => `
    update timers t set status = 'fired', fired_at = go.claim_at, lease_until = null
    from go where t.id = go.claim_id`,
  },
  {
    name: 'scheduled',
    when: (u) => u.newTimers,
    body: () => `
    insert into timers select x.* from go, jsonb_populate_recordset(null::timers, go.new_timers) x`,
  },
  {
    name: 'queued',
    when: (u) => u.outbox,
    body: () => `
    insert into outbox select x.* from go, jsonb_populate_recordset(null::outbox, go.outbox) x`,
  },
  {
    name: 'copied',
    when: (u) => u.copies,
    body: () => `
    insert into copies select x.* from go left join listed l using (n)
    cross join lateral jsonb_array_elements(go.copies) e
    cross join lateral jsonb_populate_record(null::copies, e.value || jsonb_build_object(
      'status', l.status, 'college', l.college, 'search_text', coalesce(l.search_text, ''))) x`,
  },
  statusKept('copies_kept', 'copies'),
  {
    name: 'done_new',
    when: (u) => u.hist && u.inst,
    body: () => `
    insert into done_items (instance_id, seq, actor_id, event, at, flow_id, status, college,
      search_text)
    select h.instance_id, h.seq, h.actor_id, h.event, h.at, l.flow_id, l.status, l.college,
      l.search_text
    from go join listed l using (n), jsonb_populate_record(null::history, go.hist) h
    where go.hist is not null and ${DONE_EVENT}`,
  },
  statusKept('done_kept', 'done_items'),
  {
    name: 'ref_upd',
    when: (u) => u.refs,
    body: () => `
    update reference_data d set value = q.value, version = d.version + 1, updated_at = now()
    from ref_want q join ok using (n)
    where q.expected is not null and d.kind = q.kind and d.key = q.key`,
  },
  {
    name: 'ref_ins',
    when: (u) => u.refs,
    body: () => `
    insert into reference_data (kind, key, value, version, updated_at)
    select q.kind, q.key, q.value, 1, now() from ref_want q join ok using (n)
    where q.expected is null`,
  },
  insertRow('idem', 'idempotency_keys', 'idem', (u) => u.idem),
  insertRow('audited', 'admin_audit', 'audit', (u) => u.audit),
  {
    name: 'token_used',
    when: (u) => u.token,
    body: () => `
    update mail_action_tokens k set used_at = go.token_at, outcome = 'applied'
    from go where k.token_hash = go.token_hash`,
  },
];
