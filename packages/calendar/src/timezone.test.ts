import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const probe = fileURLToPath(new URL('./testing/timezone-probe.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));

interface ProbeOutput {
  readonly tz: string;
  readonly offsetMinutes: number;
  readonly ours: Record<string, unknown>;
  readonly packageIsWorkday: Record<string, boolean>;
  readonly disagreements: string[];
}

async function probeIn(tz: string): Promise<ProbeOutput> {
  const { stdout } = await run(tsx, ['--conditions=certflow-source', probe], {
    env: { ...process.env, TZ: tz },
    timeout: 60_000,
  });
  return JSON.parse(stdout) as ProbeOutput;
}

/** The process timezone must not change any answer (the package's own functions depend on it). */
describe('the calendar under another process timezone', () => {
  it('answers the same under TZ=America/New_York as under Asia/Shanghai and UTC', async () => {
    const [ny, sh, utc] = await Promise.all([
      probeIn('America/New_York'),
      probeIn('Asia/Shanghai'),
      probeIn('UTC'),
    ]);
    expect(ny.offsetMinutes).not.toBe(sh.offsetMinutes); // the child really ran in New York time
    expect(ny.ours).toEqual(sh.ours);
    expect(utc.ours).toEqual(sh.ours);
    expect(sh.ours).toMatchObject({
      'isWorkingDay 2026-10-12': true,
      'isWorkingDay 2026-10-10': true,
      'isWorkingDay 2026-10-01': false,
      'deadline 2026-09-30T10:30+08 3 days': '2026-10-10T09:30:00.000Z', // 17:30 Beijing
      'deadline 2026-09-30T23:30+08 1 day': '2026-10-08T09:30:00.000Z',
      'deadline 2026-09-30T16:00+08 2 hours': '2026-10-08T01:30:00.000Z', // 09:30 Beijing
      'reminder 2026-09-28T10:00+08 3 days': '2026-10-09T01:00:00.000Z', // 09:00 Beijing
      'provisional 2026-12-28T10:00+08 5 days': '2027-01-04T09:30:00.000Z',
      'warning 2026-10-31T16:00Z': { year: 2027, since: '2026-11-01' }, // 1 November in Beijing
      'day 2026-10-10': { kind: 'makeup', weekday: 6 },
    });
    // Why certflow does not call the package's functions: under New York time its isWorkday
    // answers for the wrong day (Monday 2026-10-12 comes out as a day off).
    expect(ny.packageIsWorkday['2026-10-12']).toBe(false);
    expect(sh.packageIsWorkday['2026-10-12']).toBe(true);
  });

  it('agrees with the package, run in Beijing time, on every day 2004–2026', async () => {
    const sh = await probeIn('Asia/Shanghai');
    expect(sh.disagreements).toEqual([]);
  });
});
