import { SYSTEM_ACTOR, type Actor, type InstanceView, type JsonObject } from '@certflow/engine';
import { beforeEach, describe, expect, it } from 'vitest';
import { memoryWorld, type MemoryWorld } from '../../model/memory-world.js';
import { people } from '../../testing/people.js';
import { reportCall, reportText } from './fixtures.js';
import { reportFlow } from './flow.js';
import type { ReportInput } from './input.js';
import { invalidInput as invalid, refusalOf } from '../../testing/refusals.js';

/**
 * The report's call, its payloads and its tasks at their edges (第五条3–4, 第六条8, 第七条8,
 * 第十四条): every bound at exactly its value and one past it, every refusal with its code,
 * details and both messages written out, and what each state asks of whom and by when.
 */
describe('report rules: the call and the payloads at their bounds, refusals in full', () => {
  let w: MemoryWorld;
  beforeEach(() => {
    // Monday 2 November 2026, 09:00 Beijing time.
    w = memoryWorld({ start: '2026-11-02T09:00:00+08:00' });
  });
  const open = (overrides: Partial<ReportInput> = {}) =>
    w.engine.start('report', reportCall(overrides), SYSTEM_ACTOR);
  /** The refusal `attempt` throws, as the API shows it, and that nothing was written. */
  const refusal = (attempt: () => Promise<unknown>) => refusalOf(() => w.dump(), attempt);
  const send = (i: InstanceView, type: string, data: JsonObject, who: Actor = people.collegeLead) =>
    w.engine.send(i.id, { type, data }, who);
  const returnIt = (i: InstanceView) =>
    w.engine.send(i.id, { type: 'RETURN', comment: '请补充数据' }, people.academic);
  const submitted = async (data: JsonObject = reportText) => send(await open(), 'SUBMIT', data);
  const filed = async () => send(await submitted(), 'APPROVE', {}, people.academic);
  const timersOf = async (id: string) =>
    (await w.store.read.pendingTimers(id))
      .map((t) => [t.kind, t.event, t.dueAt.toISOString()])
      .sort();
  const tooLong = (n: number) => 'x'.repeat(n);

  describe('the call (第五条3–4, 第十四条)', () => {
    it('a period is YYYY-MM (01–12), YYYY-Qn (1–4) or YYYY-Hn (1–2), nothing around it', async () => {
      for (const period of ['2026-01', '2026-09', '2026-10', '2026-12', '2026-Q1', '2026-Q4']) {
        await expect(open({ period }), period).resolves.toMatchObject({ state: 'drafting' });
      }
      for (const period of ['2026-H1', '2026-H2']) {
        await expect(open({ period }), period).resolves.toMatchObject({ state: 'drafting' });
      }
      const bad = 'period is YYYY, YYYY-MM, YYYY-Qn or YYYY-Hn';
      for (const period of [
        '2026-00',
        '2026-13',
        '2026-Q0',
        '2026-Q5',
        '2026-H0',
        '2026-H3',
        'x2026-11',
        '2026-11x',
        '2026-',
      ]) {
        expect(await refusal(() => open({ period })), period).toEqual(invalid('period', bad));
      }
    });

    it('an annual summary covers a year, a dynamic report a shorter period: refused naming period', async () => {
      const message = 'an annual summary covers a year (YYYY); a dynamic report a shorter period';
      expect(await refusal(() => open({ kind: 'annual-summary', period: '2026-11' }))).toEqual(
        invalid('period', message),
      );
      expect(await refusal(() => open({ kind: 'dynamic', period: '2026' }))).toEqual(
        invalid('period', message),
      );
      // A year is exactly four digits: '12026' is neither a period nor a year.
      const issues = [
        { path: 'period', message: 'period is YYYY, YYYY-MM, YYYY-Qn or YYYY-Hn' },
        { path: 'period', message },
      ];
      expect(await refusal(() => open({ kind: 'annual-summary', period: '12026' }))).toEqual({
        ...invalid('period', 'period is YYYY, YYYY-MM, YYYY-Qn or YYYY-Hn'),
        details: { issues },
      });
    });

    it('the college is trimmed, 1 to 64 characters; the subject and the title name it', async () => {
      const i = await open({ collegeId: ' ee ', topic: '  证书考核数据  ' });
      expect(i).toMatchObject({
        college: 'ee',
        subjectId: 'dynamic:ee:2026-11',
        title: 'ee 试点工作动态 2026-11',
        context: { request: { collegeId: 'ee', topic: '证书考核数据' } },
      });
      const annual = await open({ kind: 'annual-summary', period: '2026' });
      expect(annual).toMatchObject({
        subjectId: 'annual-summary:ee:2026',
        title: 'ee 年度总结 2026',
      });
      await expect(open({ collegeId: 'c'.repeat(64) })).resolves.toMatchObject({
        college: 'c'.repeat(64),
      });
      expect(await refusal(() => open({ collegeId: 'c'.repeat(65) }))).toEqual(
        invalid('collegeId', 'Too big: expected string to have <=64 characters'),
      );
      expect(await refusal(() => open({ collegeId: '   ' }))).toEqual(
        invalid('collegeId', 'Too small: expected string to have >=1 characters'),
      );
    });

    it('the topic is at most 500 characters (after trimming), and optional', async () => {
      await expect(open({ topic: ` ${tooLong(500)} ` })).resolves.toMatchObject({
        context: { request: { topic: tooLong(500) } },
      });
      expect(await refusal(() => open({ topic: tooLong(501) }))).toEqual(
        invalid('topic', 'Too big: expected string to have <=500 characters'),
      );
      await expect(open({ topic: '' })).resolves.toMatchObject({ state: 'drafting' });
    });

    it('only academic affairs (or the scheduler) opens a report: a college lead is NOT_AUTHORIZED', async () => {
      expect(
        await refusal(() => w.engine.start('report', reportCall(), people.collegeLead)),
      ).toMatchObject({ code: 'NOT_AUTHORIZED' });
      expect(reportFlow.title).toEqual({
        zh: '试点工作动态报送与年度总结',
        en: 'Pilot reporting and annual summary',
      });
    });
  });

  describe('the report (第六条8: 动态、经验、困难问题、政策建议; 第五条4: 数据)', () => {
    it('what was submitted is kept trimmed, with who and when', async () => {
      const i = await submitted({
        summary: '  本月动态  ',
        difficulties: ' 考点不足 ',
        suggestions: ' 增设考点 ',
        figures: { registered: 40 },
      });
      expect(i.context.submissions).toEqual([
        {
          summary: '本月动态',
          difficulties: '考点不足',
          suggestions: '增设考点',
          figures: { registered: 40 },
          by: people.collegeLead.id,
          at: '2026-11-02T01:00:00.000Z',
        },
      ]);
    });

    it('the summary: 1 to 10,000 characters after trimming', async () => {
      await expect(submitted({ summary: ` ${tooLong(10_000)} ` })).resolves.toMatchObject({
        state: 'review',
      });
      const i = await open();
      expect(await refusal(() => send(i, 'SUBMIT', { summary: tooLong(10_001) }))).toEqual(
        invalid('summary', 'Too big: expected string to have <=10000 characters'),
      );
      expect(await refusal(() => send(i, 'SUBMIT', { summary: '  ' }))).toEqual(
        invalid('summary', 'Too small: expected string to have >=1 characters'),
      );
    });

    it('difficulties and suggestions: at most 5,000 characters after trimming, may be empty', async () => {
      await expect(
        submitted({ ...reportText, difficulties: ` ${tooLong(5000)} `, suggestions: '' }),
      ).resolves.toMatchObject({
        context: { submissions: [{ difficulties: tooLong(5000), suggestions: '' }] },
      });
      await expect(
        submitted({ ...reportText, difficulties: '', suggestions: ` ${tooLong(5000)} ` }),
      ).resolves.toMatchObject({ context: { submissions: [{ suggestions: tooLong(5000) }] } });
      const i = await open();
      for (const field of ['difficulties', 'suggestions']) {
        expect(
          await refusal(() => send(i, 'SUBMIT', { ...reportText, [field]: tooLong(5001) })),
        ).toEqual(invalid(field, 'Too big: expected string to have <=5000 characters'));
      }
    });
  });

  describe('feedback and 诊改 (第七条8)', () => {
    it('an evaluation organization gives feedback only as itself: refused in full, nothing changes', async () => {
      const i = await filed();
      expect(
        await refusal(() =>
          send(
            i,
            'FEEDBACK',
            { source: 'education-department', summary: '冒充教育厅' },
            people.evaluator,
          ),
        ),
      ).toEqual({
        code: 'VALIDATION_FAILED',
        message: '培训评价组织只能以评价组织身份反馈意见',
        messageEn: 'An evaluation organization can only give feedback as itself',
        details: { field: 'data.source' },
      });
      // 教务处 enters either source; the outbox row names it.
      const answered = await send(
        i,
        'FEEDBACK',
        { source: 'evaluation-org', summary: '评价组织转来的意见' },
        people.academic,
      );
      expect(answered.state).toBe('improving');
      expect(w.store.outbox().filter((o) => o.kind === 'pilot.report.feedback')).toMatchObject([
        {
          payload: {
            kind: 'pilot.report.feedback',
            collegeId: 'ee',
            period: '2026-11',
            source: 'evaluation-org',
          },
        },
      ]);
    });

    it('the 诊改 answer: measures 1 to 10,000 characters after trimming', async () => {
      const i = await send(
        await filed(),
        'FEEDBACK',
        { source: 'education-department', summary: '数据报送不及时' },
        people.academic,
      );
      expect(
        await refusal(() => send(i, 'SUBMIT_IMPROVEMENT', { measures: tooLong(10_001) })),
      ).toEqual(invalid('measures', 'Too big: expected string to have <=10000 characters'));
      expect(await refusal(() => send(i, 'SUBMIT_IMPROVEMENT', { measures: ' ' }))).toEqual(
        invalid('measures', 'Too small: expected string to have >=1 characters'),
      );
      const answered = await send(i, 'SUBMIT_IMPROVEMENT', { measures: ` ${tooLong(10_000)} ` });
      expect(answered).toMatchObject({
        state: 'improvementReview',
        context: {
          improvements: [
            {
              measures: tooLong(10_000),
              by: people.collegeLead.id,
              at: '2026-11-02T01:00:00.000Z',
            },
          ],
        },
      });
    });
  });

  describe('who acts in each state, and by when (working days, Mon–Fri)', () => {
    it('the college drafts (not an approval, no escalation); 教务处 reviews school-wide (an approval)', async () => {
      const i = await open();
      expect(i.tasks).toMatchObject([
        {
          step: 'report',
          role: 'college_lead',
          college: 'ee',
          events: ['SUBMIT', 'TRANSFER', 'CC', 'COMMENT'],
          approval: false,
        },
      ]);
      const review = await send(i, 'SUBMIT', reportText);
      expect(review.tasks).toMatchObject([
        {
          step: 'academic',
          role: 'academic_affairs',
          college: null,
          events: ['APPROVE', 'RETURN', 'TRANSFER', 'ADD_APPROVER', 'CC', 'COMMENT'],
          approval: true,
          // Mon 2 Nov + 5 working days: Mon 9 Nov, 17:30 Beijing.
          dueAt: '2026-11-09T09:30:00.000Z',
        },
      ]);
      // 教务处 may decide by reply mail; the review step is the same for the report and 诊改.
      expect(reportFlow.states.review?.tasks?.[0]?.replyAllowed).toBe(true);
      expect(reportFlow.states.improvementReview?.tasks).toEqual(reportFlow.states.review?.tasks);
      expect(await timersOf(review.id)).toEqual([['remind', 'REMIND', '2026-11-06T01:00:00.000Z']]);
    });

    it('the annual summary: 15 working days, reminders after 10 and 14, no escalation; at the deadline overdue', async () => {
      const i = await open({ kind: 'annual-summary', period: '2026' });
      expect(i.tasks).toMatchObject([
        { step: 'report', role: 'college_lead', events: ['SUBMIT', 'TRANSFER', 'CC', 'COMMENT'] },
      ]);
      expect(await timersOf(i.id)).toEqual([
        ['event', 'DEADLINE_PASSED', '2026-11-23T09:30:00.000Z'],
        ['remind', 'REMIND', '2026-11-17T01:00:00.000Z'],
        ['remind', 'REMIND', '2026-11-23T01:00:00.000Z'],
      ]);
      const deadline = (await w.store.read.pendingTimers(i.id)).find((t) => t.kind === 'event')!;
      w.clock.set(deadline.dueAt);
      const fired = await w.engine.fireTimer(deadline.id);
      expect(fired.instance).toMatchObject({
        state: 'overdue',
        context: { overdue: true },
        tasks: [{ step: 'report', role: 'college_lead' }],
      });
      expect(w.store.outbox().filter((o) => o.kind === 'pilot.report.overdue')).toMatchObject([
        {
          payload: {
            kind: 'pilot.report.overdue',
            collegeId: 'ee',
            period: '2026',
            reportKind: 'annual-summary',
          },
        },
      ]);
    });

    it('a returned report: 3 working days, a reminder after 2, then escalated to 教务处', async () => {
      const returned = await returnIt(await submitted());
      expect(returned).toMatchObject({
        state: 'returned',
        context: { overdue: false },
        tasks: [
          {
            step: 'report',
            role: 'college_lead',
            college: 'ee',
            events: ['SUBMIT', 'TRANSFER', 'CC', 'COMMENT'],
            approval: false,
            // Mon 2 Nov + 3 working days: Thu 5 Nov, 17:30 Beijing.
            dueAt: '2026-11-05T09:30:00.000Z',
          },
        ],
      });
      expect(await timersOf(returned.id)).toEqual([
        ['escalate', 'ESCALATE', '2026-11-05T09:30:00.000Z'],
        ['remind', 'REMIND', '2026-11-05T01:00:00.000Z'],
      ]);
    });

    it('a resubmitted report is reviewed afresh: the earlier 退回 no longer counts', async () => {
      const returned = await returnIt(await submitted());
      const again = await send(returned, 'SUBMIT', reportText);
      const record = await w.store.read.getInstance(again.id);
      expect(record?.decisions.map((d) => [d.step, d.actorId, d.supersededBy])).toEqual([
        ['academic', people.academic.id, again.version],
      ]);
      expect(again.context.submissions).toHaveLength(2);
    });

    it('filed: 教务处 takes feedback or closes, the evaluation organization gives feedback (school-wide, no approvals)', async () => {
      const i = await filed();
      expect(i.tasks).toMatchObject([
        {
          step: 'feedback-intake',
          role: 'academic_affairs',
          college: null,
          events: ['FEEDBACK', 'CLOSE', 'CC', 'COMMENT'],
          approval: false,
          dueAt: null,
        },
        {
          step: 'evaluation-feedback',
          role: 'evaluation_org',
          college: null,
          events: ['FEEDBACK', 'COMMENT'],
          approval: false,
          dueAt: null,
        },
      ]);
      expect(await timersOf(i.id)).toEqual([
        // Mon 2 Nov + 20 working days: Mon 30 Nov, 17:30 Beijing.
        ['event', 'FEEDBACK_WINDOW_CLOSED', '2026-11-30T09:30:00.000Z'],
      ]);
      const closed = await send(i, 'CLOSE', {}, people.academic);
      expect(closed).toMatchObject({ state: 'closed', status: 'completed' });
    });

    it('the route preview names 教务处 and the evaluation organization school-wide', async () => {
      const current = async (i: InstanceView) =>
        (await w.engine.preview(i.id)).steps
          .filter((s) => s.current)
          .map((s) => [s.step, s.role, s.scope]);
      const review = await submitted();
      expect(await current(review)).toEqual([['academic', 'academic_affairs', 'school']]);
      expect(await current(await send(review, 'APPROVE', {}, people.academic))).toEqual([
        ['feedback-intake', 'academic_affairs', 'school'],
        ['evaluation-feedback', 'evaluation_org', 'school'],
      ]);
    });

    it('诊改: 10 working days, reminders after 5 and 8, then escalated to 教务处', async () => {
      const i = await send(
        await filed(),
        'FEEDBACK',
        { source: 'evaluation-org', summary: '监控录像缺失' },
        people.evaluator,
      );
      expect(i.tasks).toMatchObject([
        {
          step: 'improve',
          role: 'college_lead',
          events: ['SUBMIT_IMPROVEMENT', 'TRANSFER', 'CC', 'COMMENT'],
          approval: false,
          dueAt: '2026-11-16T09:30:00.000Z',
        },
      ]);
      expect(await timersOf(i.id)).toEqual([
        ['escalate', 'ESCALATE', '2026-11-16T09:30:00.000Z'],
        ['remind', 'REMIND', '2026-11-10T01:00:00.000Z'],
        ['remind', 'REMIND', '2026-11-13T01:00:00.000Z'],
      ]);
    });
  });
});
