import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { changeRequest, implementingProject } from './fixtures.js';
import { certificateChangeMachine } from './machine.js';

const start = (refs: object) =>
  initialTransition(certificateChangeMachine, {
    input: changeRequest(),
    refs,
    instanceId: 'c1',
    submitterId: 'u-owner',
  } as never)[0];
type Snap = ReturnType<typeof start>;
const send = (s: Snap, type: string, extra: object = {}) =>
  transition(certificateChangeMachine, s, { type, data: {}, ...extra } as never);

describe('certificate-change machine at its edges', () => {
  it('no project passed at the start: the previous certificate is empty, not invented', () => {
    expect(start({}).context.previous).toEqual({
      certificate: { code: '', name: '', level: 'intermediate' },
      evaluationOrg: '',
    });
  });

  it('the final approval needs a project object: refs without one leave the request where it is', () => {
    const s = send(start({ project: implementingProject() }), 'APPROVE', { refs: {} })[0];
    expect(s.value).toBe('academicReview');
    expect(send(s, 'APPROVE', { refs: {} })[0].value).toBe('academicReview');
    expect(send(s, 'APPROVE', { refs: { project: null } })[0].value).toBe('academicReview');
    expect(send(s, 'APPROVE', { refs: { project: [] } })[0].value).toBe('academicReview');
  });

  it('an approval without a time records none', () => {
    const s = send(start({ project: implementingProject() }), 'APPROVE', { refs: {} })[0];
    const [done] = send(s, 'APPROVE', { refs: { project: implementingProject() } });
    expect(done.value).toBe('approved');
    const log = (done.context.approvedProject as { certificateChanges: { approvedAt: string }[] })
      .certificateChanges;
    expect(log.map((e) => e.approvedAt)).toEqual(['']);
  });
});
