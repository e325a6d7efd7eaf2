/* eslint-disable @typescript-eslint/no-unsafe-assignment -- vitest asymmetric matchers (expect.any…) are typed any */
import { expect, it } from 'vitest';
import type { ApiWorld } from '../support/api-world.js';
import { applyProject, failure, projectApplication, setQuota } from '../support/fixtures.js';

/** A whole pilot-project approval, idempotency and If-Match, over real HTTP. */
export function approvalSuite(world: () => ApiWorld): void {
  it('approves a pilot project over the pilot scale through college, academic affairs and leadership', async () => {
    const w = world();
    await setQuota(w.as('academic'), 30, 10_000_000);
    // Over the 试点规模数 the application must say why (第七条2).
    const refused = await failure(applyProject(w.as('owner'), { scale: 40 }));
    expect(refused).toMatchObject({ status: 422, code: 'JUSTIFICATION_REQUIRED' });
    const started = await applyProject(w.as('owner'), {
      scale: 40,
      justification: '新增实训室投入使用，需扩大试点规模',
    });
    expect(started.context['quota']).toMatchObject({ over: true });
    expect(started).toMatchObject({
      flow: 'pilot-project',
      flowVersion: 2,
      state: 'collegeReview',
      status: 'active',
      version: 1,
    });
    expect(started.tasks).toEqual([
      expect.objectContaining({
        role: 'college_lead',
        college: 'ee',
        events: expect.arrayContaining(['APPROVE', 'RETURN', 'REJECT']),
      }),
    ]);

    const college = await w
      .as('collegeLead')
      .sendEvent(started.id, { type: 'APPROVE', comment: '同意申报' }, { ifMatch: 1 });
    expect(college).toMatchObject({ state: 'academicReview', version: 2 });
    const academic = await w
      .as('academic')
      .sendEvent(started.id, { type: 'APPROVE' }, { ifMatch: 2 });
    expect(academic).toMatchObject({ state: 'leadershipReview', version: 3 });
    expect(academic.tasks.map((t) => t.role)).toEqual(['leadership']);
    const done = await w.as('leader').sendEvent(started.id, { type: 'APPROVE', comment: '同意' });
    expect(done).toMatchObject({ state: 'approved', status: 'completed', version: 4, tasks: [] });

    const { items } = await w.as('auditor').history(started.id);
    expect(items.map((h) => [h.seq, h.event, h.actorId, h.toState])).toEqual([
      [1, 'START', 'u-owner', 'collegeReview'],
      [2, 'APPROVE', 'u-lead', 'academicReview'],
      [3, 'APPROVE', 'u-aa', 'leadershipReview'],
      [4, 'APPROVE', 'u-president', 'approved'],
    ]);
    expect(items[1]?.comment).toBe('同意申报');
    expect(items[1]?.prevHash).toBe(items[0]?.hash);
    expect(await w.as('auditor').verify(started.id)).toEqual({ ok: true, count: 4 });
    const read = await w.as('owner').getInstance(started.id);
    expect(read).toEqual(done);
    const listed = await w
      .as('auditor')
      .listInstances({ flow: 'pilot-project', status: 'completed' });
    expect(listed).toMatchObject({
      total: 1,
      items: [expect.objectContaining({ id: started.id, status: 'completed' })],
    });
  });

  it('returns for revision, takes a resubmission, and lets the applicant withdraw', async () => {
    const w = world();
    await setQuota(w.as('academic'));
    const a = await applyProject(w.as('owner'));
    const returned = await w
      .as('collegeLead')
      .sendEvent(a.id, { type: 'RETURN', comment: '预算需细化' });
    expect(returned).toMatchObject({
      state: 'returned',
      tasks: [expect.objectContaining({ role: 'submitter', assignee: 'u-owner' })],
    });
    const again = await w.as('owner').sendEvent(a.id, { type: 'RESUBMIT', data: {} });
    expect(again.state).toBe('collegeReview');
    const withdrawn = await w.as('owner').sendEvent(a.id, { type: 'WITHDRAW', comment: '撤回' });
    expect(withdrawn).toMatchObject({ status: 'withdrawn', tasks: [] });
    const rejected = await applyProject(w.as('owner'));
    expect(
      await w.as('collegeLead').sendEvent(rejected.id, { type: 'REJECT', comment: '驳回' }),
    ).toMatchObject({ status: 'rejected' });
  });

  it('answers a repeated Idempotency-Key with the first answer and applies it once', async () => {
    const w = world();
    await setQuota(w.as('academic'));
    const key = 'start-7f3a';
    const first = await w
      .as('owner')
      .startInstance('pilot-project', projectApplication(), { idempotencyKey: key });
    const second = await w
      .as('owner')
      .startInstance('pilot-project', projectApplication(), { idempotencyKey: key });
    expect(second).toEqual(first);
    expect((await w.as('auditor').listInstances()).total).toBe(1);

    const approve = { type: 'APPROVE', comment: '同意' };
    const once = await w
      .as('collegeLead')
      .sendEvent(first.id, approve, { idempotencyKey: 'approve-1' });
    const before = await w.fingerprint();
    const twice = await w
      .as('collegeLead')
      .sendEvent(first.id, approve, { idempotencyKey: 'approve-1' });
    expect(twice).toEqual(once);
    expect(await w.fingerprint()).toBe(before);
    expect((await w.as('auditor').history(first.id)).items).toHaveLength(2);

    const reused = await failure(
      w
        .as('collegeLead')
        .sendEvent(first.id, { type: 'RETURN', comment: '补充' }, { idempotencyKey: 'approve-1' }),
    );
    expect(reused).toMatchObject({ status: 409, code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await w.fingerprint()).toBe(before);
    // A key is its caller's own: another person's same key is their own command, not a replay
    // of the first one — nobody can block someone else's command by using their key first.
    const otherActor = await w
      .as('academic')
      .sendEvent(first.id, approve, { idempotencyKey: 'approve-1' });
    expect(otherActor.version).toBe(3);
    expect(otherActor.state).not.toBe(once.state);
  });

  it('checks If-Match against the version, which GET sends as the ETag', async () => {
    const w = world();
    await setQuota(w.as('academic'));
    const a = await applyProject(w.as('owner'));
    const got = await w.as('collegeLead').raw(`/api/instances/${a.id}`);
    expect(got.headers.get('etag')).toBe('"1"');
    const before = await w.fingerprint();
    const stale = await failure(
      w.as('collegeLead').sendEvent(a.id, { type: 'APPROVE' }, { ifMatch: 7 }),
    );
    expect(stale).toMatchObject({
      status: 409,
      code: 'VERSION_CONFLICT',
      details: { expected: 7, actual: 1 },
    });
    expect(await w.fingerprint()).toBe(before);
    const quoted = await w.as('collegeLead').raw(`/api/instances/${a.id}/events`, {
      body: { type: 'APPROVE' },
      headers: { 'if-match': 'W/"1"' },
    });
    expect(quoted.status).toBe(200);
    expect(quoted.headers.get('etag')).toBe('"2"');
    // Two clients read version 2; the first decision wins, the second gets 409 instead of acting on stale data.
    await w
      .as('academic')
      .sendEvent(a.id, { type: 'RETURN', comment: '请补充材料' }, { ifMatch: 2 });
    const late = await failure(
      w.as('academic2').sendEvent(a.id, { type: 'APPROVE' }, { ifMatch: 2 }),
    );
    expect(late).toMatchObject({ status: 409, code: 'VERSION_CONFLICT' });
  });
}
