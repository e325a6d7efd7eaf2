import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLists } from './store/lists.js';
import { type ListFilter, type Lists, type TodoOwner } from './store/list-types.js';
import { createTestPostgres, type TestPostgres } from './testing/index.js';

// The bounds of docs/lists.md § Bounded totals and the scan window, with small caps so that a few
// dozen rows reach them: a page's total counted up to max(cap, offset + limit), the counts up to
// their cap (`atLeast`), and a filtered page walking a window of the person's list from
// `scanFrom`. Every list holds the same 60 instances in the same order (g = 0 first).

const NOW = new Date('2026-06-01T00:00:00.000Z');
const N = 60;
const office: TodoOwner = {
  actorId: 'u-9',
  roles: ['academic_affairs'],
  college: null,
  organization: null,
};

let pg: TestPostgres;
let small: Lists;
let lists: Lists;

beforeAll(async () => {
  pg = await createTestPostgres({ max: 2 });
  await pg.sql`insert into users (id, name, email, roles)
    select 'u-' || g, '用户' || g, 'u' || g || '@x', array['project_owner'] from generate_series(0, 9) g`;
  // Instance g: flow pilot-project when g % 3 = 0; its open task is due g − 30 hours from NOW.
  await pg.sql`insert into instances (id, flow_id, flow_version, state, status, version, snapshot,
      submitter_id, college, title, step_actors, head_hash, created_at, updated_at)
    select 'i-' || g, (array['pilot-project','assessment','teacher-training'])[g % 3 + 1], 1,
      'review', 'active', 1, '{}'::jsonb, 'u-1', 'c1', '项目 ' || g, '{}'::jsonb, 'h',
      ${NOW.toISOString()}::timestamptz - (g || ' minutes')::interval,
      ${NOW.toISOString()}::timestamptz - (g || ' minutes')::interval
    from generate_series(0, ${N - 1}) g`;
  await pg.sql`insert into history (instance_id, seq, actor_id, event, data, to_state, at, prev_hash, hash)
    select 'i-' || g, s, case when s = 1 then 'u-1' else 'u-2' end,
      (array['START','APPROVE'])[s], '{}'::jsonb, 'review',
      ${NOW.toISOString()}::timestamptz - (g || ' minutes')::interval + (s || ' seconds')::interval, 'p', 'h'
    from generate_series(0, ${N - 1}) g, generate_series(1, 2) s`;
  await pg.sql`insert into tasks (id, instance_id, flow_id, state, step, kind, role, events,
      approval, due_at, status, created_at)
    select 't-' || g, 'i-' || g, (array['pilot-project','assessment','teacher-training'])[g % 3 + 1],
      'review', 'office', 'step', 'academic_affairs', '["APPROVE"]'::jsonb, true,
      ${NOW.toISOString()}::timestamptz + ((g - 30) || ' hours')::interval, 'open',
      ${NOW.toISOString()}::timestamptz - (g || ' minutes')::interval
    from generate_series(0, ${N - 1}) g`;
  await pg.sql`insert into copies (id, instance_id, seq, person_id, from_id, flow_id, created_at)
    select 'k-' || g, 'i-' || g, 2, 'u-3', 'u-2',
      (array['pilot-project','assessment','teacher-training'])[g % 3 + 1],
      ${NOW.toISOString()}::timestamptz - (g || ' minutes')::interval
    from generate_series(0, ${N - 1}) g`;
  await pg.sql`select certflow_lists_backfill()`;
  small = createLists(pg.db, { caps: { total: 5, counts: 5, window: 10 } });
  lists = createLists(pg.db);
});
afterAll(async () => {
  await pg?.drop();
});

type Kind = 'todo' | 'decided' | 'started' | 'copies';
const KINDS: Kind[] = ['todo', 'decided', 'started', 'copies'];

/** One list's page as instance ids, with its total and window. */
async function pageOf(
  l: Lists,
  kind: Kind,
  filter: ListFilter,
  page: { limit: number; offset: number; scanFrom?: number },
) {
  const r =
    kind === 'todo'
      ? await l.todo(office, filter, page, NOW)
      : kind === 'decided'
        ? await l.decided('u-2', filter, page, NOW)
        : kind === 'started'
          ? await l.started('u-1', filter, page, NOW)
          : await l.copies('u-3', filter, page, NOW);
  const ids = r.items.map((i) => i.instance.id);
  return { ids, total: r.total, totalExact: r.totalExact, scan: r.scan };
}

describe('bounded totals', () => {
  it.each(KINDS)('%s: the total stops at the cap and says so', async (kind) => {
    expect(await pageOf(small, kind, {}, { limit: 2, offset: 0 })).toEqual({
      ids: ['i-0', 'i-1'],
      total: 5,
      totalExact: false,
      scan: null,
    });
    // The cap is at least the page's end: offset 10 + limit 2 → counted up to 12 (+1).
    const deep = await pageOf(small, kind, {}, { limit: 2, offset: 10 });
    expect(deep).toMatchObject({ ids: ['i-10', 'i-11'], total: 12, totalExact: false });
    // Under the cap (the production one here) the total is exact.
    expect(await pageOf(lists, kind, {}, { limit: 2, offset: 0 })).toMatchObject({
      total: N,
      totalExact: true,
      scan: null,
    });
  });

  it('a date range bounds the walk itself: no window, the total bounded only', async () => {
    const from = new Date(NOW.getTime() - 3.5 * 60_000);
    const r = await pageOf(small, 'started', { from }, { limit: 20, offset: 0, scanFrom: 7 });
    expect(r).toEqual({
      ids: ['i-0', 'i-1', 'i-2', 'i-3'],
      total: 4,
      totalExact: true,
      scan: null,
    });
  });
});

describe('the scan window of a filtered page', () => {
  const pilot: ListFilter = { flow: 'pilot-project' };

  it.each(KINDS)('%s: pages among the matches of the window from scanFrom', async (kind) => {
    // Rows 0–9: the matches are g = 0, 3, 6, 9.
    expect(await pageOf(small, kind, pilot, { limit: 2, offset: 0 })).toEqual({
      ids: ['i-0', 'i-3'],
      total: 4,
      totalExact: true,
      scan: { from: 0, to: 10, complete: false },
    });
    expect((await pageOf(small, kind, pilot, { limit: 2, offset: 2 })).ids).toEqual(['i-6', 'i-9']);
    // The next window: rows 10–19.
    expect(await pageOf(small, kind, pilot, { limit: 20, offset: 0, scanFrom: 10 })).toEqual({
      ids: ['i-12', 'i-15', 'i-18'],
      total: 3,
      totalExact: true,
      scan: { from: 10, to: 20, complete: false },
    });
    // A window that ends exactly at the list's end is complete; one past it walks the rest.
    expect((await pageOf(small, kind, pilot, { limit: 20, offset: 0, scanFrom: 50 })).scan).toEqual(
      { from: 50, to: 60, complete: true },
    );
    expect(await pageOf(small, kind, pilot, { limit: 20, offset: 0, scanFrom: 55 })).toEqual({
      ids: ['i-57'],
      total: 1,
      totalExact: true,
      scan: { from: 55, to: 60, complete: true },
    });
    expect(await pageOf(small, kind, pilot, { limit: 20, offset: 0, scanFrom: 99 })).toEqual({
      ids: [],
      total: 0,
      totalExact: true,
      scan: { from: 99, to: 99, complete: true },
    });
  });

  it.each(KINDS)('%s: overdue and a keyword are window filters too', async (kind) => {
    // Instance g is overdue for g < 30 (its open task's deadline, 0015's late_at for 我发起的).
    const late = await pageOf(lists, kind, { overdue: true }, { limit: 50, offset: 0 });
    expect(late.total).toBe(30);
    expect(late.scan).toEqual({ from: 0, to: N, complete: true });
    expect(late.ids.slice(0, 2)).toEqual(['i-0', 'i-1']);
    const onTime = await pageOf(small, kind, { overdue: false }, { limit: 5, offset: 0 });
    expect(onTime).toMatchObject({ ids: [], total: 0, scan: { from: 0, to: 10 } });
    const word = await pageOf(small, kind, { keyword: '项目 5' }, { limit: 5, offset: 0 });
    expect(word).toMatchObject({ ids: ['i-5'], total: 1, scan: { from: 0, to: 10 } });
  });
});

describe('bounded counts', () => {
  it('a figure past the cap is the cap, named in atLeast', async () => {
    expect(await small.counts({ ...office, actorId: 'u-1' }, NOW)).toEqual({
      todo: 5,
      overdue: 5,
      done: 0,
      started: 5,
      copiesUnread: 0,
      copies: 0,
      atLeast: ['todo', 'started', 'overdue'],
    });
    expect(await lists.counts({ ...office, actorId: 'u-3' }, NOW)).toEqual({
      todo: N,
      overdue: 30,
      done: 0,
      started: 0,
      copiesUnread: N,
      copies: N,
      atLeast: [],
    });
  });
});
