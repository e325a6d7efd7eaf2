import type { JsonObject } from '@certflow/engine';
import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { projectRecord } from '../../testing/assessment-fixtures.js';
import { withdrawalMachineV2 } from './machine-v2.js';

const AT = '2027-06-01T01:00:00.000Z';
const input = { projectId: 'proj-1', collegeId: 'ee', trigger: 'irregular-funds', reason: '收费' };
const start = (refs: JsonObject = {}) =>
  initialTransition(withdrawalMachineV2, { input, instanceId: 'w1', refs } as never)[0];
type Snap = ReturnType<typeof start>;
const send = (s: Snap, type: string, data: object = {}, refs: JsonObject = {}) =>
  transition(withdrawalMachineV2, s, { type, data, refs, at: AT, actorId: 'u' } as never);

describe('withdrawal v2 machine (transition level)', () => {
  it('no evidence read at the start is none; a case joins only with a case id', () => {
    expect(start().value).toBe('notice');
    expect(start().context).toMatchObject({ evidence: [], joinedCase: null });
    expect(start({ joinedCase: 7 }).value).toBe('notice');
  });

  it('the 领导小组 approves only with the project read: without it the case stays for decision', () => {
    const s = send(
      send(start(), 'ISSUE_NOTICE', { noticeRef: 'att://n.pdf', summary: '拟撤销' })[0],
      'RESPONSE_OVERDUE',
    )[0];
    expect(s).toMatchObject({ value: 'decision', context: { responseOverdue: true } });
    expect(send(s, 'APPROVE')[0]).toBe(s);
    expect(send(s, 'APPROVE', {}, { project: projectRecord() })[0]).toMatchObject({
      value: 'cancelled',
      status: 'done',
    });
  });
});
