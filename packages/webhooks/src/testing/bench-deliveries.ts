/**
 * Webhook deliveries per second and lateness (commit → receiver) p50/p99, against a local
 * node:http receiver, on a fresh test database. For `pnpm bench` (bench/ registers it):
 *   node --conditions=certflow-source --import tsx packages/webhooks/src/testing/bench-deliveries.ts [instances=200]
 * Prints one JSON line.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestPostgres } from '@certflow/db/testing';
import { createEngine, type Actor } from '@certflow/engine';
import { reviewFlow, weekdayCalendar } from '@certflow/engine/testing';
import { WebhookDispatcher } from '../dispatcher.js';
import { webhookStore } from '../subscriptions.js';

const instances = Number(process.argv[2] ?? 200);
const owner: Actor = { id: 'u-owner', roles: ['owner'], college: 'ee' };
const lead: Actor = { id: 'u-lead', roles: ['lead'], college: 'ee' };
const pg = await createTestPostgres();
try {
  for (const a of [owner, lead, { id: 'u-office', roles: ['office'] }])
    await pg.directory.upsertUser({
      id: a.id,
      name: a.id,
      email: `${a.id}@example.edu.cn`,
      roles: [...a.roles],
      college: a.college ?? null,
    });
  const engine = createEngine({
    store: pg.store,
    flows: [reviewFlow(1)],
    clock: { now: () => new Date() },
    calendar: weekdayCalendar,
    directory: pg.store.directory,
  });
  const lateness: number[] = [];
  let firstAt = 0;
  let lastAt = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const now = Date.now();
      const e = JSON.parse(Buffer.concat(chunks).toString()) as { occurredAt: string };
      lateness.push(now - Date.parse(e.occurredAt));
      firstAt ||= now;
      lastAt = now;
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  await webhookStore(pg.db).create({
    url,
    secret: 'bench-secret-0123456789abcdefghijklmn',
    ownerId: 'bench',
  });
  const dispatcher = new WebhookDispatcher({
    db: pg.db,
    allowPrivate: true,
    pollMs: 100,
    concurrency: 8,
  });
  dispatcher.start();
  const started = Date.now();
  await Promise.all(
    Array.from({ length: instances }, async (_, n) => {
      const { id } = await engine.start('review', { college: 'ee', title: `${n}` }, owner);
      await engine.send(id, { type: 'APPROVE' }, lead);
      dispatcher.nudge();
    }),
  );
  const expected = instances * 5; // started, task.created; updated, task.decided, task.created
  const deadline = Date.now() + 300_000;
  while (lateness.length < expected && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));
  await dispatcher.stop();
  server.close();
  const sorted = [...lateness].sort((a, b) => a - b);
  const pct = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? null;
  process.stdout.write(
    `${JSON.stringify({
      bench: 'webhook-deliveries',
      instances,
      deliveries: lateness.length,
      expected,
      perSecond: Math.round((lateness.length / Math.max(1, lastAt - firstAt)) * 1000),
      writeSeconds: (Date.now() - started) / 1000,
      latenessMs: { p50: pct(50), p99: pct(99), max: sorted.at(-1) ?? null },
    })}\n`,
  );
} finally {
  await pg.drop();
}
