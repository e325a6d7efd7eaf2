import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TokenService } from '@certflow/server';
import type { Sql } from 'postgres';
import { chromium, type Browser } from 'playwright-core';
import { openBenchDatabase } from './bench-database.js';
import { fmt, verdict, type SectionResult } from './result-row.js';
import { buildOnce, freePort, spawnServer, waitHealthy } from './server-rss.js';
import { nowMs, percentile } from './stats.js';

/**
 * §7 console: the first load of the 工作台's 待办 (issue 17: ≤ 1 s with 100,000 open tasks) —
 * the real server (`apps/server/dist/main.js` on PostgreSQL, serving the built console) and the
 * console in Debian's Chromium with a fresh profile each time (cold cache): from navigation to
 * the first 待办 row on screen, i.e. the JavaScript, `GET /api/me/counts`, `GET /api/tasks`
 * and the render. Baseline in the same run: the same first load for a person whose 待办 is
 * empty. Beside it, the bare `GET /api/tasks?limit=20` for both.
 */

export interface FirstLoadSizes {
  /** Open 领导小组 tasks (school-wide, one pilot project each). */
  readonly tasks: number;
  /** Timed first loads per person (after one warm-up load). */
  readonly loads: number;
  /** Timed inbox API calls per person (after 5 warm-up calls). */
  readonly calls: number;
}

export const FIRST_LOAD_SMOKE: FirstLoadSizes = { tasks: 500, loads: 1, calls: 5 };
export const FIRST_LOAD_DEFAULT: FirstLoadSizes = { tasks: 100_000, loads: 5, calls: 50 };

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const TARGET_MS = 1000;

/** The flags of the issue: headless, offline, quiet. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * `tasks` pilot projects at the 领导小组 step, each with its open school-wide task (the step
 * allows 批量审批, so every row gets its checkbox), deadlines from five days overdue to a month
 * ahead; the leader who holds them and a 财务审计处 person with none. Bulk SQL, then ANALYZE.
 */
async function seed(admin: Sql, tasks: number): Promise<void> {
  const now = new Date().toISOString();
  await admin`insert into users (id, name, email, roles, college) values
    ('u-owner', '张老师', 'owner@bench.example.edu.cn', array['project_owner'], 'ee'),
    ('u-leader', '钱院长', 'leader@bench.example.edu.cn', array['leadership'], null),
    ('u-idle', '赵处长', 'idle@bench.example.edu.cn', array['finance'], null)`;
  await admin`insert into reference_data (kind, key, value)
    values ('college', 'ee', jsonb_build_object('id', 'ee', 'name', '电子工程学院'))`;
  await admin`insert into instances (id, flow_id, flow_version, state, status, version, snapshot,
      submitter_id, college, subject_id, title, step_actors, head_hash, created_at, updated_at)
    select 'fl-' || g, 'pilot-project', 1, 'leadershipReview', 'active', 3,
      jsonb_build_object('value', 'leadershipReview', 'context', jsonb_build_object('application',
        jsonb_build_object('year', 2027, 'collegeId', 'ee', 'certificate', jsonb_build_object(
          'code', 'C-' || (g % 97), 'name', (array['Web前端开发','电子商务数据分析','智能财税'])[1 + g % 3],
          'level', 'intermediate')))),
      'u-owner', 'ee', 'fl-' || g, '电子工程学院 2027 年度试点项目申报 ' || g, '{}'::jsonb, md5(g::text),
      ${now}::timestamptz - (g || ' minutes')::interval, ${now}::timestamptz - (g || ' minutes')::interval
    from generate_series(1, ${tasks}::int) g`;
  await admin`insert into tasks (id, instance_id, flow_id, state, step, kind, role, college,
      assignee, events, approval, due_at, status, created_at)
    select 'ft-' || g, 'fl-' || g, 'pilot-project', 'leadershipReview', 'leadership', 'step',
      'leadership', null, null, '["APPROVE","RETURN","REJECT"]'::jsonb, true,
      ${now}::timestamptz + (((g % 35) - 5) || ' days')::interval, 'open',
      ${now}::timestamptz - (g || ' minutes')::interval
    from generate_series(1, ${tasks}::int) g`;
  await admin`vacuum analyze`;
}

async function apiSamples(base: string, token: string, calls: number): Promise<number[]> {
  const call = async () => {
    const r = await fetch(`${base}/api/tasks?limit=20`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!r.ok) throw new Error(`GET /api/tasks: HTTP ${r.status} ${await r.text()}`);
    await r.arrayBuffer();
  };
  for (let i = 0; i < 5; i += 1) await call();
  const out: number[] = [];
  for (let i = 0; i < calls; i += 1) {
    const t0 = nowMs();
    await call();
    out.push(nowMs() - t0);
  }
  return out;
}

/** One first load in a fresh profile: navigation → the first 待办 row (or the empty list). */
async function firstLoad(browser: Browser, base: string, token: string, empty: boolean) {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  try {
    // The console's own session key (apps/console src/session/session-store.ts).
    await context.addInitScript(
      (t) =>
        (
          globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
        ).localStorage.setItem('certflow.session', t),
      token,
    );
    const page = await context.newPage();
    await page.goto(`${base}/`, { waitUntil: 'commit' });
    // Checked on every animation frame in the page and timed by the page's own clock, whose
    // origin is the navigation's start (a locator's waitFor re-checks at widening intervals of up
    // to a second, which would round every load up to its next check).
    const seen = await page.waitForFunction(
      (isEmpty) => {
        // The page's globals, typed here (the bench compiles without the DOM library).
        const doc = (
          globalThis as unknown as {
            document: {
              body: { innerText: string } | null;
              querySelector(selector: string): unknown;
            };
          }
        ).document;
        const found = isEmpty
          ? (doc.body?.innerText.includes('暂无待办事项') ?? false)
          : doc.querySelector('[role="tabpanel"] li a') !== null;
        return found ? performance.now() : false;
      },
      empty,
      { polling: 'raf', timeout: 30_000 },
    );
    const ms = (await seen.jsonValue()) as number;
    const rows = await page.locator('[role="tabpanel"] li').count();
    return { ms, rows };
  } finally {
    await context.close();
  }
}

async function loads(
  browser: Browser,
  base: string,
  token: string,
  empty: boolean,
  n: number,
): Promise<{ samples: number[]; rows: number }> {
  await firstLoad(browser, base, token, empty);
  const samples: number[] = [];
  let rows = 0;
  for (let i = 0; i < n; i += 1) {
    const r = await firstLoad(browser, base, token, empty);
    samples.push(r.ms);
    rows = r.rows;
  }
  return { samples, rows };
}

export async function measureConsoleFirstLoad(sizes: FirstLoadSizes): Promise<SectionResult> {
  // The console the server serves, built as `pnpm start` builds it (only when its sources moved).
  const build = spawnSync('pnpm', ['--filter', '@certflow/console', 'build:ensure'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`console build failed:\n${build.stdout}${build.stderr}`);
  const db = await openBenchDatabase();
  const secret = randomBytes(32).toString('hex');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const t0 = nowMs();
  await seed(db.admin, sizes.tasks);
  const seedSeconds = (nowMs() - t0) / 1000;
  await buildOnce();
  const server = spawnServer({
    PORT: String(port),
    DATABASE_URL: db.url,
    CERTFLOW_JWT_SECRET: secret,
    CERTFLOW_MAIL_SECRET: randomBytes(32).toString('hex'),
    CERTFLOW_PUBLIC_URL: base,
    CERTFLOW_DEMO: '0',
  });
  let browser: Browser | undefined;
  try {
    await waitHealthy(base, server.child, 90_000);
    const tokens = new TokenService(secret);
    const leader = await tokens.sign(
      {
        sub: 'u-leader',
        name: '钱院长',
        email: 'leader@bench.example.edu.cn',
        roles: ['leadership'],
      },
      3600,
    );
    const idle = await tokens.sign(
      { sub: 'u-idle', name: '赵处长', email: 'idle@bench.example.edu.cn', roles: ['finance'] },
      3600,
    );
    const apiFull = await apiSamples(base, leader, sizes.calls);
    const apiEmpty = await apiSamples(base, idle, sizes.calls);
    browser = await chromium.launch({
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
    const empty = await loads(browser, base, idle, true, sizes.loads);
    const full = await loads(browser, base, leader, false, sizes.loads);
    const median = (s: number[]) => percentile(s, 50);
    const loadMs = median(full.samples);
    const emptyMs = median(empty.samples);
    const apiP50 = percentile(apiFull, 50);
    const n = fmt.count(sizes.tasks);
    return {
      rows: [
        {
          section: '7 console',
          measure: `待办 first load in Chromium, ${n} open tasks (median of ${sizes.loads})`,
          value: fmt.ms(loadMs),
          baseline: `${fmt.ms(emptyMs)} empty 待办`,
          ratio: fmt.ratio(loadMs / emptyMs),
          target: '≤ 1 s',
          verdict: verdict(loadMs <= TARGET_MS),
          method:
            `apps/server/dist/main.js on PostgreSQL (a bench database: ${n} pilot projects at the ` +
            `领导小组 step, one open school-wide task each, seeded with generate_series in ` +
            `${fmt.num(seedSeconds)} s) serving the built console; Debian's Chromium ` +
            `(${CHROMIUM_ARGS.join(' ')}), a fresh profile per load (cold cache) with the token ` +
            `in localStorage: from the navigation's start to the first 待办 row visible (checked every animation frame, the page's clock) (${full.rows} ` +
            `rows on the page; JavaScript, /api/me/counts, /api/flows, /api/tasks and the render). ` +
            `One warm-up load each. Baseline: the same load for a 财务审计处 person with an ` +
            `empty 待办 (slowest of ${sizes.loads}: ${fmt.ms(Math.max(...full.samples))}).`,
        },
        {
          section: '7 console',
          measure: `GET /api/tasks?limit=20, ${n} open tasks, p50 (p99 ${fmt.ms(percentile(apiFull, 99))})`,
          value: fmt.ms(apiP50),
          baseline: `${fmt.ms(percentile(apiEmpty, 50))} empty 待办`,
          ratio: fmt.ratio(apiP50 / percentile(apiEmpty, 50)),
          target: '—',
          verdict: 'info',
          method:
            `The bare inbox call of the first load over HTTP (${sizes.calls} calls after 5 ` +
            `warm-up, one after another), the leader's and the empty person's; the answer ` +
            `carries the page, its total and each task's batch flag.`,
        },
      ],
      notes: [],
    };
  } catch (error) {
    throw new Error(`console first load: ${String(error)}\n${server.stderr().slice(-2000)}`, {
      cause: error,
    });
  } finally {
    await browser?.close();
    await server.stop();
    await db.drop();
  }
}
