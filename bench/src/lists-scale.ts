import { pathToFileURL } from 'node:url';
import {
  createLists,
  openPostgres,
  type ListFilter,
  type Lists,
  type PostgresHandle,
  type TodoOwner,
} from '@certflow/db';
import type { Sql } from 'postgres';
import { testAdminUrl } from '@certflow/db/testing';
import postgres from 'postgres';
import { openBenchDatabase, type BenchDatabase } from './bench-database.js';
import { explain, type PlanSummary } from './query-plan.js';
import { fmt, verdict, type Note, type ResultRow } from './result-row.js';
import { nowMs, percentile } from './stats.js';

/**
 * The work lists at scale (docs/lists.md, issue 16: p99 < 20 ms for each list at 1M instances /
 * 10M history rows, index scans in the plan): 待办, 已办, 我发起的, 抄送我的 and the counts, each
 * unfiltered, filtered and searched with a Chinese keyword, through `createLists` of
 * `@certflow/db` on the store's own pool (postgres.js, generic plans). The baseline, measured in
 * the same run on the same pool, is a primary-key lookup of one instance row.
 *
 * Standalone: `pnpm --filter @certflow/bench exec tsx --conditions=certflow-source src/lists-scale.ts
 * [--smoke | --full] [--instances N] [--history N] [--queries N] [--keep | --reuse <db>]`; or
 * call `measureLists` from the harness (it returns table rows and notes like the other sections).
 * `--keep` keeps the generated database and prints its name; `--reuse <db>` measures such a
 * database again without generating it (migrating it first), so a 1M run can be repeated.
 * Each row says the page's `total` and whether it is exact (`1000+` when the count reached its
 * cap) and, for a filtered page, the window it walked (docs/lists.md § Bounded totals and the
 * scan window).
 */

export interface ListsRunOptions {
  /** Keep the generated database (its name is printed) instead of dropping it. */
  readonly keep?: boolean;
  /** Measure this database (kept by an earlier `--keep` run) instead of generating one. */
  readonly reuse?: string;
}

/** A database kept by `--keep`, migrated to the current schema; closing it keeps it. */
async function reusedDatabase(name: string): Promise<BenchDatabase> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`--reuse takes a database name, not ${name}`);
  const url = new URL(testAdminUrl());
  url.pathname = `/${name}`;
  const migrated = await openPostgres({ url: url.href, max: 1 });
  await migrated.close();
  const admin = postgres(url.href, { max: 2, onnotice: () => {} });
  return { url: url.href, name, admin, drop: () => admin.end() };
}

export interface ListsScaleSizes {
  /** Instances generated (10% active, with an open task each). */
  readonly instances: number;
  /** History rows generated (a start and decisions, spread over the instances). */
  readonly history: number;
  /** Timed calls per probe (after 10 warm-up calls). */
  readonly queries: number;
}

export const LISTS_SMOKE: ListsScaleSizes = { instances: 5_000, history: 50_000, queries: 20 };
export const LISTS_DEFAULT: ListsScaleSizes = {
  instances: 100_000,
  history: 1_000_000,
  queries: 200,
};
export const LISTS_FULL: ListsScaleSizes = {
  instances: 1_000_000,
  history: 10_000_000,
  queries: 200,
};

/** 5,000 teachers apply (and review); 200 approvers (college leads, office staff) decide. */
const TEACHERS = 5_000;
const APPROVERS = 200;
const COLLEGES = 20;
const FLOWS = `array['pilot-project','assessment','teacher-training','budget-adjustment']`;

/**
 * Bulk rows with `generate_series` straight into the tables, in one transaction with triggers off
 * (`session_replication_role = replica`: no change feed of 0012 for ten million history rows),
 * so `search_text` is written as migration 0010's trigger would write it, and the lists' rows are
 * filled by `certflow_lists_backfill()` of migration 0013, as the migration fills them.
 *
 * People with Chinese names, colleges with names, instances with a certificate in their snapshot
 * (one in fifty applied for by the busy applicant u-t0), history rows (seq 1 the applicant's START,
 * then decisions and comments, the odd ones by approvers, the even ones by teachers as reviewers),
 * one open task per active instance (half unassigned college-lead tasks of a college, a third
 * school-wide 教务处 tasks, the rest assigned to a teacher; a fifth overdue) and one copy per
 * instance (one in twenty-five to the busy reader u-a30). Then VACUUM ANALYZE.
 */
export async function generateLists(admin: Sql, s: ListsScaleSizes): Promise<void> {
  const perInstance = Math.max(2, Math.round(s.history / s.instances));
  const now = new Date().toISOString();
  await admin.begin(async (tx) => {
    await tx`set local session_replication_role = replica`;
    await tx`insert into users (id, name, email, roles, college)
      select 'u-t' || g, (array['张伟','王芳','李娜','刘洋','陈静','杨磊','赵敏','黄勇'])[1 + g % 8] || g,
        'u-t' || g || '@bench', array['project_owner'], 'c' || (g % ${COLLEGES})
      from generate_series(0, ${TEACHERS - 1}) g`;
    await tx`insert into users (id, name, email, roles, college)
      select 'u-a' || g, '审批人' || g, 'u-a' || g || '@bench',
        case when g < ${COLLEGES} then array['college_lead'] else array['academic_affairs'] end,
        case when g < ${COLLEGES} then 'c' || g end
      from generate_series(0, ${APPROVERS - 1}) g`;
    await tx`insert into reference_data (kind, key, value)
      select 'college', 'c' || g, jsonb_build_object('id', 'c' || g, 'name',
        (array['电子工程学院','计算机学院','机电工程学院','商学院','艺术设计学院'])[1 + g % 5] || g)
      from generate_series(0, ${COLLEGES - 1}) g`;
    await tx`insert into instances (id, flow_id, flow_version, state, status, version, snapshot,
        submitter_id, college, subject_id, title, step_actors, head_hash, created_at, updated_at,
        search_text)
      select 'li-' || g, (${tx.unsafe(FLOWS)})[1 + g % 4], 1,
        'review', case when g % 10 = 0 then 'active' else (array['completed','rejected','withdrawn'])[1 + g % 3] end,
        ${perInstance}::int,
        jsonb_build_object('value', 'review', 'context', jsonb_build_object('application', jsonb_build_object(
          'year', 2027, 'certificate', jsonb_build_object('code', 'C-' || (g % 97),
          'name', (array['Web前端开发','电子商务数据分析','工业机器人应用编程','智能财税','大数据应用开发','网店运营推广'])[1 + g % 6],
          'level', 'intermediate')))),
        a.submitter, 'c' || (g % ${COLLEGES}), 'li-' || g,
        'c' || (g % ${COLLEGES}) || ' 年度试点项目申报 ' || g, '{}'::jsonb, md5(g::text),
        ${now}::timestamptz - (g || ' minutes')::interval, ${now}::timestamptz - (g || ' minutes')::interval,
        certflow_search_text('c' || (g % ${COLLEGES}) || ' 年度试点项目申报 ' || g, a.submitter,
          'c' || (g % ${COLLEGES}), jsonb_build_object('certificate', jsonb_build_object('code', 'C-' || (g % 97),
          'name', (array['Web前端开发','电子商务数据分析','工业机器人应用编程','智能财税','大数据应用开发','网店运营推广'])[1 + g % 6])))
      from generate_series(1, ${s.instances}::int) g,
        lateral (select case when g % 50 = 7 then 'u-t0' else 'u-t' || (g % ${TEACHERS}) end as submitter) a`;
    await tx`insert into history (instance_id, seq, actor_id, actor_name, event, data, from_state,
        to_state, comment, at, prev_hash, hash)
      select 'li-' || g, q,
        case when q = 1 then case when g % 50 = 7 then 'u-t0' else 'u-t' || (g % ${TEACHERS}) end
          when q % 2 = 1 then 'u-a' || ((g * 7 + q) % ${APPROVERS})
          else 'u-t' || ((g * 11 + q) % ${TEACHERS}) end,
        null, case when q = 1 then 'START' else (array['APPROVE','COMMENT','RETURN','APPROVE'])[1 + q % 4] end,
        '{}'::jsonb, 'review', 'review', case when q > 1 then '同意' end,
        ${now}::timestamptz - (g || ' minutes')::interval + (q || ' seconds')::interval,
        md5((g * 100 + q - 1)::text), md5((g * 100 + q)::text)
      from generate_series(1, ${s.instances}::int) g, generate_series(1, ${perInstance}::int) q`;
    await tx`insert into tasks (id, instance_id, flow_id, state, step, kind, role, college,
        assignee, events, approval, due_at, status, created_at)
      select 'lt-' || g, 'li-' || g, (${tx.unsafe(FLOWS)})[1 + g % 4],
        'review', 'college', 'step',
        case when g % 60 < 30 then 'college_lead' when g % 60 < 50 then 'academic_affairs' else 'submitter' end,
        case when g % 60 < 30 then 'c' || ((g / 10) % ${COLLEGES}) end,
        case when g % 60 >= 50 then 'u-t' || (g % ${TEACHERS}) end,
        '["APPROVE","RETURN"]'::jsonb, true,
        ${now}::timestamptz + (((g % 50) - 10) || ' days')::interval, 'open',
        ${now}::timestamptz - (g || ' minutes')::interval
      from generate_series(10, ${s.instances}::int, 10) g`;
    await tx`insert into copies (id, instance_id, seq, person_id, from_id, flow_id, created_at, read_at)
      select 'lk-' || g, 'li-' || g, 2,
        case when g % 25 = 0 then 'u-a30' else 'u-t' || ((g * 13) % ${TEACHERS}) end,
        'u-a' || (g % ${APPROVERS}), (${tx.unsafe(FLOWS)})[1 + g % 4],
        ${now}::timestamptz - (g || ' minutes')::interval,
        case when g % 3 = 0 then ${now}::timestamptz end
      from generate_series(1, ${s.instances}::int) g`;
    await tx`select certflow_lists_backfill()`;
  });
  await admin`vacuum analyze`;
}

interface Probe {
  readonly name: string;
  readonly run: () => Promise<unknown>;
}

async function samplesOf(run: () => Promise<unknown>, queries: number): Promise<number[]> {
  for (let i = 0; i < Math.min(10, queries); i += 1) await run();
  const out: number[] = [];
  for (let i = 0; i < queries; i += 1) {
    const t0 = nowMs();
    await run();
    out.push(nowMs() - t0);
  }
  return out;
}

/** The statements one call sends, EXPLAINed with their parameters (generic plans, as served). */
async function plansOf(
  handle: PostgresHandle,
  run: () => Promise<unknown>,
): Promise<PlanSummary[]> {
  const sent: { query: string; parameters: unknown[] }[] = [];
  const options = handle.sql.options as { debug: unknown };
  options.debug = (_c: number, query: string, parameters: unknown[]) => {
    sent.push({ query, parameters });
  };
  try {
    await run();
  } finally {
    options.debug = undefined;
  }
  const plans: PlanSummary[] = [];
  for (const s of sent) plans.push(await explain(handle.sql, s.query, s.parameters));
  return plans;
}

interface People {
  /** 已办: the approver with the most decisions, and a teacher reviewer (a few hundred). */
  readonly busyDecider: string;
  readonly typicalDecider: string;
}

/**
 * Every list for a busy person and a typical one, unfiltered and with each filter: flow + status,
 * college, the last 30 days, overdue, a four-character keyword (电子商务, the certificate) and a
 * two-character one (张伟, a name: no trigram, the same walk).
 */
function probesFor(lists: Lists, people: People): Probe[] {
  const page = { limit: 20, offset: 0 };
  const now = () => new Date();
  const month = (): ListFilter => ({ from: new Date(Date.now() - 30 * 86_400_000) });
  const filters: [string, () => ListFilter][] = [
    ['', () => ({})],
    [', flow + status', () => ({ flow: 'pilot-project', status: 'active' })],
    [', college', () => ({ college: 'c3' })],
    [', last 30 days', month],
    [', overdue', () => ({ overdue: true })],
    [', keyword 电子商务', () => ({ keyword: '电子商务' })],
    [', keyword 张伟', () => ({ keyword: '张伟' })],
  ];
  const lead: TodoOwner = {
    actorId: 'u-a1',
    roles: ['college_lead'],
    college: 'c1',
    organization: null,
  };
  const office: TodoOwner = {
    actorId: 'u-a30',
    roles: ['academic_affairs'],
    college: null,
    organization: null,
  };
  const lists4: [string, (f: ListFilter) => Promise<unknown>][] = [
    ['待办, 教务处 (busy)', (f) => lists.todo(office, f, page, now())],
    ['待办, college lead (typical)', (f) => lists.todo(lead, f, page, now())],
    [
      `已办, ${people.busyDecider} (busy)`,
      (f) => lists.decided(people.busyDecider, f, page, now()),
    ],
    [
      `已办, ${people.typicalDecider} (typical)`,
      (f) => lists.decided(people.typicalDecider, f, page, now()),
    ],
    ['我发起的, u-t0 (busy)', (f) => lists.started('u-t0', f, page, now())],
    ['我发起的, u-t7 (typical)', (f) => lists.started('u-t7', f, page, now())],
    ['抄送我的, u-a30 (busy)', (f) => lists.copies('u-a30', f, page, now())],
    ['抄送我的, u-t13 (typical)', (f) => lists.copies('u-t13', f, page, now())],
  ];
  const out: Probe[] = [];
  for (const [list, run] of lists4) {
    for (const [label, filter] of filters)
      out.push({ name: `${list}${label}`, run: () => run(filter()) });
  }
  out.push(
    {
      name: '抄送我的, u-a30 (busy), 待阅',
      run: () => lists.copies('u-a30', { read: false }, page, now()),
    },
    {
      name: 'counts, 教务处 (busy)',
      run: () => lists.counts({ ...office, actorId: people.busyDecider }, now()),
    },
  );
  return out;
}

/** Generates the data set, then times and EXPLAINs every probe against the PK-lookup baseline. */
export async function measureLists(
  sizes: ListsScaleSizes,
  options: ListsRunOptions = {},
): Promise<{ rows: ResultRow[]; notes: Note[] }> {
  const db = options.reuse ? await reusedDatabase(options.reuse) : await openBenchDatabase();
  try {
    const t0 = nowMs();
    if (!options.reuse) await generateLists(db.admin, sizes);
    const genSeconds = (nowMs() - t0) / 1000;
    const [size] = await db.admin<{ db: string; history: string; instances: string }[]>`
      select pg_size_pretty(pg_database_size(current_database())) as db,
             pg_size_pretty(pg_total_relation_size('history')) as history,
             pg_size_pretty(pg_total_relation_size('instances')) as instances`;
    const [busiest] = await db.admin<{ actor_id: string; n: number }[]>`
      select actor_id, count(*)::int as n from done_items where actor_id like 'u-a%'
      group by actor_id order by count(*) desc, actor_id limit 1`;
    const approver = busiest?.actor_id ?? 'u-a0';
    const [typical] = await db.admin<{ actor_id: string; n: number }[]>`
      select actor_id, count(*)::int as n from done_items where actor_id = 'u-t42' group by actor_id`;
    const handle = await openPostgres({ url: db.url, max: 2, migrate: false });
    try {
      const lists = createLists(handle.db);
      const floor = percentile(
        await samplesOf(
          () =>
            handle.sql`select * from instances where id = ${'li-' + String(1 + Math.floor(Math.random() * sizes.instances))}`,
          sizes.queries,
        ),
        99,
      );
      const rows: ResultRow[] = [];
      const notes: Note[] = [];
      for (const probe of probesFor(lists, { busyDecider: approver, typicalDecider: 'u-t42' })) {
        const samples = await samplesOf(probe.run, sizes.queries);
        const result = (await probe.run()) as {
          total?: number;
          totalExact?: boolean;
          scan?: { from: number; to: number; complete: boolean } | null;
        };
        const plans = await plansOf(handle, probe.run);
        const indexes = [...new Set(plans.flatMap((p) => p.indexes))];
        const seq = [...new Set(plans.flatMap((p) => p.seqScans))];
        const p99 = percentile(samples, 99);
        rows.push({
          section: '4b lists',
          measure: `${probe.name} p99${totalOf(result)}`,
          value: fmt.ms(p99),
          baseline: `${fmt.ms(floor)} PK lookup`,
          ratio: fmt.ratio(p99 / floor),
          target: '< 20 ms, index scans',
          verdict: verdict(p99 < 20 && indexes.length > 0 && seq.length === 0),
          method:
            `${sizes.queries} sequential calls of createLists (postgres.js, generic plans) after ` +
            `10 warm-up calls, a page of 20; p50 ${fmt.ms(percentile(samples, 50))}. Indexes: ` +
            `${indexes.join(', ') || 'none'}${seq.length ? `; sequential scans on ${seq.join(', ')}` : ''}. ` +
            `Baseline: p99 of SELECT * FROM instances WHERE id = $1 on the same pool.`,
        });
        notes.push({
          title: `EXPLAIN ANALYZE — ${probe.name}`,
          body: plans.map((p) => '```\n' + p.text + '\n```').join('\n\n'),
        });
      }
      notes.unshift({
        title: 'Lists data set',
        body:
          `${fmt.count(sizes.instances)} instances (10% active with an open task), ` +
          `${fmt.count(sizes.instances * Math.max(2, Math.round(sizes.history / sizes.instances)))} history rows, ` +
          `${fmt.count(sizes.instances)} copies, ${TEACHERS} teachers, ${APPROVERS} approvers (busiest ${approver}: ` +
          `${fmt.count(busiest?.n ?? 0)} decisions; the typical reviewer u-t42: ${fmt.count(typical?.n ?? 0)}); ` +
          `u-t0 applied ${fmt.count(Math.round(sizes.instances / 50))} times, u-a30 has ${fmt.count(Math.round(sizes.instances / 25))} copies; ` +
          (options.reuse
            ? `database ${options.reuse} reused (not generated in this run). `
            : `generated in ${fmt.num(genSeconds)} s, then VACUUM ANALYZE. `) +
          `Database ${size?.db ?? '?'}, history ${size?.history ?? '?'}, instances ${size?.instances ?? '?'}.`,
      });
      return { rows, notes };
    } finally {
      await handle.close();
    }
  } finally {
    if (options.keep && !options.reuse) {
      await db.admin.end();
      console.log(`kept database ${db.name} (measure it again with --reuse ${db.name})`);
    } else await db.drop();
  }
}

/** ` (total 1,000+ , window 0–2,000 of more)` — what the probe's page said of its total. */
function totalOf(r: {
  total?: number;
  totalExact?: boolean;
  scan?: { from: number; to: number; complete: boolean } | null;
}): string {
  if (r.total === undefined) return '';
  const total = `${fmt.count(r.total)}${r.totalExact === false ? '+' : ''}`;
  const scan = r.scan
    ? `, window ${fmt.count(r.scan.from)}–${fmt.count(r.scan.to)}${r.scan.complete ? ' (all)' : ''}`
    : '';
  return ` (total ${total}${scan})`;
}

function sizesFrom(argv: readonly string[]): ListsScaleSizes {
  let sizes: ListsScaleSizes = LISTS_DEFAULT;
  const over: Partial<Record<keyof ListsScaleSizes, number>> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    if (flag === '--smoke') sizes = LISTS_SMOKE;
    else if (flag === '--full') sizes = LISTS_FULL;
    else if (flag === '--instances' || flag === '--history' || flag === '--queries') {
      const n = Number(argv[(i += 1)]);
      if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag} takes a positive integer`);
      over[flag.slice(2) as keyof ListsScaleSizes] = n;
    } else if (flag === '--keep') {
      // read by optionsFrom
    } else if (flag === '--reuse') i += 1;
    else if (flag !== '--') throw new Error(`unknown flag ${String(flag)}`);
  }
  return { ...sizes, ...over };
}

function optionsFrom(argv: readonly string[]): ListsRunOptions {
  const at = argv.indexOf('--reuse');
  const reuse = at >= 0 ? argv[at + 1] : undefined;
  if (at >= 0 && (reuse === undefined || reuse.startsWith('--')))
    throw new Error('--reuse takes a database name');
  return { keep: argv.includes('--keep'), ...(reuse ? { reuse } : {}) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const argv = process.argv.slice(2);
  const sizes = sizesFrom(argv);
  const { rows, notes } = await measureLists(sizes, optionsFrom(argv));
  console.log(
    rows
      .map(
        (r) =>
          `${r.verdict.padEnd(6)} ${r.measure}: ${r.value} (baseline ${r.baseline}, ${r.ratio})`,
      )
      .join('\n'),
  );
  console.log(`\n${notes[0]?.body ?? ''}`);
  if (process.env.LISTS_PLANS)
    for (const n of notes.slice(1)) console.log(`\n## ${n.title}\n${n.body}`);
}
