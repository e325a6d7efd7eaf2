import type { Actor, InstanceView, JsonObject } from '@certflow/engine';
import { beforeEach, describe, expect, it } from 'vitest';
import { QUOTA_REF, quotaKey } from '../common.js';
import { SPENDING_REF } from '../ledger/spending.js';
import type { ProjectApplication } from '../flows/pilot-project/input.js';
import { projectMailFields } from '../flows/pilot-project/mail-fields.js';
import { TALLY_REF, tallyKey } from '../flows/pilot-project/tally.js';
import { projectApplication } from './fixtures.js';
import { pilotWorld, type PilotWorld, type StoreHarness } from './harness.js';
import { people } from './people.js';

const TALLY = tallyKey(2027, 'ee');
const justified = (overrides: Partial<ProjectApplication> = {}): ProjectApplication => ({
  ...projectApplication(overrides),
  justification: '对接本地企业用工需求，须扩大考证规模',
});
const ctx = (i: InstanceView) =>
  i.context as {
    quota: {
      over: boolean;
      reasons: string[];
      flags: string[];
      scale: JsonObject;
      budget: JsonObject;
    };
  };

/**
 * Every branch of the pilot-project flow (version 2) end to end through the engine, for any
 * store. `harness()` must give a store with no reference data for 2027/`ee` yet; the clock is in
 * the autumn call of 2026 (for 2027).
 */
export function describePilotProjectScenarios(name: string, harness: () => StoreHarness): void {
  describe(`pilot-project v2 through the engine on ${name}`, () => {
    let h: StoreHarness;
    let w: PilotWorld;
    beforeEach(async () => {
      h = harness();
      w = pilotWorld(h);
      await h.setReference(QUOTA_REF, quotaKey(2027, 'ee'), { scale: 100, budget: 10_000_000 });
      await h.setReference(TALLY_REF, TALLY, { year: 2027, collegeId: 'ee', entries: {} });
      await h.setReference(SPENDING_REF, 'ee', { collegeId: 'ee', years: {} });
    });

    const apply = (input: ProjectApplication = projectApplication(), who: Actor = people.owner) =>
      w.engine.start('pilot-project', input, who);
    const act = (i: InstanceView, type: string, who: Actor, comment?: string) =>
      w.engine.send(i.id, { type, ...(comment ? { comment } : {}) }, who);
    const tally = async () =>
      (await h.store.read.reference(TALLY_REF, TALLY)) as { entries: Record<string, JsonObject> };
    /** Instance, history, tasks, timers, outbox and the year's reference rows. */
    const everything = async () =>
      `${await h.dump()}${JSON.stringify(await h.store.read.reference(TALLY_REF, TALLY))}`;
    /** Refused with `code`, and nothing at all was written. */
    const refusedUnchanged = async (attempt: () => Promise<unknown>, code: string) => {
      const before = await everything();
      await expect(attempt()).rejects.toMatchObject({ code });
      expect(await everything()).toBe(before);
    };

    it('within quota: college lead → academic affairs → 领导小组 → approved; implemented only after the 领导小组 decides', async () => {
      let i = await apply();
      expect(i).toMatchObject({ flow: 'pilot-project', flowVersion: 2, state: 'collegeReview' });
      expect(ctx(i).quota).toMatchObject({ over: false, reasons: [], flags: [] });
      i = await act(i, 'APPROVE', people.collegeLead, '同意申报');
      i = await act(i, 'APPROVE', people.academic);
      // 第六条2: within quota too, the 领导小组 decides before anything is implemented.
      expect(i).toMatchObject({ state: 'leadershipReview', status: 'active' });
      expect(i.tasks).toMatchObject([{ role: 'leadership', step: 'leadership', college: null }]);
      expect(await h.store.read.reference('project', i.id)).toBeUndefined();
      i = await act(i, 'APPROVE', people.leader);
      expect(i).toMatchObject({ state: 'approved', status: 'completed', version: 4, tasks: [] });
      const history = await w.engine.history(i.id);
      expect(history.map((r) => [r.event, r.toState, r.actorId])).toEqual([
        ['START', 'collegeReview', people.owner.id],
        ['APPROVE', 'academicReview', people.collegeLead.id],
        ['APPROVE', 'leadershipReview', people.academic.id],
        ['APPROVE', 'approved', people.leader.id],
      ]);
      expect(await w.engine.verifyHistory(i.id)).toEqual({ ok: true, count: 4 });
      expect(await h.store.read.reference('project', i.id)).toMatchObject({
        status: 'implementing',
        scale: 40,
        collegeId: 'ee',
        overQuota: false,
      });
    });

    it('two projects that each fit but together exceed the scale: the second takes the over-quota route', async () => {
      await h.setReference(QUOTA_REF, quotaKey(2027, 'ee'), { scale: 60, budget: 10_000_000 });
      const first = await apply(projectApplication({ scale: 40 }));
      expect(ctx(first).quota.over).toBe(false);
      const second = projectApplication({
        scale: 30,
        certificate: { code: 'IOT', name: '物联网安装调试', level: 'intermediate' },
      });
      // 30 fits the 60 alone; with the first, 70 does not (第七条2): a justification is required.
      await refusedUnchanged(() => apply(second, people.owner2), 'JUSTIFICATION_REQUIRED');
      let i = await apply({ ...second, justification: '新增产业学院订单班' }, people.owner2);
      expect(ctx(i).quota).toMatchObject({
        over: true,
        reasons: ['scale'],
        scale: { quota: 60, college: 70, project: 30 },
      });
      expect(Object.keys((await tally()).entries).sort()).toEqual([first.id, i.id].sort());
      i = await act(i, 'APPROVE', people.collegeLead);
      i = await act(i, 'APPROVE', people.academic);
      // The 领导小组 sees it flagged, with the figures and the justification.
      expect(i.state).toBe('leadershipReview');
      const fields = projectMailFields(i.context).map((f) => `${f.label.zh}=${f.value}`);
      expect(fields).toContain('规模与预算=【超出试点规模数】须领导小组审批（第七条第2款）');
      expect(fields).toContain('本学院本年度申报规模=70 人（2 项）／试点规模数 60');
      expect(fields).toContain('超出理由=新增产业学院订单班');
      i = await act(i, 'APPROVE', people.leader);
      expect(await h.store.read.reference('project', i.id)).toMatchObject({ overQuota: true });
    });

    it("over last year's executed budget: the administrator's figure, else the ledgers of last year's projects", async () => {
      await h.setReference(QUOTA_REF, quotaKey(2027, 'ee'), { scale: 100, budget: 700_000 });
      await refusedUnchanged(() => apply(), 'JUSTIFICATION_REQUIRED');
      const a = await apply(justified());
      expect(ctx(a).quota).toMatchObject({
        over: true,
        reasons: ['budget'],
        budget: { lastYearExecuted: 700_000, source: 'override', college: 750_000 },
      });
      // Without an entered figure, the spending recorded on 2026's projects decides.
      await h.setReference(QUOTA_REF, quotaKey(2027, 'ee'), { scale: 100 });
      await h.setReference(SPENDING_REF, 'ee', {
        collegeId: 'ee',
        years: { '2026': { p1: 900_000, p2: 600_000 } },
      });
      const b = await apply(
        projectApplication({ certificate: { code: 'B', name: 'B', level: 'advanced' } }),
      );
      expect(ctx(b).quota).toMatchObject({
        over: false,
        budget: { lastYearExecuted: 1_500_000, source: 'ledger', college: 1_500_000 },
      });
    });

    it('no quota row or no figure of last year: flagged for the 领导小组, not refused', async () => {
      await h.setReference(QUOTA_REF, quotaKey(2027, 'ee'), {});
      const i = await apply();
      expect(ctx(i).quota).toMatchObject({
        over: false,
        flags: ['quota-missing', 'budget-baseline-missing'],
      });
    });

    it('one application per year, college and certificate: a second is DUPLICATE_APPLICATION', async () => {
      const first = await apply();
      await refusedUnchanged(
        () => apply(projectApplication(), people.owner2),
        'DUPLICATE_APPLICATION',
      );
      await expect(apply(projectApplication(), people.owner2)).rejects.toMatchObject({
        details: { existing: first.id, certificateCode: 'WEB-FE' },
      });
      // Another college may apply for it; after a withdrawal the college may apply again.
      await act(first, 'WITHDRAW', people.owner);
      expect((await tally()).entries).toEqual({});
      const again = await apply(projectApplication(), people.owner2);
      await act(again, 'REJECT', people.collegeLead, '重复申报');
      expect((await tally()).entries).toEqual({});
      await apply(projectApplication(), people.owner2);
    });

    it('only in the autumn call, and only for the next year (第七条2)', async () => {
      await refusedUnchanged(
        () => apply(projectApplication({ year: 2028 })),
        'APPLICATION_YEAR_NOT_OPEN',
      );
      w.clock.set('2027-03-01T09:00:00+08:00');
      await refusedUnchanged(() => apply(), 'APPLICATION_WINDOW_CLOSED');
      await expect(apply()).rejects.toMatchObject({
        details: { opens: '2027-09-01', openYear: 2028, year: 2027 },
      });
    });

    it('elementary level is refused with LEVEL_NOT_ALLOWED and nothing is written', async () => {
      await refusedUnchanged(
        () =>
          apply(projectApplication({ certificate: { code: 'X', name: 'X', level: 'elementary' } })),
        'LEVEL_NOT_ALLOWED',
      );
    });

    it('退回 → 重新提交: the revision is counted again; over the scale it needs a justification', async () => {
      let i = await apply();
      i = await act(i, 'APPROVE', people.collegeLead);
      await refusedUnchanged(() => act(i, 'RETURN', people.academic), 'REASON_REQUIRED');
      i = await act(i, 'RETURN', people.academic, '预算明细不全');
      expect(i.tasks[0]).toMatchObject({ kind: 'submitter', events: ['RESUBMIT', 'WITHDRAW'] });
      const resubmit = (input: ProjectApplication) =>
        w.engine.send(i.id, { type: 'RESUBMIT', data: { input } }, people.owner);
      await refusedUnchanged(
        () => resubmit(projectApplication({ scale: 150 })),
        'JUSTIFICATION_REQUIRED',
      );
      await refusedUnchanged(
        () =>
          resubmit(
            projectApplication({ certificate: { code: 'X', name: 'X', level: 'elementary' } }),
          ),
        'LEVEL_NOT_ALLOWED',
      );
      await refusedUnchanged(
        () => resubmit(projectApplication({ year: 2028 })),
        'VALIDATION_FAILED',
      );
      i = await resubmit(justified({ scale: 150 }));
      expect(i.state).toBe('collegeReview');
      expect(ctx(i).quota).toMatchObject({ over: true, reasons: ['scale'] });
      expect((await tally()).entries[i.id]).toMatchObject({ scale: 150 });
    });

    it('an application voided by Engine.cancel leaves the year’s tally', async () => {
      const i = await apply();
      await w.engine.cancel(i.id, '申报材料作废');
      expect((await w.engine.get(i.id)).status).toBe('cancelled');
      expect((await tally()).entries).toEqual({});
    });

    it('REJECT is final and needs a reason', async () => {
      let i = await apply();
      await refusedUnchanged(() => act(i, 'REJECT', people.collegeLead), 'REASON_REQUIRED');
      i = await act(i, 'REJECT', people.collegeLead, '不符合试点方向');
      expect(i).toMatchObject({ state: 'rejected', status: 'rejected', tasks: [] });
      await expect(act(i, 'RESUBMIT', people.owner)).rejects.toMatchObject({
        code: 'EVENT_NOT_ACCEPTED',
      });
    });

    it('WITHDRAW by the applicant before a decision; nobody else may', async () => {
      let i = await apply();
      await refusedUnchanged(() => act(i, 'WITHDRAW', people.collegeLead), 'NOT_AUTHORIZED');
      await refusedUnchanged(() => act(i, 'WITHDRAW', people.owner2), 'NOT_AUTHORIZED');
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
      const own = await apply(
        projectApplication({ certificate: { code: 'OWN', name: 'OWN', level: 'advanced' } }),
        people.collegeLead,
      );
      await expect(act(own, 'APPROVE', people.collegeLead)).rejects.toMatchObject({
        code: 'SELF_APPROVAL',
      });
      const both: Actor = {
        id: 'u-both',
        name: '兼职',
        roles: ['college_lead', 'academic_affairs', 'leadership'],
        college: 'ee',
      };
      i = await act(i, 'APPROVE', both);
      await expect(act(i, 'APPROVE', both)).rejects.toMatchObject({ code: 'SEPARATION_OF_DUTIES' });
      i = await act(i, 'APPROVE', people.academic);
      await expect(act(i, 'APPROVE', both)).rejects.toMatchObject({ code: 'SEPARATION_OF_DUTIES' });
      i = await act(i, 'APPROVE', people.leader);
      expect(i.status).toBe('completed');
    });

    it('a refused command leaves instance, history, tasks, outbox and the tally unchanged', async () => {
      const i = await apply();
      const refusals: Array<[() => Promise<unknown>, string]> = [
        [() => act(i, 'APPROVE', people.academic), 'NOT_AUTHORIZED'],
        [() => act(i, 'RESUBMIT', people.owner), 'EVENT_NOT_ACCEPTED'],
        [() => act(i, 'NO_SUCH_EVENT', people.collegeLead), 'EVENT_NOT_ACCEPTED'],
        [
          () => w.engine.send(i.id, { type: 'APPROVE', data: { sneaky: 1 } }, people.collegeLead),
          'VALIDATION_FAILED',
        ],
        [
          () =>
            w.engine.send(i.id, { type: 'APPROVE' }, people.collegeLead, { expectedVersion: 7 }),
          'VERSION_CONFLICT',
        ],
        [() => w.engine.send('nope', { type: 'APPROVE' }, people.collegeLead), 'NOT_FOUND'],
        [() => w.engine.start('pilot-project', { year: 'x' }, people.owner), 'VALIDATION_FAILED'],
        [() => apply(projectApplication(), people.otherLead), 'NOT_AUTHORIZED'],
      ];
      for (const [attempt, code] of refusals) await refusedUnchanged(attempt, code);
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
      const input = projectApplication({
        certificate: { code: 'K', name: 'K', level: 'advanced' },
      });
      const s1 = await w.engine.start('pilot-project', input, people.owner, {
        idempotencyKey: 's-1',
      });
      const s2 = await w.engine.start('pilot-project', input, people.owner, {
        idempotencyKey: 's-1',
      });
      expect(s2).toEqual(s1);
    });
  });
}
