import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestPostgres, type TestPostgres } from '@certflow/db/testing';
import { pilotProjectFlow } from '@certflow/pilot';
import { people, projectApplication } from '@certflow/pilot/testing';
import { hashToken } from './action-token.js';
import { startSmtpSink, type SmtpSink } from './testing/smtp-sink.js';
import { linksOf, mailWorld, tokenOf, TTL, type MailWorld } from './testing/mail-world.js';

let pg: TestPostgres;
let sink: SmtpSink;
let w: MailWorld;

beforeAll(async () => {
  pg = await createTestPostgres();
  sink = await startSmtpSink();
  w = await mailWorld(pg, sink, { flows: [pilotProjectFlow] });
});
afterAll(async () => {
  await sink.close();
  await pg.drop();
});

/** A fresh application; the college leads' links by label. */
async function started() {
  // Mail an earlier test left in the outbox goes out first, so the links below are this instance's.
  await w.drain();
  sink.clear();
  const view = await w.engine.start('pilot-project', projectApplication(), people.owner);
  await w.drain();
  const lead = linksOf(sink.to(people.collegeLead.email)[0]!.text!);
  const lead2 = linksOf(sink.to(people.collegeLead2.email)[0]!.text!);
  return { id: view.id, lead, lead2 };
}

/** Everything a decision could change. */
async function snapshot(id: string) {
  const view = await w.engine.get(id);
  return { state: view.state, version: view.version, history: (await w.engine.history(id)).length };
}

beforeEach(() => w.clock.set('2026-11-02T09:00:00+08:00'));

describe('action links: GET confirms, POST decides once, attacks change nothing', () => {
  it('a scanner GETs every link before the human: nothing is decided, then the human decides', async () => {
    const { id, lead } = await started();
    const before = await snapshot(id);
    for (const label of ['同意', '退回', '驳回']) {
      for (const method of ['GET', 'HEAD', 'GET']) {
        const res = await w.action({ token: tokenOf(lead[label]), method });
        expect(res.status).toBe(200);
      }
    }
    expect(await snapshot(id)).toEqual(before);
    expect((await w.mailStore.getToken(hashToken(tokenOf(lead['同意']))))?.usedAt).toBeNull();
    const res = await w.action({
      token: tokenOf(lead['同意']),
      method: 'POST',
      form: { comment: '同意' },
    });
    expect(res.status).toBe(200);
    expect((await snapshot(id)).state).toBe('academicReview');
  });

  it('reuse: a second POST of the same link is refused; the sibling links are superseded', async () => {
    const { id, lead, lead2 } = await started();
    expect((await w.action({ token: tokenOf(lead['同意']), method: 'POST' })).status).toBe(200);
    const after = await snapshot(id);
    const again = await w.action({ token: tokenOf(lead['同意']), method: 'POST' });
    expect(again.status).toBe(409);
    expect(again.html).toContain('链接已使用');
    for (const url of [lead['驳回'], lead2['驳回'], lead2['同意']]) {
      const res = await w.action({ token: tokenOf(url), method: 'POST' });
      expect(res.status).toBe(410);
      expect(res.html).toContain('待办已处理');
      expect((await w.action({ token: tokenOf(url), method: 'GET' })).status).toBe(410);
    }
    expect(await snapshot(id)).toEqual(after);
  });

  it('two people click at the same instant: exactly one decision', async () => {
    const { id, lead, lead2 } = await started();
    const results = await Promise.all([
      w.action({ token: tokenOf(lead['同意']), method: 'POST' }),
      w.action({ token: tokenOf(lead2['驳回']), method: 'POST', form: { comment: '不符合条件' } }),
      w.action({ token: tokenOf(lead['同意']), method: 'POST' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 410]);
    expect((await snapshot(id)).history).toBe(2);
  });

  it('expiry: after the TTL the link shows an expired page and decides nothing', async () => {
    const { id, lead } = await started();
    const before = await snapshot(id);
    w.clock.advance(TTL + 1);
    for (const method of ['GET', 'POST']) {
      const res = await w.action({ token: tokenOf(lead['同意']), method });
      expect(res.status).toBe(410);
      expect(res.html).toContain('链接已过期');
    }
    expect(await snapshot(id)).toEqual(before);
  });

  it('tampering: a changed character, a forged token, another kid, an edited database row', async () => {
    const { id, lead } = await started();
    const before = await snapshot(id);
    const token = tokenOf(lead['同意']);
    const flip = (s: string, at: number) =>
      s.slice(0, at) + (s[at] === 'a' ? 'b' : 'a') + s.slice(at + 1);
    const forged = [
      flip(token, token.length - 1), // the MAC
      flip(token, 4), // the id
      token.replace(/^k2\./u, 'k1.'), // a retired kid
      token.replace(/^k2\./u, 'k9.'), // an unknown kid
      'k2.aaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaa',
      '<script>alert(1)</script>',
      '',
    ];
    for (const t of forged) {
      for (const method of ['GET', 'POST']) {
        const res = await w.action({ token: t, method });
        expect(res.status).toBe(400);
        expect(res.html).toContain('链接无效');
        expect(res.html).not.toContain('<script>alert');
      }
    }
    // Re-binding the stored row to another approver (or decision) breaks its MAC.
    await pg.sql`update mail_action_tokens set approver_id = ${people.collegeLead2.id} where token_hash = ${hashToken(token)}`;
    expect((await w.action({ token, method: 'POST' })).status).toBe(400);
    await pg.sql`update mail_action_tokens set approver_id = ${people.collegeLead.id}, decision = 'REJECT' where token_hash = ${hashToken(token)}`;
    expect((await w.action({ token, method: 'POST' })).status).toBe(400);
    expect(await snapshot(id)).toEqual(before);
  });

  it("a token for another task: an earlier round's link after 退回 and 重新提交", async () => {
    const { id, lead } = await started();
    // 退回 needs a reason: without one the page asks again and the link still works.
    const unreasoned = await w.action({ token: tokenOf(lead['退回']), method: 'POST' });
    expect(unreasoned.status).toBe(400);
    expect(unreasoned.html).toContain('退回或驳回须填写理由');
    const returned = await w.action({
      token: tokenOf(lead['退回']),
      method: 'POST',
      form: { comment: '请补充师资名单' },
    });
    expect(returned.status).toBe(200);
    await w.engine.send(id, { type: 'RESUBMIT' }, people.owner);
    const before = await snapshot(id);
    const old = await w.action({ token: tokenOf(lead['同意']), method: 'POST' });
    expect(old.status).toBe(410);
    expect(await snapshot(id)).toEqual(before);
  });

  it('退回 and 驳回 without a reason are refused on the page; the link still works afterwards', async () => {
    const { id, lead } = await started();
    const before = await snapshot(id);
    for (const label of ['退回', '驳回'] as const) {
      const res = await w.action({
        token: tokenOf(lead[label]),
        method: 'POST',
        form: { comment: ' ' },
      });
      expect(res.status).toBe(400);
      expect(res.html).toContain('须填写理由');
    }
    expect(await snapshot(id)).toEqual(before);
    const res = await w.action({
      token: tokenOf(lead['退回']),
      method: 'POST',
      form: { comment: '请补充师资情况' },
    });
    expect(res.status).toBe(200);
    expect((await snapshot(id)).state).toBe('returned');
  });

  it('the form cannot redirect a token to another instance, task or decision', async () => {
    const a = await started();
    const b = await started();
    const beforeA = await snapshot(a.id);
    const res = await w.action({
      token: tokenOf(b.lead['退回']),
      method: 'POST',
      form: {
        comment: 'x',
        instanceId: a.id,
        type: 'APPROVE',
        taskId: 'other',
        decision: 'APPROVE',
      },
    });
    expect(res.status).toBe(200);
    expect((await snapshot(b.id)).state).toBe('returned');
    expect(await snapshot(a.id)).toEqual(beforeA);
  });

  it('an approver who no longer holds the role is refused by the engine; the token is spent', async () => {
    const { id, lead2 } = await started();
    const before = await snapshot(id);
    await pg.directory.upsertUser({ ...people.collegeLead2, college: 'cs' });
    try {
      const res = await w.action({ token: tokenOf(lead2['同意']), method: 'POST' });
      expect(res.status).toBe(403);
      expect(res.html).toContain('无权执行此操作');
      expect(await snapshot(id)).toEqual(before);
      const row = await w.mailStore.getToken(hashToken(tokenOf(lead2['同意'])));
      expect(row?.outcome).toBe('NOT_AUTHORIZED');
      expect((await w.action({ token: tokenOf(lead2['同意']), method: 'POST' })).status).toBe(409);
    } finally {
      await pg.directory.upsertUser({ ...people.collegeLead2 });
    }
  });

  it('a comment over 2000 characters is refused before anything is consumed', async () => {
    const { id, lead } = await started();
    const res = await w.action({
      token: tokenOf(lead['同意']),
      method: 'POST',
      form: { comment: '长'.repeat(2001) },
    });
    expect(res.status).toBe(400);
    expect(res.html).toContain('审批意见不能超过2000字');
    expect((await w.mailStore.getToken(hashToken(tokenOf(lead['同意']))))?.usedAt).toBeNull();
    expect((await snapshot(id)).history).toBe(1);
    expect((await w.action({ token: tokenOf(lead['同意']), method: 'PUT' })).status).toBe(405);
  });
});
