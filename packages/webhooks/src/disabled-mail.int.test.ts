import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMailStore, outbox } from '@certflow/db';
import { createTestPostgres, type TestPostgres } from '@certflow/db/testing';
import { createMail, mailConfigFromEnv, type Mail } from '@certflow/mail';
import { startSmtpSink, type SmtpSink } from '@certflow/mail/testing';
import { deliverOutbox, defaultRetryPolicy } from '@certflow/queue';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEBHOOK_DISABLED_OUTBOX_KIND } from './disabled-mail.js';
import { WebhookDispatcher } from './dispatcher.js';
import { webhookStore } from './subscriptions.js';
import { reviewWorld, type ReviewWorld } from './testing/review-world.js';

// A subscription disabled after persistent failure mails its owner (docs/http-api.md § Webhooks):
// the row is written with the disabling, relayed by the outbox relay (`deliverOutbox`) to the
// mail handler, and over real SMTP to a sink — once, however often the row is delivered.

const PUBLIC_URL = 'https://certflow.example.edu.cn';
const admin = { id: 'u-aa', name: '王处长', email: 'wang@example.edu.cn' };

let pg: TestPostgres;
let world: ReviewWorld;
let sink: SmtpSink;
let server: Server;
let url = '';
let relay: (id: string) => ReturnType<typeof deliverOutbox>;
let mail: Mail;

beforeAll(async () => {
  pg = await createTestPostgres();
  sink = await startSmtpSink();
  world = await reviewWorld(pg);
  await pg.directory.upsertUser({ ...admin, roles: ['academic_affairs'], college: null });
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(500).end('receiver down'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  // As apps/server and apps/worker wire it: createMail over SMTP, its `webhookDisabled` handler.
  mail = createMail(
    mailConfigFromEnv({
      SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
      MAIL_FROM: '教务处 <noreply@example.edu.cn>',
      CERTFLOW_PUBLIC_URL: PUBLIC_URL,
      CERTFLOW_MAIL_SECRET: 'k1=0123456789abcdef0123456789abcdef',
    }),
    { store: createMailStore(pg.db), engine: world.engine, directory: pg.directory },
  );
  relay = (id) =>
    deliverOutbox(
      {
        engine: world.engine,
        dispatch: pg.dispatch,
        clock: { now: () => new Date() },
        handlers: { [WEBHOOK_DISABLED_OUTBOX_KIND]: mail.webhookDisabled },
        retry: defaultRetryPolicy,
      },
      id,
      0,
    );
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await sink?.close();
  await pg?.drop();
});

async function until(what: string, check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const mailRows = () =>
  pg.db.select().from(outbox).where(eq(outbox.kind, WEBHOOK_DISABLED_OUTBOX_KIND));

/** Runs the dispatcher until the subscriptions are disabled (3 failed attempts of one delivery). */
async function failUntilDisabled(...subscriptionIds: string[]): Promise<void> {
  const dispatcher = new WebhookDispatcher({
    db: pg.db,
    allowPrivate: true,
    pollMs: 20,
    retry: { baseMs: 10, maxMs: 20, jitter: 0, maxAttempts: 3 },
  });
  dispatcher.start();
  try {
    await world.review('申报');
    await until('disabled', async () => {
      const subs = await webhookStore(pg.db).list();
      return subs.every((s) => !subscriptionIds.includes(s.id) || !s.active);
    });
  } finally {
    await dispatcher.stop();
  }
}

describe('the mail to the owner of a disabled webhook', () => {
  it('is written with the disabling, relayed to SMTP once, and names the URL, the errors and the way back', async () => {
    const store = webhookStore(pg.db);
    const sub = await store.create({
      url,
      secret: 'disabled-mail-secret-0123456789abcdef',
      description: '教务系统同步',
      ownerId: admin.id,
      ownerEmail: 'old-address@example.edu.cn',
    });
    await failUntilDisabled(sub.id);
    const rows = await mailRows();
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toMatchObject({ status: 'pending', instanceId: null });
    expect(row.payload).toMatchObject({
      subscription: { id: sub.id, url },
      owner: { id: admin.id },
      delivery: { attempts: 3, eventType: 'instance.started' },
    });

    // The relay delivers the row; a redelivery (the relay retried after a lost acknowledgement)
    // and a second relay pass send nothing more.
    expect(await relay(row.id)).toMatchObject({ outcome: 'delivered' });
    await mail.webhookDisabled({ ...row, status: 'pending' });
    expect(await relay(row.id)).toMatchObject({ outcome: 'skipped' });
    expect(sink.mails).toHaveLength(1);

    // To the owner's directory address (current), not the one recorded at subscribing.
    const [sent] = sink.to(admin.email);
    expect(sent).toBeDefined();
    expect(sent!.subject).toBe(`【已停用】Webhook 订阅 ${url} 持续投递失败 / Webhook disabled`);
    const text = sent!.text ?? '';
    expect(text.startsWith('尊敬的王处长：\n您好！\n您创建的 webhook 订阅因持续投递失败')).toBe(
      true,
    );
    expect(text).toContain(`· 接收地址：${url}`);
    expect(text).toContain('· 说明：教务系统同步');
    expect(text).toMatch(/连续失败 3 次/u);
    // The last errors: the receiver's status, newest first, three attempts.
    expect(text.match(/：HTTP 500\n/gu)).toHaveLength(3);
    expect(text).toContain(`PATCH ${PUBLIC_URL}/api/webhooks/${sub.id}，请求体 {"active": true}`);
    expect(text).toContain(`GET ${PUBLIC_URL}/api/webhooks/${sub.id}/deliveries`);
    expect(text).toContain(
      `POST ${PUBLIC_URL}/api/webhooks/${sub.id}/deliveries/<投递编号>/redeliver`,
    );
    expect(text.indexOf('重新启用')).toBeLessThan(text.indexOf('re-enable'));
    expect(sent!.html).toContain('lang="en"');
    expect(sent!.headers.get('auto-submitted')).toBe('auto-generated');
  });

  it('is mailed again when the subscription, re-enabled, is disabled again; not before', async () => {
    const store = webhookStore(pg.db);
    const [sub] = await store.list();
    await store.update(sub!.id, { active: true });
    expect(await mailRows()).toHaveLength(1);
    await failUntilDisabled(sub!.id);
    const rows = await mailRows();
    expect(rows).toHaveLength(2);
    const fresh = rows.find((r) => r.status === 'pending')!;
    expect(await relay(fresh.id)).toMatchObject({ outcome: 'delivered' });
    expect(sink.to(admin.email)).toHaveLength(2);
    expect(new Set(sink.mails.map((m) => m.messageId)).size).toBe(2);
  });

  it('falls back to the address recorded with the subscription; refuses, for good, an owner with none', async () => {
    const store = webhookStore(pg.db);
    const byMail = await store.create({
      url,
      secret: 'disabled-mail-secret-0123456789abcdef',
      ownerId: 'u-integration',
      ownerEmail: 'integration@example.edu.cn',
    });
    const nobody = await store.create({
      url,
      secret: 'disabled-mail-secret-0123456789abcdef',
      ownerId: 'u-ghost',
    });
    await failUntilDisabled(byMail.id, nobody.id);
    const rows = (await mailRows()).filter((r) => r.status === 'pending');
    const forMail = rows.find((r) => r.id.includes(byMail.id))!;
    const forNobody = rows.find((r) => r.id.includes(nobody.id))!;
    expect(await relay(forMail.id)).toMatchObject({ outcome: 'delivered' });
    const [sent] = sink.to('integration@example.edu.cn');
    expect(sent?.text).toContain('尊敬的u-integration：');
    expect(await relay(forNobody.id)).toMatchObject({
      outcome: 'failed',
      error: expect.stringContaining('MAIL_NO_RECIPIENT') as string,
    });
  });
});
