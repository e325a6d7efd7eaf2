/**
 * A webhook delivery process for the kill -9 tests (run with tsx, killed with SIGKILL):
 * `DATABASE_URL`, `LEASE_MS`, and `NOW` (an ISO time: the dispatcher's clock stands still there,
 * for a test that drives the clock itself; default the real clock). Prints `ready` once it
 * delivers.
 */
import { openPostgres } from '@certflow/db';
import { WebhookDispatcher } from '../dispatcher.js';

const handle = await openPostgres({ url: process.env['DATABASE_URL'] ?? '', migrate: false });
const frozen = process.env['NOW'];
const dispatcher = new WebhookDispatcher({
  db: handle.db,
  allowPrivate: true,
  pollMs: 50,
  timeoutMs: 60_000,
  leaseMs: Number(process.env['LEASE_MS'] ?? 1500),
  retry: { baseMs: 50, maxMs: 200 },
  ...(frozen ? { now: () => new Date(frozen) } : {}),
});
dispatcher.start();
process.stdout.write('ready\n');
