import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite } from '@certflow/db';
import { measuredClient, openBenchDatabase } from './bench-database.js';
import type { BenchFlags } from './flags.js';
import { closedLoop } from './load.js';
import { benchEngine, ProjectCycler, seedPilot, startProject } from './pilot-cycle.js';
import { fmt, type ResultRow } from './result-row.js';
import { percentile } from './stats.js';

/**
 * §5 (library part): engine send/s on embedded PGlite (on a temp data dir, as `pnpm start`
 * keeps it) against the same loop on PostgreSQL, one client each (PGlite is one session).
 */
export async function measureEmbedded(flags: BenchFlags): Promise<ResultRow[]> {
  const warmupMs = Math.min(2000, flags.duration * 200);
  const durationMs = flags.duration * 1000;

  const db = await openBenchDatabase();
  let pgRate: number;
  let pgP50: number;
  try {
    const client = await measuredClient(db.url, 1);
    await seedPilot(client.store, client.directory);
    const engine = await benchEngine(client.store, client.directory);
    const cycler = new ProjectCycler(engine, await startProject(engine));
    const r = await closedLoop(1, warmupMs, durationMs, () => cycler.next());
    pgRate = r.rate;
    pgP50 = percentile(r.latencies, 50);
    await client.close();
  } finally {
    await db.drop();
  }

  const dir = await mkdtemp(join(tmpdir(), 'certflow-bench-pglite-'));
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  const lite = await openPglite({ dataDir: dir });
  const openMs = performance.now() - t0;
  let liteRate: number;
  let liteP50: number;
  let rssAfter: number;
  try {
    await seedPilot(lite.store, lite.directory);
    const engine = await benchEngine(lite.store, lite.directory);
    const cycler = new ProjectCycler(engine, await startProject(engine));
    const r = await closedLoop(1, warmupMs, durationMs, () => cycler.next());
    liteRate = r.rate;
    liteP50 = percentile(r.latencies, 50);
    rssAfter = process.memoryUsage().rss;
  } finally {
    await lite.close();
    await rm(dir, { recursive: true, force: true });
  }
  return [
    {
      section: '5 embedded',
      measure: 'engine send/s on PGlite, 1 client',
      value: fmt.rate(liteRate),
      baseline: `${fmt.rate(pgRate)} PostgreSQL`,
      ratio: fmt.ratio(liteRate / pgRate),
      target: '—',
      verdict: 'info',
      method:
        `The §1 cycle on one instance for ${flags.duration} s after a ${warmupMs} ms warm-up, on ` +
        `openPglite({ dataDir: <temp dir> }) (opened and migrated in ${fmt.ms(openMs)}) and on a ` +
        `fresh PostgreSQL database with a pool of 1. p50 ${fmt.ms(liteP50)} on PGlite, ` +
        `${fmt.ms(pgP50)} on PostgreSQL. Process RSS grew by ` +
        `${fmt.mb(rssAfter - rssBefore)} with PGlite open.`,
    },
  ];
}
