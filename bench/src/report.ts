import type { BenchFlags } from './flags.js';
import type { MachineInfo } from './machine-info.js';
import type { Note, ResultRow } from './result-row.js';

const COLUMNS = ['§', 'measure', 'value', 'baseline (same run)', 'ratio', 'target', 'verdict'];

function cells(r: ResultRow): string[] {
  return [r.section, r.measure, r.value, r.baseline, r.ratio, r.target, r.verdict];
}

/** The table for the terminal: aligned plain text. */
export function textTable(rows: readonly ResultRow[]): string {
  const all = [COLUMNS, ...rows.map(cells)];
  const width = COLUMNS.map((_, c) => Math.max(...all.map((r) => [...(r[c] ?? '')].length)));
  const line = (r: string[]) =>
    r.map((cell, c) => cell + ' '.repeat((width[c] ?? 0) - [...cell].length)).join('  ');
  return [
    line(COLUMNS),
    width.map((w) => '-'.repeat(w)).join('  '),
    ...all.slice(1).map(line),
  ].join('\n');
}

const escape = (s: string): string => s.replaceAll('|', '\\|');

/** What each section measures and against what (bench/README.md has the long form). */
export const SECTION_TABLE: readonly (readonly [string, string, string, string])[] = [
  [
    '1',
    '`throughput`',
    'engine `send`/s at each client count (APPROVE→RETURN→RESUBMIT, one college per client, a round on each of its instances in turn); commits, store write statements (group commit) and statements per command; CPU per command, Node and PostgreSQL',
    'raw BEGIN; UPDATE instance copy; INSERT history row; COMMIT on the same driver',
  ],
  [
    '2',
    '`latency`',
    '`send` p50/p99, open loop at half the best §1 rate',
    'the raw transaction on the same schedule',
  ],
  [
    '3',
    '`timers`',
    'lateness of timers fired by `BullmqScheduler` (spread, all at once; empty and with a pending backlog); bytes per pending timer',
    'raw BullMQ jobs with an empty handler; the empty case',
  ],
  [
    '4',
    '`inbox`',
    '`store.read.inbox` / `read.history` p99 at scale, EXPLAIN ANALYZE',
    'a one-row primary-key lookup',
  ],
  [
    '5',
    '`embedded`',
    'embedded PostgreSQL (packages/db/src/embedded): first start and restart to ready, PSS idle/loaded, send/s',
    'a fresh migrated database on the service PostgreSQL; idle; the same loop on the service',
  ],
  [
    '5',
    '`server`',
    'RSS of the all-in-one server and PSS of its PostgreSQL under HTTP load',
    'the same, idle after start',
  ],
  ['6', '`audit`', 'history rows verified/s by `verifyChain`', 'sha256 alone over the same bytes'],
];

export interface Report {
  readonly date: Date;
  readonly command: string;
  readonly flags: BenchFlags;
  readonly machine: MachineInfo;
  readonly rows: readonly ResultRow[];
  readonly notes: readonly Note[];
  readonly seconds: number;
}

/** BENCHMARKS.md: machine, date, flags, the table, then the method of every row and the notes. */
export function markdownReport(r: Report): string {
  const m = r.machine;
  const sizes = r.flags;
  return [
    '# certflow benchmarks',
    '',
    'Written by `pnpm bench` (bench/, see bench/README.md). Every figure is read against a',
    'baseline measured in the same run on the same machine, because the machine is shared and',
    'noisy: compare ratios between runs, not absolute numbers.',
    '',
    `- **Date:** ${r.date.toISOString()}`,
    `- **Command:** \`${r.command}\` (run took ${Math.round(r.seconds)} s)`,
    `- **Sizes:** clients ${sizes.clients.join(',')} on an engine pool of at most ${sizes.pool}; ` +
      `${sizes.duration} s per throughput point; ` +
      `${sizes.timers} timers (spread over ${sizes.spread} s, and all at once); ` +
      `${sizes.pending.toLocaleString('en-US')} pending timers; ` +
      `${sizes.instances.toLocaleString('en-US')} finished instances, ` +
      `${sizes.tasks.toLocaleString('en-US')} open tasks, ` +
      `${sizes.history.toLocaleString('en-US')} history rows; ${sizes.queries} queries per probe; ` +
      `sections ${sizes.only.join(',')}`,
    `- **Machine:** ${m.cpu}, ${m.cores} cores, ${m.memory}; ${m.os}; Node ${m.node}; ` +
      `${m.postgres}; ${m.redis}; load average at start ${m.load} (shared with other engineers)`,
    '',
    '## What each section measures',
    '',
    '| § | section | measures | baseline (same run) |',
    '|---|---|---|---|',
    ...SECTION_TABLE.map((row) => `| ${row.join(' | ')} |`),
    '',
    '## Results',
    '',
    `| ${COLUMNS.join(' | ')} |`,
    `|${COLUMNS.map(() => '---').join('|')}|`,
    ...r.rows.map((row) => `| ${cells(row).map(escape).join(' | ')} |`),
    '',
    '## Method, row by row',
    '',
    ...r.rows.map((row) => `- **${row.section} · ${row.measure}** — ${row.method}`),
    '',
    ...r.notes.flatMap((n) => [`## ${n.title}`, '', n.body, '']),
  ].join('\n');
}
