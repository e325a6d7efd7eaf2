import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { changeRequest, implementingProject } from './fixtures.js';
import { certificateChangeMachine } from './machine.js';

const start = () =>
  initialTransition(certificateChangeMachine, {
    input: changeRequest(),
    refs: { project: implementingProject() },
    instanceId: 'c1',
    submitterId: 'u-owner',
  })[0];

type Snap = ReturnType<typeof start>;
const send = (s: Snap, type: string, extra: object = {}) =>
  transition(certificateChangeMachine, s, { type, data: {}, ...extra } as never);

describe('certificate-change machine (transition level)', () => {
  it('college → academic affairs → approved writes the project with the change log', () => {
    let s = start();
    expect(s.value).toBe('collegeReview');
    expect(s.context.previous.certificate.code).toBe('WEB-FE');
    s = send(s, 'APPROVE', { refs: { project: implementingProject() } })[0];
    expect(s.value).toBe('academicReview');
    const [done, actions] = send(s, 'APPROVE', {
      refs: { project: implementingProject({ scale: 45 }) },
      at: '2026-11-03T01:00:00.000Z',
    });
    expect(done.value).toBe('approved');
    expect(done.status).toBe('done');
    const effects = actions
      .filter((a) => a.type === 'effect')
      .map((a) => a.params as Record<string, unknown>);
    expect(effects.map((e) => e.kind)).toEqual([
      'reference.put',
      'pilot.certificate-change.approved',
    ]);
    expect(effects[0]).toMatchObject({
      refKind: 'project',
      key: 'proj-1',
      value: {
        // the project as read at approval time (scale 45), with the new certificate
        scale: 45,
        status: 'implementing',
        certificate: { code: 'WEB-APP', level: 'intermediate' },
        evaluationOrg: '北京四合天地科技有限公司',
        certificateChanges: [
          {
            changeId: 'c1',
            from: { code: 'WEB-FE', name: 'Web前端开发', level: 'intermediate' },
            to: { code: 'WEB-APP' },
            fromEvaluationOrg: '工信部教育与考试中心',
            reason: changeRequest().reason,
            approvedAt: '2026-11-03T01:00:00.000Z',
          },
        ],
      },
    });
  });

  it('a second change appends to the log and keeps the earlier entry', () => {
    const earlier = {
      changeId: 'c0',
      from: { code: 'A', name: 'A', level: 'advanced' },
      to: { code: 'WEB-FE', name: 'Web前端开发', level: 'intermediate' },
      fromEvaluationOrg: 'X',
      toEvaluationOrg: '工信部教育与考试中心',
      reason: 'r',
      approvedAt: 'then',
    };
    let s = send(start(), 'APPROVE')[0];
    const project = implementingProject({ certificateChanges: [earlier] });
    s = send(s, 'APPROVE', { refs: { project } })[0];
    const log = (s.context.approvedProject as { certificateChanges: unknown[] }).certificateChanges;
    expect(log).toHaveLength(2);
    expect(log[0]).toEqual(earlier);
  });

  it('the final approval needs the project read by its rule (guard projectRead)', () => {
    const s = send(start(), 'APPROVE')[0];
    expect(send(s, 'APPROVE')[0]).toBe(s);
  });

  it.each(['collegeReview', 'academicReview'])('RETURN, REJECT and WITHDRAW from %s', (state) => {
    let s = start();
    if (state === 'academicReview') s = send(s, 'APPROVE')[0];
    expect(send(s, 'RETURN')[0].value).toBe('returned');
    expect(send(s, 'REJECT')[0].value).toBe('rejected');
    expect(send(s, 'WITHDRAW')[0].value).toBe('withdrawn');
  });

  it('a returned request is revised and goes back to the college', () => {
    let s = send(start(), 'RETURN')[0];
    const revised = changeRequest({ reason: '补充说明：评价组织已书面确认' });
    s = send(s, 'RESUBMIT', {
      data: { input: revised },
      refs: { project: implementingProject() },
    })[0];
    expect(s.value).toBe('collegeReview');
    expect(s.context.request.reason).toBe(revised.reason);
    expect(s.context.revisions).toBe(1);
    expect(send(send(s, 'RETURN')[0], 'WITHDRAW')[0].value).toBe('withdrawn');
  });

  it('ended instances accept nothing', () => {
    const rejected = send(start(), 'REJECT')[0];
    for (const type of ['APPROVE', 'RESUBMIT', 'WITHDRAW']) {
      expect(send(rejected, type)[0]).toBe(rejected);
    }
  });
});
