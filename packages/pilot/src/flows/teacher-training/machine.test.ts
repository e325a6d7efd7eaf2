import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { trainingRequest } from './fixtures.js';
import type { TrainingRequestInput } from './input.js';
import { teacherTrainingMachine } from './machine.js';
import { beyondStandard, TRAINING_STANDARD } from './standard.js';

const start = (input: TrainingRequestInput = trainingRequest()) =>
  initialTransition(teacherTrainingMachine, { input, instanceId: 't1', submitterId: 'u-owner' })[0];
type Snap = ReturnType<typeof start>;
const send = (s: Snap, type: string, extra: object = {}) =>
  transition(teacherTrainingMachine, s, { type, data: {}, ...extra } as never);

describe('teacher-training standard and machine (transition level)', () => {
  it('the documented thresholds: days, cost, flag', () => {
    expect(beyondStandard(trainingRequest())).toEqual([]);
    expect(beyondStandard(trainingRequest({}, { days: TRAINING_STANDARD.maxDays }))).toEqual([]);
    expect(beyondStandard(trainingRequest({}, { days: TRAINING_STANDARD.maxDays + 1 }))).toEqual([
      'days',
    ]);
    expect(beyondStandard(trainingRequest({}, { cost: TRAINING_STANDARD.maxCost }))).toEqual([]);
    expect(beyondStandard(trainingRequest({}, { cost: TRAINING_STANDARD.maxCost + 1 }))).toEqual([
      'cost',
    ]);
    expect(beyondStandard(trainingRequest({}, { nonStandard: true }))).toEqual(['flagged']);
  });

  it('within the standard: college → academic affairs → approved', () => {
    let s = start();
    s = send(s, 'APPROVE')[0];
    expect(s.value).toBe('academicReview');
    const [done, actions] = send(s, 'APPROVE');
    expect(done.value).toBe('approved');
    expect(actions.some((a) => a.type === 'effect')).toBe(true);
  });

  it('beyond the standard: an extra leadership approval', () => {
    let s = start(trainingRequest({ justification: '国家级师资认证仅此一期' }, { days: 15 }));
    s = send(send(s, 'APPROVE')[0], 'APPROVE')[0];
    expect(s.value).toBe('leadershipReview');
    expect(send(s, 'APPROVE')[0].value).toBe('approved');
    expect(send(s, 'RETURN')[0].value).toBe('returned');
  });

  it('a revision that becomes beyond the standard needs the leadership step', () => {
    let s = send(start(), 'RETURN')[0];
    s = send(s, 'RESUBMIT', {
      data: { input: trainingRequest({ justification: 'x' }, { cost: 2_000_000 }) },
    })[0];
    s = send(send(s, 'APPROVE')[0], 'APPROVE')[0];
    expect(s.value).toBe('leadershipReview');
  });
});
