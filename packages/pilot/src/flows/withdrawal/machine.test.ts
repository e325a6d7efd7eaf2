import type { JsonObject } from '@certflow/engine';
import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { projectRecord } from '../../testing/assessment-fixtures.js';
import { withdrawalMachine } from './machine.js';

const AT = '2027-06-01T01:00:00.000Z';
const start = () =>
  initialTransition(withdrawalMachine, {
    input: { projectId: 'proj-1', collegeId: 'ee', trigger: 'student-fee', reason: '收费' },
    instanceId: 'w1',
  })[0];
type Snap = ReturnType<typeof start>;
const send = (s: Snap, type: string, data: object = {}, refs: JsonObject = {}) =>
  transition(withdrawalMachine, s, { type, data, refs, at: AT, actorId: 'u' } as never);
const notice = { noticeRef: 'att://notice.pdf', summary: '拟撤销' };

describe('withdrawal machine (transition level)', () => {
  it('notice → response → decision → cancelled: the project is cancelled and its instances end', () => {
    let s = send(start(), 'ISSUE_NOTICE', notice)[0];
    expect(s.value).toBe('response');
    s = send(s, 'RESPOND', { statement: '已退费', evidenceRefs: [] })[0];
    expect(s.value).toBe('decision');
    expect(send(s, 'APPROVE')[0]).toBe(s); // no project read: not accepted
    const [done, actions] = send(s, 'APPROVE', {}, { project: projectRecord() });
    expect(done.value).toBe('cancelled');
    const effects = actions.filter((a) => a.type === 'effect').map((a) => a.params as JsonObject);
    expect(effects[0]).toMatchObject({
      kind: 'reference.put',
      refKind: 'project',
      key: 'proj-1',
      value: { status: 'cancelled', cancelledBy: 'w1', cancelTrigger: 'student-fee', scale: 40 },
    });
    expect(effects[1]).toMatchObject({
      kind: 'pilot.project.end-open-instances',
      projectId: 'proj-1',
    });
    expect(effects[1]?.reason as string).toContain('第七条第1款第(3)项');
  });

  it('no response by the deadline: the case goes to the leadership group anyway', () => {
    const s = send(send(start(), 'ISSUE_NOTICE', notice)[0], 'RESPONSE_OVERDUE')[0];
    expect(s.value).toBe('decision');
    expect(s.context.responseOverdue).toBe(true);
  });

  it('the leadership may retain the project; academic affairs may dismiss before a notice', () => {
    const decision = send(send(start(), 'ISSUE_NOTICE', notice)[0], 'RESPOND', {
      statement: 's',
      evidenceRefs: [],
    })[0];
    const [retained, actions] = send(decision, 'REJECT');
    expect(retained.value).toBe('retained');
    expect(actions.filter((a) => a.type === 'effect')).toEqual([]);
    expect(send(start(), 'DISMISS')[0].value).toBe('dismissed');
    expect(send(start(), 'APPROVE', {}, { project: projectRecord() })[0].value).toBe('notice');
  });
});
