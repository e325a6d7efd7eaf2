import { SYSTEM_ACTOR, type Actor, type InstanceView, type JsonObject } from '@certflow/engine';
import { beforeEach, describe, expect, it } from 'vitest';
import { flowsFor, memoryWorld, type MemoryWorld } from '../../model/memory-world.js';
import { projectRecord } from '../../testing/assessment-fixtures.js';
import { people } from '../../testing/people.js';
import { CASE_FILE_REF } from './case-file.js';
import { withdrawalFlow } from './flow.js';
import type { WithdrawalInputV2 } from './input.js';
import { invalidInput as invalid, refusalOf } from '../../testing/refusals.js';

const caseInput = (overrides: Partial<WithdrawalInputV2> = {}): WithdrawalInputV2 => ({
  projectId: 'proj-1',
  collegeId: 'ee',
  trigger: 'loose-management',
  reason: '考场无监控',
  ...overrides,
});
const notice = {
  noticeRef: 'att://notice/1.pdf',
  summary: '拟撤销该试点项目，请于 5 个工作日内说明',
};
const NOW = '2027-03-01T01:00:00.000Z';
const x = (n: number) => 'x'.repeat(n);
const refs = (n: number) => Array.from({ length: n }, (_, k) => `att://e/${k}.pdf`);

/** The world of a test: Monday 1 March 2027, 09:00 Beijing, the project implementing. */
function world(w: MemoryWorld) {
  w.store.setReference('project', 'proj-1', projectRecord());
  const watched: [string, string][] = [
    ['project', 'proj-1'],
    [CASE_FILE_REF, 'proj-1'],
  ];
  return {
    open: (input: object = caseInput(), who: Actor = people.academic) =>
      w.engine.start('withdrawal', input, who),
    send: (i: InstanceView, type: string, data: JsonObject = {}, who: Actor = people.academic) =>
      w.engine.send(i.id, { type, data, comment: '意见' }, who),
    file: () => w.store.read.reference(CASE_FILE_REF, 'proj-1'),
    /** The refusal `attempt` throws, as the API shows it, and that nothing was written. */
    refusal: (attempt: () => Promise<unknown>) => refusalOf(() => w.dump(watched), attempt),
  };
}
const projectRefusals = {
  missing: {
    code: 'PROJECT_NOT_FOUND',
    message: '未找到已批准的试点项目',
    messageEn: 'No approved pilot project with that id',
    details: { projectId: 'nope' },
  },
  otherCollege: {
    code: 'PROJECT_COLLEGE_MISMATCH',
    message: '试点项目不属于该二级学院',
    messageEn: 'The pilot project belongs to another college',
    details: { projectId: 'proj-1', collegeId: 'cs' },
  },
  cancelled: {
    code: 'PROJECT_NOT_IMPLEMENTING',
    message: '试点项目不在实施中（已撤销或未批准）',
    messageEn: 'The pilot project is not being implemented (cancelled or not approved)',
    details: { projectId: 'proj-1', status: 'cancelled' },
  },
};

describe('withdrawal v2 (第七条1): one open case per project, its evidence, its steps', () => {
  let w: MemoryWorld;
  let t: ReturnType<typeof world>;
  beforeEach(() => {
    w = memoryWorld({ start: '2027-03-01T09:00:00+08:00' });
    t = world(w);
  });
  const decision = async (c: InstanceView) =>
    t.send(
      await t.send(c, 'ISSUE_NOTICE', notice),
      'RESPOND',
      { statement: '已整改' },
      people.collegeLead,
    );

  describe('opening a case', () => {
    it('the project: missing, of another college, not implementing — refused in full', async () => {
      expect(await t.refusal(() => t.open(caseInput({ projectId: 'nope' })))).toEqual(
        projectRefusals.missing,
      );
      expect(await t.refusal(() => t.open(caseInput({ collegeId: 'cs' })))).toEqual(
        projectRefusals.otherCollege,
      );
      w.store.setReference('project', 'proj-1', projectRecord({ status: 'cancelled' }));
      expect(await t.refusal(() => t.open())).toEqual(projectRefusals.cancelled);
    });

    it('the case file holds the case and its first evidence in full; ids and the reason are trimmed', async () => {
      const c = await t.open(
        caseInput({ projectId: ' proj-1 ', collegeId: ' ee ', reason: ' 考场无监控 ' }),
      );
      const entry = {
        id: c.id,
        trigger: 'loose-management',
        reason: '考场无监控',
        evidenceRefs: [],
        at: NOW,
        by: people.academic.id,
      };
      expect(c).toMatchObject({
        title: 'ee 项目 proj-1 退出：证书培训、考核等工作管理不严、出现漏洞',
        college: 'ee',
        subjectId: 'proj-1',
        context: { joinedCase: null, evidence: [entry], responseOverdue: false },
      });
      expect(await t.file()).toEqual({
        projectId: 'proj-1',
        open: c.id,
        evidence: [entry],
        closed: [],
      });
      expect(withdrawalFlow.title).toEqual({
        zh: '试点项目退出（撤销）',
        en: 'Pilot project withdrawal',
      });
    });

    it('a case opened by another flow (the system) records its source and evidence', async () => {
      const source = { flowId: 'rectification', instanceId: 'r-1' };
      const c = await t.open(
        caseInput({ source, evidenceRefs: ['att://inspection/1.pdf'] }),
        SYSTEM_ACTOR,
      );
      expect(c.context.evidence).toEqual([
        {
          id: c.id,
          trigger: 'loose-management',
          reason: '考场无监控',
          source,
          evidenceRefs: ['att://inspection/1.pdf'],
          at: NOW,
          by: 'system',
        },
      ]);
    });

    it('a second case is WITHDRAWAL_CASE_OPEN in full, also asked to refuse; asked to add, it joins with its evidence', async () => {
      const first = await t.open();
      const second = caseInput({ trigger: 'weak-progress', reason: '半年未开展培训' });
      const refused = {
        code: 'WITHDRAWAL_CASE_OPEN',
        message:
          '该项目已有进行中的退出（撤销）案件，请将新的情况作为证据补充到该案件（details.caseId）',
        messageEn:
          'The project already has an open withdrawal case; add the new trigger to it as evidence (details.caseId)',
        details: { projectId: 'proj-1', caseId: first.id },
      };
      expect(await t.refusal(() => t.open(second, people.academic2))).toEqual(refused);
      expect(
        await t.refusal(() => t.open({ ...second, ifOpen: 'refuse' }, people.academic2)),
      ).toEqual(refused);
      const joined = await t.open({ ...second, ifOpen: 'add-evidence' }, people.academic2);
      const entry = {
        id: joined.id,
        trigger: 'weak-progress',
        reason: '半年未开展培训',
        evidenceRefs: [],
        at: NOW,
        by: people.academic2.id,
      };
      expect(joined).toMatchObject({
        state: 'joined',
        status: 'completed',
        context: { joinedCase: first.id, evidence: [entry] },
      });
      expect(await t.file()).toMatchObject({ open: first.id, evidence: [{ id: first.id }, entry] });
    });

    it('a case file of another project under this key is no file: the case opens afresh', async () => {
      w.store.setReference(CASE_FILE_REF, 'proj-1', {
        projectId: 'proj-2',
        open: 'w-other',
        evidence: [],
        closed: ['w-old'],
      });
      const c = await t.open();
      expect(await t.file()).toMatchObject({ projectId: 'proj-1', open: c.id, closed: [] });
    });

    it('the input: the reason 1 to 2,000 characters, the source ids 1 to 64 and 1 to 100, at most 50 pieces of evidence', async () => {
      const longest = await t.open(caseInput({ reason: x(2000), evidenceRefs: refs(50) }));
      await t.send(longest, 'DISMISS');
      const source = { flowId: x(64), instanceId: x(100) };
      await expect(t.open(caseInput({ source }), SYSTEM_ACTOR)).resolves.toMatchObject({
        context: { evidence: [{ source }] },
      });
      for (const [input, path, message] of [
        [{ reason: x(2001) }, 'reason', 'Too big: expected string to have <=2000 characters'],
        [{ reason: '  ' }, 'reason', 'Too small: expected string to have >=1 characters'],
        [
          { projectId: ` ${x(101)} ` },
          'projectId',
          'Too big: expected string to have <=100 characters',
        ],
        [
          { collegeId: ` ${x(65)} ` },
          'collegeId',
          'Too big: expected string to have <=64 characters',
        ],
        [{ evidenceRefs: refs(51) }, 'evidenceRefs', 'Too big: expected array to have <=50 items'],
        [
          { source: { flowId: x(65), instanceId: 'r-1' } },
          'source.flowId',
          'Too big: expected string to have <=64 characters',
        ],
        [
          { source: { flowId: '', instanceId: 'r-1' } },
          'source.flowId',
          'Too small: expected string to have >=1 characters',
        ],
        [
          { source: { flowId: 'rectification', instanceId: x(101) } },
          'source.instanceId',
          'Too big: expected string to have <=100 characters',
        ],
        [
          { source: { flowId: 'rectification', instanceId: '' } },
          'source.instanceId',
          'Too small: expected string to have >=1 characters',
        ],
      ] as const) {
        expect(await t.refusal(() => t.open(caseInput(input))), path).toEqual(
          invalid(path, message),
        );
      }
    });
  });

  describe('the notice, the response and the decision', () => {
    it('教务处 issues the notice (school-wide); the college answers in 5 working days, a reminder after 3', async () => {
      const c = await t.open();
      expect(c.tasks).toMatchObject([
        {
          step: 'notice',
          role: 'academic_affairs',
          college: null,
          events: ['ISSUE_NOTICE', 'DISMISS', 'TRANSFER', 'CC', 'COMMENT'],
          approval: false,
        },
      ]);
      const steps = async (i: InstanceView) =>
        (await w.engine.preview(i.id)).steps
          .filter((s) => s.current)
          .map((s) => [s.step, s.role, s.scope]);
      expect(await steps(c)).toEqual([['notice', 'academic_affairs', 'school']]);
      const response = await t.send(c, 'ISSUE_NOTICE', {
        ...notice,
        summary: ` ${notice.summary} `,
      });
      expect(response).toMatchObject({
        state: 'response',
        context: { notice: { ...notice, at: NOW } },
        tasks: [
          {
            step: 'response',
            role: 'college_lead',
            college: 'ee',
            events: ['RESPOND', 'TRANSFER', 'CC', 'COMMENT'],
            approval: false,
            // Mon 1 Mar + 5 working days: Mon 8 Mar, 17:30 Beijing.
            dueAt: '2027-03-08T09:30:00.000Z',
          },
        ],
      });
      expect(
        (await w.store.read.pendingTimers(c.id)).map((r) => [r.kind, r.dueAt.toISOString()]).sort(),
      ).toEqual([
        ['event', '2027-03-08T09:30:00.000Z'],
        // 09:00 of the working day after the 3rd (Thu 4 Mar).
        ['remind', '2027-03-05T01:00:00.000Z'],
      ]);
      const decided = await t.send(
        response,
        'RESPOND',
        { statement: ' 已整改 ' },
        people.collegeLead,
      );
      expect(decided).toMatchObject({
        state: 'decision',
        context: { response: { statement: '已整改', evidenceRefs: [], at: NOW } },
        // The 领导小组 decides (an approval step), school-wide, never by reply mail.
        tasks: [
          {
            step: 'decision',
            role: 'leadership',
            college: null,
            events: ['APPROVE', 'REJECT', 'ADD_APPROVER', 'CC', 'COMMENT'],
            approval: true,
          },
        ],
      });
      expect(await steps(decided)).toEqual([['decision', 'leadership', 'school']]);
      expect(withdrawalFlow.states.decision?.tasks?.[0]?.replyAllowed).toBe(false);
    });

    it('the notice summary 1 to 2,000, the statement 1 to 5,000 characters, at most 50 pieces of evidence', async () => {
      const c = await t.open();
      expect(
        await t.refusal(() => t.send(c, 'ISSUE_NOTICE', { ...notice, summary: x(2001) })),
      ).toEqual(invalid('summary', 'Too big: expected string to have <=2000 characters'));
      expect(await t.refusal(() => t.send(c, 'ISSUE_NOTICE', { ...notice, summary: ' ' }))).toEqual(
        invalid('summary', 'Too small: expected string to have >=1 characters'),
      );
      const r = await t.send(c, 'ISSUE_NOTICE', { ...notice, summary: x(2000) });
      const respond = (data: JsonObject) => t.send(r, 'RESPOND', data, people.collegeLead);
      expect(await t.refusal(() => respond({ statement: x(5001) }))).toEqual(
        invalid('statement', 'Too big: expected string to have <=5000 characters'),
      );
      expect(await t.refusal(() => respond({ statement: ' ' }))).toEqual(
        invalid('statement', 'Too small: expected string to have >=1 characters'),
      );
      expect(await t.refusal(() => respond({ statement: 's', evidenceRefs: refs(51) }))).toEqual(
        invalid('evidenceRefs', 'Too big: expected array to have <=50 items'),
      );
      await expect(respond({ statement: x(5000), evidenceRefs: refs(50) })).resolves.toMatchObject({
        context: { response: { statement: x(5000), evidenceRefs: refs(50) } },
      });
    });

    it('each step reads the case file: triggers added meanwhile are in the evidence the 领导小组 decides on', async () => {
      const c = await t.open();
      const join = (trigger: WithdrawalInputV2['trigger']) =>
        t.open(caseInput({ trigger, ifOpen: 'add-evidence' }), SYSTEM_ACTOR);
      const triggers = (i: InstanceView) =>
        (i.context as { evidence: { trigger: string }[] }).evidence.map((e) => e.trigger);
      await join('weak-progress');
      const response = await t.send(c, 'ISSUE_NOTICE', notice);
      expect(triggers(response)).toEqual(['loose-management', 'weak-progress']);
      await join('irregular-funds');
      const decided = await t.send(
        response,
        'RESPOND',
        { statement: '已整改' },
        people.collegeLead,
      );
      expect(triggers(decided)).toEqual(['loose-management', 'weak-progress', 'irregular-funds']);
      await join('forced-participation');
      const done = await t.send(decided, 'APPROVE', {}, people.leader);
      expect(done).toMatchObject({
        state: 'cancelled',
        status: 'completed',
        context: { decidedAt: NOW },
      });
      expect(triggers(done)).toEqual([
        'loose-management',
        'weak-progress',
        'irregular-funds',
        'forced-participation',
      ]);
    });

    it('dismissed and retained cases keep the evidence as the file held it, and free the project', async () => {
      const c = await t.open();
      await t.open(caseInput({ trigger: 'weak-progress', ifOpen: 'add-evidence' }), SYSTEM_ACTOR);
      const dismissed = await t.send(c, 'DISMISS');
      expect(dismissed).toMatchObject({ state: 'dismissed', status: 'withdrawn' });
      expect((dismissed.context.evidence as object[]).length).toBe(2);
      const d = await t.open();
      const decided = await decision(d);
      await t.open(caseInput({ trigger: 'weak-progress', ifOpen: 'add-evidence' }), SYSTEM_ACTOR);
      const retained = await t.send(decided, 'REJECT', {}, people.leader);
      expect(retained).toMatchObject({
        state: 'retained',
        status: 'rejected',
        context: { decidedAt: NOW },
      });
      expect((retained.context.evidence as object[]).length).toBe(2);
      expect(await t.file()).toEqual({
        projectId: 'proj-1',
        open: null,
        evidence: [],
        closed: [c.id, d.id],
      });
    });

    it('a case the file no longer names keeps its own evidence and leaves the file to the case it names', async () => {
      const c = await decision(await t.open());
      const other = {
        projectId: 'proj-1',
        open: 'w-other',
        evidence: [
          {
            id: 'w-other',
            trigger: 'weak-progress',
            reason: '另案',
            evidenceRefs: [],
            at: NOW,
            by: 'u-aa',
          },
        ],
        closed: [],
      };
      w.store.setReference(CASE_FILE_REF, 'proj-1', other);
      const retained = await t.send(c, 'REJECT', {}, people.leader);
      expect(
        (retained.context as { evidence: { id: string }[] }).evidence.map((e) => e.id),
      ).toEqual([c.id]);
      expect(await t.file()).toEqual(other);
    });

    it('the 领导小组 cancels a project whatever its status now; a project record gone is PROJECT_NOT_FOUND', async () => {
      const c = await decision(await t.open());
      w.store.setReference('project', 'proj-1', projectRecord({ status: 'suspended' }));
      await expect(t.send(c, 'APPROVE', {}, people.leader)).resolves.toMatchObject({
        state: 'cancelled',
      });
      expect(await w.store.read.reference('project', 'proj-1')).toMatchObject({
        status: 'cancelled',
      });
      w.store.setReference('project', 'proj-2', projectRecord({ id: 'proj-2' }));
      const d = await decision(await t.open(caseInput({ projectId: 'proj-2' })));
      w.store.setReference('project', 'proj-2', {});
      expect(await t.refusal(() => t.send(d, 'APPROVE', {}, people.leader))).toEqual({
        ...projectRefusals.missing,
        details: { projectId: 'proj-2' },
      });
    });
  });
});

describe('withdrawal v1 (第七条1), kept for the cases running on it', () => {
  let w: MemoryWorld;
  let t: ReturnType<typeof world>;
  beforeEach(() => {
    w = memoryWorld({ start: '2027-03-01T09:00:00+08:00', flows: flowsFor(withdrawalFlow) });
    t = world(w);
  });

  it('opens on the project of the college, still implementing — refused in full otherwise', async () => {
    expect(await t.refusal(() => t.open(caseInput({ projectId: 'nope' })))).toEqual(
      projectRefusals.missing,
    );
    expect(await t.refusal(() => t.open(caseInput({ collegeId: 'cs' })))).toEqual(
      projectRefusals.otherCollege,
    );
    const c = await t.open();
    expect(c).toMatchObject({
      flowVersion: 1,
      title: 'ee 项目 proj-1 退出：证书培训、考核等工作管理不严、出现漏洞',
      subjectId: 'proj-1',
      context: { notice: null, response: null, responseOverdue: false, decidedAt: null },
    });
    w.store.setReference('project', 'proj-1', projectRecord({ status: 'cancelled' }));
    expect(await t.refusal(() => t.open())).toEqual(projectRefusals.cancelled);
  });

  it('each ending has its outcome: cancelled completed, retained rejected, dismissed withdrawn', async () => {
    const dismissed = await t.send(await t.open(), 'DISMISS');
    expect(dismissed).toMatchObject({ state: 'dismissed', status: 'withdrawn' });
    const toDecision = async () =>
      t.send(
        await t.send(await t.open(), 'ISSUE_NOTICE', notice),
        'RESPOND',
        { statement: '已整改' },
        people.collegeLead,
      );
    const retained = await t.send(await toDecision(), 'REJECT', {}, people.leader);
    expect(retained).toMatchObject({
      state: 'retained',
      status: 'rejected',
      context: { decidedAt: NOW },
    });
    const c = await toDecision();
    expect(c.context).toMatchObject({
      notice: { ...notice, at: NOW },
      response: { statement: '已整改', evidenceRefs: [], at: NOW },
    });
    // The 领导小组 may cancel a project no longer implementing; a record gone is refused.
    w.store.setReference('project', 'proj-1', projectRecord({ status: 'suspended' }));
    const cancelled = await t.send(c, 'APPROVE', {}, people.leader);
    expect(cancelled).toMatchObject({
      state: 'cancelled',
      status: 'completed',
      context: { decidedAt: NOW },
    });
    w.store.setReference('project', 'proj-1', projectRecord());
    const d = await toDecision();
    w.store.setReference('project', 'proj-1', {});
    expect(await t.refusal(() => t.send(d, 'APPROVE', {}, people.leader))).toEqual({
      ...projectRefusals.missing,
      details: { projectId: 'proj-1' },
    });
  });
});
