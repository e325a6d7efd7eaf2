import { Queue } from 'bullmq';
import { BullmqScheduler, QUEUE_NAMES } from '@certflow/queue';
import type { Sql } from 'postgres';
import {
  analyzed,
  measuredClient,
  openBenchDatabase,
  type BenchDatabase,
} from './bench-database.js';
import type { BenchFlags } from './flags.js';
import { benchEngine, seedPilot, startProject, systemClock } from './pilot-cycle.js';
import { openRedis, redisUrl, redisUsedMemory } from './redis-connection.js';
import { fmt, verdict, type Note, type ResultRow } from './result-row.js';
import { startCpuMeter, type CpuSplit } from './process-cpu.js';
import { runPgBoss } from './timer-pgboss.js';
import { percentile, sleep } from './stats.js';
import {
  insertDueTimers,
  insertPendingBacklog,
  timersTableBytes,
  type DueTimer,
} from './timer-fixture.js';
import {
  BENCH_PREFIX,
  benchQueue,
  bullConnection,
  drainTimers,
  enqueueSchedulerTimers,
  enqueueTimers,
} from './timer-queue.js';

const CONCURRENCY = 16;

interface Lateness {
  /** CPU over the run (from the enqueue to the last fire, and its mails, landing). */
  readonly cpu?: CpuSplit;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly handled: number;
  readonly errors: number;
}

function summary(l: { lateness: number[]; errors: number; cpu?: CpuSplit }): Lateness {
  return {
    ...(l.cpu ? { cpu: l.cpu } : {}),
    p50: percentile(l.lateness, 50),
    p99: percentile(l.lateness, 99),
    max: Math.max(...l.lateness),
    handled: l.lateness.length,
    errors: l.errors,
  };
}

interface Scenario {
  readonly name: 'spread' | 'instant';
  readonly stepMs: number;
}

/**
 * Wait until `timers` are fired (or `timeoutMs` passed); lateness of each is `fired_at − due_at`
 * from its row: `fired_at` is the engine's clock when it decided the fire, a few ms before the
 * write that claims the timer commits.
 */
async function firedLateness(
  admin: Sql,
  timers: readonly DueTimer[],
  timeoutMs: number,
): Promise<{ lateness: number[]; errors: number }> {
  // By primary key: `id like 'tag-%'` cannot use the index (the database's collation is not
  // C), and a sequential scan of a million backlog rows every poll would load the run it measures.
  const ids = timers.map((t) => t.id);
  const until = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await admin<{ n: number }[]>`
      select count(*)::int as n from timers where id = any(${ids}) and status = 'fired'`;
    if ((row?.n ?? 0) >= ids.length || Date.now() > until) break;
    await sleep(200);
  }
  const rows = await admin<{ ms: number }[]>`
    select (extract(epoch from fired_at - due_at) * 1000)::float8 as ms
      from timers where id = any(${ids}) and status = 'fired'`;
  return { lateness: rows.map((r) => r.ms), errors: ids.length - rows.length };
}

/**
 * Wait until the reminder mails the fires of `timers` wrote are delivered, so that a run starts
 * on a quiet system instead of competing with the deliveries the previous one left.
 */
async function outboxDrained(
  admin: Sql,
  timers: readonly DueTimer[],
  timeoutMs: number,
): Promise<void> {
  const instances = timers.flatMap((t) => (t.instanceId ? [t.instanceId] : []));
  const until = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await admin<{ n: number }[]>`
      select count(*)::int as n from outbox
       where instance_id = any(${instances}) and status = 'pending'`;
    if ((row?.n ?? 0) === 0) return;
    if (Date.now() > until) throw new Error(`${row?.n} outbox rows still pending`);
    await sleep(200);
  }
}

/**
 * One lateness run: `n` timers (spread or all due at once) inserted as rows (then ANALYZE, the
 * statistics autovacuum would have of rows written over weeks) and mirrored as BullMQ delayed
 * jobs. Engine (`engine` set): jobs of `BullmqScheduler` (job id `timer-<row id>`), fired by its
 * own timer worker — `fireTimerWhenDue` → `engine.fireTimer` (read the timer with
 * its instance, then one write: claim, REMIND history row, outbox), then the relay of the mails it
 * wrote, as in apps/worker.
 * Baseline: the same rows as jobs of a raw queue with an empty handler.
 */
/**
 * When a run's `n` timers fall due: the first after a lead long enough to insert and enqueue
 * them all, then one every `stepMs`; and how long to wait for the last before giving up.
 */
function scheduleOf(n: number, s: Scenario): { first: number; timeoutMs: number } {
  const lead = 2000 + n / 2;
  return { first: Date.now() + lead, timeoutMs: lead + s.stepMs * n + 120_000 };
}

async function run(
  db: BenchDatabase,
  queue: Queue,
  engine: boolean,
  tag: string,
  sourceId: string,
  n: number,
  s: Scenario,
): Promise<Lateness> {
  const { first, timeoutMs: timeout } = scheduleOf(n, s);
  const timers = await insertDueTimers(db.admin, sourceId, tag, n, first, s.stepMs);
  if (!engine) {
    await enqueueTimers(queue, timers);
    return summary(await drainTimers(queue.name, n, CONCURRENCY, timeout, async () => {}));
  }
  await analyzed(db.admin);
  await enqueueSchedulerTimers(queue, timers);
  const meter = await startCpuMeter(db.admin, db.name);
  const fired = await firedLateness(db.admin, timers, timeout);
  await outboxDrained(db.admin, timers, 300_000);
  return summary({ ...fired, cpu: await meter.stop() });
}

/** The pg-boss baseline on the same schedule as `run` (see `runPgBoss`). */
async function runBoss(db: BenchDatabase, n: number, s: Scenario): Promise<Lateness> {
  const { first, timeoutMs } = scheduleOf(n, s);
  const dues = Array.from({ length: n }, (_, i) => first + i * s.stepMs);
  return summary(await runPgBoss(db, dues, timeoutMs));
}

/** CPU per fire, `Node + PostgreSQL` ms. */
function cpuPerFire(l: Lateness): number {
  return l.cpu ? (l.cpu.nodeMs + l.cpu.postgresMs) / Math.max(1, l.handled) : Number.NaN;
}

function cpuText(l: Lateness): string {
  const n = Math.max(1, l.handled);
  return l.cpu
    ? `${fmt.num(cpuPerFire(l), 2)} ms (Node ${fmt.num(l.cpu.nodeMs / n, 2)} + PostgreSQL ${fmt.num(l.cpu.postgresMs / n, 2)})`
    : 'n/a';
}

/** `+12.0 ms` / `−3.0 ms`: the difference to an additive target's baseline. */
function signedMs(diff: number): string {
  return `${diff < 0 ? '−' : '+'}${fmt.ms(Math.abs(diff))}`;
}

/** §3: timer lateness, empty and with a backlog of pending timers; bytes per pending timer. */
export async function measureTimers(
  flags: BenchFlags,
): Promise<{ rows: ResultRow[]; notes: Note[] }> {
  const db = await openBenchDatabase();
  const stamp = Date.now().toString(36);
  // The scheduler's queues (`timers`, `outbox`, `recurring`) under a prefix of this run.
  const schedulerPrefix = `${BENCH_PREFIX}-${stamp}`;
  const engineQueue = new Queue('timers', {
    connection: bullConnection(),
    prefix: schedulerPrefix,
  });
  const rawQueue = benchQueue(`timers-raw-${stamp}`);
  const redis = openRedis();
  const pool = Math.min(CONCURRENCY, flags.pool);
  const client = await measuredClient(db.url, pool);
  let scheduler: BullmqScheduler | undefined;
  try {
    const engine = await benchEngine(client.store, client.store.directory);
    scheduler = new BullmqScheduler({
      engine,
      store: client.store,
      dispatch: client.handle.dispatch,
      clock: systemClock,
      // Reminder mails are not under test: a notify handler that delivers nowhere.
      handlers: { notify: async () => {} },
      redisUrl: redisUrl(),
      prefix: schedulerPrefix,
      concurrency: { timers: CONCURRENCY, outbox: 4 },
      reconcileEveryMs: 0,
    });
    await scheduler.start();
    const setup = await measuredClient(db.url, 2);
    await seedPilot(setup.store, setup.directory);
    const { id: sourceId } = await startProject(
      await benchEngine(setup.store, setup.store.directory),
    );
    await setup.close();

    const n = flags.timers;
    const scenarios: Scenario[] = [
      { name: 'spread', stepMs: (flags.spread * 1000) / n },
      { name: 'instant', stepMs: 0 },
    ];
    // Warm-up (connections, prepared statements, JIT), not reported.
    const warm = Math.min(100, n);
    await run(db, rawQueue, false, 'rwarm', sourceId, warm, { name: 'instant', stepMs: 0 });
    await run(db, engineQueue, true, 'ewarm', sourceId, warm, { name: 'instant', stepMs: 0 });
    await runBoss(db, warm, { name: 'instant', stepMs: 0 });
    const empty = new Map<string, { engine: Lateness; raw: Lateness; boss: Lateness }>();
    for (const s of scenarios) {
      const raw = await run(db, rawQueue, false, `r${s.name}`, sourceId, n, s);
      const boss = await runBoss(db, n, s);
      const fired = await run(db, engineQueue, true, `e${s.name}`, sourceId, n, s);
      empty.set(s.name, { engine: fired, raw, boss });
    }

    // The backlog: `pending` timers due in a year, as rows and as delayed jobs.
    const pgBefore = await timersTableBytes(db.admin);
    const redisBefore = await redisUsedMemory(redis);
    await insertPendingBacklog(db.admin, 'bk', flags.pending);
    const backlog = Array.from({ length: flags.pending }, (_, i) => ({
      id: `bk-p-${i + 1}`,
      due: Date.now() + 365 * 86_400_000 + i * 1000,
    }));
    const tEnqueue = Date.now();
    await enqueueSchedulerTimers(engineQueue, backlog);
    const enqueueSeconds = (Date.now() - tEnqueue) / 1000;
    const pgBytes = (await timersTableBytes(db.admin)) - pgBefore;
    const redisBytes = (await redisUsedMemory(redis)) - redisBefore;
    // A backlog grows over months with autovacuum keeping up; this one came in one statement, so
    // vacuum and analyze it now (as the inbox fixture does) rather than measure autovacuum's
    // catch-up inside the runs.
    await db.admin`vacuum analyze timers`;
    // …and write what vacuum dirtied (hint bits, the visibility map) now, not in a checkpoint
    // that would land inside the runs and stall their commits.
    await db.admin`checkpoint`;
    const loaded = new Map<string, Lateness>();
    for (const s of scenarios) {
      loaded.set(s.name, await run(db, engineQueue, true, `l${s.name}`, sourceId, n, s));
    }

    const rows: ResultRow[] = [];
    const describe = (s: Scenario) =>
      s.name === 'spread'
        ? `${fmt.count(n)} timers over ${flags.spread} s`
        : `${fmt.count(n)} timers due at once`;
    for (const s of scenarios) {
      const e = empty.get(s.name)!;
      const spread = s.name === 'spread';
      rows.push({
        section: '3 timers',
        measure: `lateness p99, ${describe(s)}`,
        value: fmt.ms(e.engine.p99),
        baseline: `${fmt.ms(e.raw.p99)} raw BullMQ`,
        ratio: spread ? signedMs(e.engine.p99 - e.raw.p99) : fmt.ratio(e.engine.p99 / e.raw.p99),
        target: spread ? '≤ baseline + 50 ms' : '≤ 2× raw BullMQ',
        verdict: verdict(spread ? e.engine.p99 <= e.raw.p99 + 50 : e.engine.p99 <= 2 * e.raw.p99),
        method:
          `${fmt.count(n)} pending remind timers (rows in timers, one instance each) mirrored as ` +
          `@certflow/queue BullmqScheduler delayed jobs (timer.fire, job id timer-<row id>), fired ` +
          `by its timer worker (concurrency ${CONCURRENCY}, fireTimerWhenDue → engine.fireTimer, ` +
          `then the relay of the reminder mails it wrote; its PostgreSQL sweep, fireDueTimers every ` +
          `2 s, runs too, as in apps/worker; outbox worker concurrency 4 with a ` +
          `no-op notify handler) on a pool of ${pool}; lateness = fired_at − due_at of ` +
          `each row (engine clock at the fire's decision). Each run waits for the outbox to ` +
          `drain before the next starts. p50 ${fmt.ms(e.engine.p50)}, max ${fmt.ms(e.engine.max)}, ` +
          `${e.engine.handled} fired, ${e.engine.errors} errors. Baseline: the same rows, same ` +
          `concurrency, a raw BullMQ Worker with an empty handler, lateness = Date.now() in the ` +
          `handler − due (p50 ${fmt.ms(e.raw.p50)}, max ${fmt.ms(e.raw.max)}).`,
      });
      rows.push({
        section: '3 timers',
        measure: `lateness p99 against pg-boss, ${describe(s)}`,
        value: fmt.ms(e.engine.p99),
        baseline: `${fmt.ms(e.boss.p99)} pg-boss`,
        ratio: fmt.ratio(e.engine.p99 / e.boss.p99),
        target: spread ? '≤ 0.5× pg-boss' : '—',
        verdict: spread ? verdict(e.engine.p99 <= 0.5 * e.boss.p99) : 'info',
        method:
          `The certflow run of the row above against pg-boss 10 (the last line for Node 20) on ` +
          `the same PostgreSQL (schema pgboss of the bench database): the same due times as jobs ` +
          `with startAfter, one worker at pg-boss's shortest polling interval (0.5 s) with a ` +
          `batch sized to the rate, an empty handler; lateness = Date.now() in the handler − due ` +
          `(p50 ${fmt.ms(e.boss.p50)}, max ${fmt.ms(e.boss.max)}, ${e.boss.handled} handled, ` +
          `${e.boss.errors} missing).`,
      });
      rows.push({
        section: '3 timers',
        measure: `CPU per fire (Node + PostgreSQL), ${describe(s)}`,
        value: `${fmt.num(cpuPerFire(e.engine), 2)} ms`,
        baseline: `${fmt.num(cpuPerFire(e.boss), 2)} ms pg-boss`,
        ratio: fmt.ratio(cpuPerFire(e.engine) / cpuPerFire(e.boss)),
        target: spread ? '≤ pg-boss' : '—',
        verdict: spread ? verdict(cpuPerFire(e.engine) <= cpuPerFire(e.boss)) : 'info',
        method:
          `CPU from the enqueue to the last fire and its reminder mail landing: this process ` +
          `(process.cpuUsage: scheduler, engine, relay) plus the database's PostgreSQL backends ` +
          `(/proc/<pid>/stat of pg_stat_activity's pids for the bench database). certflow ` +
          `${cpuText(e.engine)}; pg-boss ${cpuText(e.boss)} — a pg-boss job is a queue entry ` +
          `with an empty handler, a certflow fire is a decided, audited REMIND with its mail.`,
      });
    }
    for (const s of scenarios) {
      const e = empty.get(s.name)!;
      const l = loaded.get(s.name)!;
      rows.push({
        section: '3 timers',
        measure: `lateness p99 with ${fmt.count(flags.pending)} pending, ${describe(s)}`,
        value: fmt.ms(l.p99),
        baseline: `${fmt.ms(e.engine.p99)} empty`,
        ratio: fmt.ratio(l.p99 / e.engine.p99),
        target: '≤ 1.2× empty',
        verdict: verdict(l.p99 <= 1.2 * e.engine.p99),
        method:
          `The same run after parking ${fmt.count(flags.pending)} pending timers due in a year ` +
          `(generate_series rows in timers, then VACUUM ANALYZE as autovacuum would and a ` +
          `CHECKPOINT, + delayed ` +
          `jobs in the engine's queue, enqueued in ${fmt.num(enqueueSeconds)} s). p50 ${fmt.ms(l.p50)}, max ${fmt.ms(l.max)}, ` +
          `${l.handled} fired, ${l.errors} errors.`,
      });
    }
    rows.push({
      section: '3 timers',
      measure: 'bytes per pending timer (Redis / PostgreSQL)',
      value: `${fmt.bytes(redisBytes / flags.pending)} / ${fmt.bytes(pgBytes / flags.pending)}`,
      baseline: '—',
      ratio: '—',
      target: '—',
      verdict: 'info',
      method:
        `Redis INFO memory used_memory delta and pg_total_relation_size('timers') delta ` +
        `(heap + indexes, after CHECKPOINT) over the ${fmt.count(flags.pending)} backlog timers.`,
    });
    return { rows, notes: [] };
  } finally {
    await scheduler?.stop();
    for (const name of QUEUE_NAMES) {
      const q = new Queue(name, { connection: bullConnection(), prefix: schedulerPrefix });
      await q.obliterate({ force: true }).catch(() => undefined);
      await q.close();
    }
    await rawQueue.obliterate({ force: true }).catch(() => undefined);
    await engineQueue.close();
    await rawQueue.close();
    redis.disconnect();
    await client.close();
    await db.drop();
  }
}
