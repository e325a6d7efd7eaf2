import type { CertflowClient, Instance } from '@certflow/client';
import { textFile } from '@certflow/attachments/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { projectApplication } from './support/fixtures.js';
import { startOpsWorld, type OpsWorld } from './support/ops-world.js';

// 批量审批 as the console offers it (issues 16, 17): the `batch` flag of a step in GET /api/flows
// and on each 待办 task says what POST /api/tasks/batch accepts, and a batch item's uploads are
// recorded in its APPROVE row as a single decision records them (docs/attachments.md).

let w: OpsWorld;
beforeAll(async () => {
  w = await startOpsWorld();
});
beforeEach(() => w.reset());
afterAll(() => w?.close());

/** A pilot project at the 领导小组 step (pilot-project declares `batch: true` there). */
async function atLeadership(code: string): Promise<Instance> {
  const i = await w
    .as('owner')
    .startInstance(
      'pilot-project',
      projectApplication({ certificate: { code, name: `证书${code}`, level: 'intermediate' } }),
    );
  await w.as('collegeLead').sendEvent(i.id, { type: 'APPROVE' });
  return w.as('academic').sendEvent(i.id, { type: 'APPROVE' });
}

async function inboxOf(client: CertflowClient, instanceId: string) {
  const { items } = await client.inbox({ limit: 200 });
  return items.filter((t) => t.instanceId === instanceId);
}

async function upload(client: CertflowClient, text: string, name: string): Promise<string> {
  const file = await client.uploadAttachment(new Blob([textFile(text)]), name);
  return file.id;
}

describe('the batch flag', () => {
  it('GET /api/flows marks the steps that allow 批量审批, and only those', async () => {
    const { items } = await w.as('owner').flows();
    const pilot = items.find((f) => f.id === 'pilot-project' && f.latest);
    const steps = new Map(
      (pilot?.states ?? []).flatMap((s) => s.tasks.map((t) => [`${s.id}/${t.step}`, t.batch])),
    );
    expect(steps.get('leadershipReview/leadership')).toBe(true);
    expect(steps.get('collegeReview/college')).toBe(false);
    expect(steps.get('academicReview/academic')).toBe(false);
    // Every step of every flow says it, true or false.
    for (const f of items)
      for (const s of f.states) for (const t of s.tasks) expect(typeof t.batch).toBe('boolean');
  });

  it('待办 tasks carry it: true at the 领导小组, false before it and on a 委派 task', async () => {
    await w.as('academic').putQuota(2027, 'ee', { scale: 1000, budget: 100_000_000 });
    const early = await w.as('owner').startInstance('pilot-project', projectApplication());
    expect((await inboxOf(w.as('collegeLead'), early.id)).map((t) => t.batch)).toEqual([false]);

    const late = await atLeadership('BATCH-1');
    expect((await inboxOf(w.as('leader'), late.id)).map((t) => [t.step, t.batch])).toEqual([
      ['leadership', true],
    ]);

    // The review flow's second step allows batch; its 委派 task goes back to the delegator.
    const r = await w.as('owner').startInstance('review', { college: 'ee', title: '实训室建设' });
    const second = await w.as('collegeLead').sendEvent(r.id, { type: 'APPROVE' });
    expect((await inboxOf(w.as('academic'), r.id)).map((t) => t.batch)).toEqual([true]);
    const task = second.tasks[0]?.id ?? '';
    await w.as('academic').delegateTask(task, { to: 'u-aa2', comment: '请核对' });
    const delegated = await inboxOf(w.as('academic2'), r.id);
    expect(delegated.map((t) => [t.kind, t.batch])).toEqual([['delegated', false]]);
    // …and the batch route refuses what the flag says no to.
    const refused = await w.as('academic2').batchApprove({ items: [{ taskId: delegated[0]!.id }] });
    expect(refused.items[0]?.error?.code).toBe('BATCH_NOT_ALLOWED');
  });
});

describe('attachments of a batch item', () => {
  it('are recorded in its APPROVE row and verified; another person’s upload refuses that item only', async () => {
    await w.as('academic').putQuota(2027, 'ee', { scale: 1000, budget: 100_000_000 });
    const a = await atLeadership('ATT-1');
    const b = await atLeadership('ATT-2');
    const leader = w.as('leader');
    const minutes = await upload(leader, '领导小组会议纪要\n同意实施\n', '会议纪要.txt');
    const theirs = await upload(w.as('owner'), '不是领导的文件\n', 'other.txt');
    const before = await leader.history(b.id);
    const result = await leader.batchApprove({
      comment: '同意实施',
      items: [
        { taskId: a.tasks[0]!.id, ifMatch: a.version, attachments: [minutes] },
        { taskId: b.tasks[0]!.id, ifMatch: b.version, attachments: [theirs] },
      ],
    });
    expect(result.items.map((r) => [r.ok, r.error?.code ?? null])).toEqual([
      [true, null],
      [false, 'ATTACHMENT_NOT_FOUND'],
    ]);
    expect(result.items[1]?.error?.message).toMatch(/附件不存在/);
    const last = (await leader.history(a.id)).items.at(-1);
    expect(last).toMatchObject({
      event: 'APPROVE',
      actorId: 'u-president',
      comment: '同意实施',
      data: { attachments: [{ id: minutes, name: '会议纪要.txt', mediaType: 'text/plain' }] },
    });
    const verdict = await w.as('auditor').verify(a.id);
    expect(verdict).toMatchObject({ ok: true, attachments: [{ id: minutes, check: 'ok' }] });
    expect(await leader.history(b.id)).toEqual(before);
    const bytes = await w.as('leader').downloadAttachment(a.id, minutes);
    expect(new TextDecoder().decode(bytes)).toBe('领导小组会议纪要\n同意实施\n');
  });
});
