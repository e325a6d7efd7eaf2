import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { trainingBaseDesign } from './fixtures.js';
import { trainingBaseMachine } from './machine.js';

const start = () =>
  initialTransition(trainingBaseMachine, {
    input: trainingBaseDesign(),
    instanceId: 'tb1',
    submitterId: 'u-lead',
  })[0];
type Snap = ReturnType<typeof start>;
const send = (s: Snap, type: string, extra: object = {}) =>
  transition(trainingBaseMachine, s, { type, data: {}, ...extra } as never);

describe('training-base machine (transition level)', () => {
  it('academic affairs → school → established, recorded as a training base', () => {
    let s = start();
    expect(s.value).toBe('academicReview');
    s = send(s, 'APPROVE')[0];
    expect(s.value).toBe('schoolReview');
    const [done, actions] = send(s, 'APPROVE', { at: '2026-11-05T02:00:00.000Z' });
    expect(done.value).toBe('established');
    expect(done.status).toBe('done');
    const effects = actions
      .filter((a) => a.type === 'effect')
      .map((a) => a.params as Record<string, unknown>);
    expect(effects[0]).toMatchObject({
      kind: 'reference.put',
      refKind: 'training-base',
      key: 'tb1',
      value: {
        id: 'tb1',
        status: 'established',
        establishedAt: '2026-11-05T02:00:00.000Z',
        stations: 60,
      },
    });
    expect(effects[1]).toMatchObject({ kind: 'pilot.training-base.established' });
  });

  it.each(['academicReview', 'schoolReview'])('RETURN, REJECT, WITHDRAW from %s', (state) => {
    let s = start();
    if (state === 'schoolReview') s = send(s, 'APPROVE')[0];
    expect(send(s, 'RETURN')[0].value).toBe('returned');
    expect(send(s, 'REJECT')[0].value).toBe('rejected');
    expect(send(s, 'WITHDRAW')[0].value).toBe('withdrawn');
  });

  it('a returned design is revised and reviewed again from academic affairs', () => {
    let s = send(send(start(), 'APPROVE')[0], 'RETURN')[0];
    s = send(s, 'RESUBMIT', { data: { input: trainingBaseDesign({ stations: 80 }) } })[0];
    expect(s.value).toBe('academicReview');
    expect(s.context.design.stations).toBe(80);
    expect(s.context.revisions).toBe(1);
    expect(send(s, 'RESUBMIT')[0]).toBe(s);
  });
});
