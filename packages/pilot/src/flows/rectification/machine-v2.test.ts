import type { JsonObject } from '@certflow/engine';
import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { rectificationMachineV2 } from './machine-v2.js';

const AT = '2027-06-01T01:00:00.000Z';
const start = () =>
  initialTransition(rectificationMachineV2, {
    input: {
      projectId: 'proj-1',
      collegeId: 'ee',
      finding: { summary: '考场监控缺失', trigger: 'loose-management', evidenceRefs: [] },
    },
    instanceId: 'r1',
  })[0];
type Snap = ReturnType<typeof start>;
const send = (s: Snap, type: string, data: object = {}) =>
  transition(rectificationMachineV2, s, { type, data, refs: {}, at: AT, actorId: 'u' } as never);
const plan = { summary: '补装监控', measures: ['增设摄像头'] };
const results = { summary: '已加装', evidenceRefs: ['att://r/1.pdf'] };
const effects = (actions: readonly { type: string; params?: unknown }[]) =>
  actions.filter((a) => a.type === 'effect').map((a) => a.params as JsonObject);
const accepted = () => send(send(start(), 'SUBMIT_PLAN', plan)[0], 'APPROVE')[0];

describe('rectification v2 machine (第九条: plan, then its results verified)', () => {
  it('plan accepted → results reported → verified → closed', () => {
    let s = accepted();
    expect(s.value).toBe('implementing');
    expect(s.context.planAcceptedAt).toBe(AT);
    s = send(s, 'REPORT_RESULTS', results)[0];
    expect(s.value).toBe('resultsVerification');
    const [closed, actions] = send(s, 'APPROVE');
    expect(closed.value).toBe('closed');
    expect(effects(actions)).toEqual([]);
  });

  it('results returned go back for another report', () => {
    const s = send(send(accepted(), 'REPORT_RESULTS', results)[0], 'RETURN')[0];
    expect(s.value).toBe('implementing');
    expect(s.context.resultRounds).toBe(1);
  });

  it('failed results or an overdue report open a withdrawal case', () => {
    const [failed, a1] = send(send(accepted(), 'REPORT_RESULTS', results)[0], 'REJECT');
    expect(failed.value).toBe('failed');
    expect(effects(a1)[0]).toMatchObject({
      kind: 'pilot.withdrawal.open',
      withdrawal: { trigger: 'loose-management' },
    });
    const [overdue, a2] = send(accepted(), 'RESULTS_OVERDUE');
    expect(overdue.value).toBe('overdue');
    expect(effects(a2)[0]).toMatchObject({ withdrawal: { trigger: 'rectification-overdue' } });
  });

  it('results before the plan is accepted are not accepted', () => {
    const s = send(start(), 'SUBMIT_PLAN', plan)[0];
    expect(send(s, 'REPORT_RESULTS', results)[0]).toBe(s);
  });

  it('the withdrawal cases name why: the plan refused, the results refused, either report overdue', () => {
    const reasons = (actions: readonly { type: string; params?: unknown }[]) =>
      effects(actions).map((e) => (e.withdrawal as { reason: string; trigger: string }).reason);
    const verifying = send(start(), 'SUBMIT_PLAN', plan)[0];
    expect(reasons(send(start(), 'PLAN_OVERDUE')[1])).toEqual(['逾期未提交整改方案：考场监控缺失']);
    expect(reasons(send(verifying, 'REJECT')[1])).toEqual(['整改方案未通过审核：考场监控缺失']);
    expect(reasons(send(accepted(), 'RESULTS_OVERDUE')[1])).toEqual([
      '逾期未报送整改落实情况：考场监控缺失',
    ]);
    const reported = send(accepted(), 'REPORT_RESULTS', results)[0];
    expect(reasons(send(reported, 'REJECT')[1])).toEqual(['整改落实情况未通过验收：考场监控缺失']);
  });

  it('a returned plan goes back to planPending, each return counted', () => {
    const verifying = send(start(), 'SUBMIT_PLAN', plan)[0];
    expect(verifying.context.plan).toEqual({ ...plan, at: AT });
    const back = send(verifying, 'RETURN')[0];
    expect(back).toMatchObject({ value: 'planPending', context: { rounds: 1 } });
    const twice = send(send(back, 'SUBMIT_PLAN', plan)[0], 'RETURN')[0];
    expect(twice.context.rounds).toBe(2);
  });
});
