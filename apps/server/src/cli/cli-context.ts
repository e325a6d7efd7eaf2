import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { attachEmbedded, type DbHandle } from '@certflow/db';
import type { Actor, Engine } from '@certflow/engine';
import { userInfo } from 'node:os';
import { createPilotFlows } from '@certflow/pilot';
import { loadConfig, type ServerConfig } from '../config.js';
import { businessCalendar, engineFor, openDatabase } from '../runtime/compose.js';

/** What a command runs against: the server's configuration and database (the same variables). */
export interface CliContext {
  readonly config: ServerConfig;
  readonly handle: DbHandle<unknown>;
  readonly engine: Engine;
  /** Who the CLI's audited writes are by: the operating-system user who ran it. */
  readonly actor: Actor;
  /** A path the user typed, resolved from where they typed `pnpm certflow …` (`INIT_CWD`). */
  path(input: string): string;
}

/** The file the all-in-one server keeps while it runs: `<data dir>/server.pid`. */
export const SERVER_PID_FILE = 'server.pid';

/** The pid of a running all-in-one server on this data dir, if any. */
export function runningServer(dataDir: string): number | undefined {
  const file = join(dataDir, SERVER_PID_FILE);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

export class CliError extends Error {
  override readonly name = 'CliError';
}

/**
 * Opens the database the server uses, from the same configuration: `DATABASE_URL` (a deployment:
 * PostgreSQL, shared with the running server and worker), or the embedded database in
 * `CERTFLOW_DATA_DIR` — attached to while the all-in-one server runs it, started otherwise.
 */
export async function openCliContext(
  env: NodeJS.ProcessEnv = process.env,
): Promise<CliContext & { close(): Promise<void> }> {
  const config = loadConfig(env);
  // While the all-in-one server runs, the CLI is one more client of its embedded PostgreSQL.
  const attached = config.databaseUrl
    ? undefined
    : await attachEmbedded({ dataDir: join(config.dataDir, 'postgres') });
  const handle = attached ?? (await openDatabase(config));
  const engine = engineFor(handle, await businessCalendar(handle), {
    flows: createPilotFlows(config.pilot.flows),
  });
  const base = env['INIT_CWD'] ?? process.cwd();
  return {
    config,
    handle,
    engine,
    actor: cliActor(),
    path: (input) => (isAbsolute(input) ? input : resolve(base, input)),
    close: () => handle.close(),
  };
}

/** The CLI's actor: `cli:<os user>` — the audit trail says who ran the command on the host. */
function cliActor(): Actor {
  const user = userInfo().username;
  return { id: `cli:${user}`, name: `命令行（${user}）`, roles: [], kind: 'person' };
}
