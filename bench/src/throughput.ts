import type { BenchDatabase, MeasuredClient } from './bench-database.js';
import { counterDelta, dbCounters, measuredClient, settle } from './bench-database.js';
import type { BenchFlags } from './flags.js';
import { closedLoop, type LoadResult } from './load.js';
import {
  benchEngine,
  ProjectCycler,
  type BenchProject,
  type CyclePositions,
  seedPilot,
  startProject,
} from './pilot-cycle.js';
import {
  createBaselineTables,
  RawTransaction,
  rowTemplate,
  type RowTemplate,
} from './raw-transaction.js';
import { fmt, verdict, type Note, type ResultRow } from './result-row.js';
import { startCpuMeter } from './process-cpu.js';
import { sleep } from './stats.js';
import { StoreTimings, timedStore } from './timed-store.js';

export interface ThroughputRun {
  readonly clients: number;
  readonly engine: LoadResult;
  readonly baseline: LoadResult;
  /** Connections of the engine's pool, and of the baseline's better run. */
  readonly enginePool: number;
  readonly baselinePool: number;
  readonly statementsPerCommand: number;
  readonly commitsPerCommand: number;
  readonly writingCommitsPerCommand: number;
  readonly baselineStatements: number;
  readonly baselineCommits: number;
  readonly baselineWritingCommits: number;
  readonly tuplesPerCommand: { inserted: number; updated: number; fetched: number };
  /** The store's group commit (`PostgresStore.stats`): statements per command, commands per statement. */
  /** CPU time of this Node process (engine, driver, harness) per command, ms; and the baseline's. */
  readonly nodeCpuMsPerCommand: number;
  readonly baselineNodeCpuMs: number;
  /** CPU time of the PostgreSQL backends serving the measured pool, per command; the baseline's. */
  readonly postgresCpuMsPerCommand: number;
  readonly baselinePostgresCpuMs: number;
  readonly groupCommit: {
    readonly loadStatementsPerCommand: number;
    readonly writeStatementsPerCommand: number;
    readonly commandsPerWrite: number;
  };
}

/** The instances the throughput runs cycle (reused by the latency and audit sections). */
export interface PilotFixture {
  readonly projects: BenchProject[];
  /**
   * The instances each throughput run cycles, by its client count: per lane, instances of its
   * own (none shared with another run or with `projects`), a round of the cycle on each in turn.
   */
  readonly runs: ReadonlyMap<number, readonly (readonly BenchProject[])[]>;
  readonly template: RowTemplate;
  readonly positions: CyclePositions;
}

/**
 * Instances a throughput run's lanes rotate over, all lanes together: a lane of a run with few
 * clients sends more commands, so it gets more instances — each instance sees some rounds of
 * 同意→退回→重新提交 in a run, as a real application does, not hundreds (every decision adds an
 * 已办 row that the instance's later writes keep current; docs/lists.md). Each run has lanes
 * (colleges) of its own, so no college holds more applications in a year than a large one would
 * (a 重新提交 rewrites the college's tally of them).
 */
const INSTANCES_PER_RUN = 32;
/** …and at least this many per lane. */
const ROTATION = 8;
const perLane = (clients: number) => Math.max(ROTATION, Math.ceil(INSTANCES_PER_RUN / clients));

/**
 * Start `count` instances on a setup pool (closed afterwards, so its stats are flushed), one per
 * lane, and for each throughput run (`clients`) the instances of its own lanes to rotate over.
 */
export async function preparePilot(
  db: BenchDatabase,
  count: number,
  clients: readonly number[] = [],
): Promise<PilotFixture> {
  const setup = await measuredClient(db.url, 4);
  try {
    // One lane (college) per instance, one for the template's probe, and the runs' own.
    const runLanes = clients.reduce((n, c) => n + c, 0);
    await seedPilot(setup.store, setup.directory, count + 1 + runLanes);
    const engine = await benchEngine(setup.store, setup.store.directory);
    const projects: BenchProject[] = [];
    for (let i = 0; i < count; i += 1) projects.push(await startProject(engine, i));
    const runs = new Map<number, BenchProject[][]>();
    let next = count + 1;
    for (const c of clients) {
      const lanes: BenchProject[][] = [];
      for (let i = 0; i < c; i += 1, next += 1) {
        const own: BenchProject[] = [];
        for (let k = 0; k < perLane(c); k += 1) own.push(await startProject(engine, next, k));
        lanes.push(own);
      }
      runs.set(c, lanes);
    }
    // A few full cycles on one instance give the template its steady-state size.
    const probe = new ProjectCycler(engine, await startProject(engine, count));
    for (let i = 0; i < 6; i += 1) await probe.next();
    await createBaselineTables(db.admin);
    return {
      projects,
      runs,
      template: await rowTemplate(db.admin, probe.instanceId),
      positions: new Map(),
    };
  } finally {
    await setup.close();
  }
}

async function measureRaw(
  db: BenchDatabase,
  fixture: PilotFixture,
  clients: number,
  pool: number,
  warmupMs: number,
  durationMs: number,
) {
  const client = await measuredClient(db.url, pool);
  const txs = await Promise.all(
    Array.from({ length: clients }, (_, i) =>
      RawTransaction.create(client.sql, fixture.template, `base-${clients}-${i}`),
    ),
  );
  await sleep(50);
  return measureLoop(db, client, { clients, warmupMs, durationMs }, (w) => txs[w]!.run());
}

async function measureEngine(
  db: BenchDatabase,
  fixture: PilotFixture,
  clients: number,
  pool: number,
  warmupMs: number,
  durationMs: number,
) {
  const client = await measuredClient(db.url, pool);
  const engine = await benchEngine(client.store, client.store.directory);
  const lanes = fixture.runs.get(clients);
  if (!lanes) throw new Error(`no instances prepared for ${clients} clients`);
  const cyclers = lanes.map(
    ([first, ...more]) => new ProjectCycler(engine, first!, fixture.positions, more),
  );
  return measureLoop(db, client, { clients, warmupMs, durationMs }, (w) => cyclers[w]!.next());
}

/**
 * The measured part of a throughput point: the closed loop, the statements it sent (set-up such
 * as loading the calendar is not counted) and the `pg_stat_database` delta once the pool closed.
 */
async function measureLoop(
  db: BenchDatabase,
  client: MeasuredClient,
  run: { clients: number; warmupMs: number; durationMs: number },
  step: (worker: number) => Promise<void>,
) {
  await settle(db);
  const before = await dbCounters(db.url);
  const startCount = client.counter.count;
  const { loads, writes } = client.store.stats;
  const stats0 = { loads: loads.batches, writes: writes.batches, items: writes.items };
  // Every connection of the pool open before the CPU meter starts: it counts the backends
  // present at both ends (process-cpu.ts).
  const max = (client.sql.options as { max: number }).max;
  await Promise.all(Array.from({ length: max }, () => client.sql`select 1`));
  // Warm-up included, as the statement count: both are divided by every command run.
  const meter = await startCpuMeter(db.admin, db.name);
  const result = await closedLoop(run.clients, run.warmupMs, run.durationMs, step);
  const cpu = await meter.stop();
  const nodeCpuMs = cpu.nodeMs;
  const postgresCpuMs = cpu.postgresMs;
  const statements = client.counter.count - startCount;
  const store = {
    loads: loads.batches - stats0.loads,
    writes: writes.batches - stats0.writes,
    writeItems: writes.items - stats0.items,
  };
  await client.close();
  await sleep(100);
  const delta = counterDelta(before, await dbCounters(db.url));
  return { result, statements, delta, store, nodeCpuMs, postgresCpuMs };
}

/** Where one client's command time goes, per store call (a diagnostic, after the measured runs). */
async function storeCallTimings(
  db: BenchDatabase,
  fixture: PilotFixture,
  durationMs: number,
): Promise<Note> {
  const client = await measuredClient(db.url, 1);
  const timings = new StoreTimings();
  const engine = await benchEngine(timedStore(client.store, timings), client.store.directory);
  timings.calls.clear(); // loading the business calendar (read.reference) is set-up, not a command
  // The one-client run's lane, rotated as there (else the first instance).
  const [project, ...more] = fixture.runs.get(1)?.[0] ?? fixture.projects.slice(0, 1);
  if (!project) throw new Error('no instance to time');
  const cycler = new ProjectCycler(engine, project, fixture.positions, more);
  const r = await closedLoop(1, 0, durationMs, () => cycler.next());
  await client.close();
  return {
    title: "Where a command's time goes (1 client, store calls timed)",
    body:
      `${r.total} commands, ${fmt.ms(durationMs / Math.max(1, r.total))} each on average ` +
      `(rest of the command = resolving people, deciding, and the engine's own CPU).\n\n` +
      timings.table(r.total),
  };
}

/**
 * §1: engine `send` calls per second at each client count, each client cycling its own
 * instance, against the raw UPDATE + INSERT transaction at the same client count. The two are
 * interleaved per client count so they see the same machine load.
 */
export async function measureThroughput(
  db: BenchDatabase,
  flags: BenchFlags,
  fixture: PilotFixture,
): Promise<{ runs: ThroughputRun[]; rows: ResultRow[]; notes: Note[] }> {
  const warmupMs = Math.min(2000, flags.duration * 200);
  const durationMs = flags.duration * 1000;
  const runs: ThroughputRun[] = [];
  for (const clients of flags.clients) {
    // The engine on its pool (no more connections than clients); the baseline's transactions each
    // hold a connection, so it runs with one per client and, when that differs, on the engine's
    // pool too: the better of the two is the baseline.
    const pool = Math.min(clients, flags.pool);
    let raw = await measureRaw(db, fixture, clients, clients, warmupMs, durationMs);
    let baselinePool = clients;
    if (pool !== clients) {
      const shared = await measureRaw(db, fixture, clients, pool, warmupMs, durationMs);
      if (shared.result.rate > raw.result.rate) [raw, baselinePool] = [shared, pool];
    }
    const eng = await measureEngine(db, fixture, clients, pool, warmupMs, durationMs);
    const n = eng.result.total;
    runs.push({
      clients,
      engine: eng.result,
      baseline: raw.result,
      enginePool: pool,
      baselinePool,
      statementsPerCommand: eng.statements / n,
      commitsPerCommand: eng.delta.commits / n,
      writingCommitsPerCommand: eng.delta.writingCommits / n,
      baselineStatements: raw.statements / raw.result.total,
      baselineCommits: raw.delta.commits / raw.result.total,
      baselineWritingCommits: raw.delta.writingCommits / raw.result.total,
      tuplesPerCommand: {
        inserted: eng.delta.inserted / n,
        updated: eng.delta.updated / n,
        fetched: eng.delta.fetched / n,
      },
      nodeCpuMsPerCommand: eng.nodeCpuMs / n,
      baselineNodeCpuMs: raw.nodeCpuMs / raw.result.total,
      postgresCpuMsPerCommand: eng.postgresCpuMs / n,
      baselinePostgresCpuMs: raw.postgresCpuMs / raw.result.total,
      groupCommit: {
        loadStatementsPerCommand: eng.store.loads / n,
        writeStatementsPerCommand: eng.store.writes / n,
        commandsPerWrite: eng.store.writeItems / Math.max(1, eng.store.writes),
      },
    });
  }
  const top = Math.max(...flags.clients);
  const rows: ResultRow[] = runs.map((r) => {
    const ratio = r.engine.rate / r.baseline.rate;
    // The targets (core v2): ≥ 0.7× the raw transaction at 16 clients, ≥ 0.6× at one.
    const target = r.clients === 16 ? 0.7 : r.clients === 1 ? 0.6 : undefined;
    return {
      section: '1 throughput',
      measure: `engine send/s, ${r.clients} client${r.clients === 1 ? '' : 's'}`,
      value: fmt.rate(r.engine.rate),
      baseline: `${fmt.rate(r.baseline.rate)} raw tx`,
      ratio: fmt.ratio(ratio),
      target: target === undefined ? '—' : `≥ ${target}×`,
      verdict: target === undefined ? 'info' : verdict(ratio >= target),
      method:
        `${r.clients} concurrent clients on a postgres.js pool of ${r.enginePool} (--pool ` +
        `${flags.pool}; clients beyond it share connections, their statements pipelined), each ` +
        `cycling pilot-project instances of its own lane APPROVE→RETURN→RESUBMIT through ` +
        `engine.send (a round on each of its ${perLane(r.clients)} own instances in turn) for ` +
        `${flags.duration} s after a ${warmupMs} ms warm-up; baseline: the same driver running ` +
        `BEGIN; UPDATE base_instances (same columns and sizes, version-checked); INSERT ` +
        `base_history (same row size); COMMIT, synchronous_commit=on, run just before at the same ` +
        `client count on a pool of ${r.clients}` +
        (r.enginePool === r.clients
          ? '.'
          : ` and of ${r.enginePool}, the better taken (pool ${r.baselinePool}).`) +
        ' Each run starts after VACUUM ANALYZE (the statistics autovacuum keeps on a live system).',
    };
  });
  const last = runs.find((r) => r.clients === top) ?? runs[runs.length - 1];
  if (last) {
    rows.push({
      section: '1 throughput',
      measure: `commits per command (${last.clients} clients)`,
      value: fmt.num(last.writingCommitsPerCommand, 2),
      baseline: fmt.num(last.baselineWritingCommits, 2),
      ratio: '—',
      target: '≤ 1',
      verdict: verdict(last.writingCommitsPerCommand <= 1.05),
      method:
        'Commits that write (and so wait for the WAL flush): transaction ids handed out over the ' +
        'run (pg_current_snapshot xmax delta, server-wide; autovacuum may add a few) ÷ commands. ' +
        'pg_stat_database.xact_commit counts every committed transaction, including each ' +
        'read a command sends outside a transaction: ' +
        `${fmt.num(last.commitsPerCommand, 2)} per command (raw tx ` +
        `${fmt.num(last.baselineCommits, 2)}), read after the measured pool closed.`,
    });
    const cpu = last.nodeCpuMsPerCommand + last.postgresCpuMsPerCommand;
    const rawCpu = last.baselineNodeCpuMs + last.baselinePostgresCpuMs;
    rows.push({
      section: '1 throughput',
      measure: `CPU per command, Node + PostgreSQL (${last.clients} clients)`,
      value:
        `${fmt.num(cpu, 2)} ms (${fmt.num(last.nodeCpuMsPerCommand, 2)} + ` +
        `${fmt.num(last.postgresCpuMsPerCommand, 2)})`,
      baseline:
        `${fmt.num(rawCpu, 2)} ms raw tx (${fmt.num(last.baselineNodeCpuMs, 2)} + ` +
        `${fmt.num(last.baselinePostgresCpuMs, 2)})`,
      ratio: fmt.ratio(cpu / rawCpu),
      target: '—',
      verdict: 'info',
      method:
        'The lever on a CPU-bound host: this process (process.cpuUsage: engine, driver and the ' +
        'harness) and the PostgreSQL backends of the measured pool (/proc/<pid>/stat utime + ' +
        'stime, process-cpu.ts), over the warm-up and the measured run, ÷ commands; the same for ' +
        'the raw transaction. WAL writer and checkpointer are not counted for either.',
    });
    const g = last.groupCommit;
    rows.push({
      section: '1 throughput',
      measure: `store write statements per command (${last.clients} clients)`,
      value: fmt.num(g.writeStatementsPerCommand, 2),
      baseline: '1.00 raw tx',
      ratio: fmt.ratio(g.writeStatementsPerCommand),
      target: '—',
      verdict: 'info',
      method:
        "The store port's own counters (PostgresStore.stats, store/batcher.ts): write statements " +
        '÷ commands, each write statement being one transaction and one commit for the batch of ' +
        `decided commands it carries (${fmt.num(g.commandsPerWrite, 2)} commands per write ` +
        `statement on average; load statements per command ${fmt.num(g.loadStatementsPerCommand, 2)}). ` +
        'Below 1 = group commit: concurrent commands shared a commit. A batch that failed as a ' +
        'whole and was written again write by write counts once here, once per write in the row ' +
        'above. The raw transaction commits once per run.',
    });
    rows.push({
      section: '1 throughput',
      measure: `statements per command (${last.clients} clients)`,
      value: fmt.num(last.statementsPerCommand, 1),
      baseline: fmt.num(last.baselineStatements, 1),
      ratio: fmt.ratio(last.statementsPerCommand / last.baselineStatements),
      target: '—',
      verdict: 'info',
      method:
        'Statements counted by a postgres.js `debug` hook on the measured pool (BEGIN and COMMIT ' +
        'included) ÷ commands; pg_stat_statements is not loaded on this server ' +
        '(shared_preload_libraries is empty). A send is one store load and one store write ' +
        '(ARCHITECTURE.md, the core loop); concurrent commands share those statements (group ' +
        'commit), and people the directory cache does not hold at the loaded revision add reads.',
    });
  }
  const notes: Note[] = [
    await storeCallTimings(db, fixture, Math.min(3000, durationMs)),
    {
      title: 'Throughput detail (per client count)',
      body: [
        '| clients | engine send/s | raw tx/s | ratio | engine p50 / p99 | raw p50 / p99 | statements/cmd | store load / write statements per cmd (cmds per write) | writing commits/cmd (xact_commit/cmd) | tuples ins/upd/fetched per cmd | Node CPU ms per cmd (raw tx) | PostgreSQL CPU ms per cmd (raw tx) |',
        '|---|---|---|---|---|---|---|---|---|---|---|---|',
        ...runs.map((r) => {
          const p = (l: LoadResult, q: number) =>
            fmt.ms(
              [...l.latencies].sort((a, b) => a - b)[
                Math.max(0, Math.ceil((q / 100) * l.latencies.length) - 1)
              ] ?? Number.NaN,
            );
          return `| ${r.clients} | ${fmt.rate(r.engine.rate)} | ${fmt.rate(r.baseline.rate)} | ${fmt.ratio(r.engine.rate / r.baseline.rate)} | ${p(r.engine, 50)} / ${p(r.engine, 99)} | ${p(r.baseline, 50)} / ${p(r.baseline, 99)} | ${fmt.num(r.statementsPerCommand)} | ${fmt.num(r.groupCommit.loadStatementsPerCommand, 2)} / ${fmt.num(r.groupCommit.writeStatementsPerCommand, 2)} (${fmt.num(r.groupCommit.commandsPerWrite, 2)}) | ${fmt.num(r.writingCommitsPerCommand, 2)} (${fmt.num(r.commitsPerCommand, 2)}) | ${fmt.num(r.tuplesPerCommand.inserted)} / ${fmt.num(r.tuplesPerCommand.updated)} / ${fmt.num(r.tuplesPerCommand.fetched)} | ${fmt.num(r.nodeCpuMsPerCommand, 2)} (${fmt.num(r.baselineNodeCpuMs, 2)}) | ${fmt.num(r.postgresCpuMsPerCommand, 2)} (${fmt.num(r.baselinePostgresCpuMs, 2)}) |`;
        }),
      ].join('\n'),
    },
  ];
  return { runs, rows, notes };
}
