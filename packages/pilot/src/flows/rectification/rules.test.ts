import type { Actor, InstanceView, JsonObject } from '@certflow/engine';
import { beforeEach, describe, expect, it } from 'vitest';
import { projectRecord } from '../../testing/assessment-fixtures.js';
import { memoryPilotWorld, type MemoryPilotWorld } from '../../testing/effects-world.js';
import { people } from '../../testing/people.js';
import { rectificationFlow } from './flow.js';
import type { RectificationInput } from './input.js';
import { invalidInput as invalid, refusalOf } from '../../testing/refusals.js';

/**
 * Supervision and rectification (第九条) at its edges: the finding is about an approved project of
 * the college, every bound of the finding, the plan and the results at exactly its value and one
 * past it, every refusal with its code, details and both messages, and what each state asks of
 * whom and by when. The world opens on Monday 1 March 2027, 09:00 Beijing (Mon–Fri calendar).
 */
describe('rectification rules: the finding, the plan and the results at their bounds (第九条)', () => {
  let w: MemoryPilotWorld;
  beforeEach(() => {
    w = memoryPilotWorld();
    w.store.setReference('project', 'proj-1', projectRecord());
  });
  const finding = (overrides: Partial<RectificationInput['finding']> = {}) => ({
    summary: '考核资料未归档',
    trigger: 'weak-progress' as const,
    evidenceRefs: ['att://inspection/1.pdf'],
    ...overrides,
  });
  const input = (overrides: Partial<RectificationInput> = {}): RectificationInput => ({
    projectId: 'proj-1',
    collegeId: 'ee',
    finding: finding(),
    ...overrides,
  });
  const open = (i: object = input()) => w.engine.start('rectification', i, people.academic);
  const plan = { summary: '两周内补齐归档', measures: ['补扫证书', '补录数据'] };
  const results = { summary: '已补齐全部证书扫描件', evidenceRefs: ['att://r/archive.pdf'] };
  const send = (i: InstanceView, type: string, data: JsonObject, who: Actor = people.collegeLead) =>
    w.engine.send(i.id, { type, data }, who);
  const accepted = async () =>
    send(await send(await open(), 'SUBMIT_PLAN', plan), 'APPROVE', {}, people.academic);
  /** The refusal `attempt` throws, as the API shows it, and that nothing was written. */
  const refusal = (attempt: () => Promise<unknown>) => refusalOf(() => w.store.dump(), attempt);
  const timersOf = async (id: string) =>
    (await w.store.read.pendingTimers(id))
      .map((t) => [t.kind, t.event, t.dueAt.toISOString()])
      .sort();
  const x = (n: number) => 'x'.repeat(n);
  const refs = (n: number) => Array.from({ length: n }, (_, k) => `att://e/${k}.pdf`);

  describe('the finding (第九条, on a ground of 第七条1)', () => {
    it('is about an approved project of that college, still implementing — refused in full', async () => {
      expect(await refusal(() => open(input({ projectId: 'nope' })))).toEqual({
        code: 'PROJECT_NOT_FOUND',
        message: '未找到已批准的试点项目',
        messageEn: 'No approved pilot project with that id',
        details: { projectId: 'nope' },
      });
      expect(await refusal(() => open(input({ collegeId: 'cs' })))).toEqual({
        code: 'PROJECT_COLLEGE_MISMATCH',
        message: '试点项目不属于该二级学院',
        messageEn: 'The pilot project belongs to another college',
        details: { projectId: 'proj-1', collegeId: 'cs' },
      });
      w.store.setReference('project', 'proj-1', projectRecord({ status: 'cancelled' }));
      expect(await refusal(() => open())).toEqual({
        code: 'PROJECT_NOT_IMPLEMENTING',
        message: '试点项目不在实施中（已撤销或未批准）',
        messageEn: 'The pilot project is not being implemented (cancelled or not approved)',
        details: { projectId: 'proj-1', status: 'cancelled' },
      });
    });

    it('ids and the summary are trimmed; the title names the ground; evidence defaults to none', async () => {
      const r = await open({
        projectId: ' proj-1 ',
        collegeId: ' ee ',
        finding: { summary: ' 考场监控缺失 ', trigger: 'loose-management' },
      });
      expect(r).toMatchObject({
        title: 'ee 项目 proj-1 整改：证书培训、考核等工作管理不严、出现漏洞',
        college: 'ee',
        subjectId: 'proj-1',
      });
      expect(r.context.case).toEqual({
        projectId: 'proj-1',
        collegeId: 'ee',
        finding: { summary: '考场监控缺失', trigger: 'loose-management', evidenceRefs: [] },
      });
      expect(rectificationFlow.title).toEqual({
        zh: '监督检查与整改',
        en: 'Supervision and rectification',
      });
    });

    it('the summary is 1 to 2,000 characters, at most 50 pieces of evidence, ids at most 100 and 64', async () => {
      await expect(
        open(input({ finding: finding({ summary: x(2000), evidenceRefs: refs(50) }) })),
      ).resolves.toMatchObject({ state: 'planPending' });
      expect(await refusal(() => open(input({ finding: finding({ summary: x(2001) }) })))).toEqual(
        invalid('finding.summary', 'Too big: expected string to have <=2000 characters'),
      );
      expect(await refusal(() => open(input({ finding: finding({ summary: '  ' }) })))).toEqual(
        invalid('finding.summary', 'Too small: expected string to have >=1 characters'),
      );
      expect(
        await refusal(() => open(input({ finding: finding({ evidenceRefs: refs(51) }) }))),
      ).toEqual(invalid('finding.evidenceRefs', 'Too big: expected array to have <=50 items'));
      expect(await refusal(() => open(input({ projectId: ` ${x(101)} ` })))).toEqual(
        invalid('projectId', 'Too big: expected string to have <=100 characters'),
      );
      expect(await refusal(() => open(input({ collegeId: ` ${x(65)} ` })))).toEqual(
        invalid('collegeId', 'Too big: expected string to have <=64 characters'),
      );
    });
  });

  describe('the plan (整改方案)', () => {
    it('is kept trimmed with when it came; the summary 1 to 5,000, 1 to 50 measures of 1 to 500', async () => {
      const r = await open();
      const big = { summary: ` ${x(5000)} `, measures: Array.from({ length: 50 }, () => x(500)) };
      const submitted = await send(r, 'SUBMIT_PLAN', {
        ...big,
        measures: [' 补扫证书 ', ...big.measures.slice(1)],
      });
      expect(submitted.context.plan).toEqual({
        summary: x(5000),
        measures: ['补扫证书', ...big.measures.slice(1)],
        at: '2027-03-01T01:00:00.000Z',
      });
      const other = await open();
      expect(
        await refusal(() => send(other, 'SUBMIT_PLAN', { ...plan, summary: x(5001) })),
      ).toEqual(invalid('summary', 'Too big: expected string to have <=5000 characters'));
      expect(await refusal(() => send(other, 'SUBMIT_PLAN', { ...plan, summary: ' ' }))).toEqual(
        invalid('summary', 'Too small: expected string to have >=1 characters'),
      );
      expect(
        await refusal(() =>
          send(other, 'SUBMIT_PLAN', { ...plan, measures: [...big.measures, 'x'] }),
        ),
      ).toEqual(invalid('measures', 'Too big: expected array to have <=50 items'));
      expect(await refusal(() => send(other, 'SUBMIT_PLAN', { ...plan, measures: [' '] }))).toEqual(
        invalid('measures.0', 'Too small: expected string to have >=1 characters'),
      );
      expect(
        await refusal(() => send(other, 'SUBMIT_PLAN', { ...plan, measures: [x(501)] })),
      ).toEqual(invalid('measures.0', 'Too big: expected string to have <=500 characters'));
    });

    it('the college has 10 working days and a reminder after 7 (not an approval); 教务处 verifies school-wide', async () => {
      const r = await open();
      expect(r.tasks).toMatchObject([
        {
          step: 'plan',
          role: 'college_lead',
          college: 'ee',
          events: ['SUBMIT_PLAN', 'TRANSFER', 'CC', 'COMMENT'],
          approval: false,
          // Mon 1 Mar + 10 working days: Mon 15 Mar, 17:30 Beijing.
          dueAt: '2027-03-15T09:30:00.000Z',
        },
      ]);
      expect(await timersOf(r.id)).toEqual([
        ['event', 'PLAN_OVERDUE', '2027-03-15T09:30:00.000Z'],
        // 09:00 of the working day after the 7th (Wed 10 Mar).
        ['remind', 'REMIND', '2027-03-11T01:00:00.000Z'],
      ]);
      const verifying = await send(r, 'SUBMIT_PLAN', plan);
      expect(verifying.tasks).toMatchObject([
        {
          step: 'verify',
          role: 'academic_affairs',
          college: null,
          events: ['APPROVE', 'RETURN', 'REJECT', 'TRANSFER', 'ADD_APPROVER', 'CC', 'COMMENT'],
          // 教务处 recorded the finding itself: verifying the college's plan is no approval of it.
          approval: false,
        },
      ]);
      expect(rectificationFlow.states.verification?.tasks?.[0]?.replyAllowed).toBe(true);
      const preview = await w.engine.preview(verifying.id);
      expect(preview.steps.filter((s) => s.current).map((s) => [s.step, s.scope])).toEqual([
        ['verify', 'school'],
      ]);
    });

    it('a returned plan goes back to the college with a new round and a new deadline', async () => {
      const verifying = await send(await open(), 'SUBMIT_PLAN', plan);
      w.clock.set('2027-03-08T09:00:00+08:00');
      const returned = await w.engine.send(
        verifying.id,
        { type: 'RETURN', comment: '措施不具体' },
        people.academic,
      );
      expect(returned).toMatchObject({
        state: 'planPending',
        context: { rounds: 1, plan: { ...plan, at: '2027-03-01T01:00:00.000Z' } },
        // Mon 8 Mar + 10 working days: Mon 22 Mar.
        tasks: [{ step: 'plan', dueAt: '2027-03-22T09:30:00.000Z' }],
      });
    });
  });

  describe('the results (落实整改成果)', () => {
    it('the college has 20 working days and a reminder after 15 (not an approval); 教务处 verifies them as the plan', async () => {
      const r = await accepted();
      expect(r.tasks).toMatchObject([
        {
          step: 'results',
          role: 'college_lead',
          college: 'ee',
          events: ['REPORT_RESULTS', 'TRANSFER', 'CC', 'COMMENT'],
          approval: false,
          // Mon 1 Mar + 20 working days: Mon 29 Mar, 17:30 Beijing.
          dueAt: '2027-03-29T09:30:00.000Z',
        },
      ]);
      expect(await timersOf(r.id)).toEqual([
        ['event', 'RESULTS_OVERDUE', '2027-03-29T09:30:00.000Z'],
        // 09:00 of the working day after the 15th (Mon 22 Mar).
        ['remind', 'REMIND', '2027-03-23T01:00:00.000Z'],
      ]);
      const verifying = await send(r, 'REPORT_RESULTS', results);
      expect(verifying).toMatchObject({
        state: 'resultsVerification',
        context: { planAcceptedAt: '2027-03-01T01:00:00.000Z' },
        tasks: [{ step: 'verify', role: 'academic_affairs', college: null, approval: false }],
      });
    });

    it('the summary 1 to 5,000 characters, 1 to 50 pieces of evidence, kept trimmed', async () => {
      const r = await accepted();
      for (const [data, path, message] of [
        [
          { ...results, summary: x(5001) },
          'summary',
          'Too big: expected string to have <=5000 characters',
        ],
        [
          { ...results, summary: ' ' },
          'summary',
          'Too small: expected string to have >=1 characters',
        ],
        [
          { ...results, evidenceRefs: refs(51) },
          'evidenceRefs',
          'Too big: expected array to have <=50 items',
        ],
      ] as const) {
        expect(await refusal(() => send(r, 'REPORT_RESULTS', data)), path).toEqual(
          invalid(path, message),
        );
      }
      const reported = await send(r, 'REPORT_RESULTS', {
        summary: ` ${x(5000)} `,
        evidenceRefs: refs(50),
      });
      expect(reported.context.results).toEqual({
        summary: x(5000),
        evidenceRefs: refs(50),
        at: '2027-03-01T01:00:00.000Z',
      });
    });
  });
});
