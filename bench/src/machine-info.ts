import os from 'node:os';
import type { Sql } from 'postgres';

export interface MachineInfo {
  readonly cpu: string;
  readonly cores: number;
  readonly memory: string;
  readonly os: string;
  readonly node: string;
  readonly postgres: string;
  readonly redis: string;
  readonly load: string;
}

/** What the numbers were measured on (load average included: the machine is shared). */
export async function machineInfo(admin: Sql, redisVersion: string): Promise<MachineInfo> {
  const [pg] = await admin<{ v: string }[]>`select current_setting('server_version') as v`;
  const [sc] = await admin<{ v: string }[]>`select current_setting('synchronous_commit') as v`;
  const [fs] = await admin<{ v: string }[]>`select current_setting('fsync') as v`;
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(0)} GB`,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: `PostgreSQL ${pg?.v ?? '?'} (synchronous_commit=${sc?.v ?? '?'}, fsync=${fs?.v ?? '?'})`,
    redis: `Redis ${redisVersion}`,
    load: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
  };
}
