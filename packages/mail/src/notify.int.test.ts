import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxRecord } from '@certflow/engine';
import { createTestPostgres, type TestPostgres } from '@certflow/db/testing';
import { pilotProjectFlow } from '@certflow/pilot';
import { people, projectApplication } from '@certflow/pilot/testing';
import type { ParsedMail } from 'mailparser';
import { startSmtpSink, type SmtpSink } from './testing/smtp-sink.js';
import {
  linksOf,
  mailWorld,
  PUBLIC_HOST,
  REPLY_DOMAIN,
  tokenOf,
  type MailWorld,
} from './testing/mail-world.js';
import { timedPilotProjectFlow } from './testing/timed-flow.js';

const HEADLINE = '年度试点项目申报：电子工程学院 Web前端开发（中级）';
const DAY = 86_400_000;

let pg: TestPostgres;
let sink: SmtpSink;
let w: MailWorld;

beforeAll(async () => {
  pg = await createTestPostgres();
  sink = await startSmtpSink();
  w = await mailWorld(pg, sink, {
    flows: [pilotProjectFlow, timedPilotProjectFlow()],
    replyDomain: REPLY_DOMAIN,
  });
});
afterAll(async () => {
  await sink.close();
  await pg.drop();
});

const only = (address: string): ParsedMail => {
  const mails = sink.to(address);
  expect(mails).toHaveLength(1);
  return mails[0]!;
};

/** Open the link (a GET changes nothing), then confirm it (POST). */
async function click(url: string | undefined, comment = ''): Promise<void> {
  const token = tokenOf(url);
  const get = await w.action({ token, method: 'GET' });
  expect(get.status).toBe(200);
  expect(get.html).toContain('<form method="post"');
  const post = await w.action({ token, method: 'POST', form: { comment } });
  expect(post.status).toBe(200);
  expect(post.html).toContain('已办理');
}

describe('every notification kind arrives over SMTP with recipient, subject, body and working links', () => {
  it('task → cc → returned → task → task (教务处) → task (领导小组, no reply) → decision', async () => {
    const started = await w.engine.start('pilot-project', projectApplication(), people.owner);
    await w.drain();
    // 【待审批】 to both college leads of ee, nobody else
    expect(sink.mails.map((m) => m.subject)).toEqual([
      `【待审批】${HEADLINE}`,
      `【待审批】${HEADLINE}`,
    ]);
    const lead = only(people.collegeLead.email);
    expect(only(people.collegeLead2.email).messageId).not.toBe(lead.messageId);
    expect(lead.text).toContain('尊敬的李院长：\n您好！');
    expect(lead.text).toContain(
      '您有一项待审批事项：年度试点项目申报（电子工程学院 Web前端开发（中级））',
    );
    expect(lead.text).toMatch(/证书名称\s+Web前端开发/u);
    expect(lead.text).toMatch(/等级\s+中级/u);
    expect(lead.text).toMatch(/预算合计\s+7,500.00 元/u);
    expect(lead.text).toMatch(/申请人\s+张老师/u);
    // The college step is due 5 working days after submission (pilot-project deadlines).
    expect(lead.text).toContain('请于2026年11月9日 17:30（北京时间）前办理。');
    expect(lead.text).toContain('期限说明：5个工作日');
    expect(lead.text).toContain('回复本邮件首行写“同意”“退回”或“驳回”即可办理');
    expect(lead.text).toContain('教务处\n2026年11月2日');
    expect(lead.html).toContain('尊敬的李院长：');
    expect(lead.messageId).toMatch(new RegExp(`^<[0-9a-f-]{36}@certflow\\.${PUBLIC_HOST}>$`, 'u'));
    expect(lead.replyTo?.value[0]?.address).toMatch(
      new RegExp(`^reply\\+k2\\.[a-z2-7.]+@${REPLY_DOMAIN}$`, 'u'),
    );
    expect(Object.keys(linksOf(lead.text!))).toEqual(['同意', '退回', '驳回', '查看详情']);
    expect(linksOf(lead.text!)['查看详情']).toBe(
      `https://certflow.example.edu.cn/instances/${started.id}`,
    );

    // 抄送 by the college lead to the auditor
    sink.clear();
    await w.engine.send(
      started.id,
      { type: 'CC', data: { userIds: [people.auditor.id] } },
      people.collegeLead,
    );
    await w.drain();
    const cc = only(people.auditor.email);
    expect(cc.subject).toBe(`【抄送】${HEADLINE}`);
    expect(cc.text).toContain(
      '李院长将年度试点项目申报（电子工程学院 Web前端开发（中级））抄送给您',
    );
    expect(cc.replyTo).toBeUndefined();
    expect(Object.keys(linksOf(cc.text!))).toEqual(['查看详情']);

    // 退回 through the link in the mail → 【已退回】 to the applicant, with the comment
    sink.clear();
    await click(linksOf(lead.text!)['退回'], '请补充师资情况');
    expect((await w.engine.get(started.id)).state).toBe('returned');
    await w.drain();
    const returned = only(people.owner.email);
    expect(returned.subject).toBe(`【已退回】${HEADLINE}`);
    expect(returned.text).toContain('已被李院长退回修改');
    expect(returned.text).toMatch(/审批意见\s+请补充师资情况/u);
    expect(Object.keys(linksOf(returned.text!))).toEqual(['查看详情']);

    // resubmit → the leads are asked again; 同意 by link → 教务处 (two people) asked
    sink.clear();
    await w.engine.send(started.id, { type: 'RESUBMIT' }, people.owner);
    await w.drain();
    await click(linksOf(only(people.collegeLead2.email).text!)['同意'], '同意申报');
    sink.clear();
    await w.drain();
    const aa = only(people.academic.email);
    expect(aa.subject).toBe(`【待审批】${HEADLINE}`);
    expect(aa.text).toContain('当前环节：教务处审批');
    expect(sink.to(people.academic2.email)).toHaveLength(1);

    // 教务处 同意 → over quota (no quota on file) → 领导小组: links, but no reply approval
    sink.clear();
    await click(linksOf(aa.text!)['同意']);
    await w.drain();
    const leader = only(people.leader.email);
    expect(leader.subject).toBe(`【待审批】${HEADLINE}`);
    expect(leader.replyTo).toBeUndefined();
    expect(leader.text).toContain('本环节不能通过回复邮件办理');
    expect(leader.text).not.toContain('即可办理');

    sink.clear();
    await click(linksOf(leader.text!)['同意']);
    await w.drain();
    const decision = only(people.owner.email);
    expect(decision.subject).toBe(`【已通过】${HEADLINE}`);
    expect(decision.text).toContain(
      '您提交的年度试点项目申报（电子工程学院 Web前端开发（中级））已审批通过。',
    );
    expect((await w.engine.get(started.id)).status).toBe('completed');
  });

  it('rejected (驳回 by link), cancelled (engine.cancel) and withdrawn', async () => {
    sink.clear();
    const a = await w.engine.start('pilot-project', projectApplication(), people.owner);
    await w.drain();
    await click(linksOf(only(people.collegeLead.email).text!)['驳回'], '证书与专业不匹配');
    sink.clear();
    const [rejectedRow] = await w.drain();
    const rejected = only(people.owner.email);
    expect(rejected.subject).toBe(`【已驳回】${HEADLINE}`);
    expect(rejected.text).toMatch(/审批意见\s+证书与专业不匹配/u);

    const b = await w.engine.start('pilot-project', projectApplication(), people.owner);
    await w.engine.cancel(b.id, '项目已被撤销（第七条1）');
    sink.clear();
    await w.drain();
    const cancelled = sink.to(people.owner.email).find((m) => m.subject?.startsWith('【已取消】'));
    expect(cancelled?.subject).toBe(`【已取消】${HEADLINE}`);
    expect(cancelled?.text).toMatch(/原因\s+项目已被撤销（第七条1）/u);

    // The pilot-project flow never writes `withdrawn` (only the applicant withdraws, and is not
    // told); the handler renders such a row as the engine would write it for another actor.
    sink.clear();
    const row = rejectedRow as OutboxRecord;
    await w.notify({
      ...row,
      id: crypto.randomUUID(),
      payload: { ...row.payload, notification: 'withdrawn', status: 'withdrawn', comment: null },
    });
    expect(only(people.owner.email).subject).toBe(`【已撤回】${HEADLINE}`);
    expect(a.id).not.toBe(b.id);
  });

  it('reminder (催办) and escalation (升级) from durable timers, with the deadline in Beijing time', async () => {
    sink.clear();
    const started = await w.engine.start('pilot-project-timed', projectApplication(), people.owner);
    await w.drain();
    const task = only(people.collegeLead.email);
    // Mon 2026-11-02 09:00 + 5 working days = Mon 2026-11-09, at the end of the working day
    expect(task.text).toContain('请于2026年11月9日 17:30（北京时间）前办理。');

    const fire = async (kind: string) => {
      const timer = (await pg.store.read.pendingTimers(started.id)).find((t) => t.kind === kind);
      w.clock.set(timer!.dueAt);
      expect((await w.engine.fireTimer(timer!.id)).fired).toBe(true);
    };
    sink.clear();
    await fire('remind');
    await w.drain();
    const remind = only(people.collegeLead.email);
    expect(remind.subject).toBe(`【催办】${HEADLINE}`);
    expect(remind.text).toContain('特此催办');
    expect(Object.keys(linksOf(remind.text!))).toEqual(['同意', '退回', '驳回', '查看详情']);

    sink.clear();
    await fire('escalate');
    await w.drain();
    const original = only(people.collegeLead.email);
    expect(original.subject).toBe(`【已升级】${HEADLINE}`);
    expect(original.text).toContain('已升级上报；您仍可继续办理');
    const head = only(people.academic.email);
    expect(head.subject).toBe(`【已升级】${HEADLINE}`);
    expect(head.text).toContain('现升级由您处理');
    // the escalated task is decided by the office head through the link
    await click(linksOf(head.text!)['同意']);
    expect((await w.engine.get(started.id)).state).toBe('academicReview');
    w.clock.advance(DAY);
  });
});
