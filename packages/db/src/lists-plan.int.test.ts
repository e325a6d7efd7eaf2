import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLists } from './store/lists.js';
import { type ListFilter, type Lists } from './store/list-types.js';
import { createTestPostgres, type TestPostgres } from './testing/index.js';
import { explain, type PlanNode } from './testing/query-plans.js';
import { StatementLog } from './testing/statement-log.js';

// The lists' plans, not their speed (bench/src/lists-scale.ts measures that): on a few thousand
// rows every list, filtered or not, walks its own index (migrations 0010, 0013) with the filters
// on the index's own columns — no sequential scan, no sort of the whole set, its count an index scan.

const NOW = new Date('2026-06-01T00:00:00.000Z');
const N = 6000;

describe('list query plans on PostgreSQL', () => {
  let pg: TestPostgres;
  let log: StatementLog;
  let lists: Lists;

  beforeAll(async () => {
    pg = await createTestPostgres({ max: 1 });
    await pg.sql`insert into users (id, name, email, roles, college)
      select 'u-' || g, (array['张伟','李娜','王芳','刘洋','陈静'])[g % 5 + 1] || g, 'u' || g || '@x',
        array['project_owner'], 'c' || (g % 10)
      from generate_series(0, 2999) g`;
    await pg.sql`insert into reference_data (kind, key, value)
      select 'college', 'c' || g,
        jsonb_build_object('id', 'c' || g, 'name', (array['电子工程学院','计算机学院','机电学院','商学院','艺术学院'])[g % 5 + 1] || g)
      from generate_series(0, 9) g`;
    // Instances: the trigger of migration 0010 fills search_text from the users and colleges.
    await pg.sql`insert into instances (id, flow_id, flow_version, state, status, version, snapshot,
        submitter_id, college, title, step_actors, head_hash, created_at, updated_at)
      select 'i-' || g, (array['pilot-project','assessment','teacher-training'])[g % 3 + 1], 1,
        'review', (array['active','active','completed','rejected'])[g % 4 + 1], 1,
        jsonb_build_object('context', jsonb_build_object('certificate',
          jsonb_build_object('code', 'C' || (g % 40), 'name', (array['Web前端开发','电子商务数据分析','工业机器人应用编程','智能财税'])[g % 4 + 1]))),
        'u-' || (g % 100), 'c' || (g % 10), '项目申报 ' || g, '{}'::jsonb, 'h',
        ${NOW.toISOString()}::timestamptz - (g || ' minutes')::interval,
        ${NOW.toISOString()}::timestamptz - (g || ' minutes')::interval
      from generate_series(0, ${N - 1}) g`;
    // Four history rows each: the start, two decisions by other people, a comment.
    await pg.sql`insert into history (instance_id, seq, actor_id, event, data, to_state, at, prev_hash, hash)
      select 'i-' || g, s, case when s = 1 then 'u-' || (g % 100) else 'u-' || ((g * 7 + s) % 100) end,
        (array['START','APPROVE','COMMENT','APPROVE'])[s], '{}'::jsonb, 'review',
        ${NOW.toISOString()}::timestamptz - (g || ' minutes')::interval + (s || ' seconds')::interval, 'p', 'h'
      from generate_series(0, ${N - 1}) g, generate_series(1, 4) s`;
    await pg.sql`insert into tasks (id, instance_id, flow_id, state, step, kind, role, college,
        assignee, events, approval, due_at, status, created_at)
      select 't-' || g, 'i-' || g, (array['pilot-project','assessment','teacher-training'])[g % 3 + 1],
        'review', 'college', 'step', case when g % 2 = 0 then 'academic_affairs' else 'college_lead' end,
        case when g % 2 = 1 then 'c' || (g % 10) end,
        case when g % 10 = 8 then 'u-' || (g % 100) end,
        '["APPROVE"]'::jsonb, true,
        case when g % 5 <> 0 then ${NOW.toISOString()}::timestamptz + ((g % 200 - 100) || ' hours')::interval end,
        case when g % 4 = 3 then 'done' else 'open' end,
        ${NOW.toISOString()}::timestamptz - (g || ' minutes')::interval
      from generate_series(0, ${N - 1}) g`;
    await pg.sql`insert into copies (id, instance_id, seq, person_id, from_id, flow_id, created_at, read_at)
      select 'k-' || g, 'i-' || g, 3, 'u-' || (g % 100), 'u-' || ((g + 1) % 100),
        (array['pilot-project','assessment','teacher-training'])[g % 3 + 1],
        ${NOW.toISOString()}::timestamptz - (g || ' minutes')::interval,
        case when g % 3 = 0 then ${NOW.toISOString()}::timestamptz end
      from generate_series(0, ${N - 1}) g`;
    // Written straight into the tables, so the list rows' copies are filled as migration 0013 does.
    await pg.sql`select certflow_lists_backfill()`;
    await pg.sql`vacuum analyze`;
    lists = createLists(pg.db);
    log = new StatementLog(pg.sql);
  });
  afterAll(async () => {
    log?.stop();
    await pg?.drop();
  });

  /** The plans of the statements `run` sent. */
  async function plansOf(run: () => Promise<unknown>): Promise<PlanNode[][]> {
    await log.during(run);
    const plans: PlanNode[][] = [];
    for (const statement of log.statements) plans.push(await explain(pg.sql, statement));
    if (process.env.LISTS_PLAN_DEBUG) {
      for (const statement of log.statements) {
        const rows = await pg.sql.unsafe(
          `explain ${statement.query}`,
          statement.parameters as never[],
        );
        console.log(
          statement.query,
          '\n',
          rows.map((r) => String(Object.values(r)[0] as string)).join('\n'),
        );
      }
    }
    return plans;
  }

  /**
   * Index scans only, the list's own index among them, read in the index's order (no Sort): a
   * page without a filter, by dates (the index's own bound) or in the scan window of a filter
   * (docs/lists.md § Bounded totals and the scan window).
   */
  function expectIndexPlans(plans: PlanNode[][], index: string, sorts = false): void {
    expect(plans.length).toBeGreaterThanOrEqual(2);
    for (const nodes of plans) {
      const types = nodes.map((n) => n['Node Type']);
      expect(types).not.toContain('Seq Scan');
      if (!sorts) expect(types).not.toContain('Sort');
    }
    expect(plans.flatMap((nodes) => nodes.map((n) => n['Index Name']))).toContain(index);
  }

  const filters: [string, ListFilter][] = [
    ['no filter', {}],
    ['flow and status', { flow: 'pilot-project', status: 'active' }],
    ['college', { college: 'c3' }],
    [
      'a date range',
      { from: new Date(NOW.getTime() - 3000 * 60_000), to: new Date(NOW.getTime() - 60_000) },
    ],
    ['overdue', { overdue: true }],
    ['a two-character Chinese keyword', { keyword: '张伟' }],
    ['a certificate and a college name', { keyword: '电子商务 学院' }],
  ];

  it.each(filters)('已办 (%s) walks done_items_person_idx', async (_, filter) => {
    const person = 'u-21';
    let total = 0;
    const plans = await plansOf(async () => {
      const page = await lists.decided(person, filter, { limit: 10, offset: 0 }, NOW);
      total = page.total;
      for (const item of page.items) expect(item.event).not.toMatch(/^(START|COMMENT)$/);
    });
    if (Object.keys(filter).length === 0) expect(total).toBeGreaterThan(0);
    expectIndexPlans(plans, 'done_items_person_idx');
  });

  it.each(filters)('我发起的 (%s) walks instances_started_idx', async (_, filter) => {
    let total = 0;
    const plans = await plansOf(async () => {
      const page = await lists.started('u-3', filter, { limit: 10, offset: 0 }, NOW);
      total = page.total;
      for (const item of page.items) expect(item.instance.submitterId).toBe('u-3');
    });
    if (Object.keys(filter).length === 0) expect(total).toBeGreaterThan(0);
    // A filter on the instance itself may be a BitmapAnd of two indexes, then the person's few
    // matching rows sorted: still index scans only.
    expectIndexPlans(plans, 'instances_started_idx');
  });

  it.each(filters)('抄送我的 (%s) walks copies_person_idx', async (_, filter) => {
    const plans = await plansOf(() => lists.copies('u-40', filter, { limit: 10, offset: 0 }, NOW));
    expectIndexPlans(plans, 'copies_person_idx');
  });

  it('a window further down the list (scanFrom) is the same index-only walk, no sort', async () => {
    const page = { limit: 10, offset: 5, scanFrom: 40 };
    const f: ListFilter = { keyword: '电子商务', overdue: false };
    const office = {
      actorId: 'u-aa',
      roles: ['academic_affairs'],
      college: null,
      organization: null,
    };
    for (const [index, run] of [
      ['done_items_person_idx', () => lists.decided('u-21', f, page, NOW)],
      ['instances_started_idx', () => lists.started('u-3', f, page, NOW)],
      ['copies_person_idx', () => lists.copies('u-40', f, page, NOW)],
      ['tasks_inbox_school_idx', () => lists.todo(office, f, page, NOW)],
    ] as const) {
      let scan: unknown;
      const plans = await plansOf(async () => {
        scan = (await run()).scan;
      });
      expect(scan).toMatchObject({ from: 40 });
      expectIndexPlans(plans, index);
    }
  });

  it('抄送我的 待阅 walks copies_person_unread_idx', async () => {
    let unread = 0;
    const plans = await plansOf(async () => {
      const page = await lists.copies('u-40', { read: false }, { limit: 10, offset: 0 }, NOW);
      unread = page.total;
      for (const item of page.items) expect(item.readAt).toBeNull();
    });
    expect(unread).toBeGreaterThan(0);
    expectIndexPlans(plans, 'copies_person_unread_idx');
  });

  it.each(filters)(
    '待办 of a school-wide office (%s) walks tasks_inbox_school_idx',
    async (_, f) => {
      const owner = {
        actorId: 'u-aa',
        roles: ['academic_affairs'],
        college: null,
        organization: null,
      };
      let total = 0;
      const plans = await plansOf(async () => {
        total = (await lists.todo(owner, f, { limit: 20, offset: 20 }, NOW)).total;
      });
      if (Object.keys(f).length === 0) expect(total).toBeGreaterThan(0);
      // A filter (a keyword included) is checked in the window's walk of the office's index
      // (docs/lists.md § Bounded totals and the scan window): no sort either.
      expect(plans.length).toBe(2);
      expectIndexPlans(plans, 'tasks_inbox_school_idx');
    },
  );

  it('counts: one statement of index scans', async () => {
    const owner = { actorId: 'u-18', roles: ['college_lead'], college: 'c7', organization: null };
    let counts = { todo: 0, done: 0, started: 0, copiesUnread: 0, copies: 0, overdue: 0 };
    const plans = await plansOf(async () => {
      counts = await lists.counts(owner, NOW);
    });
    expect(plans).toHaveLength(1);
    const nodes = plans[0] ?? [];
    expect(nodes.map((n) => n['Node Type'])).not.toContain('Seq Scan');
    const indexes = nodes.map((n) => n['Index Name']);
    for (const index of [
      'tasks_inbox_assignee_idx',
      'tasks_inbox_college_idx',
      'done_items_person_idx',
      'copies_person_unread_idx',
    ]) {
      expect(indexes).toContain(index);
    }
    // 我发起的's count: either index of the applicant (0013's started index is the wider one).
    expect(
      indexes.some((i) => i === 'instances_started_idx' || i === 'instances_submitter_idx'),
    ).toBe(true);
    expect(counts.todo).toBeGreaterThan(counts.overdue);
    expect(counts.overdue).toBeGreaterThan(0);
    expect(counts.started).toBe(N / 100);
    expect(counts.copies).toBe(N / 100);
  });

  it('searches the text the trigger made: title, applicant, certificate, college name', async () => {
    const [row] = await pg.sql<{ search_text: string }[]>`
      select search_text from instances where id = 'i-1'`;
    expect(row?.search_text).toContain('李娜1');
    expect(row?.search_text).toContain('电子商务数据分析');
    expect(row?.search_text).toContain('计算机学院1');
    // A two-character name: u-0 is 张伟0, u-1 李娜1.
    const page = { limit: 5, offset: 0 };
    expect((await lists.started('u-0', { keyword: '张伟' }, page, NOW)).total).toBe(N / 100);
    expect((await lists.started('u-1', { keyword: '张伟' }, page, NOW)).total).toBe(0);
    expect((await lists.started('u-1', { keyword: '李娜 c-1' }, page, NOW)).total).toBe(0);
    expect((await lists.started('u-1', { keyword: '李娜 C1' }, page, NOW)).total).toBeGreaterThan(
      0,
    );
  });
});
