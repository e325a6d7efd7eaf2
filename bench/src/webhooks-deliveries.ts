import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { createMailStore } from '@certflow/db';
import { createTestPostgres } from '@certflow/db/testing';
import { createMail, mailConfigFromEnv } from '@certflow/mail';
import { startSmtpSink } from '@certflow/mail/testing';
import { InProcessScheduler } from '@certflow/queue';
import { webhookStore, WebhookDispatcher } from '@certflow/webhooks';
import { projectApplication } from '@certflow/pilot/testing';
import {
  applicationYear,
  benchEngine,
  lane,
  ProjectCycler,
  seedPilot,
  systemClock,
} from './pilot-cycle.js';
import { fmt, type Note, type ResultRow, type SectionResult } from './result-row.js';
import { percentile, sleep } from './stats.js';

/**
 * Outbound webhooks against the mail relay (issue 18; docs/embedding.md § Benchmark): one run,
 * one database, one workload, both delivery paths running beside it as the all-in-one server
 * runs them — `WebhookDispatcher` (production settings: 4 attempts in flight per subscription,
 * 1 s poll, nudged after each command) POSTing every change-feed event, signed, to a local
 * node:http receiver; and `InProcessScheduler` relaying the `notify` outbox rows through
 * `@certflow/mail` (`createMail`, its notify handler) over SMTP to a local SMTP sink (nudged
 * after each command too). The workload: `instances` pilot projects on `clients` lanes (a
 * college each), each started and sent round APPROVE → RETURN → RESUBMIT once.
 *
 * Per path: deliveries per second (first to last arrival) and lateness — commit to arrival:
 * a feed event's `occurredAt` to the receiver's answer; an outbox row's `created_at` to the
 * sink's receipt of its mail.
 *
 * Standalone: `pnpm --filter @certflow/bench exec tsx --conditions=certflow-source
 * src/webhooks-deliveries.ts [instances=200] [clients=4]`.
 */

export interface WebhookBenchSizes {
  readonly instances: number;
  readonly clients: number;
}

export const WEBHOOKS_SMOKE: WebhookBenchSizes = { instances: 8, clients: 2 };

interface PathFigures {
  readonly count: number;
  readonly expected: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
}

function figures(arrivals: readonly { at: number; lateness: number }[], expected: number) {
  const times = arrivals.map((a) => a.at);
  const span = Math.max(1, Math.max(...times) - Math.min(...times));
  const lateness = arrivals.map((a) => a.lateness);
  return {
    count: arrivals.length,
    expected,
    perSecond: (arrivals.length / span) * 1000,
    p50: percentile(lateness, 50),
    p99: percentile(lateness, 99),
  } satisfies PathFigures;
}

export async function measureWebhooks(sizes: WebhookBenchSizes): Promise<SectionResult> {
  const pg = await createTestPostgres();
  const sink = await startSmtpSink();
  // Receipt times of the sink's mails, stamped as the sink stores each parsed message.
  const mailArrivals: number[] = [];
  const keep = sink.mails.push.bind(sink.mails);
  sink.mails.push = (...mails) => {
    for (const _ of mails) mailArrivals.push(Date.now());
    return keep(...mails);
  };
  const hookArrivals: { at: number; lateness: number; eventId: string }[] = [];
  const receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = Date.now();
      const e = JSON.parse(Buffer.concat(chunks).toString()) as { id: string; occurredAt: string };
      hookArrivals.push({ at, lateness: at - Date.parse(e.occurredAt), eventId: e.id });
      res.writeHead(204).end();
    });
  });
  let dispatcher: WebhookDispatcher | undefined;
  let scheduler: InProcessScheduler | undefined;
  let probe: NodeJS.Timeout | undefined;
  try {
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/certflow`;
    await seedPilot(pg.store, pg.directory, sizes.clients);
    const engine = await benchEngine(pg.store, pg.store.directory);
    const mail = createMail(
      mailConfigFromEnv({
        SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
        MAIL_FROM: '教务处 <noreply@example.edu.cn>',
        CERTFLOW_PUBLIC_URL: 'https://certflow.example.edu.cn',
        CERTFLOW_MAIL_SECRET: 'k1=0123456789abcdef0123456789abcdef',
      }),
      { store: createMailStore(pg.db), engine, directory: pg.directory },
    );
    await webhookStore(pg.db).create({
      url,
      secret: 'bench-secret-0123456789abcdefghijklmn',
      ownerId: 'u-aa',
    });
    // Production settings on both sides (apps/server's embedded scheduler sleeps ≤ 2 s).
    dispatcher = new WebhookDispatcher({ db: pg.db, allowPrivate: true });
    scheduler = new InProcessScheduler({
      engine,
      store: pg.store,
      dispatch: pg.dispatch,
      clock: systemClock,
      handlers: { notify: (row) => mail.notify(row) },
      maxSleepMs: 2_000,
    });
    await scheduler.start();
    dispatcher.start();
    const nudge = () => {
      void scheduler?.nudge();
      dispatcher?.nudge();
    };

    // The feed shows an event once no older transaction is open anywhere on the cluster
    // (pg_snapshot_xmin): on a shared machine another database's long transaction holds the
    // webhooks back (not the mail relay). Sampled, to read the figures by.
    let oldestOtherTx = 0;
    probe = setInterval(() => {
      void pg.sql<
        { s: number }[]
      >`select coalesce(max(extract(epoch from now() - xact_start)), 0)::float8 as s
          from pg_stat_activity where datname <> current_database() and backend_xid is not null`.then(
        ([r]) => (oldestOtherTx = Math.max(oldestOtherTx, r?.s ?? 0)),
        () => undefined,
      );
    }, 500);
    const started = Date.now();
    const perClient = Math.ceil(sizes.instances / sizes.clients);
    await Promise.all(
      Array.from({ length: sizes.clients }, async (_, k) => {
        for (let n = 0; n < perClient && k * perClient + n < sizes.instances; n += 1) {
          // One certificate per project: a college applies for a certificate once a year.
          const view = await engine.start(
            'pilot-project',
            projectApplication({
              year: applicationYear(),
              collegeId: lane(k).college,
              certificate: { code: `BENCH-${n}`, name: `证书${n}`, level: 'intermediate' },
            }),
            lane(k).owner,
          );
          const project = { id: view.id, lane: k };
          nudge();
          const cycler = new ProjectCycler(engine, project);
          for (let step = 0; step < 3; step += 1) {
            await cycler.next();
            nudge();
          }
        }
      }),
    );
    const writeMs = Date.now() - started;

    // Every event committed (one change_feed row each), visible in the feed or not yet.
    const [feedRows] = await pg.sql<{ n: number }[]>`select count(*)::int as n from change_feed`;
    const events = feedRows?.n ?? 0;
    const mailsDue = async () =>
      (
        await pg.sql<{ n: number }[]>`select count(*)::int as n from outbox
          where kind = 'notify' and status = 'pending'`
      )[0]?.n ?? 0;
    const deadline = Date.now() + 300_000;
    while (
      (new Set(hookArrivals.map((h) => h.eventId)).size < events || (await mailsDue()) > 0) &&
      Date.now() < deadline
    ) {
      await sleep(50);
    }
    clearInterval(probe);
    await dispatcher.stop();
    await scheduler.stop();

    // Mail lateness: the outbox row's commit time, by the X-Certflow-Outbox header.
    const rows = await pg.sql<{ id: string; ms: number }[]>`
      select id, (extract(epoch from created_at) * 1000)::float8 as ms from outbox
      where kind = 'notify'`;
    const createdAt = new Map(rows.map((r) => [r.id, r.ms]));
    const mails = sink.mails.flatMap((m, n) => {
      const header = m.headers.get('x-certflow-outbox');
      const id = typeof header === 'string' ? header : '';
      const at = mailArrivals[n];
      const made = createdAt.get(id);
      return at === undefined || made === undefined ? [] : [{ at, lateness: at - made }];
    });
    const [delivered] = await pg.sql<{ n: number }[]>`
      select count(*)::int as n from webhook_deliveries where status = 'delivered'`;
    const hooks = figures(hookArrivals, events);
    const relay = figures(mails, rows.length);
    return report(sizes, hooks, relay, {
      writeMs,
      delivered: delivered?.n ?? 0,
      oldestOtherTx,
    });
  } finally {
    clearInterval(probe);
    await dispatcher?.stop();
    await scheduler?.stop();
    receiver.closeAllConnections();
    await new Promise<void>((r) => receiver.close(() => r()));
    await sink.close();
    await pg.drop();
  }
}

function report(
  sizes: WebhookBenchSizes,
  hooks: PathFigures,
  relay: PathFigures,
  run: { writeMs: number; delivered: number; oldestOtherTx: number },
): SectionResult {
  const load =
    `${fmt.count(sizes.instances)} pilot projects on ${sizes.clients} clients, each started ` +
    `then APPROVE → RETURN → RESUBMIT (${fmt.count(hooks.expected)} feed events, ` +
    `${fmt.count(relay.expected)} notify mails; commands took ${fmt.num(run.writeMs / 1000)} s)`;
  const method =
    `${load}. Webhooks: WebhookDispatcher at production settings (concurrency 4, poll 1 s, ` +
    `nudged after each command) to a node:http receiver on loopback answering 204; lateness ` +
    `= arrival − the event's occurredAt. Baseline: the mail relay in the same run — ` +
    `InProcessScheduler (maxSleep 2 s, nudged after each command) → createMail's notify ` +
    `handler → SMTP to a local smtp-server sink; lateness = receipt − the outbox row's ` +
    `created_at. Rates are arrivals ÷ (last − first arrival).`;
  const row = (measure: string, value: string, baseline: string, ratio: number): ResultRow => ({
    section: '8 webhooks',
    measure,
    value,
    baseline: `${baseline} mail relay`,
    ratio: fmt.ratio(ratio),
    target: '—',
    verdict: hooks.count >= hooks.expected ? 'info' : 'missed',
    method,
  });
  const rows: ResultRow[] = [
    row(
      `webhook deliveries/s (${fmt.count(hooks.count)} of ${fmt.count(hooks.expected)} events)`,
      fmt.rate(hooks.perSecond),
      fmt.rate(relay.perSecond),
      hooks.perSecond / relay.perSecond,
    ),
    row(
      'lateness p50, commit → receiver',
      fmt.ms(hooks.p50),
      fmt.ms(relay.p50),
      hooks.p50 / relay.p50,
    ),
    row(
      'lateness p99, commit → receiver',
      fmt.ms(hooks.p99),
      fmt.ms(relay.p99),
      hooks.p99 / relay.p99,
    ),
  ];
  const notes: Note[] = [
    {
      title: '8 webhooks: what was delivered',
      body:
        `${fmt.count(hooks.count)} webhook arrivals for ${fmt.count(hooks.expected)} feed events ` +
        `(${fmt.count(run.delivered)} deliveries recorded delivered), ${fmt.count(relay.count)} ` +
        `mails for ${fmt.count(relay.expected)} notify rows. One subscription is one line: at ` +
        `most 4 attempts in flight, each waiting for the previous event of its instance. The ` +
        `oldest transaction (with an xid) seen open in another database of the cluster during ` +
        `the run: ${fmt.num(run.oldestOtherTx)} s — the change feed, and so every webhook, ` +
        `waits for such a transaction to end (docs/embedding.md § Webhooks under faults).`,
    },
  ];
  return { rows, notes };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await measureWebhooks({
    instances: Number(process.argv[2] ?? 200),
    clients: Number(process.argv[3] ?? 4),
  });
  for (const row of r.rows)
    console.log(`${row.measure}: ${row.value} (${row.baseline}) ${row.ratio}`);
  for (const n of r.notes) console.log(`${n.title}: ${n.body}`);
}
