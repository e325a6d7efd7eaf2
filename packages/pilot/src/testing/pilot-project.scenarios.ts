import type { Actor, InstanceView } from '@certflow/engine';
import { beforeEach, describe, expect, it } from 'vitest';
import { QUOTA_REF, quotaKey } from '../common.js';
import { projectApplication } from './fixtures.js';
import { pilotWorld, type PilotWorld, type StoreHarness } from './harness.js';
import { people } from './people.js';

/**
 * Every branch of the pilot-project flow end to end through the engine, for any store.
 * `harness()` must give a store with no quota for year 2027 college `ee` yet.
 */
export function describePilotProjectScenarios(name: string, harness: () => StoreHarness): void {
  describe(`pilot-project through the engine on ${name}`, () => {
    let h: StoreHarness;
    let w: PilotWorld;
    beforeEach(async () => {
      h = harness();
      w = pilotWorld(h);
      await h.setReference(QUOTA_REF, quotaKey(2027, 'ee'), { scale: 100, budget: 1_000_000 });
    });

    const apply = (input = projectApplication()) =>
      w.engine.start('pilot-project', input, people.owner);
    const act = (
      i: InstanceView,
      type: string,
      who: Actor,
      extra: { comment?: string; data?: Record<string, never> } = {},
    ) => w.engine.send(i.id, { type, ...extra }, who);

    it('within quota: college lead → academic affairs → approved; project recorded', async () => {
      let i = await apply();
      expect(i).toMatchObject({
        flow: 'pilot-project',
        flowVersion: 1,
        state: 'collegeReview',
        status: 'active',
        version: 1,
      });
      expect(i.tasks).toHaveLength(1);
      expect(i.tasks[0]).toMatchObject({ role: 'college_lead', college: 'ee', step: 'college' });
      i = await act(i, 'APPROVE', people.collegeLead, { comment: '同意申报' });
      expect(i.state).toBe('academicReview');
      i = await act(i, 'APPROVE', people.academic);
      expect(i).toMatchObject({ state: 'approved', status: 'completed', version: 3, tasks: [] });
      const history = await w.engine.history(i.id);
      expect(history.map((r) => [r.seq, r.event, r.fromState, r.toState, r.actorId])).toEqual([
        [1, 'START', null, 'collegeReview', people.owner.id],
        [2, 'APPROVE', 'collegeReview', 'academicReview', people.collegeLead.id],
        [3, 'APPROVE', 'academicReview', 'approved', people.academic.id],
      ]);
      expect(history[1]?.comment).toBe('同意申报');
      expect(await w.engine.verifyHistory(i.id)).toEqual({ ok: true, count: 3 });
      const project = await h.store.read.reference('project', i.id);
      expect(project).toMatchObject({ status: 'implementing', scale: 40, collegeId: 'ee' });
    });

    it('over the pilot scale: an extra leadership approval', async () => {
      let i = await apply(projectApplication({ scale: 101 }));
      expect((i.context as { leadership: unknown }).leadership).toEqual({
        needsLeadership: true,
        reasons: ['scale'],
      });
      i = await act(i, 'APPROVE', people.collegeLead);
      i = await act(i, 'APPROVE', people.academic);
      expect(i.state).toBe('leadershipReview');
      expect(i.tasks[0]).toMatchObject({ role: 'leadership', college: null });
      i = await act(i, 'APPROVE', people.leader);
      expect(i.status).toBe('completed');
    });

    it("over last year's executed budget: an extra leadership approval", async () => {
      const i = await apply(
        projectApplication({
          budget: { consumables: 600_000, certificateFees: 400_000, examinerFees: 1 },
        }),
      );
      expect((i.context as { leadership: unknown }).leadership).toEqual({
        needsLeadership: true,
        reasons: ['budget'],
      });
    });

    it('no quota recorded for the year: leadership must approve', async () => {
      const i = await apply(projectApplication({ year: 2028 }));
      expect((i.context as { leadership: unknown }).leadership).toEqual({
        needsLeadership: true,
        reasons: ['quota-missing'],
      });
    });

    it('elementary level is refused with LEVEL_NOT_ALLOWED and nothing is written', async () => {
      const before = await h.dump();
      await expect(
        apply(projectApplication({ certificate: { code: 'X', name: 'X', level: 'elementary' } })),
      ).rejects.toMatchObject({ code: 'LEVEL_NOT_ALLOWED' });
      expect(await h.dump()).toBe(before);
    });

    it('RETURN sends it back to the applicant, who revises and resubmits', async () => {
      let i = await apply();
      i = await act(i, 'APPROVE', people.collegeLead);
      i = await act(i, 'RETURN', people.academic, { comment: '预算明细不全' });
      expect(i).toMatchObject({ state: 'returned', status: 'active' });
      expect(i.tasks[0]).toMatchObject({
        kind: 'submitter',
        assignee: people.owner.id,
        events: ['RESUBMIT', 'WITHDRAW'],
      });
      i = await w.engine.send(
        i.id,
        { type: 'RESUBMIT', data: { input: projectApplication({ scale: 150 }) } },
        people.owner,
      );
      expect(i.state).toBe('collegeReview');
      expect((i.context as { leadership: unknown }).leadership).toEqual({
        needsLeadership: true,
        reasons: ['scale'],
      });
      i = await act(i, 'APPROVE', people.collegeLead);
      i = await act(i, 'APPROVE', people.academic);
      expect(i.state).toBe('leadershipReview');
    });

    it('a resubmission at elementary level is refused', async () => {
      let i = await apply();
      i = await act(i, 'RETURN', people.collegeLead);
      await expect(
        w.engine.send(
          i.id,
          {
            type: 'RESUBMIT',
            data: {
              input: projectApplication({
                certificate: { code: 'X', name: 'X', level: 'elementary' },
              }),
            },
          },
          people.owner,
        ),
      ).rejects.toMatchObject({ code: 'LEVEL_NOT_ALLOWED' });
    });

    it('REJECT is final', async () => {
      let i = await apply();
      i = await act(i, 'REJECT', people.collegeLead, { comment: '不符合试点方向' });
      expect(i).toMatchObject({ state: 'rejected', status: 'rejected', tasks: [] });
      await expect(act(i, 'RESUBMIT', people.owner)).rejects.toMatchObject({
        code: 'EVENT_NOT_ACCEPTED',
      });
    });

    it('WITHDRAW by the applicant before a decision; nobody else may', async () => {
      let i = await apply();
      await expect(act(i, 'WITHDRAW', people.collegeLead)).rejects.toMatchObject({
        code: 'NOT_AUTHORIZED',
      });
      await expect(act(i, 'WITHDRAW', people.owner2)).rejects.toMatchObject({
        code: 'NOT_AUTHORIZED',
      });
      i = await act(i, 'WITHDRAW', people.owner);
      expect(i).toMatchObject({ status: 'withdrawn', tasks: [] });
    });

    it('each step only by its role and scope; separation of duties', async () => {
      let i = await apply();
      await expect(act(i, 'APPROVE', people.academic)).rejects.toMatchObject({
        code: 'NOT_AUTHORIZED',
      });
      await expect(act(i, 'APPROVE', people.otherLead)).rejects.toMatchObject({
        code: 'NOT_AUTHORIZED',
      });
      await expect(act(i, 'APPROVE', people.owner)).rejects.toMatchObject({
        code: 'NOT_AUTHORIZED',
      });
      // A college lead who applies cannot approve their own application.
      const own = await w.engine.start('pilot-project', projectApplication(), people.collegeLead);
      await expect(act(own, 'APPROVE', people.collegeLead)).rejects.toMatchObject({
        code: 'SELF_APPROVAL',
      });
      // One person with two roles cannot fill two steps.
      const both: Actor = {
        id: 'u-both',
        name: '兼职',
        roles: ['college_lead', 'academic_affairs'],
        college: 'ee',
      };
      i = await act(i, 'APPROVE', both);
      await expect(act(i, 'APPROVE', both)).rejects.toMatchObject({ code: 'SEPARATION_OF_DUTIES' });
      i = await act(i, 'APPROVE', people.academic);
      expect(i.status).toBe('completed');
    });

    it('a refused command leaves instance, history, tasks and outbox byte-for-byte unchanged', async () => {
      const i = await apply();
      const before = await h.dump();
      const refusals: Array<[() => Promise<unknown>, string]> = [
        [() => act(i, 'APPROVE', people.academic), 'NOT_AUTHORIZED'],
        [() => act(i, 'RESUBMIT', people.owner), 'EVENT_NOT_ACCEPTED'],
        [() => act(i, 'NO_SUCH_EVENT', people.collegeLead), 'EVENT_NOT_ACCEPTED'],
        [
          () => w.engine.send(i.id, { type: 'APPROVE', data: { sneaky: 1 } }, people.collegeLead),
          'VALIDATION_FAILED',
        ],
        [() => w.engine.send(i.id, { type: 'approve' }, people.collegeLead), 'VALIDATION_FAILED'],
        [
          () =>
            w.engine.send(i.id, { type: 'APPROVE' }, people.collegeLead, { expectedVersion: 7 }),
          'VERSION_CONFLICT',
        ],
        [() => w.engine.send('nope', { type: 'APPROVE' }, people.collegeLead), 'NOT_FOUND'],
        [() => w.engine.start('pilot-project', { year: 'x' }, people.owner), 'VALIDATION_FAILED'],
        [
          () => w.engine.start('pilot-project', projectApplication(), people.otherLead),
          'NOT_AUTHORIZED',
        ],
        [() => w.engine.start('nope', {}, people.owner), 'UNKNOWN_FLOW'],
      ];
      for (const [attempt, code] of refusals)
        await expect(attempt()).rejects.toMatchObject({ code });
      expect(await h.dump()).toBe(before);
    });

    it('the same idempotency key applies once and returns the same result', async () => {
      const i = await apply();
      const first = await w.engine.send(i.id, { type: 'APPROVE' }, people.collegeLead, {
        idempotencyKey: 'k-1',
      });
      const again = await w.engine.send(i.id, { type: 'APPROVE' }, people.collegeLead, {
        idempotencyKey: 'k-1',
      });
      expect(again).toEqual(first);
      expect((await w.engine.history(i.id)).length).toBe(2);
      await expect(
        w.engine.send(i.id, { type: 'REJECT' }, people.collegeLead, { idempotencyKey: 'k-1' }),
      ).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
      const s1 = await w.engine.start('pilot-project', projectApplication(), people.owner, {
        idempotencyKey: 's-1',
      });
      const s2 = await w.engine.start('pilot-project', projectApplication(), people.owner, {
        idempotencyKey: 's-1',
      });
      expect(s2).toEqual(s1);
    });
  });
}
