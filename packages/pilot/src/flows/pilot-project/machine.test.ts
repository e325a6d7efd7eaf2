import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { projectApplication } from '../../testing/fixtures.js';
import { pilotProjectMachineV2 } from './machine.js';

const position = (over: boolean, college = 40) => ({
  over,
  reasons: over ? ['scale'] : [],
  flags: [],
  scale: { quota: 60, college, project: 40 },
  budget: {
    lastYearExecuted: 1_000_000,
    source: 'override',
    ledgerSpent: null,
    note: null,
    college: 750_000,
    project: 750_000,
  },
  projects: 1,
});
const start = (over = false) =>
  initialTransition(pilotProjectMachineV2, {
    input: projectApplication(),
    refs: { quota: position(over) },
    instanceId: 'p1',
    submitterId: 'u-owner',
  })[0];
type Snap = ReturnType<typeof start>;
const send = (s: Snap, type: string, extra: object = {}) =>
  transition(pilotProjectMachineV2, s, { type, data: {}, refs: {}, ...extra } as never);

describe('pilot-project v2 machine (transition level)', () => {
  it('within quota too: college → academic affairs → 领导小组 → approved, with the project written', () => {
    let s = start();
    expect(s.value).toBe('collegeReview');
    s = send(s, 'APPROVE')[0];
    expect(s.value).toBe('academicReview');
    s = send(s, 'APPROVE')[0];
    expect(s.value).toBe('leadershipReview');
    const [done, actions] = send(s, 'APPROVE');
    expect(done).toMatchObject({ value: 'approved', status: 'done' });
    const effects = actions
      .filter((a) => a.type === 'effect')
      .map((a) => a.params as Record<string, unknown>);
    expect(effects.map((e) => e.kind)).toEqual(['reference.put', 'pilot.project.approved']);
    expect(effects[0]).toMatchObject({
      refKind: 'project',
      key: 'p1',
      value: { status: 'implementing', creditBankLocked: false, overQuota: false },
    });
  });

  it('over quota: the same path, flagged; each 同意 refreshes the figures it read', () => {
    let s = start(true);
    expect(s.context.quota.over).toBe(true);
    s = send(s, 'APPROVE', { refs: { quota: position(true, 95) } })[0];
    expect(s.context.quota.scale.college).toBe(95);
    s = send(s, 'APPROVE')[0];
    expect(s.context.quota.scale.college).toBe(95);
    expect(s.value).toBe('leadershipReview');
  });

  it.each(['collegeReview', 'academicReview', 'leadershipReview'])(
    'RETURN, REJECT and WITHDRAW from %s',
    (state) => {
      let s = start();
      while (s.value !== state) s = send(s, 'APPROVE')[0];
      expect(send(s, 'RETURN')[0].value).toBe('returned');
      expect(send(s, 'REJECT')[0].value).toBe('rejected');
      expect(send(s, 'WITHDRAW')[0].value).toBe('withdrawn');
    },
  );

  it('returned: resubmission goes back to the college with the revised application and figures', () => {
    let s = send(start(), 'RETURN')[0];
    const revised = { ...projectApplication({ scale: 500 }), justification: '扩招' };
    s = send(s, 'RESUBMIT', { data: { input: revised }, refs: { quota: position(true, 500) } })[0];
    expect(s.value).toBe('collegeReview');
    expect(s.context).toMatchObject({
      application: { scale: 500, justification: '扩招' },
      quota: { over: true },
      revisions: 1,
    });
  });

  it('an event the state does not accept returns the same snapshot', () => {
    const s = start();
    expect(send(s, 'RESUBMIT')[0]).toBe(s);
    const rejected = send(s, 'REJECT')[0];
    expect(send(rejected, 'APPROVE')[0]).toBe(rejected);
  });
});
