import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyRecord, instanceRecord, writeOf } from '@certflow/engine/testing';
import { postgresBinaries } from './binaries.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { openEmbedded, type EmbeddedHandle } from './open-embedded.js';

// The all-in-one mode's PostgreSQL, managed in a data directory: started for the first time
// (initdb) and again, refused to a second process, taken over from a process killed with -9,
// and started past a stale postmaster.pid. The servers run as the `postgres` user when the
// tests run as root.

const run = promisify(execFile);
const holder = fileURLToPath(new URL('../testing/embedded-holder.ts', import.meta.url));
const packageDir = fileURLToPath(new URL('../..', import.meta.url));

let dataDir: string;
const children: ChildProcess[] = [];
const handles: EmbeddedHandle[] = [];

const pgdata = () => join(dataDir, 'pgdata');
/** Is `pid` a live process? A zombie is not (this machine's init may never reap it). */
const alive = (pid: number): boolean => {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return true; // no /proc (macOS): kill(0) said it is there
  }
};
const postmasterPid = async (): Promise<number> =>
  Number((await readFile(join(pgdata(), 'postmaster.pid'), 'utf8')).split('\n')[0]);
const until = async (what: string, check: () => boolean | Promise<boolean>): Promise<void> => {
  for (let i = 0; i < 300; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting: ${what}`);
};

async function open(log?: string[]): Promise<EmbeddedHandle> {
  const handle = await openEmbedded({ dataDir, max: 2, onLog: (line) => log?.push(line) });
  handles.push(handle);
  return handle;
}
async function close(handle: EmbeddedHandle): Promise<void> {
  handles.splice(handles.indexOf(handle), 1);
  await handle.close();
}

/** Another process holding the data directory; resolves with its postmaster's pid. */
function holdInAnotherProcess(): Promise<{ child: ChildProcess; postmaster: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', holder, dataDir], {
    cwd: packageDir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      const ready = /ready (\d+)/.exec(d.toString());
      if (ready) resolve({ child, postmaster: Number(ready[1]) });
    });
    child.on('exit', (code) => reject(new Error(`holder exited (${code}) before ready: ${err}`)));
  });
}
const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'certflow-embedded-'));
});
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  for (const handle of handles.splice(0)) await handle.close().catch(() => undefined);
  // Whatever is still running on the data directory (a failed case's server) is stopped.
  const { pgCtl } = await postgresBinaries();
  const pid = await postmasterPid().catch(() => 0);
  if (pid > 0 && alive(pid)) {
    const owner = process.getuid?.() === 0 ? await postgresUser() : {};
    await run(pgCtl, ['stop', '-D', pgdata(), '-m', 'immediate', '-w'], owner).catch(() => {});
  }
  await rm(dataDir, { recursive: true, force: true });
});
async function postgresUser(): Promise<{ uid: number; gid: number }> {
  const id = async (flag: string) => Number((await run('id', [flag, 'postgres'])).stdout.trim());
  return { uid: await id('-u'), gid: await id('-g') };
}

const start = writeOf({
  instance: { row: instanceRecord(), expectedVersion: null },
  history: historyRecord(1),
});

describe('embedded PostgreSQL in a data directory', () => {
  it('initializes a fresh directory, and starts again on it with the data kept', async () => {
    const first: string[] = [];
    const handle = await open(first);
    expect(first.some((line) => line.startsWith('initdb'))).toBe(true);
    expect(await handle.store.write(start)).toBe(true);
    const [who] = await handle.sql<{ user: string }[]>`select current_user as user`;
    expect(who?.user).toBe('certflow');
    await close(handle);
    await until('the server stopped', async () => !alive(await postmasterPid().catch(() => 0)));

    const second: string[] = [];
    const again = await open(second);
    expect(second.some((line) => line.startsWith('initdb'))).toBe(false);
    expect(await again.store.read.getInstance('i-1')).toStrictEqual(instanceRecord());
    await close(again);
  });

  it('refuses the directory to a second process while the first holds it', async () => {
    const { child, postmaster } = await holdInAnotherProcess();
    await expect(startEmbeddedPostgres({ dataDir })).rejects.toMatchObject({
      code: 'DATA_DIR_IN_USE',
      retryable: false,
    });
    // The holder's server was left alone.
    expect(alive(postmaster)).toBe(true);
    expect(await postmasterPid()).toBe(postmaster);
    child.kill('SIGTERM');
    await exited(child);
    expect(child.exitCode).toBe(0);
    await until('the holder stopped its server', () => !alive(postmaster));
  });

  it('takes over a server left running by a process killed with -9', async () => {
    const { child, postmaster } = await holdInAnotherProcess();
    child.kill('SIGKILL');
    await exited(child);
    expect(alive(postmaster)).toBe(true); // the orphan: still serving the directory
    const log: string[] = [];
    const handle = await open(log);
    try {
      expect(log.some((line) => line.includes(`left running`))).toBe(true);
      expect(await postmasterPid()).not.toBe(postmaster);
      expect(alive(postmaster)).toBe(false);
      expect(await handle.store.read.getInstance('i-1')).toStrictEqual(instanceRecord());
    } finally {
      await close(handle);
    }
  });

  it('starts past a stale postmaster.pid naming a process that is gone', async () => {
    // The lock file of a server that did not shut down: its own contents, a dead pid.
    const running = await open();
    const lockFile = await readFile(join(pgdata(), 'postmaster.pid'), 'utf8');
    await close(running);
    const gone = spawn('true');
    await exited(gone);
    expect(alive(gone.pid!)).toBe(false);
    const [, ...rest] = lockFile.split('\n');
    await writeFile(join(pgdata(), 'postmaster.pid'), [String(gone.pid), ...rest].join('\n'));
    const handle = await open();
    try {
      expect(await postmasterPid()).not.toBe(gone.pid);
      expect(await handle.store.read.getInstance('i-1')).toStrictEqual(instanceRecord());
    } finally {
      await close(handle);
    }
  });

  // A pid reused after a crash or a reboot: never taken for our server, never signalled.
  it('leaves alone a live process that a stale postmaster.pid happens to name', async () => {
    const running = await open();
    const lockFile = await readFile(join(pgdata(), 'postmaster.pid'), 'utf8');
    await close(running);
    const owner = process.getuid?.() === 0 ? await postgresUser() : {};
    const bystander = spawn('sleep', ['60'], owner);
    children.push(bystander);
    await until('the bystander runs', () => alive(bystander.pid!));
    const [, ...rest] = lockFile.split('\n');
    await writeFile(join(pgdata(), 'postmaster.pid'), [String(bystander.pid), ...rest].join('\n'));
    const handle = await open();
    try {
      expect(await handle.store.read.getInstance('i-1')).toStrictEqual(instanceRecord());
      expect(alive(bystander.pid!)).toBe(true);
    } finally {
      await close(handle);
    }
  });
});
