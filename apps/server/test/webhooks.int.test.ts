import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhook } from '@certflow/client';
import { createTestPostgres, type TestPostgres } from '@certflow/db/testing';
import { WebhookDispatcher } from '@certflow/webhooks';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startApiWorld, type ApiWorld } from './support/api-world.js';
import { applyProject, setQuota } from './support/fixtures.js';

// Outbound webhooks end to end: subscriptions over the API, the delivery loop on the same
// database, and a real node:http receiver that checks every signature.

const SECRET = 'whsec-0123456789abcdefghijklmnopqrstuvwxyz';

interface Received {
  eventId: string;
  type: string;
  instanceId: string;
  seq: number | null;
  signatureOk: boolean;
  answered: number;
  raw: { header: string; body: string };
}

interface Receiver {
  url: string;
  received: Received[];
  /** What to answer the next request (default 200). */
  answer: (n: number) => number | 'reset' | 'hang';
  close(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function startReceiver(): Promise<Receiver> {
  const r: Receiver = {
    url: '',
    received: [],
    answer: () => 200,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  let n = 0;
  const server: Server = createServer((req, res) => {
    void body(req).then(async (text) => {
      const header = String(req.headers['certflow-signature'] ?? '');
      const verdict = await verifyWebhook(SECRET, header, text);
      const event = JSON.parse(text) as {
        id: string;
        type: string;
        instanceId: string;
        command: { seq: number } | null;
      };
      const answer = r.answer(n++);
      r.received.push({
        eventId: String(req.headers['certflow-event-id']),
        type: event.type,
        instanceId: event.instanceId,
        seq: event.command?.seq ?? null,
        signatureOk: verdict.ok && event.id === req.headers['certflow-event-id'],
        answered: typeof answer === 'number' ? answer : 0,
        raw: { header, body: text },
      });
      if (answer === 'reset') req.socket.destroy();
      else if (answer === 'hang') return;
      else res.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  r.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return r;
}

let pg: TestPostgres;
let world: ApiWorld;
let strict: ApiWorld;
let dispatcher: WebhookDispatcher;
let receiver: Receiver;
beforeAll(async () => {
  pg = await createTestPostgres();
  world = await startApiWorld(pg, {
    webhooks: { allowPrivate: true, nudge: () => dispatcher?.nudge() },
  });
  strict = await startApiWorld(pg);
});
beforeEach(async () => {
  await world.reset();
  receiver = await startReceiver();
  dispatcher = new WebhookDispatcher({
    db: pg.db,
    allowPrivate: true,
    pollMs: 50,
    timeoutMs: 1_000,
    concurrency: 3,
    retry: { baseMs: 40, maxMs: 200, jitter: 0.2, maxAttempts: 1000 },
  });
  dispatcher.start();
});
afterEach(async () => {
  await dispatcher.stop();
  await receiver.close();
});
afterAll(async () => {
  await world?.close();
  await strict?.close();
  await pg?.drop();
});

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 20_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function subscribe(extra: Record<string, unknown> = {}): Promise<{ id: string }> {
  const res = await world
    .as('academic')
    .raw('/api/webhooks', { body: { url: receiver.url, secret: SECRET, ...extra } });
  expect(res.status).toBe(201);
  return res.body as { id: string };
}

/** A whole pilot project: college, academic affairs, the 领导小组 (第六条2). */
async function pilotProject(): Promise<string> {
  await setQuota(world.as('academic'));
  const p = await applyProject(world.as('owner'));
  await world.as('collegeLead').sendEvent(p.id, { type: 'APPROVE', comment: '同意' });
  await world.as('academic').sendEvent(p.id, { type: 'APPROVE' });
  const done = await world.as('leader').sendEvent(p.id, { type: 'APPROVE', comment: '同意' });
  expect(done.status).toBe('completed');
  return p.id;
}

/** The feed's events of an instance, as the auditor reads them. */
async function feedOf(instanceId: string, least: number): Promise<string[]> {
  let ids: string[] = [];
  await until('the feed', async () => {
    const res = await world.as('auditor').raw('/api/events?limit=500');
    const page = res.body as { events: Array<{ id: string; instanceId: string; type: string }> };
    const mine = page.events.filter((e) => e.instanceId === instanceId);
    ids = mine.map((e) => e.id);
    return ids.length >= least && mine.some((e) => e.type === 'instance.completed');
  });
  return ids;
}

function acknowledged(r: Receiver): Received[] {
  return r.received.filter((x) => x.answered >= 200 && x.answered < 300);
}

describe('webhooks', () => {
  it('validates subscriptions: role, scheme, secret length, private addresses', async () => {
    const ok = { url: receiver.url, secret: SECRET };
    const asOwner = await world.as('owner').raw('/api/webhooks', { body: ok });
    expect(asOwner.status).toBe(403);
    const short = await world
      .as('academic')
      .raw('/api/webhooks', { body: { ...ok, secret: 'short' } });
    expect(short).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    const ftp = await world
      .as('academic')
      .raw('/api/webhooks', { body: { ...ok, url: 'ftp://example.edu.cn/x' } });
    expect(ftp).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    const badType = await world
      .as('academic')
      .raw('/api/webhooks', { body: { ...ok, types: ['task.exploded'] } });
    expect(badType.status).toBe(400);
    // Without CERTFLOW_WEBHOOK_ALLOW_PRIVATE: loopback and private networks are refused.
    for (const url of [
      receiver.url,
      'http://10.1.2.3/x',
      'http://[::1]:9/x',
      'http://169.254.169.254/',
    ]) {
      const refused = await strict.as('academic').raw('/api/webhooks', { body: { ...ok, url } });
      expect(refused).toMatchObject({ status: 400, body: { code: 'WEBHOOK_URL_REFUSED' } });
      expect((refused.body as { message: string }).message).toMatch(/内网/);
    }
    expect((await world.as('academic').raw('/api/webhooks')).body).toEqual({ items: [] });
  });

  it('delivers every event of a pilot project, signed, in order, each acknowledged once', async () => {
    await subscribe();
    const id = await pilotProject();
    const feed = await feedOf(id, 7);
    await until('every event', () => acknowledged(receiver).length >= feed.length);
    await new Promise((r) => setTimeout(r, 300)); // nothing more comes
    const got = receiver.received.filter((x) => x.instanceId === id);
    expect(got.map((x) => x.eventId)).toEqual(feed);
    expect(got.every((x) => x.signatureOk)).toBe(true);
    expect(got.map((x) => x.type)).toContain('instance.completed');
  });

  it('retries a receiver answering 500, resetting or hanging, and gets everything once acknowledged', async () => {
    await subscribe();
    // The first eight requests fail in three ways, then the receiver recovers.
    receiver.answer = (n) => (n < 8 ? ([500, 'reset', 503, 'hang'] as const)[n % 4]! : 200);
    const id = await pilotProject();
    const feed = await feedOf(id, 7);
    await until('recovery', () => acknowledged(receiver).length >= feed.length, 30_000);
    await new Promise((r) => setTimeout(r, 300));
    const ok = acknowledged(receiver).filter((x) => x.instanceId === id);
    expect(ok.map((x) => x.eventId)).toEqual(feed);
    expect(receiver.received.length).toBeGreaterThan(feed.length);
    // In order per instance: an event is never sent before the one before it was acknowledged.
    const firstSeen = feed.map((e) => receiver.received.findIndex((x) => x.eventId === e));
    const lastAcked = feed.map((e) => receiver.received.findLastIndex((x) => x.eventId === e));
    for (let n = 1; n < feed.length; n++) expect(firstSeen[n]!).toBeGreaterThan(lastAcked[n - 1]!);
  });

  it('keeps a delivery log, redelivers on request, and disables a dead endpoint', async () => {
    const sub = await subscribe({ types: ['instance.started'] });
    receiver.answer = (n) => (n === 0 ? 500 : 200);
    await setQuota(world.as('academic'));
    const p = await applyProject(world.as('owner'));
    await until('delivery', () => acknowledged(receiver).length === 1);
    const log = (await world.as('academic').raw(`/api/webhooks/${sub.id}/deliveries`)).body as {
      items: Array<{
        id: number;
        status: string;
        attempts: number;
        log: Array<{ status: number }>;
      }>;
    };
    expect(log.items).toHaveLength(1);
    expect(log.items[0]).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(log.items[0]!.log.map((l) => l.status)).toEqual([500, 200]);
    const again = await world
      .as('academic')
      .raw(`/api/webhooks/${sub.id}/deliveries/${log.items[0]!.id}/redeliver`, { body: {} });
    expect(again.status).toBe(200);
    await until('redelivery', () => acknowledged(receiver).length === 2);
    expect(acknowledged(receiver).map((x) => x.instanceId)).toEqual([p.id, p.id]);

    // A dead endpoint: disabled after maxAttempts failures of one delivery.
    await dispatcher.stop();
    dispatcher = new WebhookDispatcher({
      db: pg.db,
      allowPrivate: true,
      pollMs: 50,
      retry: { baseMs: 10, maxMs: 20, jitter: 0, maxAttempts: 3 },
    });
    dispatcher.start();
    receiver.answer = () => 500;
    await applyProject(world.as('owner2'), {
      certificate: { code: 'IOT-OP', name: '物联网运维', level: 'intermediate' },
    });
    await until('disabled', async () => {
      const s = (await world.as('academic').raw(`/api/webhooks/${sub.id}`)).body as {
        active: boolean;
      };
      return !s.active;
    });
    const disabled = (await world.as('academic').raw(`/api/webhooks/${sub.id}`)).body;
    expect(disabled).toMatchObject({
      active: false,
      disabledReason: expect.stringMatching(/3 times/) as string,
    });
    // Re-enabled once the endpoint works again: the waiting delivery goes out.
    receiver.answer = () => 200;
    const before = acknowledged(receiver).length;
    const on = await world
      .as('academic')
      .raw(`/api/webhooks/${sub.id}`, { method: 'PATCH', body: { active: true } });
    expect(on).toMatchObject({ status: 200, body: { active: true, consecutiveFailures: 0 } });
    await until('after re-enabling', () => acknowledged(receiver).length === before + 1);
  });

  it('refuses a tampered or replayed delivery in verifyWebhook', async () => {
    await subscribe({ types: ['instance.started'] });
    await setQuota(world.as('academic'));
    await applyProject(world.as('owner'));
    await until('delivery', () => acknowledged(receiver).length === 1);
    const { header, body: text } = receiver.received[0]!.raw;
    expect(await verifyWebhook(SECRET, header, text)).toMatchObject({ ok: true });
    expect(
      await verifyWebhook(SECRET, header, text.replace('instance.started', 'instance.cancelled')),
    ).toEqual({
      ok: false,
      reason: 'signature-mismatch',
    });
    expect(await verifyWebhook(`${SECRET}x`, header, text)).toMatchObject({ ok: false });
    const t = Number(/t=(\d+)/.exec(header)![1]);
    expect(
      await verifyWebhook(SECRET, header, text, { now: t + 301, toleranceSeconds: 300 }),
    ).toEqual({ ok: false, reason: 'timestamp-outside-tolerance' });
    expect(await verifyWebhook(SECRET, 'v1=abc', text)).toEqual({
      ok: false,
      reason: 'malformed-header',
    });
  });
});
