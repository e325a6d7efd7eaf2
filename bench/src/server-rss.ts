import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectApplication } from '@certflow/pilot/testing';
import type { BenchFlags } from './flags.js';
import { closedLoop } from './load.js';
import { fmt, type ResultRow } from './result-row.js';
import { sleep } from './stats.js';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const SERVER_MAIN = join(ROOT, 'apps/server/src/main.ts');

async function freePort(): Promise<number> {
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

async function waitHealthy(base: string, child: ChildProcess, timeoutMs: number): Promise<void> {
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

/**
 * §5 (server part): `pnpm start`'s all-in-one server (embedded PGlite on a temp data dir, demo
 * school) as a child process, driven over HTTP by concurrent clients cycling pilot-project
 * instances; its RSS sampled from /proc every 200 ms. Baseline: its RSS idle after start.
 */
export async function measureServer(flags: BenchFlags): Promise<ResultRow[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'certflow-bench-server-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // Embedded mode: no DATABASE_URL / REDIS_URL, whatever the caller's environment holds.
  const { DATABASE_URL: _db, REDIS_URL: _redis, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--conditions=certflow-source', '--import', 'tsx', SERVER_MAIN], {
    cwd: ROOT,
    env: {
      ...inherited,
      PORT: String(port),
      HOST: '127.0.0.1',
      CERTFLOW_DATA_DIR: dataDir,
      CERTFLOW_DEMO: '1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  try {
    const t0 = Date.now();
    await waitHealthy(base, child, 90_000);
    const startSeconds = (Date.now() - t0) / 1000;
    await sleep(1000);
    const pid = child.pid!;
    const idle = await rssOf(pid);
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
    const ids: string[] = [];
    for (let i = 0; i < clients; i += 1) {
      ids.push(
        (
          await call(tok['owner'], '/api/instances', {
            flow: 'pilot-project',
            input: projectApplication(),
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
    let peak = idle;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peak = Math.max(peak, await rssOf(pid).catch(() => 0));
        await sleep(200);
      }
    })();
    const warmupMs = Math.min(2000, flags.duration * 200);
    const load = await closedLoop(clients, warmupMs, flags.duration * 1000, async (w) => {
      const n = steps.get(w) ?? 0;
      const c = cycle[n % cycle.length]!;
      await call(tok[c.who], `/api/instances/${ids[w]!}/events`, {
        type: c.type,
        ...('comment' in c ? { comment: c.comment } : {}),
      });
      steps.set(w, n + 1);
    });
    sampling = false;
    await sampler;
    const after = await rssOf(pid);
    return [
      {
        section: '5 embedded',
        measure: `all-in-one server RSS under load (${clients} HTTP clients)`,
        value: `${fmt.mb(peak)} peak`,
        baseline: `${fmt.mb(idle)} idle`,
        ratio: fmt.ratio(peak / idle),
        target: '—',
        verdict: 'info',
        method:
          `apps/server src/main.ts (what \`pnpm start\` runs) as a child process on a temp ` +
          `CERTFLOW_DATA_DIR (PGlite, demo school), healthy after ${fmt.num(startSeconds)} s; ` +
          `${clients} clients POST /api/instances/{id}/events (APPROVE→RETURN→RESUBMIT with demo ` +
          `tokens) for ${flags.duration} s: ${fmt.rate(load.rate)} over HTTP. RSS from ` +
          `/proc/<pid>/status every 200 ms; idle = 1 s after healthy; ${fmt.mb(after)} at the end.`,
      },
    ];
  } catch (error) {
    throw new Error(`server: ${String(error)}\n${stderr.slice(-2000)}`, { cause: error });
  } finally {
    child.kill('SIGTERM');
    await Promise.race([new Promise((r) => child.once('exit', r)), sleep(10_000)]);
    if (child.exitCode === null) child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  }
}
