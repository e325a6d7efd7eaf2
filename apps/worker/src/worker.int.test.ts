import { createTestPostgres, type TestPostgres } from '@certflow/db/testing';
import { Queue } from 'bullmq';
import { spawn, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const tsx = here('../../../node_modules/.bin/tsx');
const redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
let db: TestPostgres;

beforeAll(async () => {
  db = await createTestPostgres();
});
afterAll(async () => {
  await db?.drop();
});

function run(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
} {
  const child = spawn(tsx, ['--conditions=certflow-source', here('./main.ts')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exit = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, output: () => out, exit };
}

describe('the worker process (pnpm start)', () => {
  it('starts against PostgreSQL and Redis, answers /healthz, stops cleanly on SIGTERM', async () => {
    const port = String(20_000 + Math.floor(Math.random() * 20_000));
    const w = run({
      DATABASE_URL: db.url,
      REDIS_URL: redisUrl,
      WORKER_HEALTH_PORT: port,
      REDIS_PREFIX: `certflow-worker-test-${port}`,
      CERTFLOW_MAIL_SECRET: 'x'.repeat(40),
      CERTFLOW_PUBLIC_URL: 'https://certflow.example.edu.cn',
      CERTFLOW_DATA_DIR: join(tmpdir(), `certflow-worker-${port}`),
      LOG_LEVEL: 'info',
      PILOT_COLLEGES: 'ee,cs',
      SEMESTER_START: '08-31',
    });
    try {
      const deadline = Date.now() + 30_000;
      let body: { status?: string; queues?: unknown } | undefined;
      while (Date.now() < deadline && !body) {
        body = await fetch(`http://127.0.0.1:${port}/healthz`)
          .then((r) => (r.ok ? (r.json() as Promise<{ status?: string }>) : undefined))
          .catch(() => undefined);
        if (!body) await new Promise((r) => setTimeout(r, 100));
      }
      expect(body?.status, w.output()).toBe('ok');
      expect(body?.queues).toHaveProperty('timers');
      expect(w.output()).toContain('worker started');
      // The recurring calls are BullMQ job schedulers in Beijing time, including the autumn
      // annual-plan call on the configured semester start and the December annual summary.
      const recurring = new Queue('recurring', {
        connection: { url: redisUrl },
        prefix: `certflow-worker-test-${port}`,
      });
      try {
        const schedulers = await recurring.getJobSchedulers();
        expect(schedulers.map((s) => [s.key, s.pattern, s.tz]).sort()).toEqual([
          ['annual-plan-call', '0 9 31 8 *', 'Asia/Shanghai'],
          ['annual-summary', '0 9 1 12 *', 'Asia/Shanghai'],
          ['dynamic-report', '0 9 1 * *', 'Asia/Shanghai'],
        ]);
        await recurring.obliterate({ force: true });
      } finally {
        await recurring.close();
      }
      w.child.kill('SIGTERM');
      expect(await w.exit).toBe(0);
      expect(w.output()).toContain('stopped');
    } finally {
      if (w.child.exitCode === null) w.child.kill('SIGKILL');
    }
  }, 60_000);

  it('refuses to start with a bad configuration and says which variable is wrong', async () => {
    const w = run({ DATABASE_URL: 'mysql://nope', REDIS_URL: redisUrl });
    expect(await w.exit).toBe(1);
    expect(w.output()).toContain('DATABASE_URL: 须为 postgres:// 地址 / must be a postgres:// URL');
    // The pilot settings it shares with the server are checked the same way.
    const late = run({
      DATABASE_URL: 'postgres://127.0.0.1/none',
      REDIS_URL: redisUrl,
      ANNUAL_PLAN_DUE_WORKING_DAYS: '20',
      ANNUAL_PLAN_REMINDER_WORKING_DAYS: '5,25',
    });
    expect(await late.exit).toBe(1);
    expect(late.output()).toContain('ANNUAL_PLAN_REMINDER_WORKING_DAYS');
  }, 30_000);
});
