import type { Actor, JsonObject, ReferenceReader } from '@certflow/engine';
import { SYSTEM_ACTOR } from '@certflow/engine';
import { describe, expect, it } from 'vitest';
import { QUOTA_REF, quotaKey } from '../../common.js';
import { memoryWorld } from '../../model/memory-world.js';
import { people } from '../../testing/people.js';
import { compileDeadline } from './deadlines.js';
import { planCall, planLine, planOf } from './fixtures.js';
import { annualPlanFlow, checkPlan } from './flow.js';
import { ANNUAL_PLAN_REF } from './machine.js';

/** The rows a rule reads, as a `ReferenceReader` (the engine gives a rule the same). */
const rows = (entries: Record<string, JsonObject> = {}): ReferenceReader => ({
  get: (kind, key) => entries[`${kind}:${key}`],
});
const withQuota = (scale: number, budget: number) =>
  rows({ [`${QUOTA_REF}:${quotaKey(2027, 'ee')}`]: { scale, budget } });
// planOf(): two lines, 70 students, 750,000 + 600,000 = 1,350,000 fen.
const SCALE = 70;
const BUDGET = 1_350_000;

/** The annual plan's checks (第七条2) at their bounds, and its compile deadline's settings. */
describe('annual-plan rules: the plan against the quota at its bounds (第七条2)', () => {
  it('exactly the 试点规模数 and budget: no 领导小组; one more of either: it decides, with the reasons', () => {
    const totals = { certificates: 2, scale: SCALE, budget: BUDGET };
    expect(checkPlan(planCall(), planOf(), withQuota(SCALE, BUDGET))).toEqual({
      refs: { totals, needsLeadership: false, reasons: [] },
    });
    expect(checkPlan(planCall(), planOf(), withQuota(SCALE - 1, BUDGET))).toEqual({
      refs: { totals, needsLeadership: true, reasons: ['scale'] },
    });
    expect(checkPlan(planCall(), planOf(), withQuota(SCALE, BUDGET - 1))).toEqual({
      refs: { totals, needsLeadership: true, reasons: ['budget'] },
    });
    expect(checkPlan(planCall(), planOf(), withQuota(SCALE - 1, BUDGET - 1))).toEqual({
      refs: { totals, needsLeadership: true, reasons: ['scale', 'budget'] },
    });
    // No quota row (or one in another shape): the 领导小组 decides.
    expect(checkPlan(planCall(), planOf(), rows())).toEqual({
      refs: { totals, needsLeadership: true, reasons: ['quota-missing'] },
    });
    // The quota of that year and college only.
    expect(checkPlan(planCall({ year: 2028 }), planOf(), withQuota(SCALE, BUDGET))).toMatchObject({
      refs: { reasons: ['quota-missing'] },
    });
    // An empty plan (with its note) never needs the 领导小组, and lists no reasons.
    expect(checkPlan(planCall(), { lines: [], note: '暂不申报' }, rows())).toEqual({
      refs: {
        totals: { certificates: 0, scale: 0, budget: 0 },
        needsLeadership: false,
        reasons: [],
      },
    });
  });

  it('LEVEL_NOT_ALLOWED and DUPLICATE_CERTIFICATE name the line, in full', () => {
    const elementary = planLine({ certificate: { code: 'E', name: 'E', level: 'elementary' } });
    const second = planLine({ certificate: { code: 'B', name: 'B', level: 'advanced' } });
    const json = (r: unknown) => (r as { toJSON(): unknown }).toJSON();
    expect(json(checkPlan(planCall(), planOf([second, elementary]), rows()))).toEqual({
      code: 'LEVEL_NOT_ALLOWED',
      message: '申报证书等级须为中级及以上，不得申报初级（第七条第2款）',
      messageEn:
        'Only intermediate or advanced certificates may be applied for, never elementary (Art. 7.2)',
      details: { line: 1, level: 'elementary' },
    });
    expect(json(checkPlan(planCall(), planOf([planLine(), second, planLine()]), rows()))).toEqual({
      code: 'DUPLICATE_CERTIFICATE',
      message: '同一证书在年度计划中只能列一行',
      messageEn: 'A certificate may appear only once in the annual plan',
      details: { line: 2, code: 'WEB-FE' },
    });
  });

  it('PLAN_CALL_EXISTS names the year, the college and the open call', async () => {
    const w = memoryWorld({ start: '2026-09-01T09:00:00+08:00' });
    const first = await w.engine.start('annual-plan', planCall(), SYSTEM_ACTOR);
    expect(await w.store.read.reference(ANNUAL_PLAN_REF, '2027/ee')).toMatchObject({
      instanceId: first.id,
    });
    expect(first.title).toBe('ee 2027 年度证书考核计划');
    expect(first.subjectId).toBe('annual-plan:2027:ee');
    const error = await w.engine.start('annual-plan', planCall(), people.academic).then(
      () => undefined,
      (e: unknown) => (e as { toJSON(): unknown }).toJSON(),
    );
    expect(error).toEqual({
      code: 'PLAN_CALL_EXISTS',
      message: '该二级学院本年度的年度计划编报已经发起，不能重复发起',
      messageEn: "This college's annual plan call for that year is already open or filed",
      details: { year: 2027, collegeId: 'ee', instanceId: first.id },
    });
  });
});

describe('annual-plan compile deadline: the settings at their bounds', () => {
  it('1 and 250 working days are allowed; 0 and 251 are not, with the setting named', () => {
    expect(compileDeadline({ dueWorkingDays: 1 })).toEqual({
      due: { workingDays: 1 },
      reminders: [],
    });
    expect(compileDeadline({ dueWorkingDays: 250 }).due).toEqual({ workingDays: 250 });
    expect(() => compileDeadline({ dueWorkingDays: 0 })).toThrow(
      new RangeError('annual plan: dueWorkingDays must be 1–250 working days, not 0'),
    );
    expect(() => compileDeadline({ dueWorkingDays: 251 })).toThrow(
      new RangeError('annual plan: dueWorkingDays must be 1–250 working days, not 251'),
    );
  });

  it('default reminders 15 and 5 days before, only those after the call', () => {
    expect(compileDeadline({ dueWorkingDays: 70 }).reminders).toEqual([
      { workingDays: 55 },
      { workingDays: 65 },
    ]);
    expect(compileDeadline({ dueWorkingDays: 16 }).reminders).toEqual([
      { workingDays: 1 },
      { workingDays: 11 },
    ]);
    expect(compileDeadline({ dueWorkingDays: 15 }).reminders).toEqual([{ workingDays: 10 }]);
    expect(compileDeadline({ dueWorkingDays: 5 }).reminders).toEqual([]);
  });

  it('given reminders are sorted and counted once; each 1 to due − 1', () => {
    expect(
      compileDeadline({ dueWorkingDays: 10, reminderWorkingDays: [9, 1, 9, 5] }).reminders,
    ).toEqual([{ workingDays: 1 }, { workingDays: 5 }, { workingDays: 9 }]);
    const bad = (r: number) =>
      new RangeError(
        `annual plan: a reminder must be a whole number of working days before the deadline (1–9), not ${r}`,
      );
    expect(() => compileDeadline({ dueWorkingDays: 10, reminderWorkingDays: [10] })).toThrow(
      bad(10),
    );
    expect(() => compileDeadline({ dueWorkingDays: 10, reminderWorkingDays: [0] })).toThrow(bad(0));
    expect(() => compileDeadline({ dueWorkingDays: 10, reminderWorkingDays: [2.5] })).toThrow(
      bad(2.5),
    );
  });
});

describe('annual-plan through the engine: the call, the plan as given, 退回 from either review', () => {
  const open = async () => {
    const w = memoryWorld({ start: '2026-09-01T09:00:00+08:00' });
    w.store.setReference(QUOTA_REF, quotaKey(2027, 'ee'), { scale: 50, budget: 10_000_000 });
    const i = await w.engine.start('annual-plan', planCall({ collegeId: ' ee ' }), SYSTEM_ACTOR);
    const act = async (type: string, who: Actor, data?: unknown) =>
      w.engine.send(
        i.id,
        {
          type,
          taskId: (await w.engine.get(i.id)).tasks[0]?.id,
          data: (data ?? {}) as never,
          ...(type === 'RETURN' ? { comment: '请修改' } : {}),
        },
        who,
      );
    return { w, i, act };
  };

  it('the call opens the `annual-plan` row (no plan yet) and nothing is decided before a plan', async () => {
    const { w, i } = await open();
    expect(i.context).toMatchObject({
      request: { year: 2027, collegeId: 'ee' },
      plan: null,
      totals: null,
      leadership: { needsLeadership: false, reasons: [] },
      revisions: 0,
    });
    expect(await w.store.read.reference('annual-plan', '2027/ee')).toEqual({
      instanceId: i.id,
      year: 2027,
      collegeId: 'ee',
      status: 'open',
    });
    expect(annualPlanFlow().title).toEqual({
      zh: '年度证书考核计划编报',
      en: 'Annual certificate assessment plan',
    });
  });

  it('a plan with lines needs no note; an empty one without a note is refused naming it; a note is trimmed', async () => {
    const { act } = await open();
    const refused = await act('SUBMIT_PLAN', people.collegeLead, { lines: [] }).then(
      () => undefined,
      (e: { code: string; details?: { issues?: unknown } }) => [e.code, e.details?.issues],
    );
    expect(refused).toEqual([
      'VALIDATION_FAILED',
      [{ path: 'note', message: 'a plan with no certificate must say why in note' }],
    ]);
    const r = await act('SUBMIT_PLAN', people.collegeLead, { lines: [planLine()] });
    expect(r.state).toBe('academicReview');
    const back = await act('RETURN', people.academic);
    expect(back.state).toBe('returned');
    const again = await act('SUBMIT_PLAN', people.collegeLead, { lines: [], note: '  暂不申报 ' });
    expect(again.context).toMatchObject({ plan: { lines: [], note: '暂不申报' }, revisions: 1 });
  });

  it('退回 from the 领导小组 step goes back to the college too', async () => {
    const { act } = await open();
    await act('SUBMIT_PLAN', people.collegeLead, planOf());
    const leadership = await act('APPROVE', people.academic);
    expect(leadership.state).toBe('leadershipReview');
    const back = await act('RETURN', people.leader);
    expect(back).toMatchObject({ state: 'returned', status: 'active' });
  });
});
