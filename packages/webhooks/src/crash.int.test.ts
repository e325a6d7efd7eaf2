import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { readFeed } from '@certflow/db';
import { createTestPostgres, type TestPostgres } from '@certflow/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebhookDispatcher } from './dispatcher.js';
import { webhookStore } from './subscriptions.js';
import { reviewWorld, type ReviewWorld } from './testing/review-world.js';

// A delivery process killed with SIGKILL in the middle of an attempt: another dispatcher takes
// the delivery over once its lease ran out, and every event is acknowledged, in order per
// instance, none lost.

const script = fileURLToPath(new URL('./testing/dispatcher-process.ts', import.meta.url));

let pg: TestPostgres;
let world: ReviewWorld;
let server: Server;
let url = '';
let child: ChildProcess | undefined;
const received: Array<{ eventId: string; instanceId: string; answered: boolean }> = [];
let hangFirst = true;

beforeAll(async () => {
  pg = await createTestPostgres();
  world = await reviewWorld(pg);
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const event = JSON.parse(Buffer.concat(chunks).toString()) as { instanceId: string };
      const hang = hangFirst;
      hangFirst = false;
      received.push({
        eventId: String(req.headers['certflow-event-id']),
        instanceId: event.instanceId,
        answered: !hang,
      });
      if (!hang) res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  child?.kill('SIGKILL');
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await pg?.drop();
});

async function until(what: string, check: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('webhook delivery across kill -9', () => {
  it('takes over a killed process’s attempt and loses nothing', async () => {
    await webhookStore(pg.db).create({
      url,
      secret: 'crash-test-secret-0123456789abcdefghij',
      ownerId: 'u-aa',
    });
    const ids: string[] = [];
    for (let n = 0; n < 3; n++) ids.push(await world.review(`第${n}项`));
    child = spawn(process.execPath, ['--conditions=certflow-source', '--import', 'tsx', script], {
      env: { ...process.env, DATABASE_URL: pg.url, LEASE_MS: '1500' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    // The child's first attempt hangs at the receiver; then it is killed without a word.
    await until('the first attempt', () => received.length >= 1);
    child.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));
    const taker = new WebhookDispatcher({
      db: pg.db,
      allowPrivate: true,
      pollMs: 50,
      leaseMs: 1500,
      retry: { baseMs: 50, maxMs: 200 },
    });
    taker.start();
    const feed = (await readFeed(pg.db, { after: '', limit: 500 })).events.filter((e) =>
      ids.includes(e.instanceId),
    );
    expect(feed.length).toBeGreaterThanOrEqual(3 * 5);
    try {
      await until('every event', () => received.filter((r) => r.answered).length >= feed.length);
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      await taker.stop();
    }
    const acked = received.filter((r) => r.answered).map((r) => r.eventId);
    // Nothing lost. At least once: an attempt the receiver acknowledged just before the kill, and
    // the killed process never recorded, is sent again (receivers deduplicate on
    // Certflow-Event-Id) — at most the attempts that were in flight (concurrency 4).
    expect([...new Set(acked)].sort()).toEqual(feed.map((e) => e.id).sort());
    expect(acked.length - new Set(acked).size).toBeLessThanOrEqual(4);
    // The hung attempt was sent again by the taker.
    expect(acked).toContain(received[0]!.eventId);
    // In order per instance (first acknowledgements).
    for (const id of ids) {
      const firsts = [
        ...new Set(received.filter((r) => r.answered && r.instanceId === id).map((r) => r.eventId)),
      ];
      expect(firsts).toEqual(feed.filter((e) => e.instanceId === id).map((e) => e.id));
    }
  });
});
