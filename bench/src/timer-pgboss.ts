import PgBoss from 'pg-boss';
import { sleep } from './stats.js';
import { startCpuMeter, type CpuSplit } from './process-cpu.js';
import { analyzed, type BenchDatabase } from './bench-database.js';

/** pg-boss's shortest polling interval (its `MIN_POLLING_INTERVAL_MS`). */
const POLL_SECONDS = 0.5;

export interface PgBossRun {
  readonly lateness: number[];
  readonly errors: number;
  readonly cpu: CpuSplit;
}

/**
 * The timer baseline a user would otherwise pick for deadlines: pg-boss (v10, the last line for
 * Node 20) on the same PostgreSQL, in its own schema of the bench database. `n` jobs with
 * `startAfter` at the due times (inserted before the first is due and then ANALYZE, as certflow's
 * rows are), one worker polling at its minimum interval with a batch large enough to keep up
 * with the rate, an empty handler; lateness = Date.now() in the handler − due. CPU: this process and the
 * database's backends over the run (pg-boss's own pool included).
 */
export async function runPgBoss(
  db: BenchDatabase,
  dues: readonly number[],
  timeoutMs: number,
): Promise<PgBossRun> {
  const boss = new PgBoss({
    connectionString: db.url,
    schema: 'pgboss',
    max: 4,
    supervise: false,
    schedule: false,
  });
  boss.on('error', () => undefined);
  await boss.start();
  const queue = `bench-${Date.now().toString(36)}`;
  await boss.createQueue(queue);
  const spanMs = Math.max(1, (dues.at(-1) ?? 0) - (dues[0] ?? 0));
  const perPoll = Math.ceil((dues.length / spanMs) * POLL_SECONDS * 1000);
  const batchSize = Math.min(1000, Math.max(16, 2 * perPoll));
  const chunk = 1000;
  for (let i = 0; i < dues.length; i += chunk) {
    await boss.insert(
      dues.slice(i, i + chunk).map((due) => ({
        name: queue,
        data: { due },
        startAfter: new Date(due),
      })),
    );
  }
  await analyzed(db.admin);
  const lateness: number[] = [];
  const meter = await startCpuMeter(db.admin, db.name);
  await boss.work<{ due: number }>(
    queue,
    { pollingIntervalSeconds: POLL_SECONDS, batchSize },
    async (jobs) => {
      const now = Date.now();
      for (const job of jobs) lateness.push(now - job.data.due);
    },
  );
  const until = Date.now() + timeoutMs;
  while (lateness.length < dues.length && Date.now() < until) await sleep(100);
  // Completion is pg-boss's own batched UPDATE after the handler; let the last one land.
  await sleep(POLL_SECONDS * 1000);
  const cpu = await meter.stop();
  await boss.stop({ graceful: true, wait: true, timeout: 5000 });
  return { lateness, errors: dues.length - lateness.length, cpu };
}
