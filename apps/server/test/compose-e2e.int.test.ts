import { execFile } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CertflowClient } from '@certflow/client';
import { createTestPostgres, type TestPostgres } from '@certflow/db/testing';
import { dnsZone, startSmtpSink, type SmtpSink } from '@certflow/mail/testing';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenService } from '../src/index.js';
import {
  buildImage,
  composeEnvironment,
  freePort,
  ROOT,
  runNode,
  until,
  type Running,
} from './support/built-app.js';

const PUBLIC_URL = 'https://certflow.pilot.example.edu.cn';
const REPLY_DOMAIN = 'reply.pilot.example.edu.cn';
const JWT_SECRET = randomBytes(32).toString('base64url');
const MAIL_SECRET = randomBytes(32).toString('hex');

/** The school's directory as its identity system exports it (imported with the CLI). */
const STAFF = {
  colleges: [{ id: 'ee', name: '电子工程学院' }],
  users: [
    {
      id: 'T-owner',
      name: '张老师',
      email: 'owner@example.edu.cn',
      roles: ['project_owner'],
      college: 'ee',
    },
    {
      id: 'T-lead',
      name: '李院长',
      email: 'lead@example.edu.cn',
      roles: ['college_lead'],
      college: 'ee',
    },
    { id: 'T-aa', name: '王处长', email: 'aa@example.edu.cn', roles: ['academic_affairs'] },
    { id: 'T-leader', name: '钱校长', email: 'leader@example.edu.cn', roles: ['leadership'] },
    { id: 'T-audit', name: '吴审计', email: 'audit@example.edu.cn', roles: ['auditor'] },
  ],
};

/** The school's mail domain signs with DKIM and publishes DMARC p=reject (served over UDP). */
const dkim = generateKeyPairSync('rsa', { modulusLength: 2048 });
const zone = dnsZone({
  'mail2026._domainkey.example.edu.cn': [`v=DKIM1; k=rsa; p=${dnsZone.publicKey(dkim.publicKey)}`],
  '_dmarc.example.edu.cn': ['v=DMARC1; p=reject'],
  'example.edu.cn': ['v=spf1 ip4:192.0.2.1 -all'],
});

type ParsedMail = SmtpSink['mails'][number];

/** Every URL in a mail: the text's and the HTML's `href`s. */
function linksIn(mail: ParsedMail): string[] {
  const text = [...(mail.text ?? '').matchAll(/https?:\/\/[^\s<>"'）)]+/gu)].map((m) => m[0]);
  const html = [...String(mail.html || '').matchAll(/href="([^"]+)"/gu)].map((m) => m[1] ?? '');
  return [...text, ...html];
}

describe('the compose environment, on this machine without Docker', () => {
  let pg: TestPostgres;
  let sink: SmtpSink;
  let dns: Awaited<ReturnType<typeof zone.serve>>;
  let server: Running | undefined;
  let worker: Running | undefined;
  let env: Record<string, string>;
  let api: string;
  let inboundPort: number;
  const work = mkdtempSync(join(tmpdir(), 'certflow-e2e-'));

  beforeAll(async () => {
    pg = await createTestPostgres();
    sink = await startSmtpSink();
    dns = await zone.serve();
    const serverMain = buildImage('@certflow/server', join(work, 'server'));
    const workerMain = buildImage('@certflow/worker', join(work, 'worker'));
    const [port, health] = [await freePort(), await freePort()];
    inboundPort = await freePort();
    // compose's own environment for each service, with this machine's addresses for its neighbours.
    const composeEnv: NodeJS.ProcessEnv = {
      ...process.env,
      CERTFLOW_JWT_SECRET: JWT_SECRET,
      CERTFLOW_MAIL_SECRET: MAIL_SECRET,
      CERTFLOW_PUBLIC_URL: PUBLIC_URL,
      MAIL_REPLY_DOMAIN: REPLY_DOMAIN,
    };
    const local = {
      DATABASE_URL: pg.url,
      REDIS_URL: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
      REDIS_PREFIX: `cf-e2e-${randomBytes(4).toString('hex')}`,
      SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
      MAIL_DNS_SERVERS: dns.address,
    };
    const serverEnv: Record<string, string> = {
      ...composeEnvironment('server', composeEnv),
      ...local,
      HOST: '127.0.0.1',
      PORT: String(port),
      CERTFLOW_DATA_DIR: join(work, 'server-data'),
      MAIL_INBOUND_HOST: '127.0.0.1',
      MAIL_INBOUND_PORT: String(inboundPort),
    };
    const workerEnv: Record<string, string> = {
      ...composeEnvironment('worker', composeEnv),
      ...local,
      WORKER_HEALTH_PORT: String(health),
      CERTFLOW_DATA_DIR: join(work, 'worker-data'),
    };
    env = serverEnv;
    expect(serverEnv['CERTFLOW_PUBLIC_URL']).toBe(PUBLIC_URL);
    expect(workerEnv['CERTFLOW_PUBLIC_URL']).toBe(PUBLIC_URL);
    server = runNode(serverMain, serverEnv);
    api = `http://127.0.0.1:${port}`;
    await until(
      'the server',
      async () => ((await fetch(`${api}/healthz`)).ok ? true : undefined),
      60_000,
    ).catch((e: unknown) => {
      throw new Error(`${String(e)}\n${server?.output() ?? ''}`);
    });
    worker = runNode(workerMain, workerEnv);
    await until(
      'the worker',
      async () => ((await fetch(`http://127.0.0.1:${health}/healthz`)).ok ? true : undefined),
      60_000,
    ).catch((e: unknown) => {
      throw new Error(`${String(e)}\n${worker?.output() ?? ''}`);
    });
  }, 600_000);

  afterAll(async () => {
    for (const p of [worker, server]) {
      if (p && p.child.exitCode === null) {
        p.child.kill('SIGTERM');
        await p.exited;
      }
    }
    await dns?.close();
    await sink?.close();
    await pg?.drop();
    rmSync(work, { recursive: true, force: true });
  });

  it('approves a pilot project partly by mail link, partly by an authenticated reply; every link points at CERTFLOW_PUBLIC_URL', async () => {
    // 1. 教务处 imports the directory with the CLI, against the running server's database.
    const file = join(work, 'staff.json');
    writeFileSync(file, JSON.stringify(STAFF));
    const cli = await promisify(execFile)('pnpm', ['certflow', 'users', 'import', file], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    expect(cli.stdout).toContain('人员目录已导入 / directory imported');
    expect(cli.stdout).toContain('新增 created 5');

    const tokens = new TokenService(JWT_SECRET);
    const as = async (id: string) => {
      const p = STAFF.users.find((u) => u.id === id)!;
      return new CertflowClient({ baseUrl: api }).as(
        await tokens.sign(
          {
            sub: p.id,
            name: p.name,
            email: p.email,
            roles: p.roles as never,
            ...(p.college ? { college: p.college } : {}),
          },
          600,
        ),
      );
    };
    const aa = await as('T-aa');
    await aa.putQuota(2027, 'ee', { scale: 100, budget: 10_000_000 });

    // 2. 张老师 applies; the worker mails 李院长.
    const app = await (
      await as('T-owner')
    ).startInstance('pilot-project', {
      year: 2027,
      collegeId: 'ee',
      certificate: { code: 'WEB-FE', name: 'Web前端开发', level: 'intermediate' },
      evaluationOrg: '工信部教育与考试中心',
      scale: 40,
      budget: { consumables: 200_000, certificateFees: 400_000, examinerFees: 150_000 },
    });
    const toLead = await until(
      'the college lead’s notice',
      async () => sink.to('lead@example.edu.cn')[0],
    );
    const approve = /^同意：(\S+)$/mu.exec(toLead.text ?? '')?.[1] ?? '';
    expect(approve.startsWith(`${PUBLIC_URL}/mail/actions/`)).toBe(true);

    // 3. 李院长 approves by the mail link: the page (changes nothing), then the form.
    const local = approve.replace(PUBLIC_URL, api);
    const page = await fetch(local);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/u);
    expect((await aa.getInstance(app.id)).state).toBe('collegeReview');
    const decided = await fetch(local, {
      method: 'POST',
      body: new URLSearchParams({ comment: '材料齐全，同意申报' }),
    });
    expect(decided.status).toBe(200);
    expect((await aa.getInstance(app.id)).state).toBe('academicReview');

    // 4. 王处长 approves by replying to the notice, DKIM-signed by the school's mail server.
    const toAa = await until(
      'academic affairs’ notice',
      // (not the calendar's weekly 「请导入…年节假日安排」, which 教务处 also gets from November)
      async () => sink.to('aa@example.edu.cn').find((m) => /【待审批】/u.test(m.subject ?? '')),
    );
    const replyTo = toAa.replyTo?.value[0]?.address ?? '';
    expect(replyTo.endsWith(`@${REPLY_DOMAIN}`)).toBe(true);
    const school = nodemailer.createTransport({
      host: '127.0.0.1',
      port: inboundPort,
      secure: false,
      ignoreTLS: true,
      dkim: {
        domainName: 'example.edu.cn',
        keySelector: 'mail2026',
        privateKey: dkim.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      },
    });
    await school.sendMail({
      from: '王处长 <aa@example.edu.cn>',
      to: replyTo,
      subject: `回复：${toAa.subject}`,
      text: '同意\n符合年度计划。\n\n> 尊敬的王处长老师：',
      inReplyTo: toAa.messageId!,
      references: [toAa.messageId!],
    });
    const atLeadership = await until('the reply’s decision', async () => {
      const v = await aa.getInstance(app.id);
      return v.state === 'leadershipReview' ? v : undefined;
    });

    // 5. The 领导小组 decides every project (第六条2) — in the console or the API, not by mail.
    const done = await (
      await as('T-leader')
    ).sendEvent(
      app.id,
      { type: 'APPROVE', comment: '同意实施' },
      { ifMatch: atLeadership.version },
    );
    expect(done).toMatchObject({ state: 'approved', status: 'completed' });
    const history = (await (await as('T-audit')).history(app.id)).items;
    expect(history.map((h) => [h.event, h.actorId, h.actorName, h.comment])).toEqual([
      ['START', 'T-owner', '张老师', null],
      ['APPROVE', 'T-lead', '李院长', '材料齐全，同意申报'],
      ['APPROVE', 'T-aa', '王处长', '符合年度计划。'],
      ['APPROVE', 'T-leader', '钱校长', '同意实施'],
    ]);
    expect((await (await as('T-audit')).verify(app.id)).ok).toBe(true);

    // 6. Every mail either process sent: links on CERTFLOW_PUBLIC_URL, ids on its host.
    await until('the applicant’s decision mail', async () =>
      sink.to('owner@example.edu.cn').find((m) => /【已通过】/u.test(m.subject ?? '')),
    );
    await until('the reply’s answer', async () =>
      sink.to('aa@example.edu.cn').find((m) => /【已办理】/u.test(m.subject ?? '')),
    );
    const links = sink.mails.flatMap(linksIn);
    expect(sink.mails.length).toBeGreaterThanOrEqual(4);
    expect(links.length).toBeGreaterThan(3);
    expect(links.filter((l) => !l.startsWith(`${PUBLIC_URL}/`))).toEqual([]);
    expect(
      sink.mails
        .map((m) => m.messageId)
        .filter((id) => !id?.endsWith('@certflow.certflow.pilot.example.edu.cn>')),
    ).toEqual([]);
  }, 120_000);

  it('stops both processes cleanly on SIGTERM', async () => {
    for (const p of [worker, server]) {
      p?.child.kill('SIGTERM');
      expect(await p?.exited).toBe(0);
    }
  }, 60_000);
});
