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
  readonly total: number;
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
}

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
 * 我发起的's conditions on its own rows, the instances `i`: flow, status, college, overdue (an open
 * task past its deadline, by `tasks_open_instance_idx`), and each keyword word: a substring of
 * `search_text` (lower-cased like it).
 */
function instanceConditions(filter: ListFilter, now: Date): SQL[] {
  const out: SQL[] = [];
  if (filter.flow !== undefined) out.push(sql`i.flow_id = ${filter.flow}`);
  if (filter.status !== undefined) out.push(sql`i.status = ${filter.status}`);
  if (filter.college !== undefined) out.push(sql`i.college = ${filter.college}`);
  if (filter.overdue !== undefined) {
    const late = sql`exists (select 1 from tasks o where o.instance_id = i.id and o.status = 'open' and o.due_at < ${iso(now)}::timestamptz offset 0)`;
    out.push(filter.overdue ? late : sql`not ${late}`);
  }
  for (const term of keywordTerms(filter.keyword)) {
    out.push(sql`position(lower(${term}) in i.search_text) > 0`);
  }
  return out;
}

/**
 * The filters on a list's own rows (migration 0013): the instance's flow, status, college, the
 * earliest deadline of its open tasks (`late_at`) and search text, copied into the row by the
 * command's write — every one an INCLUDE column of the list's index, so the walk never leaves it.
 */
function rowConditions(filter: ListFilter, now: Date, alias: 'tasks' | 'd' | 'c'): SQL[] {
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
  // 待办's overdue is the task's own deadline (todoBranches).
  if (filter.overdue !== undefined && !todo) {
    const late = col('late_at');
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

const count = (result: unknown): number => Number(rowsOf(result)[0]?.n ?? 0);

const INBOX_ASC = sql.raw(`due_at asc nulls last, created_at asc, id asc`);
const INBOX_DESC = sql.raw(`due_at desc nulls first, created_at desc, id desc`);

/** 待办: the inbox's branches, each with the filters; each branch an index scan in its order. */
function todoBranches(owner: TodoOwner, filter: ListFilter, now: Date): SQL[] {
  const own: SQL[] = [
    ...range(sql`created_at`, filter),
    ...(filter.overdue === true ? [sql`due_at < ${iso(now)}::timestamptz`] : []),
    ...(filter.overdue === false
      ? [sql`(due_at is null or due_at >= ${iso(now)}::timestamptz)`]
      : []),
    ...rowConditions(filter, now, 'tasks'),
  ];
  return inboxBranches({ ...owner, limit: 0, offset: 0 }).map((b) => and([b, ...own]));
}

async function todoOf(
  q: Database,
  owner: TodoOwner,
  filter: ListFilter,
  page: ListPage,
  now: Date,
): Promise<ListResult<TodoItem>> {
  const branches = todoBranches(owner, filter, now);
  const order = page.order === 'desc' ? INBOX_DESC : INBOX_ASC;
  const depth = page.offset + page.limit;
  // Each branch walks its index only (the keys and the INCLUDE columns); the page's rows are
  // read by primary key after the limit.
  const union = sql.join(
    branches.map(
      (w) =>
        sql`(select id, due_at, created_at from tasks where ${w} order by ${order} limit ${depth})`,
    ),
    sql` union all `,
  );
  const counts = sql.join(
    branches.map((w) => sql`(select count(*) from tasks where ${w})`),
    sql` + `,
  );
  const [rows, total] = await Promise.all([
    q.execute(sql`select to_jsonb(p) as task, ${instanceColumns(now)}
      from (select w.* from (select id from (${union}) t order by ${order}
        limit ${page.limit} offset ${page.offset}) k
        cross join lateral (select * from tasks w where w.id = k.id offset 0) w) p
      ${INSTANCE_OF_PAGE}`),
    q.execute(sql`select (${counts})::int as n`),
  ]);
  const items = rowsOf(rows).map((r) => ({
    task: fromJsonRow<TaskRecord>(tasks, jsonValue(r.task)),
    instance: instanceOf(r),
  }));
  return { items: sortTodo(items, page.order === 'desc'), total: count(total) };
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
  personId: string,
  filter: ListFilter,
  page: ListPage,
  now: Date,
): Promise<ListResult<DecidedItem>> {
  const where = and([
    sql`d.actor_id = ${personId}`,
    ...range(sql`d.at`, filter),
    ...rowConditions(filter, now, 'd'),
  ]);
  const order =
    page.order === 'asc'
      ? sql`d.at asc nulls first, d.instance_id desc, d.seq desc`
      : sql`d.at desc nulls last, d.instance_id asc, d.seq asc`;
  const pageOrder = sql.raw(
    page.order === 'asc'
      ? 'p.at asc nulls first, p.instance_id desc, p.seq desc'
      : 'p.at desc nulls last, p.instance_id asc, p.seq asc',
  );
  // The page's rows walk done_items_person_idx only; their history rows are read by primary key.
  const [rows, total] = await Promise.all([
    q.execute(sql`select p.seq, p.event, p.at, p.comment, p.from_state, p.to_state,
        ${instanceColumns(now)}
      from (select k.instance_id, k.seq, h.event, k.at, h.comment, h.from_state, h.to_state
        from (select d.instance_id, d.seq, d.at from done_items d where ${where} order by ${order}
          limit ${page.limit} offset ${page.offset}) k
        cross join lateral (select * from history h
          where h.instance_id = k.instance_id and h.seq = k.seq offset 0) h) p
      ${INSTANCE_OF_PAGE} order by ${pageOrder}`),
    q.execute(sql`select count(*)::int as n from done_items d where ${where}`),
  ]);
  return {
    items: rowsOf(rows).map((r) => ({
      seq: Number(r.seq),
      event: String(r.event),
      at: date(r.at),
      comment: textOrNull(r.comment),
      fromState: textOrNull(r.from_state),
      toState: String(r.to_state),
      instance: instanceOf(r),
    })),
    total: count(total),
  };
}

const pageOrderOf = (page: ListPage): SQL =>
  sql.raw(
    page.order === 'asc'
      ? 'k.created_at asc nulls first, k.id desc'
      : 'k.created_at desc nulls last, k.id asc',
  );

async function startedOf(
  q: Database,
  personId: string,
  filter: ListFilter,
  page: ListPage,
  now: Date,
): Promise<ListResult<StartedItem>> {
  const where = and([
    sql`i.submitter_id = ${personId}`,
    ...range(sql`i.created_at`, filter),
    ...instanceConditions(filter, now),
  ]);
  const order =
    page.order === 'asc'
      ? sql`i.created_at asc nulls first, i.id desc`
      : sql`i.created_at desc nulls last, i.id asc`;
  // The page's ids walk instances_started_idx only (its INCLUDE columns, 0013); their rows are
  // read by primary key.
  const [rows, total] = await Promise.all([
    q.execute(sql`select ${instanceColumns(now)}
      from (select i.id, i.created_at from instances i where ${where} order by ${order}
        limit ${page.limit} offset ${page.offset}) k
      cross join lateral (select * from instances i where i.id = k.id offset 0) i
      order by ${pageOrderOf(page)}`),
    q.execute(sql`select count(*)::int as n from instances i where ${where}`),
  ]);
  return { items: rowsOf(rows).map((r) => ({ instance: instanceOf(r) })), total: count(total) };
}

async function copiesOf(
  q: Database,
  personId: string,
  filter: CopyFilter,
  page: ListPage,
  now: Date,
): Promise<ListResult<CopyItem>> {
  const where = and([
    sql`c.person_id = ${personId}`,
    ...(filter.read === false ? [sql`c.read_at is null`] : []),
    ...(filter.read === true ? [sql`c.read_at is not null`] : []),
    ...range(sql`c.created_at`, filter),
    ...rowConditions(filter, now, 'c'),
  ]);
  const order =
    page.order === 'asc'
      ? sql`c.created_at asc nulls first, c.id desc`
      : sql`c.created_at desc nulls last, c.id asc`;
  const pageOrder = sql.raw(
    page.order === 'asc'
      ? 'p.created_at asc nulls first, p.id desc'
      : 'p.created_at desc nulls last, p.id asc',
  );
  // The page's ids walk copies_person(_unread)_idx only; their rows are read by primary key.
  const [rows, total] = await Promise.all([
    q.execute(sql`select p.id as c_id, p.seq as c_seq, p.from_id as c_from_id,
        (select f.name from users f where f.id = p.from_id) as c_from_name,
        p.created_at as c_created_at, p.read_at as c_read_at, ${instanceColumns(now)}
      from (select k.id, k.created_at, c.seq, c.from_id, c.read_at, c.instance_id
        from (select c.id, c.created_at from copies c where ${where} order by ${order}
          limit ${page.limit} offset ${page.offset}) k
        cross join lateral (select * from copies c where c.id = k.id offset 0) c) p
      ${INSTANCE_OF_PAGE} order by ${pageOrder}`),
    q.execute(sql`select count(*)::int as n from copies c where ${where}`),
  ]);
  return {
    items: rowsOf(rows).map((r) => ({
      id: String(r.c_id),
      seq: Number(r.c_seq),
      fromId: String(r.c_from_id),
      fromName: textOrNull(r.c_from_name),
      createdAt: date(r.c_created_at),
      readAt: dateOrNull(r.c_read_at),
      instance: instanceOf(r),
    })),
    total: count(total),
  };
}

/** The four counts and the overdue 待办, each an index-only count, in one statement. */
async function countsOf(q: Database, owner: TodoOwner, now: Date): Promise<ListCounts> {
  const sum = (branches: SQL[]): SQL =>
    sql.join(
      branches.map((w) => sql`(select count(*) from tasks where ${w})`),
      sql` + `,
    );
  const todo = todoBranches(owner, {}, now);
  const late = todoBranches(owner, { overdue: true }, now);
  const result = await q.execute(sql`select
    (${sum(todo)})::int as todo,
    (${sum(late)})::int as overdue,
    (select count(*) from done_items d where d.actor_id = ${owner.actorId})::int as done,
    (select count(*) from instances i where i.submitter_id = ${owner.actorId})::int as started,
    (select count(*) from copies c where c.person_id = ${owner.actorId} and c.read_at is null)::int as unread,
    (select count(*) from copies c where c.person_id = ${owner.actorId})::int as copies`);
  const [r] = rowsOf(result);
  return {
    todo: Number(r?.todo ?? 0),
    done: Number(r?.done ?? 0),
    started: Number(r?.started ?? 0),
    copiesUnread: Number(r?.unread ?? 0),
    copies: Number(r?.copies ?? 0),
    overdue: Number(r?.overdue ?? 0),
  };
}

export function createLists(q: Database): Lists {
  return {
    todo: (owner, filter, page, now) => todoOf(q, owner, filter, page, now),
    decided: (person, filter, page, now) => decidedOf(q, person, filter, page, now),
    started: (person, filter, page, now) => startedOf(q, person, filter, page, now),
    copies: (person, filter, page, now) => copiesOf(q, person, filter, page, now),
    counts: (owner, now) => countsOf(q, owner, now),
    async markCopyRead(personId, copyId, at) {
      const result = await q.execute(sql`update copies
        set read_at = coalesce(read_at, ${iso(at)}::timestamptz)
        where id = ${copyId} and person_id = ${personId} returning read_at`);
      const [row] = rowsOf(result);
      return row ? { readAt: date(row.read_at) } : undefined;
    },
  };
}
