import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { verifyWebhook } from '@certflow/client';
import { readFeed, webhookDeliveries } from '@certflow/db';
import { createTestPostgres, type TestPostgres } from '@certflow/db/testing';
import {
  createEngine,
  emptyWrite,
  ManualClock,
  type Actor,
  type Engine,
  type InstanceView,
} from '@certflow/engine';
import { pilotFlows, QUOTA_REF, quotaKey } from '@certflow/pilot';
import { people, projectApplication, weekdayCalendar } from '@certflow/pilot/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RETRY, retryDelay, WebhookDispatcher } from './dispatcher.js';
import { webhookStore } from './subscriptions.js';

// A receiver outage of minutes, by the delivery loop's clock (docs/embedding.md § Webhooks
// under faults): the dispatcher takes an injectable clock (`now`), and this test drives it — a
// ManualClock shared with the engine, advanced 2 s every few milliseconds — so the production
// backoff (10 s doubling, ±20 % jitter, 16 attempts) really schedules waits of minutes, and the
// delivery log shows every wait respected. The test steps the loop itself (`fanOut`, `dispatch`,
// `settle` at each clock step, what `start()` does on a timer). The receiver is a real node:http server on loopback:
// up, then closed (connections refused) for 15 minutes of that clock, then listening again on the
// same port. Before the outage, a delivery process is killed with SIGKILL mid-attempt (as in
// crash.int.test.ts); its held delivery is taken over once its lease ran out.

const SECRET = 'outage-secret-0123456789abcdefghijklmnop';
const OUTAGE_MS = 15 * 60_000;
const CHILD_LEASE_MS = 60_000;
const STEP_MS = 2_000;
const script = fileURLToPath(new URL('./testing/dispatcher-process.ts', import.meta.url));

interface Received {
  readonly eventId: string;
  readonly type: string;
  readonly instanceId: string;
  readonly delivery: number;
  /** The dispatcher's clock when it arrived. */
  readonly at: number;
  readonly signatureOk: boolean;
  /** 2xx, or 0: never answered (held until the sender died). */
  readonly answered: number;
}

let pg: TestPostgres;
let clock: ManualClock;
let engine: Engine;
let server: Server | undefined;
let port = 0;
let child: ChildProcess | undefined;
let dispatcher: WebhookDispatcher | undefined;
const received: Received[] = [];
/** Requests after this many are held unanswered (the killed process's attempts). */
let answerFirst = Number.POSITIVE_INFINITY;

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function receiverUp(): Promise<void> {
  server = createServer((req, res) => {
    void bodyOf(req).then(async (text) => {
      const at = clock.now().getTime();
      const header = String(req.headers['certflow-signature'] ?? '');
      const verdict = await verifyWebhook(SECRET, header, text, {
        now: Math.floor(at / 1000),
        toleranceSeconds: 300,
      });
      const event = JSON.parse(text) as { id: string; type: string; instanceId: string };
      const answer = received.length < answerFirst ? 204 : 0;
      received.push({
        eventId: String(req.headers['certflow-event-id']),
        type: event.type,
        instanceId: event.instanceId,
        delivery: Number(req.headers['certflow-delivery']),
        at,
        signatureOk: verdict.ok && event.id === req.headers['certflow-event-id'],
        answered: answer,
      });
      if (answer) res.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
}

async function receiverDown(): Promise<void> {
  const s = server;
  server = undefined;
  if (!s) return;
  s.closeAllConnections();
  await new Promise<void>((resolve) => s.close(() => resolve()));
}

beforeAll(async () => {
  pg = await createTestPostgres();
  for (const p of Object.values(people)) {
    await pg.directory.upsertUser({ college: null, ...p, roles: [...p.roles] });
  }
  // The autumn call of 2026 (for 2027) is open.
  clock = new ManualClock('2026-11-02T09:00:00+08:00');
  engine = createEngine({
    store: pg.store,
    flows: pilotFlows,
    clock,
    calendar: weekdayCalendar,
    directory: pg.directory,
  });
  await pg.store.write({
    ...emptyWrite(),
    references: [
      {
        kind: QUOTA_REF,
        key: quotaKey(2027, 'ee'),
        value: { scale: 200, budget: 10_000_000 },
        expectedVersion: null,
      },
    ],
  });
  await receiverUp();
});
afterAll(async () => {
  child?.kill('SIGKILL');
  await dispatcher?.stop();
  await receiverDown();
  await pg?.drop();
});

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 60_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Advances the shared clock to `to` in 2 s steps; at each, the dispatcher does what one look of
 * its loop does (fan out, claim what is due, attempt it) and its attempts finish, so a busy
 * machine cannot make the clock run ahead of the delivery loop.
 */
async function runClockTo(to: number): Promise<void> {
  while (clock.now().getTime() < to) {
    clock.advance(Math.min(STEP_MS, to - clock.now().getTime()));
    if (!dispatcher) continue;
    await dispatcher.fanOut();
    await dispatcher.dispatch();
    await dispatcher.settle();
  }
}

const act = (i: { id: string }, type: string, who: Actor, comment?: string) =>
  engine.send(i.id, { type, ...(comment ? { comment } : {}) }, who);
const apply = (who: Actor, code: string, name: string): Promise<InstanceView> =>
  engine.start(
    'pilot-project',
    projectApplication({ scale: 30, certificate: { code, name, level: 'intermediate' } }),
    who,
  );

describe('webhooks through a receiver outage of 15 minutes (by the dispatcher’s clock) and a kill -9', () => {
  it('delivers every event of the pilot projects, signed, in order per instance, each acknowledged once', async () => {
    await webhookStore(pg.db, () => clock.now()).create({
      url: `http://127.0.0.1:${port}/hooks/certflow`,
      secret: SECRET,
      ownerId: people.academic.id,
    });
    const t0 = clock.now().getTime();

    // 1. A delivery process (its clock standing at t0) delivers the first three events; its
    //    next attempt is held by the receiver, and the process is killed without a word.
    const a = await apply(people.owner, 'WEB-FE', 'Web 前端开发');
    const b = await apply(people.owner2, 'IOT-OP', '物联网运维');
    answerFirst = 3;
    child = spawn(process.execPath, ['--conditions=certflow-source', '--import', 'tsx', script], {
      env: {
        ...process.env,
        DATABASE_URL: pg.url,
        LEASE_MS: String(CHILD_LEASE_MS),
        NOW: new Date(t0).toISOString(),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const delivered = async () =>
      (await pg.db.select().from(webhookDeliveries)).filter((d) => d.status === 'delivered').length;
    await until(
      'three recorded deliveries and one held attempt',
      async () => received.length >= 4 && (await delivered()) === 3,
    );
    child.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));
    const held = received.filter((r) => r.answered === 0).map((r) => r.delivery);
    expect(held.length).toBeGreaterThanOrEqual(1);
    answerFirst = Number.POSITIVE_INFINITY;

    // 2. The receiver goes down; a dispatcher on the shared clock, with the production backoff,
    //    takes over while the projects go on: one approved by the 领导小组, one rejected by the
    //    college, one withdrawn by its applicant.
    await receiverDown();
    dispatcher = new WebhookDispatcher({
      db: pg.db,
      now: () => clock.now(),
      allowPrivate: true,
      timeoutMs: 2_000,
      // Longer than any attempt takes on this clock: a slow machine never makes it look dead.
      leaseMs: 3_600_000,
    });
    const downFrom = clock.now().getTime();
    const steps: Array<() => Promise<unknown>> = [
      () => act(a, 'APPROVE', people.collegeLead, '同意申报'),
      () => act(b, 'REJECT', people.collegeLead, '不符合试点方向'),
      () => act(a, 'APPROVE', people.academic),
      () => apply(people.owner, 'BIM', '建筑信息模型'),
      () => act(a, 'APPROVE', people.leader, '同意'),
    ];
    let c: InstanceView | undefined;
    for (const [n, step] of steps.entries()) {
      await runClockTo(downFrom + (n + 1) * 2 * 60_000);
      const out = await step();
      if (n === 3) c = out as InstanceView;
    }
    await runClockTo(downFrom + 11 * 60_000);
    await act(c!, 'WITHDRAW', people.owner);
    await runClockTo(downFrom + OUTAGE_MS);
    expect(received.filter((r) => r.at > downFrom)).toEqual([]);

    // 3. Back on the same port: everything arrives once the backoff's next attempts come due.
    await receiverUp();
    const upAt = clock.now().getTime();
    const ids = [a.id, b.id, c!.id];
    const feed = (await readFeed(pg.db, { after: '', limit: 1000 })).events.filter((e) =>
      ids.includes(e.instanceId),
    );
    const acked = () => received.filter((r) => r.answered >= 200);
    const end = upAt + 60 * 60_000;
    while (acked().length < feed.length && clock.now().getTime() < end) {
      await runClockTo(clock.now().getTime() + 10 * STEP_MS);
    }
    await runClockTo(clock.now().getTime() + 5 * 60_000); // nothing more comes
    await dispatcher.stop();

    // Every event of every kind, none lost, each acknowledged exactly once, every one signed.
    expect(new Set(feed.map((e) => e.type))).toEqual(
      new Set([
        'instance.started',
        'task.created',
        'task.decided',
        'instance.updated',
        'instance.completed',
        'instance.rejected',
        'instance.withdrawn',
      ]),
    );
    expect(
      acked()
        .map((r) => r.eventId)
        .sort(),
    ).toEqual(feed.map((e) => e.id).sort());
    expect(received.every((r) => r.signatureOk)).toBe(true);
    // In order per instance: never sent before the one before it was acknowledged.
    for (const id of ids) {
      const line = feed.filter((e) => e.instanceId === id).map((e) => e.id);
      expect(
        acked()
          .filter((r) => r.instanceId === id)
          .map((r) => r.eventId),
      ).toEqual(line);
      const firstSeen = line.map((e) => received.findIndex((r) => r.eventId === e));
      const lastAcked = line.map((e) => received.findLastIndex((r) => r.eventId === e));
      for (let n = 1; n < line.length; n++)
        expect(firstSeen[n]!).toBeGreaterThan(lastAcked[n - 1]!);
    }
    // Nothing arrived while the receiver was down; the first after it came back, at the first
    // attempt due after that.
    expect(
      Math.min(
        ...acked()
          .filter((r) => r.at > t0)
          .map((r) => r.at),
      ),
    ).toBeGreaterThanOrEqual(upAt);

    // The waits were the backoff's: from the delivery log (the dispatcher's clock), each retry
    // came no sooner than its delay less the jitter, and no later than the delay plus the jitter
    // and one clock step.
    const rows = await pg.db.select().from(webhookDeliveries);
    let longest = 0;
    for (const row of rows) {
      const times = row.log.map((e) => Date.parse(e['at'] as string));
      for (let n = 1; n < times.length; n++) {
        const gap = times[n]! - times[n - 1]!;
        const low = retryDelay(n, DEFAULT_RETRY, () => 0);
        const high = retryDelay(n, DEFAULT_RETRY, () => 1);
        expect(gap).toBeGreaterThanOrEqual(low);
        expect(gap).toBeLessThanOrEqual(high + 2 * STEP_MS);
      }
      if (row.log.length > 1) longest = Math.max(longest, times.at(-1)! - times[0]!);
      expect(row).toMatchObject({ status: 'delivered', leaseUntil: null });
    }
    // Some delivery waited through the whole outage, on 8 or so attempts.
    expect(longest).toBeGreaterThanOrEqual(OUTAGE_MS - 4 * 60_000);
    expect(Math.max(...rows.map((r) => r.attempts))).toBeGreaterThanOrEqual(7);
    // The killed process's held delivery: first attempted again when its lease had run out.
    for (const position of held) {
      const row = rows.find((r) => r.position === position)!;
      expect(Date.parse(row.log[0]!['at'] as string)).toBeGreaterThanOrEqual(t0 + CHILD_LEASE_MS);
    }
    const [sub] = await webhookStore(pg.db).list();
    expect(sub).toMatchObject({ active: true, consecutiveFailures: 0 });
  }, 180_000);
});
