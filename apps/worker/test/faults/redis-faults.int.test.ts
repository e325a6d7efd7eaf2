import { createTestPostgres, type TestPostgres } from '@certflow/db/testing';
import { Queue } from 'bullmq';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCommand } from '../support/command-load.js';
import {
  freePort,
  killAll,
  sleep,
  startServer,
  startWorker,
  until,
  type Child,
  type ServerChild,
} from '../support/processes.js';
import { TestRedis } from '../support/redis-server.js';

/**
 * Redis faults injected into a real worker and a real API server (child processes) on a Redis
 * of the test's own (never the shared one): Redis down, Redis restarted empty, SIGTERM while
 * Redis is down. Figures are printed (docs/reliability.md records them).
 */
const dataDir = mkdtempSync(join(tmpdir(), 'certflow-redis-faults-'));
const prefix = `cf-faults-redis-${Date.now().toString(36)}`;
const children: Child[] = [];
let db: TestPostgres;
let redis: TestRedis;
let server: ServerChild;
let worker: Child & { health: string };

beforeAll(async () => {
  db = await createTestPostgres();
  redis = await TestRedis.start();
  const common = {
    DATABASE_URL: db.url,
    REDIS_URL: redis.url,
    REDIS_PREFIX: prefix,
    CERTFLOW_DATA_DIR: dataDir,
  };
  // RECONCILE_EVERY_MS stays at its default (60 s): recovering sooner is the worker's own doing.
  [server, worker] = await Promise.all([
    startServer(common),
    freePort().then((port) => startWorker({ ...common, WORKER_HEALTH_PORT: String(port) })),
  ]);
  children.push(server, worker);
  // Some projects, so that Redis holds the delayed jobs of their deadlines.
  const owner = server.tokens['OWNER'];
  for (let n = 0; n < 5; n += 1) {
    const res = await fetch(`${server.url}/api/instances`, {
      method: 'POST',
      headers: { authorization: `Bearer ${owner}`, 'content-type': 'application/json' },
      body: JSON.stringify(startCommand(n)),
    });
    expect(res.status).toBe(201);
  }
}, 120_000);

afterAll(async () => {
  killAll(children);
  await redis?.stop();
  await db?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function timedFetch(
  url: string,
): Promise<{ ms: number; status: number; body: Record<string, unknown> }> {
  const started = performance.now();
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  const body = (await res.json()) as Record<string, unknown>;
  return { ms: Math.round(performance.now() - started), status: res.status, body };
}

async function pendingTimers(): Promise<number> {
  const [row] = await db.sql<
    { n: number }[]
  >`select count(*)::int as n from timers where status = 'pending'`;
  return row?.n ?? 0;
}

async function delayedTimerJobs(): Promise<number> {
  const queue = new Queue('timers', { connection: { url: redis.url }, prefix });
  try {
    return (await queue.getJobCounts('delayed')).delayed ?? 0;
  } finally {
    await queue.close();
  }
}

describe('Redis faults: the worker and the API server', () => {
  it('Redis down: the worker’s /healthz answers 503 within 2 s naming redis; the server’s is 200, degraded', async () => {
    expect((await timedFetch(worker.health)).status).toBe(200);
    expect(await delayedTimerJobs()).toBe(await pendingTimers());
    await redis.down();
    const answers = [];
    for (let i = 0; i < 5; i += 1) answers.push(await timedFetch(worker.health));
    const serverHealth = await timedFetch(`${server.url}/healthz`);
    console.log(
      `redis-down: worker /healthz ${answers.map((a) => `${a.status} in ${a.ms} ms`).join(', ')}; ` +
        `server /healthz ${serverHealth.status} in ${serverHealth.ms} ms ${JSON.stringify(serverHealth.body)}`,
    );
    for (const a of answers) {
      expect(a.ms).toBeLessThan(2000);
      expect(a.status).toBe(503);
      expect(a.body).toMatchObject({
        status: 'unavailable',
        down: ['redis'],
        postgres: { ok: true },
      });
    }
    expect(serverHealth.ms).toBeLessThan(2000);
    expect(serverHealth.status).toBe(200);
    expect(serverHealth.body).toMatchObject({ ok: true, degraded: true, redis: { ok: false } });
  }, 60_000);

  it('Redis restarted empty: every timer that fell due meanwhile fires, and the delayed jobs are back, within 5 s', async () => {
    // Rows written while Redis was gone (the nudges could not reach it): one deadline per
    // project falls due now, nothing tells Redis.
    const due = await db.sql<{ id: string }[]>`
      update timers set due_at = now() - interval '1 second'
      where id in (select distinct on (instance_id) id from timers where status = 'pending' order by instance_id, due_at)
      returning id`;
    expect(due.length).toBe(5);
    const before = await pendingTimers();
    const up = performance.now();
    await redis.up();
    let firedAt = 0;
    await until(
      'the due timers to fire',
      async () => {
        const [row] = await db.sql<{ n: number }[]>`
          select count(*)::int as n from timers where id in ${db.sql(due.map((d) => d.id))} and status = 'pending'`;
        if (row?.n === 0 && firedAt === 0) firedAt = performance.now();
        return row?.n === 0;
      },
      30_000,
    );
    const pending = await pendingTimers();
    await until(
      'the delayed jobs to be back',
      async () => (await delayedTimerJobs()) >= pending,
      30_000,
    );
    const restored = performance.now();
    const healthy = await timedFetch(worker.health);
    console.log(
      `redis-restart: ${due.length} due timers fired ${Math.round(firedAt - up)} ms after Redis was back ` +
        `(empty); ${pending} pending timers delayed again after ${Math.round(restored - up)} ms ` +
        `(${before} pending before); worker /healthz ${healthy.status}`,
    );
    expect(firedAt - up).toBeLessThanOrEqual(5000);
    expect(restored - up).toBeLessThanOrEqual(5000);
    expect(healthy.status).toBe(200);
  }, 60_000);

  it('SIGTERM with Redis down: the worker ends within 10 s', async () => {
    await redis.down();
    await sleep(500); // the worker's connections notice
    const sent = performance.now();
    worker.child.kill('SIGTERM');
    const code = await Promise.race([
      worker.exited,
      new Promise((r) => setTimeout(() => r('still running'), 15_000)),
    ]);
    const ms = Math.round(performance.now() - sent);
    console.log(`sigterm-redis-down: exit ${String(code)} after ${ms} ms`);
    expect(code).toBe(0);
    expect(ms).toBeLessThanOrEqual(10_000);
    expect(worker.output()).toContain('left to the reconciler');
  }, 30_000);
});
