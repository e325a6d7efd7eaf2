/**
 * A process that holds an embedded PostgreSQL's data directory, for embedded.int.test.ts (run
 * with tsx; killed with SIGTERM, or with SIGKILL to leave its server running). Argument: the
 * data directory. Prints `ready <postmaster pid>` once the server accepts connections.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../embedded/embedded-postgres.js';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: embedded-holder <dataDir>');
const server = await startEmbeddedPostgres({ dataDir });
const pid = (await readFile(join(dataDir, 'pgdata', 'postmaster.pid'), 'utf8')).split('\n')[0];
process.stdout.write(`ready ${pid}\n`);
process.on('SIGTERM', () => {
  void server.stop().then(() => process.exit(0));
});
setInterval(() => {}, 60_000);
