/* eslint-disable @typescript-eslint/no-unsafe-assignment -- vitest asymmetric matchers (expect.any…) are typed any */
import type { Instance } from '@certflow/client';
import { assessmentStart, type PersonKey } from '@certflow/pilot/testing';
import { expect, it } from 'vitest';
import type { ApiWorld } from '../support/api-world.js';
import { applyProject, certificate, failure, setQuota } from '../support/fixtures.js';

interface School {
  /** Approved; its assessment cycle is running. */
  approved: Instance;
  assessment: Instance;
  /** Waiting for the college lead. */
  pending: Instance;
  /** Over the pilot scale, waiting for the leadership group. */
  overScale: Instance;
  /** Returned to its applicant. */
  returned: Instance;
}

async function school(w: ApiWorld): Promise<School> {
  await setQuota(w.as('academic'), 130, 10_000_000);
  const approved = await applyProject(w.as('owner'));
  await w.as('collegeLead').sendEvent(approved.id, { type: 'APPROVE' });
  await w.as('academic').sendEvent(approved.id, { type: 'APPROVE' });
  // Every project is decided by the 领导小组 before it is implemented (第六条2).
  await w.as('leader').sendEvent(approved.id, { type: 'APPROVE' });
  const assessment = await w
    .as('owner')
    .startInstance('assessment', assessmentStart({ projectId: approved.id }));
  const pending = await applyProject(w.as('owner'), certificate('P-1'));
  const returned = await applyProject(w.as('owner'), certificate('R-1'));
  await w.as('collegeLead').sendEvent(returned.id, { type: 'RETURN', comment: '请补充材料' });
  // 3 × 40 within the scale of 130; this one takes the college's year over it (第七条2).
  const overScale = await applyProject(w.as('owner2'), {
    ...certificate('O-1'),
    scale: 80,
    justification: '新增合作企业，需扩大试点规模',
  });
  await w.as('collegeLead').sendEvent(overScale.id, { type: 'APPROVE' });
  await w.as('academic').sendEvent(overScale.id, { type: 'APPROVE' });
  return { approved, assessment, pending, overScale, returned };
}

/** The inbox of every role, and who may read which instance. */
export function inboxSuite(world: () => ApiWorld): void {
  it('shows each role exactly the tasks of its roles and scope', async () => {
    const w = world();
    const s = await school(w);
    const inbox = async (who: PersonKey) =>
      (await w.as(who).inbox()).items.map((t) => [t.instanceId, t.role, t.step]).sort();
    const sorted = (rows: string[][]) => rows.sort();

    expect(await inbox('collegeLead')).toEqual(sorted([[s.pending.id, 'college_lead', 'college']]));
    expect(await inbox('otherLead')).toEqual([]);
    expect(await inbox('academic')).toEqual(
      sorted([[s.assessment.id, 'academic_affairs', 'supervision']]),
    );
    expect(await inbox('leader')).toEqual(sorted([[s.overScale.id, 'leadership', 'leadership']]));
    expect(await inbox('finance')).toEqual(sorted([[s.assessment.id, 'finance', 'expenses']]));
    expect(await inbox('evaluator')).toEqual(sorted([[s.assessment.id, 'evaluation_org', 'site']]));
    expect(await inbox('owner')).toEqual(sorted([[s.returned.id, 'submitter', 'revise']]));
    expect(await inbox('owner2')).toEqual([]);
    expect(await inbox('auditor')).toEqual([]);

    const task = (await w.as('leader').inbox()).items[0];
    expect(task).toMatchObject({
      flow: 'pilot-project',
      title: s.overScale.title,
      events: expect.arrayContaining(['APPROVE']),
    });
    const page = await w.as('collegeLead').inbox({ limit: 1, offset: 1 });
    expect(page).toMatchObject({ items: [], total: 1, limit: 1, offset: 1 });
  });

  it('lets the auditor read everything and act on nothing; others read what they are involved in', async () => {
    const w = world();
    const s = await school(w);
    const all = [s.approved, s.assessment, s.pending, s.overScale, s.returned]
      .map((i) => i.id)
      .sort();
    const ids = async (who: PersonKey) =>
      (await w.as(who).listInstances({ limit: 200 })).items.map((i) => i.id).sort();

    expect(await ids('auditor')).toEqual(all);
    expect(await ids('academic')).toEqual(all);
    expect(await ids('collegeLead')).toEqual(all);
    expect(await ids('otherLead')).toEqual([]);
    expect(await ids('owner2')).toEqual([s.overScale.id]);
    expect(await ids('owner')).toEqual(all.filter((id) => id !== s.overScale.id));
    expect(await ids('evaluator')).toEqual([s.assessment.id]);
    expect(
      (await w.as('auditor').listInstances({ flow: 'assessment' })).items.map((i) => i.id),
    ).toEqual([s.assessment.id]);
    expect((await w.as('auditor').listInstances({ college: 'cs' })).total).toBe(0);
    const paged = await w.as('auditor').listInstances({ limit: 2, offset: 1 });
    expect(paged).toMatchObject({ total: 5, limit: 2, offset: 1 });
    expect(paged.items).toHaveLength(2);

    expect((await w.as('auditor').history(s.overScale.id)).items).toHaveLength(3);
    expect((await w.as('auditor').verify(s.overScale.id)).ok).toBe(true);
    expect(await failure(w.as('owner2').getInstance(s.pending.id))).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });
    expect(await failure(w.as('otherLead').history(s.pending.id))).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });
    expect(await failure(w.as('evaluator').verify(s.pending.id))).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });

    // 抄送 CC gives read access.
    await w
      .as('collegeLead')
      .sendEvent(s.pending.id, { type: 'CC', data: { userIds: ['u-owner2'] }, comment: '请知悉' });
    expect((await w.as('owner2').getInstance(s.pending.id)).id).toBe(s.pending.id);

    const before = await w.fingerprint();
    expect(await failure(w.as('auditor').startInstance('pilot-project', {}))).toMatchObject({
      status: 403,
      code: 'NOT_AUTHORIZED',
    });
    expect(
      await failure(w.as('auditor').sendEvent(s.overScale.id, { type: 'APPROVE' })),
    ).toMatchObject({ status: 403 });
    expect(
      await failure(w.as('auditor').putQuota(2027, 'ee', { scale: 1, budget: 1 })),
    ).toMatchObject({ status: 403 });
    expect(await w.fingerprint()).toBe(before);
  });

  it('keeps quotas as reference data that academic affairs writes', async () => {
    const w = world();
    expect(await w.as('academic').putQuota(2028, 'cs', { scale: 45, budget: 900_000 })).toEqual({
      year: 2028,
      collegeId: 'cs',
      scale: 45,
      budget: 900_000,
    });
    expect(await w.as('otherLead').getQuota(2028, 'cs')).toMatchObject({ scale: 45 });
    expect(await failure(w.as('collegeLead').getQuota(2028, 'cs'))).toMatchObject({ status: 403 });
    expect(await failure(w.as('academic').getQuota(2030, 'cs'))).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
    });
    // The flow reads what was written: within the quota the application is not flagged over it.
    await w.as('academic').putQuota(2027, 'ee', { scale: 100, budget: 10_000_000 });
    const a = await applyProject(w.as('owner'));
    expect(a.context['quota']).toMatchObject({ over: false, scale: { quota: 100 } });
    await w.as('academic').putQuota(2027, 'ee', { scale: 10, budget: 10_000_000 });
    await w.as('collegeLead').sendEvent(a.id, { type: 'APPROVE' });
    const academic = await w.as('academic').sendEvent(a.id, { type: 'APPROVE' });
    expect(academic.context['quota']).toMatchObject({ over: true, scale: { quota: 10 } });
  });
}
