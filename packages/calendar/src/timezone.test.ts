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
  const { stdout } = await run(tsx, [probe], { env: { ...process.env, TZ: tz }, timeout: 60_000 });
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
      'addWorkingDays 2026-09-30T10:30+08 3': '2026-10-10T02:30:00.000Z',
      'addWorkingHours 2026-09-30T16:00+08 2': '2026-10-08T02:00:00.000Z',
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
