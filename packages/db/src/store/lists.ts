import { sql, type SQL } from 'drizzle-orm';
import type { TaskRecord } from '@certflow/engine';
import type { Database } from '../database.js';
import { fromJsonRow } from '../schema/columns.js';
import { tasks } from '../schema/tables.js';
import { jsonValue, rowsOf } from '../sql/sql-values.js';
import { inboxBranches } from './reader.js';
import {
  and,
  CREATED_KEYS,
  date,
  dateOrNull,
  DONE_KEYS,
  INSTANCE_OF_PAGE,
  instanceColumns,
  instanceOf,
  iso,
  listOrder,
  planOf,
  range,
  rowConditions,
  run,
  tableWalk,
  textOrNull,
  type Walk,
} from './list-walk.js';
import {
  DEFAULT_LIST_CAPS,
  type CopyFilter,
  type CopyItem,
  type CountName,
  type DecidedItem,
  type ListCaps,
  type ListCounts,
  type ListFilter,
  type ListPage,
  type ListResult,
  type Lists,
  type ListsOptions,
  type StartedItem,
  type TodoItem,
  type TodoOwner,
} from './list-types.js';

/**
 * A person's work lists (docs/lists.md): 待办 (open tasks for them), 已办 (the decisions they
 * made), 我发起的 (the instances they started) and 抄送我的 (the instances copied to them), each
 * filtered, searched, paged and sorted, and their counts. Every list walks one index in its own
 * order and stops at the page's end (migrations 0010, 0013; `lists-plan.int.test.ts` checks the
 * plans). What the filters are about is copied into the list's rows (0013) — but for the
 * earliest open deadline, read from the instance by key (0017) — so they are checked on the index
 * as it is walked (list-walk.ts); only the page's rows are read from the tables.
 */

const INBOX_ASC = sql.raw(`due_at asc nulls last, created_at asc, id asc`);
const INBOX_DESC = sql.raw(`due_at desc nulls first, created_at desc, id desc`);

/** 待办: the inbox's branches with the date range; each branch an index scan in its order. */
function todoBranches(owner: TodoOwner, filter: ListFilter): SQL[] {
  const own = range(sql`created_at`, filter);
  return inboxBranches({ ...owner, limit: 0, offset: 0 }).map((b) => and([b, ...own]));
}

/** 待办's walk: each branch in the inbox's order, merged (a Merge Append of index scans). */
function todoWalk(branches: SQL[], desc: boolean): Walk {
  const order = desc ? INBOX_DESC : INBOX_ASC;
  return {
    rows: (hit, skip, take) => {
      const union = sql.join(
        branches.map(
          (w) => sql`(select id, due_at, created_at, ${hit} as hit from tasks where ${w}
            order by ${order} limit ${skip + take})`,
        ),
        sql` union all `,
      );
      return sql`select t.id, t.due_at, t.created_at, t.hit from (${union}) t
        order by ${order} offset ${skip} limit ${take}`;
    },
    order,
    countUpTo: (cap) =>
      sql.join(
        branches.map(
          (w) => sql`(select count(*) from (select 1 from tasks where ${w} limit ${cap}) n)`,
        ),
        sql` + `,
      ),
  };
}

async function todoOf(
  q: Database,
  caps: ListCaps,
  owner: TodoOwner,
  filter: ListFilter,
  page: ListPage,
  now: Date,
): Promise<ListResult<TodoItem>> {
  const plan = planOf(
    todoWalk(todoBranches(owner, filter), page.order === 'desc'),
    rowConditions(filter, now, 'tasks'),
    page,
    caps,
  );
  // Each branch walks its index only (the keys and the INCLUDE columns); the page's rows are
  // read by primary key after the limit.
  const [rows, result] = await run(
    q,
    plan,
    sql`select to_jsonb(p) as task, ${instanceColumns(now)}
      from (select w.* from (${plan.keys}) k
        cross join lateral (select * from tasks w where w.id = k.id offset 0) w) p
      ${INSTANCE_OF_PAGE}`,
  );
  const items = rows.map((r) => ({
    task: fromJsonRow<TaskRecord>(tasks, jsonValue(r.task)),
    instance: instanceOf(r),
  }));
  return { items: sortTodo(items, page.order === 'desc'), ...result };
}

/** The page in the inbox's order again (the join after the limit keeps no order by contract). */
function sortTodo(items: TodoItem[], desc: boolean): TodoItem[] {
  const key = (t: TaskRecord): [number, number, string] => [
    t.dueAt ? t.dueAt.getTime() : Number.POSITIVE_INFINITY,
    t.createdAt.getTime(),
    t.id,
  ];
  const cmp = (a: TodoItem, b: TodoItem): number => {
    const [x, y] = [key(a.task), key(b.task)];
    return x[0] - y[0] || x[1] - y[1] || (x[2] < y[2] ? -1 : x[2] > y[2] ? 1 : 0);
  };
  return [...items].sort((a, b) => (desc ? -cmp(a, b) : cmp(a, b)));
}

async function decidedOf(
  q: Database,
  caps: ListCaps,
  personId: string,
  filter: ListFilter,
  page: ListPage,
  now: Date,
): Promise<ListResult<DecidedItem>> {
  const asc = page.order === 'asc';
  const walk = tableWalk(
    sql.raw('done_items d'),
    sql.raw('d.instance_id, d.seq, d.at'),
    and([sql`d.actor_id = ${personId}`, ...range(sql`d.at`, filter)]),
    sql.raw(listOrder('d', DONE_KEYS, asc)),
    listOrder('w', DONE_KEYS, asc),
  );
  const plan = planOf(walk, rowConditions(filter, now, 'd'), page, caps);
  const pageOrder = sql.raw(listOrder('p', DONE_KEYS, asc));
  // The page's rows walk done_items_person_idx only; their history rows are read by primary key.
  const [rows, result] = await run(
    q,
    plan,
    sql`select p.seq, p.event, p.at, p.comment, p.from_state, p.to_state,
        ${instanceColumns(now)}
      from (select k.instance_id, k.seq, h.event, k.at, h.comment, h.from_state, h.to_state
        from (${plan.keys}) k
        cross join lateral (select * from history h
          where h.instance_id = k.instance_id and h.seq = k.seq offset 0) h) p
      ${INSTANCE_OF_PAGE} order by ${pageOrder}`,
  );
  return {
    items: rows.map((r) => ({
      seq: Number(r.seq),
      event: String(r.event),
      at: date(r.at),
      comment: textOrNull(r.comment),
      fromState: textOrNull(r.from_state),
      toState: String(r.to_state),
      instance: instanceOf(r),
    })),
    ...result,
  };
}

async function startedOf(
  q: Database,
  caps: ListCaps,
  personId: string,
  filter: ListFilter,
  page: ListPage,
  now: Date,
): Promise<ListResult<StartedItem>> {
  const asc = page.order === 'asc';
  const walk = tableWalk(
    sql.raw('instances i'),
    sql.raw('i.id, i.created_at'),
    and([sql`i.submitter_id = ${personId}`, ...range(sql`i.created_at`, filter)]),
    sql.raw(listOrder('i', CREATED_KEYS, asc)),
    listOrder('w', CREATED_KEYS, asc),
  );
  // The instance's own columns (0013) and late_at (0015): INCLUDE columns of instances_started_idx.
  const plan = planOf(walk, rowConditions(filter, now, 'i'), page, caps);
  const pageOrder = sql.raw(listOrder('k', CREATED_KEYS, asc));
  // The page's ids walk instances_started_idx only; their rows are read by primary key.
  const [rows, result] = await run(
    q,
    plan,
    sql`select ${instanceColumns(now)}
      from (${plan.keys}) k
      cross join lateral (select * from instances i where i.id = k.id offset 0) i
      order by ${pageOrder}`,
  );
  return { items: rows.map((r) => ({ instance: instanceOf(r) })), ...result };
}

async function copiesOf(
  q: Database,
  caps: ListCaps,
  personId: string,
  filter: CopyFilter,
  page: ListPage,
  now: Date,
): Promise<ListResult<CopyItem>> {
  const asc = page.order === 'asc';
  const walk = tableWalk(
    sql.raw('copies c'),
    sql.raw('c.id, c.created_at'),
    and([
      sql`c.person_id = ${personId}`,
      ...(filter.read === false ? [sql`c.read_at is null`] : []),
      ...(filter.read === true ? [sql`c.read_at is not null`] : []),
      ...range(sql`c.created_at`, filter),
    ]),
    sql.raw(listOrder('c', CREATED_KEYS, asc)),
    listOrder('w', CREATED_KEYS, asc),
  );
  const plan = planOf(walk, rowConditions(filter, now, 'c'), page, caps);
  const pageOrder = sql.raw(listOrder('p', CREATED_KEYS, asc));
  // The page's ids walk copies_person(_unread)_idx only; their rows are read by primary key.
  const [rows, result] = await run(
    q,
    plan,
    sql`select p.id as c_id, p.seq as c_seq, p.from_id as c_from_id,
        (select f.name from users f where f.id = p.from_id) as c_from_name,
        p.created_at as c_created_at, p.read_at as c_read_at, ${instanceColumns(now)}
      from (select k.id, k.created_at, c.seq, c.from_id, c.read_at, c.instance_id
        from (${plan.keys}) k
        cross join lateral (select * from copies c where c.id = k.id offset 0) c) p
      ${INSTANCE_OF_PAGE} order by ${pageOrder}`,
  );
  return {
    items: rows.map((r) => ({
      id: String(r.c_id),
      seq: Number(r.c_seq),
      fromId: String(r.c_from_id),
      fromName: textOrNull(r.c_from_name),
      createdAt: date(r.c_created_at),
      readAt: dateOrNull(r.c_read_at),
      instance: instanceOf(r),
    })),
    ...result,
  };
}

/**
 * The four counts and the overdue 待办, each an index-only count up to `caps.counts` + 1, in one
 * statement; a figure past the cap is given as the cap and named in `atLeast` (docs/lists.md
 * § Bounded counts).
 */
async function countsOf(
  q: Database,
  caps: ListCaps,
  owner: TodoOwner,
  now: Date,
): Promise<ListCounts> {
  const cap = caps.counts + 1;
  const upTo = (from: SQL, where: SQL): SQL =>
    sql`(select count(*) from (select 1 from ${from} where ${where} limit ${cap}) n)`;
  const tasksUpTo = (branches: SQL[]): SQL =>
    sql.join(
      branches.map((w) => upTo(sql.raw('tasks'), w)),
      sql` + `,
    );
  const todo = todoBranches(owner, {});
  const late = todo.map((b) => and([b, sql`due_at < ${iso(now)}::timestamptz`]));
  const me = owner.actorId;
  const result = await q.execute(sql`select
    (${tasksUpTo(todo)})::int as todo,
    (${tasksUpTo(late)})::int as overdue,
    ${upTo(sql.raw('done_items d'), sql`d.actor_id = ${me}`)}::int as done,
    ${upTo(sql.raw('instances i'), sql`i.submitter_id = ${me}`)}::int as started,
    ${upTo(sql.raw('copies c'), sql`c.person_id = ${me} and c.read_at is null`)}::int as unread,
    ${upTo(sql.raw('copies c'), sql`c.person_id = ${me}`)}::int as copies`);
  const [r] = rowsOf(result);
  const atLeast: CountName[] = [];
  const figure = (name: CountName, v: unknown): number => {
    const n = Number(v ?? 0);
    if (n <= caps.counts) return n;
    atLeast.push(name);
    return caps.counts;
  };
  return {
    todo: figure('todo', r?.todo),
    done: figure('done', r?.done),
    started: figure('started', r?.started),
    copiesUnread: figure('copiesUnread', r?.unread),
    copies: figure('copies', r?.copies),
    overdue: figure('overdue', r?.overdue),
    atLeast,
  };
}

export function createLists(q: Database, options: ListsOptions = {}): Lists {
  const caps: ListCaps = { ...DEFAULT_LIST_CAPS, ...options.caps };
  return {
    todo: (owner, filter, page, now) => todoOf(q, caps, owner, filter, page, now),
    decided: (person, filter, page, now) => decidedOf(q, caps, person, filter, page, now),
    started: (person, filter, page, now) => startedOf(q, caps, person, filter, page, now),
    copies: (person, filter, page, now) => copiesOf(q, caps, person, filter, page, now),
    counts: (owner, now) => countsOf(q, caps, owner, now),
    async markCopyRead(personId, copyId, at) {
      const result = await q.execute(sql`update copies
        set read_at = coalesce(read_at, ${iso(at)}::timestamptz)
        where id = ${copyId} and person_id = ${personId} returning read_at`);
      const [row] = rowsOf(result);
      return row ? { readAt: date(row.read_at) } : undefined;
    },
  };
}
