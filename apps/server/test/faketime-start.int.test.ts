/**
 * The real `pnpm start` under a faked system time (issue 13, "Must show"): on the real calendar at
 * 2026-12-28 and in mid-2027, an application starts, its task has a provisional working-day
 * deadline at 17:30, approvals go on, and importing a 2027 table moves those deadlines.
 *
 * How the time is faked: Debian's `faketime -f '@<UTC instant>'` with TZ=UTC wraps the whole
 * `pnpm start` (turbo's build and `node apps/server/dist/main.js`); the clock starts at that instant
 * and keeps ticking. libfaketime is an LD_PRELOAD library, so every child inherits it — including
 * the embedded PostgreSQL the server starts (initdb, postmaster): checked here, it initialises and
 * runs under the faked time, so database `now()` and the server's clock agree and no external
 * DATABASE_URL is needed. The monotonic clock is left real (FAKETIME_DONT_FAKE_MONOTONIC=1) so that
 * Node's timers and PostgreSQL's timeouts are not thrown off by the jump. The server computes in
 * Asia/Shanghai whatever the process TZ is; the instants below are Beijing 10:00.
 *
 * `pnpm start` itself works under faketime (turbo's cached build is unaffected), so the real command
 * is run, not `node apps/server/dist/main.js`. Without the faked time (today's date) the deadlines
 * below would fall in a covered year and not be provisional: the test cannot pass by accident.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, startServer, stopStarted, type Started } from './support/spawn-start.js';

const example = readFileSync(join(ROOT, 'packages/calendar/examples/2027.example.json'), 'utf8');

/** An ISO instant as Beijing `YYYY-MM-DD HH:mm`. */
const bj = (iso: string): string =>
  new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

interface FakedStart extends Started {
  readonly tokens: Record<string, string>;
}

/** `faketime -f '@<utc>' pnpm start` on a free port and a fresh data dir. */
async function fakedStart(dataDir: string, utc: string): Promise<FakedStart> {
  const started = await startServer({
    dataDir,
    wrapper: ['faketime', '-f', `@${utc}`],
    env: { TZ: 'UTC', FAKETIME_DONT_FAKE_MONOTONIC: '1' },
    readyAfter: 'demo school seeded',
  });
  const tokens: Record<string, string> = {};
  for (const m of readFileSync(join(dataDir, 'demo-tokens.env'), 'utf8').matchAll(
    /^export CERTFLOW_TOKEN_(\w+)=(\S+)$/gm,
  )) {
    tokens[m[1] ?? ''] = m[2] ?? '';
  }
  return { ...started, tokens };
}

const stop = stopStarted;

interface Due {
  at: string;
  provisional: boolean;
  explanation: { zh: string; en: string };
}
interface TaskBody {
  id: string;
  state: string;
  dueAt: string | null;
  due?: Due;
}
interface InstanceBody {
  id: string;
  state: string;
  version: number;
  tasks: TaskBody[];
}

async function call<T>(
  s: FakedStart,
  who: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${s.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${s.tokens[who] ?? ''}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as T };
}

const application = (year: number) => ({
  flow: 'pilot-project',
  input: {
    year,
    collegeId: 'ee',
    certificate: { code: 'WEB-FE', name: 'Web前端开发', level: 'intermediate' },
    evaluationOrg: '工信部教育与考试中心',
    scale: 40,
    budget: { consumables: 200000, certificateFees: 400000, examinerFees: 150000 },
  },
});

/** The open task's deadline: 17:30 Beijing, and its date. */
function openDue(i: InstanceBody): { task: TaskBody; due: Due; day: string } {
  const task = i.tasks[0];
  if (!task?.due || !task.dueAt)
    throw new Error(`no open task with a deadline: ${JSON.stringify(i)}`);
  expect(task.due.at).toBe(task.dueAt);
  expect(bj(task.dueAt).slice(11)).toBe('17:30');
  return { task, due: task.due, day: bj(task.dueAt).slice(0, 10) };
}

const weekday = (day: string): number => new Date(`${day}T12:00:00Z`).getUTCDay();

describe('pnpm start under faketime at 2026-12-28 10:00 Beijing (2027 has no table yet)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'certflow-faketime-'));
  let s: FakedStart | undefined;
  let id = '';
  const server = (): FakedStart => {
    if (!s) throw new Error('not started');
    return s;
  };

  beforeAll(async () => {
    s = await fakedStart(dataDir, '2026-12-28 02:00:00');
  }, 120_000);

  afterAll(async () => {
    await stop(s);
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('the whole server, embedded PostgreSQL included, runs on the faked time', () => {
    const out = server().output();
    expect(out).toContain('database: embedded PostgreSQL');
    // The startup warning names 2027: the server believes it is late 2026.
    expect(out).toContain('"code":"CALENDAR_NEXT_YEAR_NOT_COVERED","year":2027');
    const iat = /"time":(\d{13})/.exec(out)?.[1];
    expect(bj(new Date(Number(iat)).toISOString()).slice(0, 10)).toBe('2026-12-28');
  });

  it('an application starts; its task is due at 17:30 on a 2027 working day, provisionally', async () => {
    const started = await call<InstanceBody>(server(), 'OWNER', 'POST', '/api/instances', {
      ...application(2027),
    });
    expect(started.status).toBe(201);
    id = started.body.id;
    expect(started.body.state).toBe('collegeReview');
    // The database stamps the faked time too.
    expect(bj(started.body.tasks[0]?.dueAt ?? '').slice(0, 4)).toBe('2027');
    const { due, day } = openDue(started.body);
    expect(day.startsWith('2027-')).toBe(true);
    expect([1, 2, 3, 4, 5]).toContain(weekday(day)); // counted on weekends alone
    expect(due.provisional).toBe(true);
    expect(due.explanation.zh).toContain('暂按周末计算');
    // 5 working days from Mon 2026-12-28: 29, 30, 31, (Fri) 1 Jan 2027, Mon 4 Jan.
    expect(day).toBe('2027-01-04');
  });

  it('the college lead approves; the next task is provisional too', async () => {
    const approved = await call<InstanceBody>(
      server(),
      'LEAD',
      'POST',
      `/api/instances/${id}/events`,
      { type: 'APPROVE', comment: '同意申报' },
      { 'if-match': '1' },
    );
    expect(approved.status).toBe(200);
    expect(approved.body.state).toBe('academicReview');
    const i = await call<InstanceBody>(server(), 'ACADEMIC', 'GET', `/api/instances/${id}`);
    const { due, day } = openDue(i.body);
    expect(day.startsWith('2027-')).toBe(true);
    expect(due.provisional).toBe(true);
    expect(due.explanation.zh).toContain('暂按周末计算');
    // 教务处's 5 working days, again counting Fri 2027-01-01 as an ordinary day.
    expect(day).toBe('2027-01-04');
  });

  it('教务处 imports the 2027 table: the open deadline is no longer provisional and moves; history verifies', async () => {
    const before = openDue(
      (await call<InstanceBody>(server(), 'ACADEMIC', 'GET', `/api/instances/${id}`)).body,
    );
    const put = await call<{ dryRun: boolean; recomputed: { instances: number } | null }>(
      server(),
      'ACADEMIC',
      'PUT',
      '/api/calendar/2027',
      example,
    );
    expect(put.status).toBe(200);
    expect(put.body.dryRun).toBe(false);

    const after = openDue(
      (await call<InstanceBody>(server(), 'ACADEMIC', 'GET', `/api/instances/${id}`)).body,
    );
    expect(after.task.id).toBe(before.task.id);
    expect(after.due.provisional).toBe(false);
    expect(after.due.explanation.zh).not.toContain('暂按周末计算');
    // The new date is a working day of the imported table (元旦 2027-01-01 no longer counts).
    const y2027 = await call<{ days: { date: string; kind: string }[] }>(
      server(),
      'ACADEMIC',
      'GET',
      '/api/calendar/2027',
    );
    const kind = y2027.body.days.find((d) => d.date === after.day)?.kind;
    expect(['work', 'makeup']).toContain(kind);
    expect(y2027.body.days.find((d) => d.date === '2027-01-01')?.kind).toBe('holiday');
    // 元旦 (2027-01-01) is skipped now: one working day later.
    expect([before.day, after.day]).toEqual(['2027-01-04', '2027-01-05']);
    expect(put.body.recomputed).toMatchObject({ instances: 1, tasks: 1 });
    const history = await call<{ items: { event: string; actorId: string }[] }>(
      server(),
      'AUDITOR',
      'GET',
      `/api/instances/${id}/history`,
    );
    expect(history.body.items.map((h) => `${h.event} ${h.actorId}`)).toEqual([
      'START u-owner',
      'APPROVE u-lead',
      'RECOMPUTE_DEADLINES system',
    ]);

    const verify = await call<{ ok: boolean; count: number }>(
      server(),
      'AUDITOR',
      'GET',
      `/api/instances/${id}/verify`,
    );
    expect(verify.status).toBe(200);
    expect(verify.body.ok).toBe(true);
    expect(verify.body.count).toBe(3);
  });
});

describe('pnpm start under faketime at 2027-06-15 10:00 Beijing (2027 still uncovered)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'certflow-faketime-mid-'));
  let s: FakedStart | undefined;

  beforeAll(async () => {
    s = await fakedStart(dataDir, '2027-06-15 02:00:00');
  }, 120_000);

  afterAll(async () => {
    await stop(s);
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('a new application gets a provisional 17:30 deadline on a working day of the current year', async () => {
    if (!s) throw new Error('not started');
    const started = await call<InstanceBody>(
      s,
      'OWNER',
      'POST',
      '/api/instances',
      application(2028),
    );
    expect(started.status).toBe(201);
    const { due, day } = openDue(started.body);
    // 5 working days from Tue 2027-06-15: 16, 17, 18, 21, 22 (no 2027 table: weekends alone).
    expect(day).toBe('2027-06-22');
    expect(due.provisional).toBe(true);
    expect(due.explanation.zh).toContain('暂按周末计算');
    expect(due.explanation.zh).toContain('2027');
    const approved = await call<InstanceBody>(
      s,
      'LEAD',
      'POST',
      `/api/instances/${started.body.id}/events`,
      { type: 'APPROVE', comment: '同意申报' },
      { 'if-match': '1' },
    );
    expect(approved.status).toBe(200);
    const next = openDue(
      (await call<InstanceBody>(s, 'ACADEMIC', 'GET', `/api/instances/${started.body.id}`)).body,
    );
    expect(next.day.startsWith('2027-')).toBe(true);
    expect(next.due.provisional).toBe(true);
  });
});

// Fail (never skip) when the tools are missing.
for (const tool of ['pnpm', 'faketime']) {
  if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0)
    throw new Error(`${tool} is required by this test`);
}
