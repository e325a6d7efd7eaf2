import { sql } from 'drizzle-orm';
import type {
  CommandWrite,
  DueBasis,
  InstanceRecord,
  InstanceStatus,
  JsonObject,
  ReferenceKey,
  TaskKind,
  TaskRecord,
  TaskStatus,
  TimerKind,
  TimerRecord,
  TimerStatus,
} from '@certflow/engine';
import type { Database } from './database.js';
import type { TxScope } from './store.js';

/**
 * The two statements of a command's hot path, as hand-written SQL with a fixed text (so
 * postgres.js prepares each once per connection): lock the instance and read its open tasks in
 * one statement, and write everything an accepted command writes in one data-modifying CTE.
 * Row lists travel as one jsonb parameter each (`jsonb_to_recordset`), so the text does not
 * depend on how many tasks, timers or outbox rows there are. Runs the same on PGlite.
 */

/** postgres.js returns the row list itself, PGlite a result with `rows`. */
export function rowsOf(result: unknown): Record<string, unknown>[] {
  if (Array.isArray(result)) return result as Record<string, unknown>[];
  return (result as { rows: Record<string, unknown>[] }).rows;
}

/** A jsonb value read back: postgres.js and PGlite parse it; a driver that did not gives text. */
export function jsonValue<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

const date = (value: unknown): Date => new Date(value as string);
const dateOrNull = (value: unknown): Date | null => (value == null ? null : date(value));
const textOrNull = (value: unknown): string | null => (value == null ? null : (value as string));

/** An `instances` row as `to_jsonb` gives it (snake_case keys, ISO timestamps). */
function instanceFromJson(r: Record<string, unknown>): InstanceRecord {
  return {
    id: r.id as string,
    flowId: r.flow_id as string,
    flowVersion: r.flow_version as number,
    state: r.state as string,
    status: r.status as InstanceStatus,
    version: r.version as number,
    snapshot: r.snapshot as JsonObject,
    submitterId: r.submitter_id as string,
    college: textOrNull(r.college),
    organization: textOrNull(r.organization),
    subjectId: textOrNull(r.subject_id),
    refKeys: (r.ref_keys ?? []) as ReferenceKey[],
    title: r.title as string,
    stepActors: r.step_actors as Record<string, string>,
    headHash: r.head_hash as string,
    createdAt: date(r.created_at),
    updatedAt: date(r.updated_at),
  };
}

/** A `tasks` row as `to_jsonb` gives it. */
export function taskFromJson(r: Record<string, unknown>): TaskRecord {
  return {
    id: r.id as string,
    instanceId: r.instance_id as string,
    flowId: r.flow_id as string,
    state: r.state as string,
    step: r.step as string,
    kind: r.kind as TaskKind,
    role: r.role as string,
    college: textOrNull(r.college),
    organization: textOrNull(r.organization),
    assignee: textOrNull(r.assignee),
    events: r.events as string[],
    approval: r.approval as boolean,
    dueAt: dateOrNull(r.due_at),
    dueBasis: (r.due_basis ?? null) as DueBasis | null,
    status: r.status as TaskStatus,
    createdAt: date(r.created_at),
    completedAt: dateOrNull(r.completed_at),
    completedBy: textOrNull(r.completed_by),
  };
}

/** An instance with its open tasks, and the directory revision seen by the same statement. */
export interface InstanceRead {
  readonly instance: InstanceRecord;
  readonly openTasks: TaskRecord[];
  /** `directory_revision` as of this statement (see directory-cache.ts). */
  readonly directoryRevision: string;
}

/**
 * The instance row with its open tasks aggregated alongside and the directory revision, in one
 * statement: `SELECT … FOR UPDATE` of the row (`lock`), or a plain read for a command that writes
 * with a version check instead.
 */
export async function readWithOpenTasks(
  q: Database,
  id: string,
  lock: boolean,
): Promise<InstanceRead | undefined> {
  const query = sql`select ${INSTANCE_READ} from instances i where i.id = ${id}`;
  const result = await q.execute(lock ? sql`${query} for update of i` : query);
  const [row] = rowsOf(result);
  return row && instanceReadOf(row);
}

/**
 * The columns of an `InstanceRead` for the instance aliased `i`: the row, its open tasks
 * aggregated (oldest first) and the directory revision — the same text in every statement.
 */
const INSTANCE_READ = sql.raw(`to_jsonb(i) as instance,
      coalesce((select jsonb_agg(to_jsonb(t) order by t.created_at, t.id) from tasks t
                where t.instance_id = i.id and t.status = 'open'), '[]'::jsonb) as open_tasks,
      coalesce((select revision from directory_revision), 0)::text as directory_revision`);

function instanceReadOf(row: Record<string, unknown>): InstanceRead {
  return {
    instance: instanceFromJson(jsonValue<Record<string, unknown>>(row.instance)),
    openTasks: jsonValue<Record<string, unknown>[]>(row.open_tasks).map(taskFromJson),
    directoryRevision: String(row.directory_revision),
  };
}

/**
 * A timer, its instance and the instance's open tasks with the directory revision, in one plain
 * read (no locks): what an unlocked fire decides on (its write then claims the timer).
 */
export async function readTimerWithInstance(
  q: Database,
  timerId: string,
): Promise<{ timer: TimerRecord; instance?: InstanceRead } | undefined> {
  const result = await q.execute(sql`
    select to_jsonb(m) as timer, ${INSTANCE_READ}
    from timers m left join instances i on i.id = m.instance_id where m.id = ${timerId}`);
  const [row] = rowsOf(result);
  if (!row) return undefined;
  const timer = timerFromJson(jsonValue<Record<string, unknown>>(row.timer));
  return row.instance == null ? { timer } : { timer, instance: instanceReadOf(row) };
}

/**
 * "The timer row is still pending", written so that it cannot select
 * the partial index `timers_pending_due_idx` (`where status = 'pending'`): a plain
 * `status = 'pending'` lets the planner scan that index instead of the primary key whenever its
 * statistics were taken while few timers were pending, and a cached plan then reads every
 * pending timer — a million in the benchmark — for each claim. Cancelling by instance uses it
 * too, and finds the instance's pending timers through `timers_pending_instance_idx`, whose
 * predicate is this very expression (command-plan.int.test.ts checks both plans).
 */
const STILL_PENDING = sql.raw(`(case when status = 'pending' then true else false end)`);

/** A `timers` row as `to_jsonb` gives it. */
function timerFromJson(r: Record<string, unknown>): TimerRecord {
  return {
    id: r.id as string,
    instanceId: r.instance_id as string,
    taskId: textOrNull(r.task_id),
    state: r.state as string,
    kind: r.kind as TimerKind,
    event: r.event as string,
    dueAt: date(r.due_at),
    dueBasis: (r.due_basis ?? null) as DueBasis | null,
    status: r.status as TimerStatus,
    createdAt: date(r.created_at),
    firedAt: dateOrNull(r.fired_at),
  };
}

/**
 * Marks a pending timer fired in one statement. The outer select reads the row as it was when the
 * statement began (a data-modifying CTE's changes are not visible to it); `claimed` says whether
 * the update matched — after waiting for a concurrent claim, it re-checks `status = 'pending'`.
 */
export async function claimTimerRow(
  q: Database,
  id: string,
  at: Date,
  dueBy: Date | undefined,
): Promise<{ timer: TimerRecord; claimed: boolean } | undefined> {
  const result = await q.execute(sql`
    with claimed as (
      update timers set status = 'fired', fired_at = ${at.toISOString()}::text::timestamptz
      where id = ${id} and ${STILL_PENDING}
        and (${dueBy?.toISOString() ?? null}::text::timestamptz is null
             or due_at <= ${dueBy?.toISOString() ?? null}::text::timestamptz)
      returning id
    )
    select to_jsonb(t) as timer, exists (select 1 from claimed) as claimed
    from timers t where t.id = ${id}`);
  const [row] = rowsOf(result);
  if (!row) return undefined;
  return {
    timer: timerFromJson(jsonValue<Record<string, unknown>>(row.timer)),
    claimed: row.claimed === true || row.claimed === 't',
  };
}

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());
const jsonText = (value: unknown): string => JSON.stringify(value);

/**
 * One accepted command's writes as one statement. The sub-statements touch disjoint rows
 * (tasks closed are open ones read under the lock, tasks inserted are new; timers cancelled are
 * stored ones other than the one claimed, timers inserted are new), so their order inside the CTE
 * does not matter. Each is gated on the guard (`go`): the stored version is the expected one and,
 * with `claimTimer`, the timer was still pending when this statement locked it (`claim_lock`,
 * before the instance, as a fire in a transaction locks them). Otherwise nothing is written and
 * the result is false — so a `final` write may be committed whatever it returns.
 */
export async function writeCommandRows(scope: TxScope, w: CommandWrite): Promise<boolean> {
  const i = w.instance;
  const h = w.history;
  const closes = w.closeTasks.map((c) => ({
    id: c.id,
    status: c.status,
    completed_by: c.by,
    completed_at: iso(c.at),
  }));
  const newTasks = w.newTasks.map((t) => ({
    id: t.id,
    instance_id: t.instanceId,
    flow_id: t.flowId,
    state: t.state,
    step: t.step,
    kind: t.kind,
    role: t.role,
    college: t.college,
    organization: t.organization,
    assignee: t.assignee,
    events: t.events,
    approval: t.approval,
    due_at: iso(t.dueAt),
    due_basis: t.dueBasis,
    status: t.status,
    created_at: iso(t.createdAt),
    completed_at: iso(t.completedAt),
    completed_by: t.completedBy,
  }));
  const timers = w.timers.map((t) => ({
    id: t.id,
    instance_id: t.instanceId,
    task_id: t.taskId,
    state: t.state,
    kind: t.kind,
    event: t.event,
    due_at: iso(t.dueAt),
    due_basis: t.dueBasis,
    status: t.status,
    created_at: iso(t.createdAt),
    fired_at: iso(t.firedAt),
  }));
  const outbox = w.outbox.map((o) => ({
    id: o.id,
    instance_id: o.instanceId,
    kind: o.kind,
    payload: o.payload,
    status: o.status,
    attempts: o.attempts,
    created_at: iso(o.createdAt),
    available_at: iso(o.availableAt),
    delivered_at: iso(o.deliveredAt),
    last_error: o.lastError,
  }));
  const expected = w.expectedVersion === null ? null : String(w.expectedVersion);
  const claimId = w.claimTimer?.id ?? null;
  const query = sql`
    with claim_lock as (
      select id from timers where id = ${claimId} and ${STILL_PENDING} for update
    ), updated as (
      update instances set state = ${i.state}, status = ${i.status},
        version = ${String(i.version)}::text::int, snapshot = ${jsonText(i.snapshot)}::text::jsonb,
        step_actors = ${jsonText(i.stepActors)}::text::jsonb, head_hash = ${i.headHash},
        updated_at = ${iso(i.updatedAt)}::text::timestamptz
      where id = ${i.id} and version = ${expected}::text::int
        and (${claimId}::text is null or exists (select 1 from claim_lock))
      returning 1
    ), go as (
      select (${claimId}::text is null or exists (select 1 from claim_lock))
        and (${expected}::text::int is null or exists (select 1 from updated)) as ok
    ), claimed as (
      update timers set status = 'fired', fired_at = ${iso(w.claimTimer?.at ?? null)}::text::timestamptz
      where id in (select id from claim_lock) and (select ok from go)
    ), appended as (
      insert into history (instance_id, seq, actor_id, actor_name, event, data, from_state,
        to_state, comment, at, prev_hash, hash)
      select ${h.instanceId}, ${String(h.seq)}::text::int, ${h.actorId}, ${h.actorName},
        ${h.event}, ${jsonText(h.data)}::text::jsonb, ${h.fromState}, ${h.toState}, ${h.comment},
        ${iso(h.at)}::text::timestamptz, ${h.prevHash}, ${h.hash}
      from go where go.ok
    ), closed as (
      update tasks t set status = c.status, completed_by = c.completed_by,
        completed_at = c.completed_at
      from jsonb_to_recordset(${jsonText(closes)}::text::jsonb)
        as c(id text, status text, completed_by text, completed_at timestamptz), go
      where go.ok and t.id = c.id and t.status = 'open'
    ), opened as (
      insert into tasks (id, instance_id, flow_id, state, step, kind, role, college,
        organization, assignee, events, approval, due_at, due_basis, status, created_at,
        completed_at, completed_by)
      select x.* from jsonb_to_recordset(${jsonText(newTasks)}::text::jsonb)
        as x(id text, instance_id text, flow_id text, state text, step text, kind text,
          role text, college text, organization text, assignee text, events jsonb,
          approval boolean, due_at timestamptz, due_basis jsonb, status text,
          created_at timestamptz, completed_at timestamptz, completed_by text), go
      where go.ok
    ), cancelled as (
      update timers set status = 'cancelled'
      where ${w.cancelTimers === null ? 'f' : 't'}::text::boolean
        and (select ok from go)
        and instance_id = ${i.id} and ${STILL_PENDING}
        and (${claimId}::text is null or id <> ${claimId})
        and not (state in (select jsonb_array_elements_text(
          ${jsonText(w.cancelTimers?.keepStates ?? [])}::text::jsonb)))
    ), scheduled as (
      insert into timers (id, instance_id, task_id, state, kind, event, due_at, due_basis,
        status, created_at, fired_at)
      select x.* from jsonb_to_recordset(${jsonText(timers)}::text::jsonb)
        as x(id text, instance_id text, task_id text, state text, kind text, event text,
          due_at timestamptz, due_basis jsonb, status text, created_at timestamptz,
          fired_at timestamptz), go
      where go.ok
    ), queued as (
      insert into outbox (id, instance_id, kind, payload, status, attempts, created_at,
        available_at, delivered_at, last_error)
      select x.* from jsonb_to_recordset(${jsonText(outbox)}::text::jsonb)
        as x(id text, instance_id text, kind text, payload jsonb, status text, attempts int,
          created_at timestamptz, available_at timestamptz, delivered_at timestamptz,
          last_error text), go
      where go.ok
    )
    select (select ok from go) as ok`;
  const [row] =
    w.final && scope.commitWith
      ? await scope.commitWith(query)
      : rowsOf(await scope.db.execute(query));
  return row?.ok === true || row?.ok === 't';
}
