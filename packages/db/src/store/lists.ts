import { sql, type SQL } from 'drizzle-orm';
import type { InboxQuery, InstanceStatus, TaskRecord } from '@certflow/engine';
import type { Database } from '../database.js';
import { fromJsonRow } from '../schema/columns.js';
import { tasks } from '../schema/tables.js';
import { jsonValue, rowsOf } from '../sql/sql-values.js';
import { inboxBranches } from './reader.js';

/**
 * A person's work lists (docs/lists.md): 待办 (open tasks for them), 已办 (the decisions they
 * made), 我发起的 (the instances they started) and 抄送我的 (the instances copied to them), each
 * filtered, searched, paged and sorted, and their counts. Every list walks one index in its own
 * order and stops at the page's end (migrations 0010, 0013; `lists-plan.int.test.ts` checks the
 * plans). What the filters are about is copied into the list's rows (0013), so they are checked
 * on the index as it is walked; only the page's rows are read from the tables.
 */

/** Filters every list takes. Dates bound the list's own time: arrival, decision, start, copy. */
export interface ListFilter {
  readonly flow?: string | undefined;
  readonly status?: InstanceStatus | undefined;
  readonly college?: string | undefined;
  /** Inclusive lower bound. */
  readonly from?: Date | undefined;
  /** Exclusive upper bound. */
  readonly to?: Date | undefined;
  /** 待办: the task is past its deadline; the other lists: the instance has such a task. */
  readonly overdue?: boolean | undefined;
  /**
   * Words (split on white space, all must match) found in the title, the applicant's name, the
   * certificate or the college's name; case-insensitive.
   */
  readonly keyword?: string | undefined;
}

export interface ListPage {
  readonly limit: number;
  readonly offset: number;
  /** 待办: by deadline (`asc`, the default: soonest first); the others by time (`desc`: newest first). */
  readonly order?: 'asc' | 'desc' | undefined;
  /**
   * A filtered page (flow, status, college, overdue, keyword) walks a window of the person's
   * unfiltered list from this position (default 0) and pages among the matches in it
   * (docs/lists.md § Bounded totals and the scan window). Ignored without such a filter.
   */
  readonly scanFrom?: number | undefined;
}

/**
 * The bounds of docs/lists.md § Bounded totals and the scan window. Production uses
 * `DEFAULT_LIST_CAPS`; tests pass small ones.
 */
export interface ListCaps {
  /** A page's `total` is counted up to max(total, offset + limit) (one more row to tell). */
  readonly total: number;
  /** Each figure of the counts is counted up to this (one more row to tell). */
  readonly counts: number;
  /** A filtered page walks at most this many rows of the person's list. */
  readonly window: number;
}

export const DEFAULT_LIST_CAPS: ListCaps = { total: 1000, counts: 1000, window: 2000 };

export interface ListsOptions {
  readonly caps?: Partial<ListCaps> | undefined;
}

/** The window a filtered page walked: positions `from` (inclusive) to `to` (exclusive). */
export interface ListScan {
  readonly from: number;
  readonly to: number;
  /** The window reached the end of the person's list. */
  readonly complete: boolean;
}

/** 抄送我的 also filters on the read mark: `false` = 待阅, `true` = 已阅. */
export interface CopyFilter extends ListFilter {
  readonly read?: boolean | undefined;
}

/** The instance as a list shows it. */
export interface ListInstance {
  readonly id: string;
  readonly flowId: string;
  readonly flowVersion: number;
  readonly title: string;
  readonly state: string;
  readonly status: InstanceStatus;
  readonly college: string | null;
  readonly organization: string | null;
  readonly submitterId: string;
  /** The applicant as the directory names them (null for someone no longer there). */
  readonly submitterName: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** It has an open task past its deadline now. */
  readonly overdue: boolean;
}

export interface TodoItem {
  readonly task: TaskRecord;
  readonly instance: ListInstance;
}

export interface DecidedItem {
  readonly seq: number;
  readonly event: string;
  readonly at: Date;
  readonly comment: string | null;
  readonly fromState: string | null;
  readonly toState: string;
  readonly instance: ListInstance;
}

export interface StartedItem {
  readonly instance: ListInstance;
}

export interface CopyItem {
  readonly id: string;
  readonly seq: number;
  readonly fromId: string;
  readonly fromName: string | null;
  readonly createdAt: Date;
  readonly readAt: Date | null;
  readonly instance: ListInstance;
}

export interface ListResult<T> {
  readonly items: T[];
  /**
   * Unfiltered (or by dates / read mark only): the rows, counted up to the cap; a filtered page:
   * the matches in the window it walked (`scan`).
   */
  readonly total: number;
  /** False when the count reached the cap: `total` then means "at least". */
  readonly totalExact: boolean;
  /** The window of a filtered page; null without such a filter. */
  readonly scan: ListScan | null;
}

/** Who the 待办 is for: the inbox's query without its page. */
export type TodoOwner = Omit<InboxQuery, 'limit' | 'offset'>;

export interface ListCounts {
  readonly todo: number;
  readonly done: number;
  readonly started: number;
  /** 抄送我的, 待阅. */
  readonly copiesUnread: number;
  /** 抄送我的, all. */
  readonly copies: number;
  /** 待办 past its deadline. */
  readonly overdue: number;
  /** The figures that reached the cap (given as the cap itself, meaning "at least"). */
  readonly atLeast: readonly CountName[];
}

export type CountName = 'todo' | 'done' | 'started' | 'copiesUnread' | 'copies' | 'overdue';

export interface Lists {
  todo(
    owner: TodoOwner,
    filter: ListFilter,
    page: ListPage,
    now: Date,
  ): Promise<ListResult<TodoItem>>;
  decided(
    personId: string,
    filter: ListFilter,
    page: ListPage,
    now: Date,
  ): Promise<ListResult<DecidedItem>>;
  started(
    personId: string,
    filter: ListFilter,
    page: ListPage,
    now: Date,
  ): Promise<ListResult<StartedItem>>;
  copies(
    personId: string,
    filter: CopyFilter,
    page: ListPage,
    now: Date,
  ): Promise<ListResult<CopyItem>>;
  counts(owner: TodoOwner, now: Date): Promise<ListCounts>;
  /**
   * 已阅: marks the person's copy read (the first mark stays); undefined when it is not a copy to
   * them. Not an instance command: nothing is appended to the history.
   */
  markCopyRead(personId: string, copyId: string, at: Date): Promise<{ readAt: Date } | undefined>;
}

const MAX_TERMS = 5;

/** The keyword's words, lower-cased by PostgreSQL like `search_text`. */
export function keywordTerms(keyword: string | undefined): string[] {
  if (keyword === undefined) return [];
  return [
    ...new Set(
      keyword
        .trim()
        .split(/\s+/u)
        .filter((w) => w.length > 0),
    ),
  ].slice(0, MAX_TERMS);
}

const iso = (d: Date): string => d.toISOString();

/**
 * The filters on a list's own rows (migrations 0013, 0015, 0017): the instance's flow, status,
 * college and search text, copied into the row by the command's write (我发起的: the instance's
 * own columns) — every one an INCLUDE column of the list's index, so the walk never leaves it —
 * and the earliest deadline of its open tasks (`late_at`): 我发起的's own column, for 已办 and
 * 抄送我的 the instance's, read by primary key for each row walked. These are the filters of the
 * scan window (docs/lists.md § Bounded totals and the scan window).
 */
function rowConditions(filter: ListFilter, now: Date, alias: 'tasks' | 'd' | 'c' | 'i'): SQL[] {
  const col = (name: string): SQL => sql.raw(`${alias}.${name}`);
  const todo = alias === 'tasks';
  const out: SQL[] = [];
  if (filter.flow !== undefined) out.push(sql`${col('flow_id')} = ${filter.flow}`);
  if (filter.status !== undefined) {
    // 待办's rows are open tasks, and an instance that is not active has none (every write that
    // ends it closes them: outcome.ts, decide-cancel.ts, jump.ts), so their status is `active`.
    out.push(
      todo
        ? sql.raw(filter.status === 'active' ? 'true' : 'false')
        : sql`${col('status')} = ${filter.status}`,
    );
  }
  if (filter.college !== undefined) {
    out.push(sql`${col(todo ? 'instance_college' : 'college')} = ${filter.college}`);
  }
  if (filter.overdue !== undefined) {
    // 待办's overdue is the task's own deadline; the others' the instance's earliest open one:
    // 我发起的's row is the instance, 已办 and 抄送我的 read it by key (migration 0017: it moves
    // with nearly every step, so it is kept once, not in each of their rows).
    const late =
      alias === 'tasks'
        ? col('due_at')
        : alias === 'i'
          ? col('late_at')
          : sql.raw(`(select o.late_at from instances o where o.id = ${alias}.instance_id)`);
    out.push(
      filter.overdue
        ? sql`${late} < ${iso(now)}::timestamptz`
        : sql`(${late} is null or ${late} >= ${iso(now)}::timestamptz)`,
    );
  }
  for (const term of keywordTerms(filter.keyword)) {
    out.push(sql`position(lower(${term}) in ${col('search_text')}) > 0`);
  }
  return out;
}

function range(column: SQL, filter: ListFilter): SQL[] {
  return [
    ...(filter.from ? [sql`${column} >= ${iso(filter.from)}::timestamptz`] : []),
    ...(filter.to ? [sql`${column} < ${iso(filter.to)}::timestamptz`] : []),
  ];
}

const and = (parts: SQL[]): SQL => (parts.length === 0 ? sql`true` : sql.join(parts, sql` and `));

/**
 * One list as its index walks it: the person's rows (with the date range and read mark, which
 * bound the walk itself) in the list's order.
 */
interface Walk {
  /** The keys of rows `skip`… `skip + take` in list order, and `hit` (the filters) of each. */
  rows(hit: SQL, skip: number, take: number): SQL;
  /** The list's order on the output `w` of `rows`, so a page of it needs no sort. */
  readonly order: SQL;
  /** The rows counted up to `cap`: a scalar. */
  countUpTo(cap: number): SQL;
}

/** A page's keys and its total, as two statements (docs/lists.md § Bounded totals). */
interface Plan {
  readonly keys: SQL;
  readonly total: SQL;
  read(row: Record<string, unknown> | undefined): Omit<ListResult<never>, 'items'>;
}

/**
 * Without a window filter: the page in the index's order, the total counted up to
 * max(cap, offset + limit) + 1. With one: a window of at most `caps.window` rows from
 * `scanFrom`, the page among its matches, the total the matches in it.
 */
function planOf(walk: Walk, conds: SQL[], page: ListPage, caps: ListCaps): Plan {
  if (conds.length === 0) {
    const cap = Math.max(caps.total, page.offset + page.limit) + 1;
    return {
      keys: walk.rows(sql`true`, page.offset, page.limit),
      total: sql`select (${walk.countUpTo(cap)})::int as n`,
      read: (r) => {
        const n = Number(r?.n ?? 0);
        return n >= cap
          ? { total: cap - 1, totalExact: false, scan: null }
          : { total: n, totalExact: true, scan: null };
      },
    };
  }
  const from = page.scanFrom ?? 0;
  const size = caps.window;
  const hit = and(conds);
  return {
    keys: sql`select w.* from (${walk.rows(hit, from, size)}) w where w.hit
      order by ${walk.order} limit ${page.limit} offset ${page.offset}`,
    // One row past the window tells whether the list goes on.
    total: sql`select (count(*) filter (where s.hit and s.r <= ${size}))::int as n,
        count(*)::int as seen
      from (select w.hit, row_number() over () as r from (${walk.rows(hit, from, size + 1)}) w) s`,
    read: (r) => {
      const seen = Number(r?.seen ?? 0);
      return {
        total: Number(r?.n ?? 0),
        totalExact: true,
        scan: { from, to: from + Math.min(seen, size), complete: seen <= size },
      };
    },
  };
}

/** A list of one table walked by one index in `order`. */
function tableWalk(from: SQL, keys: SQL, where: SQL, order: SQL, outer: string): Walk {
  return {
    rows: (hit, skip, take) =>
      sql`select ${keys}, ${hit} as hit from ${from} where ${where} order by ${order}
        offset ${skip} limit ${take}`,
    order: sql.raw(outer),
    countUpTo: (cap) => sql`(select count(*) from (select 1 from ${from} where ${where}
      limit ${cap}) n)`,
  };
}

/**
 * The list's columns of the instance `i` of one page's row: scalar subqueries by primary key (the
 * applicant's name) and by `tasks_open_instance_idx` (overdue), evaluated for that page only.
 */
function instanceColumns(now: Date): SQL {
  return sql`i.id as i_id, i.flow_id as i_flow_id, i.flow_version as i_flow_version,
    i.title as i_title, i.state as i_state, i.status as i_status, i.college as i_college,
    i.organization as i_organization, i.submitter_id as i_submitter_id,
    (select u.name from users u where u.id = i.submitter_id) as i_submitter_name,
    i.created_at as i_created_at, i.updated_at as i_updated_at,
    coalesce((select true from tasks o where o.instance_id = i.id and o.status = 'open'
      and o.due_at < ${iso(now)}::timestamptz limit 1), false) as i_overdue`;
}

/** The instance of a page's row `p`, by primary key. */
const INSTANCE_OF_PAGE = sql.raw(
  `cross join lateral (select * from instances i where i.id = p.instance_id offset 0) i`,
);

const date = (v: unknown): Date => (v instanceof Date ? v : new Date(v as string));
const dateOrNull = (v: unknown): Date | null => (v == null ? null : date(v));
const textOrNull = (v: unknown): string | null => (v == null ? null : (v as string));

function instanceOf(r: Record<string, unknown>): ListInstance {
  return {
    id: String(r.i_id),
    flowId: String(r.i_flow_id),
    flowVersion: Number(r.i_flow_version),
    title: String(r.i_title),
    state: String(r.i_state),
    status: String(r.i_status) as InstanceStatus,
    college: textOrNull(r.i_college),
    organization: textOrNull(r.i_organization),
    submitterId: String(r.i_submitter_id),
    submitterName: textOrNull(r.i_submitter_name),
    createdAt: date(r.i_created_at),
    updatedAt: date(r.i_updated_at),
    overdue: r.i_overdue === true,
  };
}

/** Runs a plan's page (built on its keys) and total together. */
async function run(
  q: Database,
  plan: Plan,
  pageSql: SQL,
): Promise<[Record<string, unknown>[], Omit<ListResult<never>, 'items'>]> {
  const [rows, total] = await Promise.all([q.execute(pageSql), q.execute(plan.total)]);
  return [rowsOf(rows), plan.read(rowsOf(total)[0])];
}

/** 已办's order keys (done_items_person_idx) and 我发起的's / 抄送我的's (their created_at indexes). */
const DONE_KEYS = ['at', 'instance_id', 'seq'] as const;
const CREATED_KEYS = ['created_at', 'id'] as const;

/**
 * A list's order over the rows named `alias`: its time first (newest first: nulls last; oldest
 * first: nulls first), then its ids the other way round — the order of the list's index, so the
 * walk, the window and the page agree (docs/lists.md § How each list stays fast).
 */
function listOrder(alias: string, [time, ...ids]: readonly string[], asc: boolean): string {
  const tie = asc ? 'desc' : 'asc';
  return [
    `${alias}.${time} ${asc ? 'asc nulls first' : 'desc nulls last'}`,
    ...ids.map((k) => `${alias}.${k} ${tie}`),
  ].join(', ');
}

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
