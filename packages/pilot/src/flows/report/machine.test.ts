import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { reportCall, reportText } from './fixtures.js';
import type { ReportInput } from './input.js';
import { reportMachine } from './machine.js';

const start = (input: ReportInput = reportCall()) =>
  initialTransition(reportMachine, { input, instanceId: 'r1' })[0];
type Snap = ReturnType<typeof start>;
const send = (s: Snap, type: string, data: object = {}) =>
  transition(reportMachine, s, { type, data, actorId: 'u-lead', at: 'T' } as never);

describe('report machine (transition level)', () => {
  it('a dynamic report opens in drafting, an annual summary in annualDrafting', () => {
    expect(start().value).toBe('drafting');
    expect(start(reportCall({ kind: 'annual-summary', period: '2026' })).value).toBe(
      'annualDrafting',
    );
  });

  it('submit → accepted → filed → closed, keeping what was submitted', () => {
    let s = send(start(), 'SUBMIT', reportText)[0];
    expect(s.value).toBe('review');
    expect(s.context.submissions).toEqual([{ ...reportText, by: 'u-lead', at: 'T' }]);
    s = send(s, 'APPROVE')[0];
    expect(s.value).toBe('filed');
    const closed = send(s, 'CLOSE')[0];
    expect(closed.value).toBe('closed');
    expect(closed.status).toBe('done');
    expect(send(s, 'FEEDBACK_WINDOW_CLOSED')[0].value).toBe('closed');
  });

  it('the deadline passes: overdue, with an effect for academic affairs; submitting still works', () => {
    const [s, actions] = send(start(), 'DEADLINE_PASSED');
    expect(s.value).toBe('overdue');
    expect(s.context.overdue).toBe(true);
    expect(
      actions.filter((a) => a.type === 'effect').map((a) => (a.params as { kind: string }).kind),
    ).toEqual(['pilot.report.overdue']);
    expect(send(s, 'SUBMIT', reportText)[0].value).toBe('review');
  });

  it('feedback opens 诊改; the answer is reviewed; returned answers go back to the college', () => {
    let s = send(send(send(start(), 'SUBMIT', reportText)[0], 'APPROVE')[0], 'FEEDBACK', {
      source: 'evaluation-org',
      summary: '考核站点监控录像不完整',
    })[0];
    expect(s.value).toBe('improving');
    expect(s.context.feedback).toHaveLength(1);
    s = send(s, 'SUBMIT_IMPROVEMENT', { measures: '增设两路监控' })[0];
    expect(s.value).toBe('improvementReview');
    expect(send(s, 'RETURN')[0].value).toBe('improving');
    s = send(s, 'APPROVE')[0];
    expect(s.value).toBe('filed');
    expect(s.context.improvements).toHaveLength(1);
  });

  it('a returned report goes back to the college and is resubmitted', () => {
    let s = send(send(start(), 'SUBMIT', reportText)[0], 'RETURN')[0];
    expect(s.value).toBe('returned');
    s = send(s, 'SUBMIT', reportText)[0];
    expect(s.context.submissions).toHaveLength(2);
    expect(send(s, 'DEADLINE_PASSED')[0]).toBe(s);
  });

  it('the feedback effect names the source given, and none when the event carries none', () => {
    const s = send(send(start(), 'SUBMIT', reportText)[0], 'APPROVE')[0];
    const sourceOf = (data: object) =>
      send(s, 'FEEDBACK', data)[1]
        .filter((a) => a.type === 'effect')
        .map((a) => (a.params as { source: unknown }).source);
    expect(sourceOf({ source: 'education-department', summary: '意见' })).toEqual([
      'education-department',
    ]);
    expect(sourceOf({ summary: '意见' })).toEqual([null]);
    expect(start().context).toMatchObject({ overdue: false, submissions: [], feedback: [] });
  });
});
