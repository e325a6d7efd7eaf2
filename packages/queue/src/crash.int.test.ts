import { createTestPostgres, type TestPostgres } from '@certflow/db/testing';
import { createEngine, ManualClock } from '@certflow/engine';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '@certflow/calendar';
import { assertRedis, deletePrefix, testPrefix, testRedisUrl } from './testing/bullmq-testing.js';
import { deadlineFlow, owner } from './testing/deadline-flow.js';
import { fireCounts, insertReminderTimers } from './testing/timer-rows.js';

const script = fileURLToPath(new URL('./testing/worker-process.ts', import.meta.url));
const redisUrl = testRedisUrl();
const children: ChildProcess[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The worker runs in this very process (node with tsx's loader), not under the `tsx` command:
 * that command forks the script into a child of its own, and a SIGKILL of it would leave the
 * worker running on as an orphan.
 */
function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--conditions=certflow-source', '--import', 'tsx', script],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`worker exited (${code}) before ready: ${err}`)));
  });
}

async function until(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(20);
  }
  throw new Error(`timed out waiting for ${what}`);
}

let db: TestPostgres;
beforeAll(async () => {
  await assertRedis(redisUrl);
  db = await createTestPostgres();
});
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});
afterAll(async () => {
  await db?.drop();
});

/**
 * kill -9 a real worker process while it fires a batch of due timers, start a new one: every
 * timer fires exactly once in the audit history — none lost, none doubled.
 */
describe.each(['bullmq', 'in-process'] as const)('crash of a %s worker mid-batch', (mode) => {
  it('every timer fires exactly once after kill -9 and a restart', async () => {
    await db.sql`truncate instances, history, tasks, timers, outbox`;
    const engine = createEngine({
      store: db.store,
      flows: [deadlineFlow()],
      clock: new ManualClock('2026-09-28T09:00:00+08:00'),
      ids: randomUUID,
      calendar: createBusinessCalendar(),
    });
    for (let n = 0; n < 20; n += 1) {
      await engine.start('deadline-review', { college: 'ee', title: `T${n}` }, owner);
    }
    await db.sql`update timers set due_at = '2030-01-01'`; // the flow's own timers stay out of it
    const count = await insertReminderTimers(db, 25, new Date(Date.now() - 1000));
    expect(count).toBe(500);
    const prefix = testPrefix();
    const env = { DATABASE_URL: db.url, REDIS_URL: redisUrl, PREFIX: prefix, MODE: mode };

    const t0 = Date.now();
    const log = (what: string) =>
      process.env['DEBUG_CRASH'] && console.log(mode, what, Date.now() - t0);
    const first = await startWorker(env);
    log('first ready');
    await until('a part of the batch to fire', async () => (await fireCounts(db)).total >= 50);
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const atKill = await fireCounts(db);
    expect(atKill.total).toBeLessThan(count); // killed in the middle of the batch
    expect(atKill.doubled).toBe(0);

    log('killed');
    const second = await startWorker(env);
    log('second ready');
    await until('every timer to fire', async () => (await fireCounts(db)).total >= count);
    log('all fired');
    await sleep(300); // anything still redelivered would show up as a double now
    second.kill('SIGTERM');
    await new Promise((r) => second.once('exit', r));
    expect(await fireCounts(db)).toEqual({
      total: count,
      distinct: count,
      doubled: 0,
      pending: 60,
    });
    if (mode === 'bullmq') await deletePrefix(redisUrl, prefix);
  }, 120_000);
});
