import { sql } from 'drizzle-orm';
import type { CommandWrite } from '@certflow/engine';
import type { Database } from '../database.js';
import { toJsonRow } from '../schema/columns.js';
import {
  adminAudit,
  copies,
  history,
  idempotencyKeys,
  instances,
  outbox,
  tasks,
  timers,
} from '../schema/tables.js';
import { rowsOf, STILL_OPEN_T_TEXT, STILL_PENDING_T_TEXT } from './sql-values.js';

/** A history row that is a decision (已办): not a start, comment, 抄送, 催办 or recompute. */
const DONE_EVENT = `h.event not in ('START', 'COMMENT', 'CC', 'URGE', 'RECOMPUTE_DEADLINES')`;

/**
 * "Row `t` is one of the rows of the batch's flattened set `cte` (as `alias`)": the join, and
 * `= any(array(…))` beside it, which lets the planner — taking the set for 100 rows — look the
 * rows up by primary key from a few thousand rows on, not only from tens of thousands.
 */
const keyedBy = (cte: string, alias: string) =>
  `t.id = ${alias}.id and t.id = any(array(select id from ${cte}))`;

/** What the writes of one batch hold at all; a part of the statement runs only for what is used. */
type Uses = Readonly<Record<(typeof USES)[number], boolean>>;
const USES = [
  'refs',
  'claim',
  'token',
  'expected',
  'inserted',
  'inst',
  'hist',
  'close',
  'upd',
  'newTasks',
  'moveTasks',
  'cancel',
  'moveTimers',
  'newTimers',
  'outbox',
  'copies',
  'idem',
  'audit',
] as const;

function usesOf(params: readonly WriteParam[]): Uses {
  const some = (f: (p: WriteParam) => boolean) => params.some(f);
  return {
    refs: some((p) => p.refs.length > 0),
    claim: some((p) => p.claim_id !== null),
    token: some((p) => p.token_hash !== null),
    expected: some((p) => p.inst !== null && p.expected !== null),
    inserted: some((p) => p.inst !== null && p.expected === null),
    inst: some((p) => p.inst !== null),
    hist: some((p) => p.hist !== null),
    close: some((p) => p.close.length > 0),
    upd: some((p) => p.upd.length > 0),
    newTasks: some((p) => p.new_tasks.length > 0),
    moveTasks: some((p) => p.move_tasks.length > 0),
    cancel: some((p) => p.cancel.length > 0),
    moveTimers: some((p) => p.move_timers.length > 0),
    newTimers: some((p) => p.new_timers.length > 0),
    outbox: some((p) => p.outbox.length > 0),
    copies: some((p) => p.copies.length > 0),
    idem: some((p) => p.idem !== null),
    audit: some((p) => p.audit !== null),
  };
}

/**
 * The parts of the statement after `w` (the batch's rows), each with when it runs. A part whose
 * rows no write of the batch has would find nothing to do, but PostgreSQL still sets up and runs
 * every part of a statement: a send uses about half of them, so the statement a batch runs is
 * made of only the parts it uses (one text per combination, remembered; each is a prepared
 * statement of its own).
 */
const PARTS: readonly {
  readonly name: string;
  readonly when: (u: Uses) => boolean;
  readonly body: (u: Uses) => string;
  readonly materialized?: true;
}[] = [
  {
    name: 'ref_want',
    when: (u) => u.refs,
    body: () => `
    select w.n, q.kind, q.key, q.value, q.expected from w
    cross join lateral jsonb_to_recordset(w.refs) as q(kind text, key text, value jsonb, expected int)`,
  },
  {
    name: 'claim_lock',
    when: (u) => u.claim,
    body: () => `
    select w.n from w cross join lateral (
      select 1 from timers t where t.id = w.claim_id and ${STILL_PENDING_T_TEXT} for update) l`,
  },
  {
    name: 'token_lock',
    when: (u) => u.token,
    body: () => `
    select w.n from w cross join lateral (
      select 1 from mail_action_tokens k where k.token_hash = w.token_hash
        and k.used_at is null and k.superseded_at is null and k.expires_at > w.token_at
      for update) l`,
  },
  {
    name: 'ref_lock',
    when: (u) => u.refs,
    body: () => `
    select q.n from ref_want q cross join lateral (
      select 1 from reference_data d
      where d.kind = q.kind and d.key = q.key and d.version = q.expected for update) l`,
  },
  {
    name: 'inst_lock',
    when: (u) => u.expected,
    body: () => `
    select w.n from w cross join lateral (
      select 1 from instances i where i.id = w.inst->>'id' and i.version = w.expected
      for update) l`,
  },
  {
    name: 'ok',
    when: () => true,
    body: (u) =>
      `
    select w.n from w
    where true` +
      (u.claim ? `\n      and (w.claim_id is null or w.n in (select n from claim_lock))` : '') +
      (u.token ? `\n      and (w.token_hash is null or w.n in (select n from token_lock))` : '') +
      (u.refs
        ? `
      and (select count(*) from ref_want q where q.n = w.n and q.expected is not null)
        = (select count(*) from ref_lock l where l.n = w.n)
      and not exists (select 1 from ref_want q
        join reference_data d on d.kind = q.kind and d.key = q.key
        where q.n = w.n and q.expected is null)`
        : '') +
      (u.expected
        ? `\n      and (w.inst is null or w.expected is null or w.n in (select n from inst_lock))`
        : '') +
      (u.idem
        ? `
      and (w.idem is null or not exists (select 1 from idempotency_keys y
        where y.scope = w.idem->>'scope' and y.key = w.idem->>'key'))`
        : '') +
      (u.audit
        ? `
      and (w.audit is null or not exists (select 1 from admin_audit a
        where a.seq = (w.audit->>'seq')::bigint))`
        : ''),
  },
  { name: 'go', when: () => true, body: () => `\n    select w.* from w join ok using (n)` },
  {
    // What the lists filter on (migration 0013, docs/lists.md), as this write leaves the
    // instance: its flow, status, college, search text (0010's, or computed for a start) and the
    // earliest deadline of its open tasks after the write (those open before, minus the closed,
    // as moved or replaced, plus the new ones; the statement sees the rows as they were before).
    // Every part that joins it needs it; a write without an instance has no row in it.
    name: 'listed',
    when: (u) => u.inst || u.hist || u.close || u.newTasks || u.copies,
    body: () => `
    select go.n, x.id, x.flow_id, x.status, x.college,
      left(coalesce((select i.search_text from instances i where i.id = x.id),
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
  {
    name: 'hist',
    when: (u) => u.hist,
    body: () => `
    insert into history select x.* from go, jsonb_populate_record(null::history, go.hist) x
    where go.hist is not null
    returning instance_id, seq, at`,
  },
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
  {
    name: 'moving_tasks',
    when: (u) => u.moveTasks,
    materialized: true,
    body: () => `
    select m.* from go cross join lateral jsonb_to_recordset(go.move_tasks)
      as m(id text, due_at timestamptz, due_basis jsonb)`,
  },
  {
    name: 'moved_tasks',
    when: (u) => u.moveTasks,
    body: () => `
    update tasks t set due_at = m.due_at, due_basis = m.due_basis
    from moving_tasks m
    where ${keyedBy('moving_tasks', 'm')} and ${STILL_OPEN_T_TEXT}`,
  },
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
  {
    name: 'moving_timers',
    when: (u) => u.moveTimers,
    materialized: true,
    body: () => `
    select m.* from go cross join lateral jsonb_to_recordset(go.move_timers)
      as m(id text, due_at timestamptz, due_basis jsonb)`,
  },
  {
    name: 'moved_timers',
    when: (u) => u.moveTimers,
    body: () => `
    update timers t set due_at = m.due_at, due_basis = m.due_basis, lease_until = null
    from moving_timers m
    where ${keyedBy('moving_timers', 'm')} and ${STILL_PENDING_T_TEXT}`,
  },
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
  {
    // A list row's copy of its instance's status (its overdue reads the instance's late_at by
    // key, migration 0017): rewritten only by the write that ends the instance.
    name: 'copies_kept',
    when: (u) => u.inst,
    body: () => `
    update copies c set status = l.status from listed l
    where c.instance_id = l.id and c.status is distinct from l.status`,
  },
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
  {
    name: 'done_kept',
    when: (u) => u.inst,
    body: () => `
    update done_items d set status = l.status from listed l
    where d.instance_id = l.id and d.status is distinct from l.status`,
  },
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
  {
    name: 'idem',
    when: (u) => u.idem,
    body: () => `
    insert into idempotency_keys
    select x.* from go, jsonb_populate_record(null::idempotency_keys, go.idem) x
    where go.idem is not null`,
  },
  {
    name: 'audited',
    when: (u) => u.audit,
    body: () => `
    insert into admin_audit
    select x.* from go, jsonb_populate_record(null::admin_audit, go.audit) x
    where go.audit is not null`,
  },
  {
    name: 'token_used',
    when: (u) => u.token,
    body: () => `
    update mail_action_tokens k set used_at = go.token_at, outcome = 'applied'
    from go where k.token_hash = go.token_hash`,
  },
];

/** The statement's text after `w` for a combination of uses, made once per combination. */
const partsText = new Map<string, string>();
function restOf(u: Uses): string {
  const key = USES.map((k) => (u[k] ? '1' : '0')).join('');
  let text = partsText.get(key);
  if (text === undefined) {
    text =
      PARTS.filter((p) => p.when(u))
        .map((p) => `, ${p.name} as ${p.materialized ? 'materialized ' : ''}(${p.body(u)}\n  )`)
        .join('') + `\n  select n from ok order by n`;
    partsText.set(key, text);
  }
  return text;
}

/**
 * A batch of decided commands as ONE statement — one transaction, one commit for all of them
 * (group commit) — in which each write is still checked on its own:
 *
 * 1. lock what each write's checks are about, where the check still holds (each a primary-key
 *    lookup per write, `lateral`, whatever the planner guesses of the jsonb rows): the timer it claims
 *    (still pending), the action token it uses (unused, unexpired), the reference rows it writes
 *    (at the version it read), its instance (at the version it read);
 * 2. `ok`: the writes whose every check holds (and whose idempotency key and new reference rows
 *    are still free);
 * 3. write everything of the `ok` writes, nothing of the others — including the lists' copies of
 *    the instance's filter fields (`listed`; docs/lists.md), the instance's own `late_at` and the
 *    change feed's rows (`fed`).
 *
 * The lock waits for a concurrent writer of the same row and then re-checks the condition on the
 * row it committed, so a lost race leaves that write out and the others in. Two writes of one
 * batch never touch the same instance, reference row, timer, token or key (the batcher keeps
 * them apart). Every row list travels in one jsonb parameter; the text has only the parts the
 * batch uses (`PARTS`).
 */
function writeStatement(params: readonly WriteParam[]) {
  return sql`
  with w as (
    select * from jsonb_to_recordset(${JSON.stringify(params)}::text::jsonb) as w(
      n int, inst jsonb, expected int, hist jsonb, close jsonb, upd jsonb, new_tasks jsonb,
      cancel jsonb, new_timers jsonb, move_tasks jsonb, move_timers jsonb, outbox jsonb,
      copies jsonb, refs jsonb, claim_id text, claim_at timestamptz, idem jsonb, token_hash text,
      token_at timestamptz, audit jsonb)
  )${sql.raw(restOf(usesOf(params)))}`;
}

/** For probes: the statement of a batch. */
export const writeStatementFor = (writes: readonly CommandWrite[]) =>
  writeStatement(writes.map(writeParam));

const iso = (d: Date): string => d.toISOString();

/** One write as the statement's jsonb wants it. */
type WriteParam = ReturnType<typeof writeParam>;
function writeParam(w: CommandWrite, n: number) {
  return {
    n,
    inst: w.instance ? toJsonRow(instances, w.instance.row) : null,
    expected: w.instance?.expectedVersion ?? null,
    hist: w.history ? toJsonRow(history, w.history) : null,
    close: w.closeTasks.map((c) => ({
      id: c.id,
      status: c.status,
      completed_by: c.by,
      completed_at: iso(c.at),
    })),
    upd: w.updateTasks.map((t) => toJsonRow(tasks, t)),
    new_tasks: w.newTasks.map((t) => toJsonRow(tasks, t)),
    cancel: w.cancelTimers,
    new_timers: w.newTimers.map((t) => toJsonRow(timers, t)),
    move_tasks: w.moveTasks.map((m) => ({ id: m.id, due_at: iso(m.dueAt), due_basis: m.dueBasis })),
    move_timers: w.moveTimers.map((m) => ({
      id: m.id,
      due_at: iso(m.dueAt),
      due_basis: m.dueBasis,
    })),
    outbox: w.outbox.map((o) => toJsonRow(outbox, o)),
    copies: w.copies.map((c) => toJsonRow(copies, c)),
    refs: w.references.map((r) => ({
      kind: r.kind,
      key: r.key,
      value: r.value,
      expected: r.expectedVersion,
    })),
    claim_id: w.claimTimer?.id ?? null,
    claim_at: w.claimTimer ? iso(w.claimTimer.at) : null,
    idem: w.idempotency ? toJsonRow(idempotencyKeys, w.idempotency) : null,
    token_hash: w.useToken?.tokenHash ?? null,
    token_at: w.useToken ? iso(w.useToken.at) : null,
    audit: w.audit ? toJsonRow(adminAudit, w.audit) : null,
  };
}

/** Write a batch in one statement; answers, in order, which writes were applied. */
export async function writeCommands(
  db: Database,
  writes: readonly CommandWrite[],
): Promise<boolean[]> {
  const statement = writeStatement(writes.map(writeParam));
  const applied = new Set(rowsOf(await db.execute(statement)).map((r) => Number(r.n)));
  return writes.map((_, n) => applied.has(n));
}

/**
 * What two writes of one batch must not share (the statement checks each against the rows as
 * they were before the statement, so two writes of the same row would both pass).
 */
export function conflictKeys(w: CommandWrite): string[] {
  return [
    ...(w.instance ? [`i:${w.instance.row.id}`] : []),
    ...(w.history ? [`i:${w.history.instanceId}`] : []),
    ...w.references.map((r) => `r:${r.kind}\u0000${r.key}`),
    ...(w.claimTimer ? [`t:${w.claimTimer.id}`] : []),
    ...w.cancelTimers.map((id) => `t:${id}`),
    ...w.moveTimers.map((m) => `t:${m.id}`),
    ...(w.useToken ? [`k:${w.useToken.tokenHash}`] : []),
    ...(w.idempotency ? [`y:${w.idempotency.scope}\u0000${w.idempotency.key}`] : []),
    ...(w.audit ? ['audit'] : []),
  ];
}
