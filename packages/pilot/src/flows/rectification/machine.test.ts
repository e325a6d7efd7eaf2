import type { JsonObject } from '@certflow/engine';
import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { rectificationMachine } from './machine.js';

const AT = '2027-06-01T01:00:00.000Z';
const start = () =>
  initialTransition(rectificationMachine, {
    input: {
      projectId: 'proj-1',
      collegeId: 'ee',
      finding: { summary: '考场监控缺失', trigger: 'loose-management', evidenceRefs: [] },
    },
    instanceId: 'r1',
  })[0];
type Snap = ReturnType<typeof start>;
const send = (s: Snap, type: string, data: object = {}) =>
  transition(rectificationMachine, s, { type, data, refs: {}, at: AT, actorId: 'u' } as never);
const plan = { summary: '补装监控', measures: ['增设摄像头'] };
const effects = (actions: readonly { type: string; params?: unknown }[]) =>
  actions.filter((a) => a.type === 'effect').map((a) => a.params as JsonObject);

describe('rectification machine (transition level)', () => {
  it('plan → verified → closed, no withdrawal', () => {
    const s = send(start(), 'SUBMIT_PLAN', plan)[0];
    expect(s.value).toBe('verification');
    expect(s.context.plan).toMatchObject({ ...plan, at: AT });
    const [closed, actions] = send(s, 'APPROVE');
    expect(closed.value).toBe('closed');
    expect(effects(actions)).toEqual([]);
  });

  it('returned plans go back with a new round', () => {
    const s = send(send(start(), 'SUBMIT_PLAN', plan)[0], 'RETURN')[0];
    expect(s.value).toBe('planPending');
    expect(s.context.rounds).toBe(1);
  });

  it('a failed rectification opens a withdrawal on the finding’s ground', () => {
    const [failed, actions] = send(send(start(), 'SUBMIT_PLAN', plan)[0], 'REJECT');
    expect(failed.value).toBe('failed');
    expect(effects(actions)).toEqual([
      expect.objectContaining({
        kind: 'pilot.withdrawal.open',
        withdrawal: expect.objectContaining({ trigger: 'loose-management', projectId: 'proj-1' }),
      }),
    ]);
  });

  it('an overdue plan opens a withdrawal as rectification-overdue', () => {
    const [overdue, actions] = send(start(), 'PLAN_OVERDUE');
    expect(overdue.value).toBe('overdue');
    expect(effects(actions)[0]).toMatchObject({
      withdrawal: {
        trigger: 'rectification-overdue',
        source: { flowId: 'rectification', instanceId: 'r1' },
      },
    });
    // Once the plan is in, the deadline no longer applies.
    const inReview = send(start(), 'SUBMIT_PLAN', plan)[0];
    expect(send(inReview, 'PLAN_OVERDUE')[0]).toBe(inReview);
  });

  it('the withdrawal case in full: the project, the college, the ground, why, and where it came from', () => {
    const source = { flowId: 'rectification', instanceId: 'r1' };
    expect(effects(send(start(), 'PLAN_OVERDUE')[1])).toEqual([
      {
        kind: 'pilot.withdrawal.open',
        withdrawal: {
          projectId: 'proj-1',
          collegeId: 'ee',
          trigger: 'rectification-overdue',
          reason: '逾期未提交整改方案：考场监控缺失',
          source,
        },
      },
    ]);
    expect(effects(send(send(start(), 'SUBMIT_PLAN', plan)[0], 'REJECT')[1])).toEqual([
      {
        kind: 'pilot.withdrawal.open',
        withdrawal: {
          projectId: 'proj-1',
          collegeId: 'ee',
          trigger: 'loose-management',
          reason: '整改未通过验收：考场监控缺失',
          source,
        },
      },
    ]);
  });

  it('closed, failed and overdue are final: the case ends there', () => {
    const inReview = send(start(), 'SUBMIT_PLAN', plan)[0];
    expect(send(inReview, 'APPROVE')[0].status).toBe('done');
    expect(send(inReview, 'REJECT')[0].status).toBe('done');
    expect(send(start(), 'PLAN_OVERDUE')[0].status).toBe('done');
    expect(inReview.status).toBe('active');
  });
});
