import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { testAdminUrl } from './testing/index.js';

// tsx as a loader of the scenario's own process (the tsx CLI would run it in a grandchild).
const tsx = new URL('../../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;
const script = fileURLToPath(new URL('./testing/driver-drop-scenarios.ts', import.meta.url));

interface Run {
  readonly code: number | null;
  readonly results: Record<string, string> | undefined;
  readonly output: string;
}

/** One scenario in its own process: an uncaught driver exception shows as exit code 1. */
function run(scenario: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', tsx, script, scenario, testAdminUrl()], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const kill = setTimeout(() => child.kill('SIGKILL'), 40_000);
    child.on('error', (error) =>
      resolve({ code: null, results: undefined, output: String(error) }),
    );
    child.on('exit', (code) => {
      clearTimeout(kill);
      const line = out.split('\n').find((l) => l.startsWith('{"scenario"'));
      const parsed = line ? (JSON.parse(line) as { results: Record<string, string> }) : undefined;
      resolve({ code, results: parsed?.results, output: out });
    });
  });
}

/** `rejected CONNECTION_CLOSED 3ms` → `rejected CONNECTION_CLOSED` (the figures are printed). */
const outcomes = (results: Record<string, string> | undefined) =>
  Object.fromEntries(Object.entries(results ?? {}).map(([k, v]) => [k, v.replace(/ \d+ms$/u, '')]));

const poolRecovers = { pool1: 'ok', pool2: 'ok', pool3: 'ok' };

/**
 * postgres.js when PostgreSQL terminates a backend it holds for a reservation or a transaction —
 * what `pipelinedTransaction` (the store's commands) and drizzle's transactions use. Unpatched
 * 3.4.9 exits the process in every scenario (TypeError at connection.js `nextWrite`, or the
 * unhandled rejection of the driver's own array-types query); guarding `nextWrite` alone
 * (porsager/postgres#1168, #1176) leaves queries hanging and the pool poisoned, settling there
 * too (#1209) still hands dead connections back to the pool. docs/reliability.md has the runs.
 */
describe('postgres.js connection drops (patches/postgres@3.4.9.patch)', () => {
  it.concurrent.each([
    [
      'reserved-after-drop',
      {
        first: 'rejected CONNECTION_CLOSED',
        second: 'rejected CONNECTION_CLOSED',
        ...poolRecovers,
      },
    ],
    [
      'inflight-rollback',
      {
        statement: 'rejected CONNECTION_CLOSED',
        rollback: 'rejected CONNECTION_CLOSED',
        ...poolRecovers,
      },
    ],
    ['begin-inflight', { transaction: 'rejected CONNECTION_CLOSED', ...poolRecovers }],
    [
      'stale-reservation',
      {
        first: 'rejected CONNECTION_CLOSED',
        stale: 'rejected CONNECTION_CLOSED',
        staleRanOn: 'nowhere',
        other: 'ok',
        ...poolRecovers,
      },
    ],
    ['buffered-write-at-close', { buffered: 'rejected CONNECTION_CLOSED', ...poolRecovers }],
    ['types-fetch-drop', { dropped: 'true', reserve: 'ok', ...poolRecovers }],
    [
      'reserve-reset',
      { statement: 'rejected ECONNRESET', rollback: 'rejected CONNECTION_CLOSED', ...poolRecovers },
    ],
    ['begin-reset', { transaction: 'rejected CONNECTION_CLOSED', ...poolRecovers }],
  ])(
    '%s: the process lives, every query settles, the pool answers again',
    async (scenario, expected) => {
      const result = await run(scenario);
      console.log(`driver-drop ${scenario}: exit ${result.code} ${JSON.stringify(result.results)}`);
      expect(result.code, result.output).toBe(0);
      expect(outcomes(result.results)).toEqual(expected);
    },
    60_000,
  );
});
