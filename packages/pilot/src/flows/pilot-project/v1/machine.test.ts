import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { projectApplication } from '../../../testing/fixtures.js';
import { pilotProjectMachine } from './machine.js';

const start = (needsLeadership: boolean) =>
  initialTransition(pilotProjectMachine, {
    input: projectApplication(),
    refs: { needsLeadership, reasons: needsLeadership ? ['scale'] : [] },
    instanceId: 'p1',
    submitterId: 'u-owner',
  })[0];

const send = (snapshot: ReturnType<typeof start>, type: string, extra: object = {}) =>
  transition(pilotProjectMachine, snapshot, { type, data: {}, refs: {}, ...extra } as never);

describe('pilot-project machine (transition level)', () => {
  it('within quota: college → academic affairs → approved, with the project written', () => {
    let s = start(false);
    expect(s.value).toBe('collegeReview');
    s = send(s, 'APPROVE')[0];
    expect(s.value).toBe('academicReview');
    const [done, actions] = send(s, 'APPROVE');
    expect(done.value).toBe('approved');
    expect(done.status).toBe('done');
    const kinds = actions
      .filter((a) => a.type === 'effect')
      .map((a) => (a.params as { kind: string }).kind);
    expect(kinds).toEqual(['reference.put', 'pilot.project.approved']);
  });

  it('over quota: an extra leadership step', () => {
    let s = start(true);
    s = send(s, 'APPROVE')[0];
    s = send(s, 'APPROVE')[0];
    expect(s.value).toBe('leadershipReview');
    expect(send(s, 'APPROVE')[0].value).toBe('approved');
  });

  it.each(['collegeReview', 'academicReview', 'leadershipReview'])(
    'RETURN, REJECT and WITHDRAW from %s',
    (state) => {
      let s = start(true);
      while (s.value !== state) s = send(s, 'APPROVE')[0];
      expect(send(s, 'RETURN')[0].value).toBe('returned');
      expect(send(s, 'REJECT')[0].value).toBe('rejected');
      expect(send(s, 'WITHDRAW')[0].value).toBe('withdrawn');
    },
  );

  it('returned: resubmission goes back to the college with the revised application', () => {
    let s = send(start(false), 'RETURN')[0];
    const revised = projectApplication({ scale: 500 });
    s = send(s, 'RESUBMIT', {
      data: { input: revised },
      refs: { needsLeadership: true, reasons: ['scale'] },
    })[0];
    expect(s.value).toBe('collegeReview');
    expect(s.context.application.scale).toBe(500);
    expect(s.context.leadership).toEqual({ needsLeadership: true, reasons: ['scale'] });
    expect(s.context.revisions).toBe(1);
  });

  it('an event the state does not accept returns the same snapshot', () => {
    const s = start(false);
    expect(send(s, 'RESUBMIT')[0]).toBe(s);
    const rejected = send(s, 'REJECT')[0];
    expect(send(rejected, 'APPROVE')[0]).toBe(rejected);
  });
});
