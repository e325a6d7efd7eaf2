import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import type { ParsedMail } from 'mailparser';
import { createTestPostgres, type TestPostgres } from '@certflow/db/testing';
import { pilotProjectFlow } from '@certflow/pilot';
import { people, projectApplication } from '@certflow/pilot/testing';
import { mintToken, tokenRow } from './action-token.js';
import { startInboundServer, type InboundServer } from './inbound-server.js';
import { replyAddress } from './mail-links.js';
import { createReplyAuthenticator } from './reply-authentication.js';
import { createReplyProcessor, type ReplyOutcome } from './reply-processor.js';
import { dnsZone, type DnsZone } from './testing/dns-zone.js';
import { startSmtpSink, type SmtpSink } from './testing/smtp-sink.js';
import { mailWorld, PUBLIC_HOST, REPLY_DOMAIN, type MailWorld } from './testing/mail-world.js';

let pg: TestPostgres;
let sink: SmtpSink;
let w: MailWorld;
let inbound: InboundServer;
let relayed: InboundServer;
const outcomes: ReplyOutcome[] = [];

/** The school's DKIM key (selector `mail2026`), and a stranger's for its own domain. */
const key = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
const school = key();
const stranger = key();
/**
 * DNS as mailauth sees it, served through its resolver option: example.edu.cn signs with DKIM and
 * publishes DMARC p=reject; its SPF allows no host here, so only a valid aligned signature passes.
 */
const zone: DnsZone = dnsZone({
  'mail2026._domainkey.example.edu.cn': [
    `v=DKIM1; k=rsa; p=${dnsZone.publicKey(school.publicKey)}`,
  ],
  '_dmarc.example.edu.cn': ['v=DMARC1; p=reject; adkim=r; aspf=r'],
  'example.edu.cn': ['v=spf1 ip4:192.0.2.1 -all'],
  's1._domainkey.evil.example.com': [`v=DKIM1; k=rsa; p=${dnsZone.publicKey(stranger.publicKey)}`],
});
const pem = (k: ReturnType<typeof key>) =>
  k.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const signedBy = {
  school: { domainName: 'example.edu.cn', keySelector: 'mail2026', privateKey: pem(school) },
  stranger: { domainName: 'evil.example.com', keySelector: 's1', privateKey: pem(stranger) },
};

beforeAll(async () => {
  pg = await createTestPostgres();
  sink = await startSmtpSink();
  w = await mailWorld(pg, sink, { flows: [pilotProjectFlow], replyDomain: REPLY_DOMAIN });
  const process = createReplyProcessor({
    store: w.mailStore,
    keys: w.keys,
    engine: w.engine,
    directory: pg.directory,
    transport: w.transport,
    from: '教务处 <noreply@example.edu.cn>',
    replyDomain: REPLY_DOMAIN,
    publicHost: PUBLIC_HOST,
    clock: w.clock,
  });
  const record = async (mail: Parameters<typeof process>[0]) => {
    const outcome = await process(mail);
    outcomes.push(outcome);
    return outcome;
  };
  inbound = await startInboundServer({
    port: 0,
    replyDomain: REPLY_DOMAIN,
    process: record,
    authenticate: createReplyAuthenticator({
      mode: 'dmarc',
      trustedRelays: [],
      dnsServers: [],
      resolver: zone.resolve,
    }),
  });
  // A campus relay that does not sign: mail from its address counts as authenticated.
  relayed = await startInboundServer({
    port: 0,
    replyDomain: REPLY_DOMAIN,
    process: record,
    authenticate: createReplyAuthenticator({
      mode: 'dmarc',
      trustedRelays: ['127.0.0.1'],
      dnsServers: [],
      resolver: zone.resolve,
    }),
  });
});
afterAll(async () => {
  await inbound.close();
  await relayed.close();
  await sink.close();
  await pg.drop();
});

type Signer = keyof typeof signedBy | 'none';

/** A mail client sending to the inbound endpoint over SMTP, DKIM-signing as the school by default. */
const client = (signer: Signer = 'school', port = inbound.port) =>
  nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
    ...(signer === 'none' ? {} : { dkim: signedBy[signer] }),
  });

async function reply(
  to: ParsedMail,
  options: {
    from: string;
    text: string;
    messageId?: string;
    inReplyTo?: string | null;
    toAddress?: string;
    signer?: Signer;
    port?: number;
  },
): Promise<ReplyOutcome> {
  const before = outcomes.length;
  sink.clear();
  await client(options.signer, options.port).sendMail({
    from: options.from,
    to: options.toAddress ?? to.replyTo!.value[0]!.address!,
    subject: `回复：${to.subject}`,
    text: options.text,
    messageId: options.messageId ?? `<${crypto.randomUUID()}@mail.example.edu.cn>`,
    ...(options.inReplyTo === null
      ? {}
      : { inReplyTo: options.inReplyTo ?? to.messageId!, references: [to.messageId!] }),
  });
  expect(outcomes).toHaveLength(before + 1);
  return outcomes[before]!;
}

async function started() {
  sink.clear();
  const view = await w.engine.start('pilot-project', projectApplication(), people.owner);
  await w.drain();
  return { id: view.id, mail: sink.to(people.collegeLead.email)[0]! };
}

const state = async (id: string) => {
  const v = await w.engine.get(id);
  return { state: v.state, version: v.version };
};

/** The one answer the endpoint sent back to `address`. */
function answer(address: string): ParsedMail {
  const mails = sink.to(address);
  expect(mails).toHaveLength(1);
  return mails[0]!;
}

describe('approval by reply mail over SMTP', () => {
  it('an accepted reply applies once; the same mail delivered again applies nothing and is answered', async () => {
    const { id, mail } = await started();
    const text =
      '同意\n材料齐全，同意申报。\n\n在 2026年11月2日 09:00，教务处 写道：\n> 尊敬的李院长：';
    const messageId = '<first-reply@mail.example.edu.cn>';
    expect(await reply(mail, { from: people.collegeLead.email, text, messageId })).toMatchObject({
      status: 'applied',
      decision: 'APPROVE',
    });
    expect((await state(id)).state).toBe('academicReview');
    const history = await w.engine.history(id);
    expect(history.at(-1)).toMatchObject({
      event: 'APPROVE',
      actorId: people.collegeLead.id,
      comment: '材料齐全，同意申报。',
    });
    const ok = answer(people.collegeLead.email);
    expect(ok.subject).toMatch(/^【已办理】Re: /u);
    expect(ok.text).toContain('已按您的回复办理：同意');
    expect(ok.inReplyTo).toBe(messageId);
    expect(ok.headers.get('auto-submitted')).toBe('auto-replied');

    const after = await state(id);
    expect(await reply(mail, { from: people.collegeLead.email, text, messageId })).toEqual({
      status: 'duplicate',
    });
    expect(await state(id)).toEqual(after);
    expect(answer(people.collegeLead.email).text).toContain('该邮件已处理过，未重复办理');

    // a second, different reply to the same notice: the task is already decided
    expect(await reply(mail, { from: people.collegeLead.email, text: '驳回' })).toMatchObject({
      status: 'refused',
    });
    expect(await state(id)).toEqual(after);
  });

  it('a reply from another address changes nothing, and no stranger is answered (no backscatter)', async () => {
    const { id, mail } = await started();
    const before = await state(id);
    const outcome = await reply(mail, {
      from: 'attacker@example.com',
      text: '同意',
      signer: 'none',
    });
    expect(outcome).toEqual({ status: 'refused', reason: 'SENDER_MISMATCH' });
    expect(await state(id)).toEqual(before);
    expect(sink.mails).toEqual([]);
    // even the other college lead (who holds the same role) cannot use 李院长's address
    expect(await reply(mail, { from: people.collegeLead2.email, text: '同意' })).toMatchObject({
      reason: 'SENDER_MISMATCH',
    });
    expect(await state(id)).toEqual(before);
    expect(sink.mails).toEqual([]);
    // a forged or stale reply address: nothing applied, nobody answered
    const forgedTo = mail.replyTo!.value[0]!.address!.replace(/\+([a-z0-9])/u, '+x$1');
    expect(
      await reply(mail, { from: people.collegeLead.email, text: '同意', toAddress: forgedTo }),
    ).toMatchObject({
      status: 'refused',
      reason: 'TOKEN_INVALID',
    });
    expect(sink.mails).toEqual([]);
  });

  it('refuses a reply whose From is not authenticated: unsigned, signed by another domain, or altered', async () => {
    const { id, mail } = await started();
    const before = await state(id);
    for (const signer of ['none', 'stranger'] as const) {
      expect(await reply(mail, { from: people.collegeLead.email, text: '同意', signer })).toEqual({
        status: 'refused',
        reason: 'NOT_AUTHENTICATED',
      });
      expect(await state(id)).toEqual(before);
      // The approver — the From a forger used — is told at their directory address.
      expect(answer(people.collegeLead.email).text).toContain('未通过 DKIM/SPF/DMARC 发件人认证');
    }
    // A school-signed reply altered on the way (the body no longer matches the signature).
    const signed = await nodemailer
      .createTransport({ streamTransport: true, buffer: true, dkim: signedBy.school })
      .sendMail({
        from: people.collegeLead.email,
        to: mail.replyTo!.value[0]!.address!,
        subject: `回复：${mail.subject}`,
        text: '驳回',
        messageId: '<altered@mail.example.edu.cn>',
        inReplyTo: mail.messageId!,
        references: [mail.messageId!],
      });
    const altered = (signed.message as Buffer)
      .toString('utf8')
      .replace(/=E9=A9=B3=E5=9B=9E|驳回|6amz5Zue/u, (m) =>
        m === '驳回' ? '同意' : m === '6amz5Zue' ? '5ZCM5oSP' : '=E5=90=8C=E6=84=8F',
      );
    expect(altered).not.toBe((signed.message as Buffer).toString('utf8'));
    sink.clear();
    const n = outcomes.length;
    await client('none').sendMail({
      envelope: { from: people.collegeLead.email, to: mail.replyTo!.value[0]!.address! },
      raw: altered,
    });
    expect(outcomes[n]).toEqual({ status: 'refused', reason: 'NOT_AUTHENTICATED' });
    expect(await state(id)).toEqual(before);
    // The same reply, signed by the school and unaltered, is applied.
    expect(await reply(mail, { from: people.collegeLead.email, text: '同意' })).toMatchObject({
      status: 'applied',
    });
  });

  it('takes unsigned replies from a trusted campus relay', async () => {
    const { id, mail } = await started();
    expect(
      await reply(mail, {
        from: people.collegeLead.email,
        text: '同意',
        signer: 'none',
        port: relayed.port,
      }),
    ).toMatchObject({
      status: 'applied',
      decision: 'APPROVE',
    });
    expect((await state(id)).state).toBe('academicReview');
  });

  it('unparseable and ambiguous replies change nothing and are answered with the rule', async () => {
    const { id, mail } = await started();
    const before = await state(id);
    const cases: Array<[string, string]> = [
      ['好的，没问题', 'NO_DECISION'],
      ['不同意', 'NO_DECISION'],
      ['同意退回', 'NO_DECISION'],
      ['同意，但建议驳回', 'AMBIGUOUS'],
      ['\n\n> 尊敬的李院长：', 'EMPTY'],
      ['驳回', 'REASON_REQUIRED'],
      ['退回\n\n> 尊敬的李院长：', 'REASON_REQUIRED'],
    ];
    for (const [text, reason] of cases) {
      expect(await reply(mail, { from: people.collegeLead.email, text })).toEqual({
        status: 'refused',
        reason,
      });
      expect(answer(people.collegeLead.email).subject).toMatch(/^【未办理】/u);
    }
    expect(await state(id)).toEqual(before);
    // then a clear reply still works: the token was not spent by the refusals
    expect(
      await reply(mail, {
        from: people.collegeLead.email,
        text: 'RETURN\nPlease add the teacher list.',
      }),
    ).toMatchObject({
      status: 'applied',
      decision: 'RETURN',
    });
    expect((await state(id)).state).toBe('returned');
  });

  it('a mail that does not answer the notice, and a reply address for a leadership step, are refused', async () => {
    const { id, mail } = await started();
    const before = await state(id);
    expect(
      await reply(mail, { from: people.collegeLead.email, text: '同意', inReplyTo: null }),
    ).toMatchObject({
      reason: 'NOT_A_REPLY',
    });
    expect(await state(id)).toEqual(before);

    // Walk to 领导小组 (no quota on file): its notice carries no reply address at all …
    await w.engine.send(id, { type: 'APPROVE' }, people.collegeLead);
    await w.engine.send(id, { type: 'APPROVE' }, people.academic);
    sink.clear();
    await w.drain();
    const leader = sink.to(people.leader.email)[0]!;
    expect(leader.replyTo).toBeUndefined();
    // … and a validly signed one, had it existed, is refused by the step's replyAllowed: false.
    const task = (await w.engine.get(id)).tasks[0]!;
    const claims = {
      purpose: 'reply' as const,
      instanceId: id,
      taskId: task.id,
      approverId: people.leader.id,
      decision: null,
      expiresAt: new Date(w.clock.now().getTime() + 86_400_000),
    };
    const token = mintToken(w.keys, claims, 'leadership-probe');
    await w.mailStore.insertTokens([
      tokenRow(w.keys, token, claims, 'leadership-probe', w.clock.now()),
    ]);
    const leaderState = await state(id);
    const outcome = await reply(leader, {
      from: people.leader.email,
      text: '同意',
      toAddress: replyAddress(token, REPLY_DOMAIN),
    });
    expect(outcome).toEqual({ status: 'refused', reason: 'REPLY_NOT_ALLOWED' });
    expect(await state(id)).toEqual(leaderState);
    expect(answer(people.leader.email).text).toContain('不能通过回复邮件办理');
  });

  it('the endpoint refuses unknown recipients at RCPT TO', async () => {
    await expect(
      client('none').sendMail({
        from: people.collegeLead.email,
        to: `someone@${REPLY_DOMAIN}`,
        subject: 'x',
        text: '同意',
      }),
    ).rejects.toMatchObject({ responseCode: 550 });
  });
});
