import type { BenchDatabase } from './bench-database.js';
import { measuredClient, settle } from './bench-database.js';
import type { BenchFlags } from './flags.js';
import { openLoop } from './load.js';
import { benchEngine, ProjectCycler } from './pilot-cycle.js';
import { RawTransaction } from './raw-transaction.js';
import { fmt, verdict, type ResultRow } from './result-row.js';
import { percentile } from './stats.js';
import type { PilotFixture } from './throughput.js';

/**
 * §2: command latency at half the maximum rate. Commands arrive open-loop at `rate` (half the
 * best engine rate of §1) over `slots` instances; the raw transaction runs the same schedule.
 */
export async function measureLatency(
  db: BenchDatabase,
  flags: BenchFlags,
  fixture: PilotFixture,
  maxRate: number,
  clients: number,
): Promise<ResultRow[]> {
  const rate = Math.max(1, maxRate / 2);
  const slots = fixture.projects.length;
  const warmupMs = Math.min(2000, flags.duration * 200);
  const durationMs = flags.duration * 1000;

  const raw = await measuredClient(db.url, clients);
  const txs = await Promise.all(
    Array.from({ length: slots }, (_, i) =>
      RawTransaction.create(raw.sql, fixture.template, `base-lat-${i}`),
    ),
  );
  await settle(db);
  const baseline = await openLoop(rate, slots, warmupMs, durationMs, (s) => txs[s]!.run());
  await raw.close();

  // A connection per client here: pipelined statements wait behind each other's WAL flush, which
  // shows in the tail (36 ms p99 on a pool of 4 at 333/s, against 15–27 ms on 16).
  const client = await measuredClient(db.url, clients);
  const engine = await benchEngine(client.store, client.store.directory);
  const cyclers = fixture.projects.map((p) => new ProjectCycler(engine, p, fixture.positions));
  await settle(db);
  const eng = await openLoop(rate, slots, warmupMs, durationMs, (s) => cyclers[s]!.next());
  await client.close();

  const method =
    `Open loop: a command is due every ${fmt.num(1000 / rate, 2)} ms (${fmt.rate(rate)}, half ` +
    `the best engine rate of §1) for ${flags.duration} s after a ${warmupMs} ms warm-up, each on ` +
    `a free one of ${slots} instances (pool max ${clients}, a connection per client: fewer, ` +
    `pipelined, raise throughput but lengthen the tail); latency from the due time to the ` +
    `resolved send (queueing included). Baseline: the raw UPDATE+INSERT transaction on the same ` +
    `schedule and pool, each after VACUUM ANALYZE. ${eng.measured} engine and ${baseline.measured} baseline samples.`;
  const p99 = percentile(eng.latencies, 99);
  return [
    {
      section: '2 latency',
      measure: `send p50 at ${fmt.rate(rate)}`,
      value: fmt.ms(percentile(eng.latencies, 50)),
      baseline: fmt.ms(percentile(baseline.latencies, 50)),
      ratio: fmt.ratio(percentile(eng.latencies, 50) / percentile(baseline.latencies, 50)),
      target: '—',
      verdict: 'info',
      method,
    },
    {
      section: '2 latency',
      measure: `send p99 at ${fmt.rate(rate)}`,
      value: fmt.ms(p99),
      baseline: fmt.ms(percentile(baseline.latencies, 99)),
      ratio: fmt.ratio(p99 / percentile(baseline.latencies, 99)),
      target: '< 15 ms',
      verdict: verdict(p99 < 15),
      method,
    },
  ];
}
