import { loadBusinessCalendar } from '@certflow/calendar';
import { createTestPostgres, type TestPostgres } from '@certflow/db/testing';
import { createEngine } from '@certflow/engine';
import { createPilotFlows } from '@certflow/pilot';
import { people, projectApplication } from '@certflow/pilot/testing';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, killAll, startWorker, until, type Child } from '../support/processes.js';

/**
 * kill -9 of a real worker while it fires timers and sends mail, then a replacement worker:
 * every job the dead one held (active in BullMQ, its lock still set) runs again within 5 s of
 * the replacement's start (its /healthz answering) — BullMQ's own defaults (a 30 s lock, a 30 s
 * stall check) took 65 s.
 * The worker's lock and stall settings come from WORKER_LOCK_DURATION_MS and
 * WORKER_STALLED_INTERVAL_MS (defaults 3 s / 1 s); this test uses the defaults.
 */
const redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const prefix = `cf-faults-kill-${Date.now().toString(36)}`;
const dataDir = mkdtempSync(join(tmpdir(), 'certflow-worker-kill-'));
const children: Child[] = [];
const INSTANCES = 60;
let db: TestPostgres;

beforeAll(async () => {
  db = await createTestPostgres();
  for (const p of Object.values(people)) {
    await db.directory.upsertUser({
      ...p,
      roles: [...p.roles],
      college: 'college' in p ? p.college : null,
    });
  }
  const calendar = await loadBusinessCalendar(db.store.read);
  const engine = createEngine({
    store: db.store,
    // Open all year, so the test does not depend on today's date being in the autumn call.
    flows: createPilotFlows({ projectCall: { start: '01-01', end: '12-31' } }),
    clock: { now: () => new Date() },
    ids: randomUUID,
    calendar,
    directory: db.directory,
  });
  const year = new Date().getFullYear() + 1;
  for (let n = 0; n < INSTANCES; n += 1) {
    // One application per college, year and certificate (第六条2): each its own certificate.
    const certificate = {
      code: `WEB-FE-${n}`,
      name: `Web前端开发 ${n}`,
      level: 'intermediate' as const,
    };
    await engine.start(
      'pilot-project',
      projectApplication({ year, scale: 10 + n, certificate }),
      people.owner,
    );
  }
  // Every deadline and reminder of these projects falls due: the worker has timers to fire and
  // the mails of their starts (and fires) to send.
  await db.sql`update timers set due_at = now() - interval '1 second' where status = 'pending'`;
}, 120_000);

afterAll(async () => {
  killAll(children);
  const queues = ['timers', 'outbox', 'recurring'].map(
    (q) => new Queue(q, { connection: { url: redisUrl }, prefix }),
  );
  await Promise.all(queues.map((q) => q.obliterate({ force: true }).finally(() => q.close())));
  await db?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Rows still to do: pending timers and outbox rows that are due. */
async function left(): Promise<{ timers: number; outbox: number }> {
  const [row] = await db.sql<{ timers: number; outbox: number }[]>`
    select (select count(*)::int from timers where status = 'pending' and due_at <= now()) as timers,
           (select count(*)::int from outbox where status = 'pending' and available_at <= now()) as outbox`;
  return row ?? { timers: 0, outbox: 0 };
}

/** The rows behind the jobs BullMQ lists as active (held by a worker). */
async function heldRows(): Promise<{ timers: string[]; outbox: string[] }> {
  const held = { timers: [] as string[], outbox: [] as string[] };
  for (const name of ['timers', 'outbox'] as const) {
    const queue = new Queue(name, { connection: { url: redisUrl }, prefix });
    try {
      for (const job of await queue.getJobs(['active'])) {
        const data = job.data as { timerId?: string; outboxId?: string };
        if (data.timerId) held.timers.push(data.timerId);
        if (data.outboxId) held.outbox.push(data.outboxId);
      }
    } finally {
      await queue.close();
    }
  }
  return held;
}

describe('kill -9 of a worker holding jobs', () => {
  it('a replacement resumes every held timer and mail within 5 s of its start', async () => {
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: prefix,
      CERTFLOW_DATA_DIR: dataDir,
    };
    const total = await left();
    const first = await startWorker({ ...env, WORKER_HEALTH_PORT: String(await freePort()) });
    children.push(first);
    // Killed while it fires timers (the mails of the fires follow them).
    await until(
      'a part of the timers to fire',
      async () => (await left()).timers < total.timers * 0.9,
    );
    first.child.kill('SIGKILL');
    await first.exited;
    const held = await heldRows();
    const atKill = await left();
    expect(held.timers.length + held.outbox.length).toBeGreaterThan(0);

    const started = performance.now();
    const second = startWorker({ ...env, WORKER_HEALTH_PORT: String(await freePort()) });
    let ready = 0;
    void second.then(() => (ready = performance.now()));
    const stillHeld = async () => {
      const [row] = await db.sql<{ n: number }[]>`
        select (select count(*)::int from timers where status = 'pending' and id in ${db.sql([...held.timers, ''])})
             + (select count(*)::int from outbox where status = 'pending' and id in ${db.sql([...held.outbox, ''])}) as n`;
      return row?.n ?? 0;
    };
    await until('every held job to run again', async () => (await stillHeld()) === 0, 90_000);
    const resumedAt = performance.now();
    const resumed = resumedAt - started;
    await until(
      'all the work to be done',
      async () => {
        const now = await left();
        return now.timers + now.outbox === 0;
      },
      60_000,
    );
    const done = performance.now() - started;
    children.push(await second);
    const afterReady = resumedAt - ready;
    console.log(
      `worker-kill: ${total.timers} timers + ${total.outbox} mails due; killed with ${atKill.timers} + ${atKill.outbox} left, ` +
        `${held.timers.length} timers + ${held.outbox.length} mails held; replacement ready after ${Math.round(ready - started)} ms, ` +
        `held jobs resumed ${Math.round(resumed)} ms after its spawn (${Math.round(afterReady)} ms after it was ready), ` +
        `all done after ${Math.round(done)} ms`,
    );
    // From the replacement's start (its workers running, /healthz answering): the process's own
    // start-up under tsx, seconds on a busy 2-core host, is not what BullMQ's settings decide.
    expect(afterReady).toBeLessThanOrEqual(5000);
  }, 150_000);
});
