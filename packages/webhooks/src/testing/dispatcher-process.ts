/**
 * A webhook delivery process for crash.int.test.ts (run with tsx, killed with SIGKILL):
 * `DATABASE_URL`, `LEASE_MS`. Prints `ready` once it delivers.
 */
import { openPostgres } from '@certflow/db';
import { WebhookDispatcher } from '../dispatcher.js';

const handle = await openPostgres({ url: process.env['DATABASE_URL'] ?? '', migrate: false });
const dispatcher = new WebhookDispatcher({
  db: handle.db,
  allowPrivate: true,
  pollMs: 50,
  timeoutMs: 60_000,
  leaseMs: Number(process.env['LEASE_MS'] ?? 1500),
  retry: { baseMs: 50, maxMs: 200 },
});
dispatcher.start();
process.stdout.write('ready\n');
