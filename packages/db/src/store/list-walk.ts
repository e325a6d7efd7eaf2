import { sql, type SQL } from 'drizzle-orm';
import type { InstanceStatus } from '@certflow/engine';
import type { Database } from '../database.js';
import { rowsOf } from '../sql/sql-values.js';
import type { ListCaps, ListFilter, ListInstance, ListPage, ListResult } from './list-types.js';

// How a list is walked (docs/lists.md § How each list stays fast, § Bounded totals and the scan
// window): its filters on the rows of its index, the page and total of a walk, the order keys,
// and the instance each page row shows. The lists themselves are in lists.ts.

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

export const iso = (d: Date): string => d.toISOString();

/**
 * The filters on a list's own rows (migrations 0013, 0015, 0017): the instance's flow, status,
 * college and search text, copied into the row by the command's write (我发起的: the instance's
 * own columns) — every one an INCLUDE column of the list's index, so the walk never leaves it —
 * and the earliest deadline of its open tasks (`late_at`): 我发起的's own column, for 已办 and
 * 抄送我的 the instance's, read by primary key for each row walked. These are the filters of the
 * scan window (docs/lists.md § Bounded totals and the scan window).
 */
export function rowConditions(
  filter: ListFilter,
  now: Date,
  alias: 'tasks' | 'd' | 'c' | 'i',
): SQL[] {
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

export function range(column: SQL, filter: ListFilter): SQL[] {
  return [
    ...(filter.from ? [sql`${column} >= ${iso(filter.from)}::timestamptz`] : []),
    ...(filter.to ? [sql`${column} < ${iso(filter.to)}::timestamptz`] : []),
  ];
}

export const and = (parts: SQL[]): SQL =>
  parts.length === 0 ? sql`true` : sql.join(parts, sql` and `);

/**
 * One list as its index walks it: the person's rows (with the date range and read mark, which
 * bound the walk itself) in the list's order.
 */
export interface Walk {
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
export function planOf(walk: Walk, conds: SQL[], page: ListPage, caps: ListCaps): Plan {
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
export function tableWalk(from: SQL, keys: SQL, where: SQL, order: SQL, outer: string): Walk {
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
export function instanceColumns(now: Date): SQL {
  return sql`i.id as i_id, i.flow_id as i_flow_id, i.flow_version as i_flow_version,
    i.title as i_title, i.state as i_state, i.status as i_status, i.college as i_college,
    i.organization as i_organization, i.submitter_id as i_submitter_id,
    (select u.name from users u where u.id = i.submitter_id) as i_submitter_name,
    i.created_at as i_created_at, i.updated_at as i_updated_at,
    coalesce((select true from tasks o where o.instance_id = i.id and o.status = 'open'
      and o.due_at < ${iso(now)}::timestamptz limit 1), false) as i_overdue`;
}

/** The instance of a page's row `p`, by primary key. */
export const INSTANCE_OF_PAGE = sql.raw(
  `cross join lateral (select * from instances i where i.id = p.instance_id offset 0) i`,
);

export const date = (v: unknown): Date => (v instanceof Date ? v : new Date(v as string));
export const dateOrNull = (v: unknown): Date | null => (v == null ? null : date(v));
export const textOrNull = (v: unknown): string | null => (v == null ? null : (v as string));

export function instanceOf(r: Record<string, unknown>): ListInstance {
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
export async function run(
  q: Database,
  plan: Plan,
  pageSql: SQL,
): Promise<[Record<string, unknown>[], Omit<ListResult<never>, 'items'>]> {
  const [rows, total] = await Promise.all([q.execute(pageSql), q.execute(plan.total)]);
  return [rowsOf(rows), plan.read(rowsOf(total)[0])];
}

/** 已办's order keys (done_items_person_idx) and 我发起的's / 抄送我的's (their created_at indexes). */
export const DONE_KEYS = ['at', 'instance_id', 'seq'] as const;
export const CREATED_KEYS = ['created_at', 'id'] as const;

/**
 * A list's order over the rows named `alias`: its time first (newest first: nulls last; oldest
 * first: nulls first), then its ids the other way round — the order of the list's index, so the
 * walk, the window and the page agree (docs/lists.md § How each list stays fast).
 */
export function listOrder(alias: string, [time, ...ids]: readonly string[], asc: boolean): string {
  const tie = asc ? 'desc' : 'asc';
  return [
    `${alias}.${time} ${asc ? 'asc nulls first' : 'desc nulls last'}`,
    ...ids.map((k) => `${alias}.${k} ${tie}`),
  ].join(', ');
}
