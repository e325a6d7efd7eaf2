import { readFile } from 'node:fs/promises';
import type { Sql } from 'postgres';

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ; 100 on Linux). */
const USER_HZ = 100;

/** utime + stime of one process, ms; undefined when it has gone (or /proc is not readable). */
async function processCpuMs(pid: number): Promise<number | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return ((utime + stime) * 1000) / USER_HZ;
  } catch {
    return undefined;
  }
}

/** CPU split into this Node process and the PostgreSQL backends serving one database. */
export interface CpuSplit {
  readonly nodeMs: number;
  readonly postgresMs: number;
}

/**
 * Measures the CPU a piece of work costs: this process (`process.cpuUsage`) and the PostgreSQL
 * backends connected to `database` (their /proc times; the server runs on this machine). Only
 * backends present at both ends count, so open the pools before starting the meter.
 */
export async function startCpuMeter(
  admin: Sql,
  database: string,
): Promise<{ stop(): Promise<CpuSplit> }> {
  const backends = async (): Promise<Map<number, number>> => {
    const rows = await admin<{ pid: number }[]>`
      select pid from pg_stat_activity where datname = ${database} and pid <> pg_backend_pid()`;
    const out = new Map<number, number>();
    for (const { pid } of rows) {
      const ms = await processCpuMs(pid);
      if (ms !== undefined) out.set(pid, ms);
    }
    return out;
  };
  const node0 = process.cpuUsage();
  const pg0 = await backends();
  return {
    async stop() {
      const node = process.cpuUsage(node0);
      const pg1 = await backends();
      let postgresMs = 0;
      for (const [pid, ms] of pg1) {
        const before = pg0.get(pid);
        if (before !== undefined) postgresMs += ms - before;
      }
      return { nodeMs: (node.user + node.system) / 1000, postgresMs };
    },
  };
}
