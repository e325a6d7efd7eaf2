import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import type { ParsedMail } from 'mailparser';
import { createTestPostgres, type TestPostgres } from '@certflow/db/testing';
import { pilotProjectFlow } from '@certflow/pilot';
import { people, projectApplication } from '@certflow/pilot/testing';
import { mintToken, tokenRow } from './action-token.js';
import { startInboundServer, type InboundServer } from './inbound-server.js';
import { replyAddress } from './mail-links.js';
import { createReplyProcessor, type ReplyOutcome } from './reply-processor.js';
import { startSmtpSink, type SmtpSink } from './testing/smtp-sink.js';
import { mailWorld, PUBLIC_HOST, REPLY_DOMAIN, type MailWorld } from './testing/mail-world.js';

let pg: TestPostgres;
let sink: SmtpSink;
let w: MailWorld;
let inbound: InboundServer;
const outcomes: ReplyOutcome[] = [];

beforeAll(async () => {
  pg = await createTestPostgres();
  sink = await startSmtpSink();
  w = await mailWorld(pg, sink, { flows: [pilotProjectFlow], replyDomain: REPLY_DOMAIN });
  const process = createReplyProcessor({
    store: w.mailStore,
    keys: w.keys,
    engine: w.engine,
    engineFor: w.engineFor,
    directory: pg.directory,
    transport: w.transport,
    from: '教务处 <noreply@example.edu.cn>',
    replyDomain: REPLY_DOMAIN,
    publicHost: PUBLIC_HOST,
    clock: w.clock,
  });
  inbound = await startInboundServer({
    port: 0,
    replyDomain: REPLY_DOMAIN,
    process: async (mail) => {
      const outcome = await process(mail);
      outcomes.push(outcome);
      return outcome;
    },
  });
});
afterAll(async () => {
  await inbound.close();
  await sink.close();
  await pg.drop();
});

/** A mail client sending to the inbound endpoint over SMTP. */
const client = () =>
  nodemailer.createTransport({
    host: '127.0.0.1',
    port: inbound.port,
    secure: false,
    ignoreTLS: true,
  });

async function reply(
  to: ParsedMail,
  options: {
    from: string;
    text: string;
    messageId?: string;
    inReplyTo?: string | null;
    toAddress?: string;
  },
): Promise<ReplyOutcome> {
  const before = outcomes.length;
  sink.clear();
  await client().sendMail({
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

  it('a reply from another address changes nothing and is answered without details', async () => {
    const { id, mail } = await started();
    const before = await state(id);
    const outcome = await reply(mail, { from: 'attacker@example.com', text: '同意' });
    expect(outcome).toEqual({ status: 'refused', reason: 'SENDER_MISMATCH' });
    expect(await state(id)).toEqual(before);
    const told = answer('attacker@example.com');
    expect(told.subject).toMatch(/^【未办理】/u);
    expect(told.text).toContain('发件邮箱不是该待办审批人的邮箱');
    expect(told.text).not.toContain('Web前端开发（中级）');
    // even the other college lead (who holds the same role) cannot use李院长's address
    expect(await reply(mail, { from: people.collegeLead2.email, text: '同意' })).toMatchObject({
      reason: 'SENDER_MISMATCH',
    });
    expect(await state(id)).toEqual(before);
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
      client().sendMail({
        from: people.collegeLead.email,
        to: `someone@${REPLY_DOMAIN}`,
        subject: 'x',
        text: '同意',
      }),
    ).rejects.toMatchObject({ responseCode: 550 });
  });
});
