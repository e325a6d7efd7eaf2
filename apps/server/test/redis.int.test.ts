import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { CertflowClient } from '@certflow/client';
import { createTestPostgres, type TestPostgres } from '@certflow/db/testing';
import { people } from '@certflow/pilot/testing';
import { BullmqScheduler } from '@certflow/queue';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeRuntime, loadConfig, type Runtime } from '../src/index.js';
import { outboxHandlers } from '../src/runtime/background.js';
import { claimsOf } from './support/api-world.js';

/**
 * The production configuration: PostgreSQL + Redis. The API writes rows and nudges BullMQ (a
 * producer only); a BullMQ worker — what apps/worker runs — delivers the mail.
 */
describe('the API on PostgreSQL + Redis (BullMQ), delivered by a worker', () => {
  let pg: TestPostgres;
  let runtime: Runtime;
  let worker: BullmqScheduler;
  let server: ServerType;
  let url: string;
  const dataDir = mkdtempSync(join(tmpdir(), 'certflow-redis-'));
  const prefix = `cf-api-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    pg = await createTestPostgres();
    const config = loadConfig({
      REDIS_PREFIX: prefix,
      CERTFLOW_MAIL_SECRET: 'redis-test-mail-secret-0123456789abcdef',
      CERTFLOW_PUBLIC_URL: 'https://certflow.example.edu.cn',
      DATABASE_URL: pg.url,
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      CERTFLOW_JWT_SECRET: 'redis-test-jwt-secret-0123456789-abcdefgh',
      CERTFLOW_DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
    });
    runtime = await composeRuntime(config, pino({ level: 'silent' }));
    for (const p of Object.values(people)) {
      await runtime.handle.directory.upsertUser({
        ...p,
        roles: [...p.roles],
        college: 'college' in p ? p.college : null,
      });
    }
    worker = new BullmqScheduler({
      engine: runtime.engine,
      store: runtime.handle.store,
      dispatch: runtime.handle.dispatch,
      clock: { now: () => new Date() },
      handlers: outboxHandlers(runtime.background.mail, runtime.handle),
      redisUrl: config.redisUrl ?? '',
      prefix,
      reconcileEveryMs: 0,
    });
    await worker.start();
    server = await new Promise((resolve) => {
      const s = serve({ fetch: runtime.app.fetch, port: 0, hostname: '127.0.0.1' }, () =>
        resolve(s),
      );
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    await worker?.stop();
    await runtime?.close();
    await pg?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('approves an application over HTTP; every notification is mailed once by the worker', async () => {
    const as = async (who: keyof typeof people) =>
      new CertflowClient({ baseUrl: url }).as(await runtime.tokens.sign(claimsOf(who), 600));
    const owner = await as('owner');
    const started = await owner.startInstance('pilot-project', {
      year: 2027,
      collegeId: 'ee',
      certificate: { code: 'WEB-FE', name: 'Web前端开发', level: 'intermediate' },
      evaluationOrg: '工信部教育与考试中心',
      scale: 40,
      budget: { consumables: 1, certificateFees: 1, examinerFees: 1 },
    });
    const lead = await as('collegeLead');
    await lead.sendEvent(started.id, { type: 'APPROVE' }, { ifMatch: 1 });
    const academic = await as('academic');
    const leader = await as('leader');
    let view = await academic.sendEvent(started.id, { type: 'APPROVE' }, { ifMatch: 2 });
    if (view.state === 'leadershipReview')
      view = await leader.sendEvent(started.id, { type: 'APPROVE' }, { ifMatch: 3 });
    expect(view.status).toBe('completed');

    const pending = async () =>
      (
        await pg.sql<
          { n: number }[]
        >`select count(*)::int as n from outbox where status <> 'delivered'`
      )[0]!.n;
    for (let i = 0; i < 150 && (await pending()) > 0; i += 1)
      await new Promise((r) => setTimeout(r, 100));
    expect(await pending()).toBe(0);
    const notify = (
      await pg.sql<{ n: number }[]>`select count(*)::int as n from outbox where kind = 'notify'`
    )[0]!.n;
    const sent = (await pg.sql<{ n: number }[]>`select count(*)::int as n from mail_messages`)[0]!
      .n;
    expect(notify).toBeGreaterThan(2);
    expect(sent).toBe(notify);
    expect(readdirSync(join(dataDir, 'mail')).filter((f) => f.endsWith('.eml'))).toHaveLength(
      notify,
    );
  });
});
