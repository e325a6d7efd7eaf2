import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type {
  AdminAuditRecord,
  HistoryRecord,
  InboxQuery,
  InstanceQuery,
  InstanceRecord,
  JsonObject,
  StoreReader,
  TaskRecord,
  TimerRecord,
} from '@certflow/engine';
import type { Database } from '../database.js';
import { fromJsonRow } from '../schema/columns.js';
import {
  adminAudit,
  history,
  instances,
  referenceData,
  tasks,
  TIMER_COLUMNS,
  timers,
} from '../schema/tables.js';
import { jsonValue, rowsOf } from '../sql/sql-values.js';

/**
 * The store's reads outside a command (`Store.read`): instances, history, the inbox, timers and
 * reference data. The open-task and reference reads serve the command transactions too.
 */

function openTasksOf(q: Database, instanceId: string): Promise<TaskRecord[]> {
  return q
    .select()
    .from(tasks)
    .where(and(eq(tasks.instanceId, instanceId), eq(tasks.status, 'open')))
    .orderBy(asc(tasks.createdAt), asc(tasks.id));
}

/**
 * The inbox's branches: tasks assigned to the actor; unassigned tasks of each of their roles,
 * school-wide, (with a college) of their college and (with an organization) of their evaluation
 * organization. The branches are disjoint and each matches
 * one partial index whose order is the inbox's (schema.ts `tasks_inbox_*`).
 */
export function inboxBranches(query: InboxQuery): SQL[] {
  const branches: SQL[] = [sql`status = 'open' and assignee = ${query.actorId}`];
  for (const role of new Set(query.roles)) {
    branches.push(
      sql`status = 'open' and assignee is null and college is null and organization is null and role = ${role}`,
    );
    // An organization-scoped task (第六条3) is only for its evaluation organization's people.
    if (query.organization !== null) {
      branches.push(
        sql`status = 'open' and assignee is null and organization is not null and role = ${role} and organization = ${query.organization}`,
      );
    }
    if (query.college !== null) {
      branches.push(
        sql`status = 'open' and assignee is null and college is not null and role = ${role} and college = ${query.college}`,
      );
    }
  }
  return branches;
}

const INBOX_ORDER = sql`due_at asc nulls last, created_at asc, id asc`;

/**
 * One page of the inbox: each branch walks its index in the inbox's order and stops after
 * `offset + limit` rows; the planner merges the branches (Merge Append) — no sort of the whole
 * set. The total adds one index-only count per branch.
 */
async function inboxOf(
  q: Database,
  query: InboxQuery,
): Promise<{ items: TaskRecord[]; total: number }> {
  const branches = inboxBranches(query);
  const depth = query.offset + query.limit;
  const page = sql.join(
    branches.map(
      (where) => sql`(select * from tasks where ${where} order by ${INBOX_ORDER} limit ${depth})`,
    ),
    sql` union all `,
  );
  const counts = sql.join(
    branches.map((where) => sql`(select count(*) from tasks where ${where})`),
    sql` + `,
  );
  const [rows, counted] = await Promise.all([
    q.execute(sql`select to_jsonb(t) as task from (${page}) t
      order by ${INBOX_ORDER} limit ${query.limit} offset ${query.offset}`),
    q.execute(sql`select (${counts})::int as total`),
  ]);
  const [row] = rowsOf(counted);
  return {
    items: rowsOf(rows).map((r) => fromJsonRow<TaskRecord>(tasks, jsonValue(r.task))),
    total: Number(row?.total ?? 0),
  };
}

function instanceFilter(query: InstanceQuery): SQL | undefined {
  return and(
    query.flowId === undefined ? undefined : eq(instances.flowId, query.flowId),
    query.status === undefined ? undefined : eq(instances.status, query.status),
    query.college === undefined ? undefined : eq(instances.college, query.college),
    query.subjectId === undefined ? undefined : eq(instances.subjectId, query.subjectId),
  );
}

async function total(rows: Promise<{ n: number }[]>): Promise<number> {
  const [row] = await rows;
  return row?.n ?? 0;
}

export function createReader(q: Database): StoreReader {
  return {
    async getInstance(id) {
      const [row] = await q.select().from(instances).where(eq(instances.id, id));
      return row satisfies InstanceRecord | undefined;
    },

    async listInstances(query) {
      const where = instanceFilter(query);
      const [rows, n] = await Promise.all([
        q
          .select()
          .from(instances)
          .where(where)
          .orderBy(asc(instances.createdAt), asc(instances.id))
          .limit(query.limit)
          .offset(query.offset),
        total(q.select({ n: count() }).from(instances).where(where)),
      ]);
      return { items: rows satisfies InstanceRecord[], total: n };
    },

    async history(instanceId) {
      const rows = await q
        .select()
        .from(history)
        .where(eq(history.instanceId, instanceId))
        .orderBy(asc(history.seq));
      return rows satisfies HistoryRecord[];
    },

    openTasks: (instanceId) => openTasksOf(q, instanceId),

    inbox: (query) => inboxOf(q, query),

    async pendingTimers(instanceId) {
      const rows = await q
        .select(TIMER_COLUMNS)
        .from(timers)
        .where(and(eq(timers.status, 'pending'), eq(timers.instanceId, instanceId)))
        .orderBy(asc(timers.dueAt), asc(timers.id));
      return rows satisfies TimerRecord[];
    },

    async reference(kind, key) {
      const [row] = await q
        .select({ value: referenceData.value })
        .from(referenceData)
        .where(and(eq(referenceData.kind, kind), eq(referenceData.key, key)));
      return row?.value satisfies JsonObject | undefined;
    },

    async instancesWithDeadlinesIn(year) {
      // Deadlines whose count walked through `year` (DueBasis.years).
      const years = JSON.stringify([year]);
      const result = await q.execute(sql`
        select i.id from instances i
        where i.status = 'active' and (
          exists (select 1 from tasks t where t.instance_id = i.id and t.status = 'open'
            and t.due_basis -> 'years' @> ${years}::text::jsonb)
          or exists (select 1 from timers x where x.instance_id = i.id and x.status = 'pending'
            and x.due_basis -> 'years' @> ${years}::text::jsonb))
        order by i.id`);
      return rowsOf(result).map((r) => String(r.id));
    },

    async auditTrail({ subject, limit, offset }) {
      const rows = await q
        .select()
        .from(adminAudit)
        .where(subject === undefined ? undefined : eq(adminAudit.subject, subject))
        .orderBy(desc(adminAudit.seq))
        .limit(limit)
        .offset(offset);
      return rows satisfies AdminAuditRecord[];
    },
  };
}
