import type { InboxQuery } from '@certflow/engine';
import { measuredClient, openBenchDatabase } from './bench-database.js';
import type { BenchFlags } from './flags.js';
import { benchEngine, seedPilot, startProject } from './pilot-cycle.js';
import { explain, type PlanSummary } from './query-plan.js';
import { fmt, verdict, type Note, type ResultRow } from './result-row.js';
import { generateScale } from './scale-fixture.js';
import { nowMs, percentile } from './stats.js';

interface Probe {
  readonly name: string;
  readonly run: (i: number) => Promise<unknown>;
}

async function timeProbe(p: Probe, queries: number): Promise<number[]> {
  for (let i = 0; i < Math.min(10, queries); i += 1) await p.run(i); // warm-up
  const out: number[] = [];
  for (let i = 0; i < queries; i += 1) {
    const t0 = nowMs();
    await p.run(i);
    out.push(nowMs() - t0);
  }
  return out;
}

const inboxOf = (actorId: string, roles: string[], college: string | null): InboxQuery => ({
  actorId,
  roles,
  college,
  organization: null,
  limit: 50,
  offset: 0,
});

/**
 * §4: the inbox (through the store's `read.inbox`) and one instance's history at scale, against
 * a primary-key lookup of one task row in the same database (the floor of one round trip).
 */
export async function measureInbox(
  flags: BenchFlags,
): Promise<{ rows: ResultRow[]; notes: Note[] }> {
  const db = await openBenchDatabase();
  try {
    const setup = await measuredClient(db.url, 2);
    await seedPilot(setup.store, setup.directory);
    const { id: sourceId } = await startProject(
      await benchEngine(setup.store, setup.store.directory),
    );
    await setup.close();
    const t0 = nowMs();
    await generateScale(db.admin, sourceId, flags);
    const genSeconds = (nowMs() - t0) / 1000;
    const [size] = await db.admin<{ db: string; history: string; tasks: string }[]>`
      select pg_size_pretty(pg_database_size(current_database())) as db,
             pg_size_pretty(pg_total_relation_size('history')) as history,
             pg_size_pretty(pg_total_relation_size('tasks')) as tasks`;

    const client = await measuredClient(db.url, 2);
    const read = client.store.read;
    const [busiest] = await db.admin<{ assignee: string }[]>`
      select assignee from tasks where status = 'open' and assignee like 'u-gen-%'
       group by assignee order by count(*) desc, assignee limit 1`;
    const teacher = busiest?.assignee ?? 'u-gen-1';
    const perInstance = Math.max(1, Math.round(flags.history / flags.instances));
    const probes: { probe: Probe; explainKeep: number }[] = [
      {
        probe: {
          name: 'inbox, 教务处 (academic_affairs, school-wide)',
          run: () => read.inbox(inboxOf('u-aa', ['academic_affairs'], null)),
        },
        explainKeep: 2,
      },
      {
        probe: {
          name: 'inbox, college lead of c1',
          run: () => read.inbox(inboxOf('u-lead-c1', ['college_lead'], 'c1')),
        },
        explainKeep: 2,
      },
      {
        probe: {
          name: 'inbox, teacher with assigned tasks',
          run: () => read.inbox(inboxOf(teacher, ['project_owner'], 'c7')),
        },
        explainKeep: 2,
      },
      {
        probe: {
          name: `history of one instance (${perInstance} rows)`,
          run: (i) => read.history(`gi-${1 + ((i * 7919) % flags.instances)}`),
        },
        explainKeep: 1,
      },
    ];
    const floorSamples = await timeProbe(
      {
        name: 'pk',
        run: (i) => client.sql`select * from tasks where id = ${`go-${1 + (i % flags.tasks)}`}`,
      },
      flags.queries,
    );
    const floor = percentile(floorSamples, 99);

    const rows: ResultRow[] = [];
    const notes: Note[] = [];
    for (const { probe, explainKeep } of probes) {
      const samples = await timeProbe(probe, flags.queries);
      client.counter.keep = explainKeep;
      client.counter.recent.length = 0;
      const result = await probe.run(3);
      client.counter.keep = 0;
      const plans: PlanSummary[] = [];
      for (const q of client.counter.recent)
        plans.push(await explain(client.sql, q.query, q.parameters));
      const indexes = [...new Set(plans.flatMap((p) => p.indexes))];
      const seq = [...new Set(plans.flatMap((p) => p.seqScans))];
      const total =
        result && typeof result === 'object' && 'total' in result
          ? ` (total ${String(result.total)})`
          : '';
      const p99 = percentile(samples, 99);
      rows.push({
        section: '4 inbox/history',
        measure: `${probe.name} p99${total}`,
        value: fmt.ms(p99),
        baseline: `${fmt.ms(floor)} PK lookup`,
        ratio: fmt.ratio(p99 / floor),
        target: '< 20 ms, index scans',
        verdict: verdict(p99 < 20 && indexes.length > 0 && seq.length === 0),
        method:
          `${flags.queries} sequential calls through the store (postgres.js) after 10 warm-up ` +
          `calls; p50 ${fmt.ms(percentile(samples, 50))}. Indexes in the plan: ` +
          `${indexes.join(', ') || 'none'}${seq.length ? `; sequential scans on ${seq.join(', ')}` : ''}. ` +
          `Baseline: p99 of SELECT * FROM tasks WHERE id = $1 on the same pool.`,
      });
      notes.push({
        title: `EXPLAIN ANALYZE — ${probe.name}`,
        body: plans.map((p) => '```\n' + p.text + '\n```').join('\n\n'),
      });
    }
    await client.close();
    notes.unshift({
      title: 'Inbox/history data set',
      body:
        `${fmt.count(flags.instances)} finished instances, ${fmt.count(flags.tasks)} open tasks ` +
        `(each on its own active instance), ${fmt.count(flags.instances * perInstance)} history ` +
        `rows, ${fmt.count(flags.instances)} done tasks; generated with generate_series in ` +
        `${fmt.num(genSeconds)} s (then VACUUM ANALYZE, as autovacuum would). Database ${size?.db ?? '?'}, history ` +
        `${size?.history ?? '?'}, tasks ${size?.tasks ?? '?'} (with indexes).`,
    });
    return { rows, notes };
  } finally {
    await db.drop();
  }
}
