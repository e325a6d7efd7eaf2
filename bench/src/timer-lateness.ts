import type { Queue } from 'bullmq';
import type { Engine } from '@certflow/engine';
import { measuredClient, openBenchDatabase, type BenchDatabase } from './bench-database.js';
import type { BenchFlags } from './flags.js';
import { benchEngine, seedPilot, startProject } from './pilot-cycle.js';
import { openRedis, redisUsedMemory } from './redis-connection.js';
import { fmt, verdict, type Note, type ResultRow } from './result-row.js';
import { percentile } from './stats.js';
import { insertDueTimers, insertPendingBacklog, timersTableBytes } from './timer-fixture.js';
import { benchQueue, drainTimers, enqueueTimers } from './timer-queue.js';

const CONCURRENCY = 16;

interface Lateness {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly handled: number;
  readonly errors: number;
}

function summary(l: { lateness: number[]; errors: number }): Lateness {
  return {
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
 * One lateness run: `n` timers (spread or all due at once) inserted as rows, mirrored as BullMQ
 * delayed jobs (job id = timer id), fired by a worker. Engine: the handler is `engine.fireTimer`
 * (lock timer + instance, REMIND history row, outbox, commit) and lateness is measured after the
 * commit. Baseline: the same jobs on a raw queue with an empty handler.
 */
async function run(
  db: BenchDatabase,
  engine: Engine | null,
  queue: Queue,
  tag: string,
  sourceId: string,
  n: number,
  s: Scenario,
): Promise<Lateness> {
  const lead = 2000 + n / 2;
  const first = Date.now() + lead;
  const timers = await insertDueTimers(db.admin, sourceId, tag, n, first, s.stepMs);
  await enqueueTimers(queue, timers);
  const timeout = lead + s.stepMs * n + 120_000;
  if (!engine) {
    return summary(await drainTimers(queue.name, n, CONCURRENCY, timeout, async () => {}));
  }
  return summary(
    await drainTimers(queue.name, n, CONCURRENCY, timeout, async (id) => {
      const r = await engine.fireTimer(id);
      if (!r.fired) throw new Error(`timer ${id} did not fire: ${r.reason}`);
    }),
  );
}

/** §3: timer lateness, empty and with a backlog of pending timers; bytes per pending timer. */
export async function measureTimers(
  flags: BenchFlags,
): Promise<{ rows: ResultRow[]; notes: Note[] }> {
  const db = await openBenchDatabase();
  const stamp = Date.now().toString(36);
  const engineQueue = benchQueue(`timers-engine-${stamp}`);
  const rawQueue = benchQueue(`timers-raw-${stamp}`);
  const redis = openRedis();
  const client = await measuredClient(db.url, CONCURRENCY);
  try {
    const engine = await benchEngine(client.store, client.directory);
    const setup = await measuredClient(db.url, 2);
    await seedPilot(setup.store, setup.directory);
    const sourceId = await startProject(await benchEngine(setup.store, setup.directory));
    await setup.close();

    const n = flags.timers;
    const scenarios: Scenario[] = [
      { name: 'spread', stepMs: (flags.spread * 1000) / n },
      { name: 'instant', stepMs: 0 },
    ];
    // Warm-up (connections, prepared statements, JIT), not reported.
    const warm = Math.min(100, n);
    await run(db, null, rawQueue, 'rwarm', sourceId, warm, { name: 'instant', stepMs: 0 });
    await run(db, engine, engineQueue, 'ewarm', sourceId, warm, { name: 'instant', stepMs: 0 });
    const empty = new Map<string, { engine: Lateness; raw: Lateness }>();
    for (const s of scenarios) {
      const raw = await run(db, null, rawQueue, `r${s.name}`, sourceId, n, s);
      const fired = await run(db, engine, engineQueue, `e${s.name}`, sourceId, n, s);
      empty.set(s.name, { engine: fired, raw });
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
    await enqueueTimers(engineQueue, backlog);
    const enqueueSeconds = (Date.now() - tEnqueue) / 1000;
    const pgBytes = (await timersTableBytes(db.admin)) - pgBefore;
    const redisBytes = (await redisUsedMemory(redis)) - redisBefore;
    const loaded = new Map<string, Lateness>();
    for (const s of scenarios) {
      loaded.set(s.name, await run(db, engine, engineQueue, `l${s.name}`, sourceId, n, s));
    }

    const rows: ResultRow[] = [];
    const describe = (s: Scenario) =>
      s.name === 'spread'
        ? `${fmt.count(n)} timers over ${flags.spread} s`
        : `${fmt.count(n)} timers due at once`;
    for (const s of scenarios) {
      const e = empty.get(s.name)!;
      rows.push({
        section: '3 timers',
        measure: `lateness p99, ${describe(s)}`,
        value: fmt.ms(e.engine.p99),
        baseline: `${fmt.ms(e.raw.p99)} raw BullMQ`,
        ratio: `+${fmt.ms(e.engine.p99 - e.raw.p99)}`,
        target: '≤ baseline + 50 ms',
        verdict: verdict(e.engine.p99 <= e.raw.p99 + 50),
        method:
          `${fmt.count(n)} pending remind timers (rows in timers, one instance each) mirrored as ` +
          `BullMQ delayed jobs (job id = timer id, prefix certflow-bench), a Worker of concurrency ` +
          `${CONCURRENCY} calling engine.fireTimer on a pool of ${CONCURRENCY}; lateness = ` +
          `Date.now() after the commit − due. p50 ${fmt.ms(e.engine.p50)}, max ${fmt.ms(e.engine.max)}, ` +
          `${e.engine.handled} fired, ${e.engine.errors} errors. Baseline: same jobs, same ` +
          `worker settings, empty handler (p50 ${fmt.ms(e.raw.p50)}, max ${fmt.ms(e.raw.max)}).`,
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
          `(generate_series rows in timers + delayed jobs in the engine's queue, enqueued in ` +
          `${fmt.num(enqueueSeconds)} s). p50 ${fmt.ms(l.p50)}, max ${fmt.ms(l.max)}, ` +
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
    await engineQueue.obliterate({ force: true }).catch(() => undefined);
    await rawQueue.obliterate({ force: true }).catch(() => undefined);
    await engineQueue.close();
    await rawQueue.close();
    redis.disconnect();
    await client.close();
    await db.drop();
  }
}
