import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { projectApplication } from '@certflow/pilot/testing';
import { serverMemory } from './embedded.js';
import type { BenchFlags } from './flags.js';
import { applicationYear } from './pilot-cycle.js';
import { closedLoop } from './load.js';
import { fmt, verdict, type ResultRow } from './result-row.js';
import { sleep } from './stats.js';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** What `pnpm start` runs: the server's build (root package.json `start`). */
const SERVER_MAIN = join(ROOT, 'apps/server/dist/main.js');

let built: Promise<void> | undefined;
/** `turbo run build`, as `pnpm start` does first (cached: seconds when nothing changed). */
export function buildOnce(): Promise<void> {
  built ??= promisify(execFile)('npx', ['turbo', 'run', 'build', '--output-logs=errors-only'], {
    cwd: ROOT,
    maxBuffer: 16 * 1024 * 1024,
  }).then(() => undefined);
  return built;
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => done(port));
    });
  });
}

/** Resident set size of a process, bytes (Linux /proc). */
async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) * 1024;
}

/** Proportional set size of a process, bytes (/proc/<pid>/smaps_rollup). */
async function pssOf(pid: number): Promise<number> {
  const rollup = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8');
  return Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? Number.NaN) * 1024;
}

export async function waitHealthy(
  base: string,
  child: ChildProcess,
  timeoutMs: number,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const r = await fetch(`${base}/healthz`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error('server did not become healthy');
}

async function tokens(dataDir: string): Promise<Record<string, string>> {
  const env = await readFile(join(dataDir, 'demo-tokens.env'), 'utf8');
  const out: Record<string, string> = {};
  for (const m of env.matchAll(/CERTFLOW_TOKEN_(\w+)=(\S+)/g)) out[m[1]!.toLowerCase()] = m[2]!;
  return out;
}

export interface ServerChild {
  readonly child: ChildProcess;
  /** What it wrote to stderr so far (for the error of a broken run). */
  stderr(): string;
  /** SIGTERM, then SIGKILL after 10 s. */
  stop(): Promise<void>;
}

/**
 * apps/server/dist/main.js (what `pnpm start` runs, after `buildOnce`) as a child process on
 * 127.0.0.1 with `env` over the bench's own environment, less DATABASE_URL and REDIS_URL unless
 * `env` gives them.
 */
export function spawnServer(env: Readonly<Record<string, string>>): ServerChild {
  const { DATABASE_URL: _db, REDIS_URL: _redis, ...inherited } = process.env;
  const child = spawn(process.execPath, [SERVER_MAIN], {
    cwd: ROOT,
    env: { ...inherited, HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return {
    child,
    stderr: () => stderr,
    stop: async () => {
      child.kill('SIGTERM');
      await Promise.race([new Promise((r) => child.once('exit', r)), sleep(10_000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/**
 * §5 (server part): `pnpm start`'s all-in-one server (embedded PostgreSQL in a temp data dir,
 * demo school) as a child process, driven over HTTP by concurrent clients cycling pilot-project
 * instances; its RSS sampled from /proc every 200 ms, and its PostgreSQL's PSS idle and at the
 * end. Baseline: the same, idle after start.
 */
export async function measureServer(flags: BenchFlags): Promise<ResultRow[]> {
  await buildOnce();
  const dataDir = await mkdtemp(join(tmpdir(), 'certflow-bench-server-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // Embedded mode: no DATABASE_URL / REDIS_URL, whatever the caller's environment holds.
  const server = spawnServer({
    PORT: String(port),
    CERTFLOW_DATA_DIR: dataDir,
    CERTFLOW_DEMO: '1',
    // Open all year, so the bench runs on any date (the default call ends on 12-31).
    PROJECT_CALL_WINDOW: '01-01..12-31',
  });
  const { child } = server;
  try {
    const t0 = Date.now();
    await waitHealthy(base, child, 90_000);
    const startSeconds = (Date.now() - t0) / 1000;
    await sleep(1000);
    const pid = child.pid!;
    const idle = await rssOf(pid);
    const pgDir = join(dataDir, 'postgres');
    const pgIdle = await serverMemory(pgDir);
    // The whole process group (Node and its PostgreSQL), each page counted once: PSS.
    const groupPss = async () => (await pssOf(pid)) + (await serverMemory(pgDir)).pss;
    const groupIdle = await groupPss();
    const tok = await tokens(dataDir);
    const call = async (token: string | undefined, path: string, body: unknown) => {
      const r = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token ?? ''}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const text = await r.text();
      if (!r.ok) throw new Error(`${path}: HTTP ${r.status} ${text.slice(0, 300)}`);
      return JSON.parse(text) as { id: string };
    };
    const clients = Math.max(...flags.clients);
    // The demo school's two colleges in turn; one certificate per client (one application per
    // college, year and certificate), small enough that all fit the demo quota.
    const college = (w: number) =>
      w % 2 === 0 ? { id: 'ee', suffix: '' } : { id: 'cs', suffix: '_cs' };
    const ids: string[] = [];
    for (let i = 0; i < clients; i += 1) {
      const c = college(i);
      ids.push(
        (
          await call(tok[`owner${c.suffix}`], '/api/instances', {
            flow: 'pilot-project',
            input: projectApplication({
              year: applicationYear(),
              collegeId: c.id,
              certificate: { code: `BENCH-${i}`, name: `基准测试证书${i}`, level: 'intermediate' },
              scale: 1,
              budget: { consumables: 1000, certificateFees: 1000, examinerFees: 1000 },
            }),
          })
        ).id,
      );
    }
    const steps = new Map<number, number>();
    const cycle = [
      { type: 'APPROVE', who: 'lead', comment: '同意，报教务处审核。' },
      { type: 'RETURN', who: 'academic', comment: '预算明细不全，请补充后重新提交。' },
      { type: 'RESUBMIT', who: 'owner' },
    ] as const;
    const send = async (w: number) => {
      const n = steps.get(w) ?? 0;
      const c = cycle[n % cycle.length]!;
      const who = c.who === 'academic' ? c.who : `${c.who}${college(w).suffix}`;
      await call(tok[who], `/api/instances/${ids[w]!}/events`, {
        type: c.type,
        ...('comment' in c ? { comment: c.comment } : {}),
      });
      steps.set(w, n + 1);
    };
    // 200 commands first (the "after 200 commands"), the clients sharing the count.
    let sent = 0;
    await Promise.all(
      ids.map(async (_, w) => {
        while (sent < 200) {
          sent += 1;
          await send(w);
        }
      }),
    );
    await sleep(500);
    const groupAfter200 = await groupPss();
    let peak = idle;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peak = Math.max(peak, await rssOf(pid).catch(() => 0));
        await sleep(200);
      }
    })();
    const warmupMs = Math.min(2000, flags.duration * 200);
    const load = await closedLoop(clients, warmupMs, flags.duration * 1000, send);
    sampling = false;
    await sampler;
    const after = await rssOf(pid);
    const pgAfter = await serverMemory(pgDir);
    const group =
      'Node (PSS, /proc/<pid>/smaps_rollup) plus its embedded PostgreSQL (PSS summed over the ' +
      'postmaster and its children): every page of the process group counted once';
    return [
      {
        section: '5 embedded',
        measure: '`pnpm start` ready on a fresh data directory (initdb, migrations, demo school)',
        value: `${fmt.num(startSeconds, 1)} s`,
        baseline: '—',
        ratio: '—',
        target: '≤ 8 s',
        verdict: verdict(startSeconds <= 8),
        method:
          'apps/server/dist/main.js — what `pnpm start` runs after its (cached) `turbo run ' +
          'build` — spawned on an empty temp CERTFLOW_DATA_DIR with CERTFLOW_DEMO=1, until ' +
          '/healthz answers 200: initdb and start of the embedded PostgreSQL, migrations, the ' +
          'demo school seeded.',
      },
      {
        section: '5 embedded',
        measure: 'all-in-one process group memory, idle',
        value: fmt.mb(groupIdle),
        baseline: '—',
        ratio: '—',
        target: '≤ 300 MB',
        verdict: verdict(groupIdle <= 300 * 1024 * 1024),
        method: `${group}, 1 s after healthy.`,
      },
      {
        section: '5 embedded',
        measure: 'all-in-one process group memory after 200 commands',
        value: fmt.mb(groupAfter200),
        baseline: `${fmt.mb(groupIdle)} idle`,
        ratio: fmt.ratio(groupAfter200 / groupIdle),
        target: '≤ 400 MB',
        verdict: verdict(groupAfter200 <= 400 * 1024 * 1024),
        method:
          `${group}, after ${clients} HTTP clients sent 200 commands (POST ` +
          '/api/instances/{id}/events, APPROVE→RETURN→RESUBMIT with demo tokens) and 0.5 s.',
      },
      {
        section: '5 embedded',
        measure: `all-in-one server RSS under load (${clients} HTTP clients)`,
        value: `${fmt.mb(peak)} peak`,
        baseline: `${fmt.mb(idle)} idle`,
        ratio: fmt.ratio(peak / idle),
        target: '—',
        verdict: 'info',
        method:
          `apps/server/dist/main.js (what \`pnpm start\` runs) as a child process on a temp ` +
          `CERTFLOW_DATA_DIR (embedded PostgreSQL, demo school), healthy after ` +
          `${fmt.num(startSeconds)} s (initdb included); ${clients} clients POST ` +
          `/api/instances/{id}/events (APPROVE→RETURN→RESUBMIT with demo tokens, the two demo ` +
          `colleges in turn) for ${flags.duration} s: ${fmt.rate(load.rate)} over HTTP. Node's ` +
          `RSS from /proc/<pid>/status every 200 ms; idle = 1 s after healthy; ` +
          `${fmt.mb(after)} at the end. Its PostgreSQL is the next row.`,
      },
      {
        section: '5 embedded',
        measure: `all-in-one server's PostgreSQL PSS under load (${pgAfter.processes} processes)`,
        value: fmt.mb(pgAfter.pss),
        baseline: `${fmt.mb(pgIdle.pss)} idle`,
        ratio: fmt.ratio(pgAfter.pss / pgIdle.pss),
        target: '—',
        verdict: 'info',
        method:
          'The embedded PostgreSQL the server started in <data dir>/postgres: PSS summed over the ' +
          'postmaster and its children (/proc/<pid>/smaps_rollup) 1 s after healthy ' +
          `(${pgIdle.processes} processes) and at the end of the load.`,
      },
    ];
  } catch (error) {
    throw new Error(`server: ${String(error)}\n${server.stderr().slice(-2000)}`, {
      cause: error,
    });
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
