import type { JsonObject } from '@certflow/engine';
import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { openLedger } from '../../ledger/ledger.js';
import { projectRecord } from '../../testing/assessment-fixtures.js';
import { budgetAdjustmentMachine } from './machine.js';

const AT = '2027-06-01T01:00:00.000Z';
const input = {
  projectId: 'proj-1',
  collegeId: 'ee',
  delta: { consumables: 50_000, certificateFees: -50_000, examinerFees: 0 },
  reason: '耗材涨价',
};
const start = (refs: JsonObject) =>
  initialTransition(budgetAdjustmentMachine, { input, refs, instanceId: 'b1' })[0];
type Snap = ReturnType<typeof start>;
const project = projectRecord() as unknown as JsonObject;
const ledger = openLedger('proj-1', projectRecord().budget, AT) as unknown as JsonObject;
const send = (s: Snap, type: string, refs: JsonObject = {}) =>
  transition(budgetAdjustmentMachine, s, { type, data: {}, refs, at: AT, actorId: 'u' } as never);

describe('budget-adjustment machine at its edges', () => {
  it('a check without figures: the 领导小组 decides, the figures read as 0', () => {
    expect(start({}).context.leadership).toEqual({
      needsLeadership: true,
      magnitude: 0,
      threshold: 0,
    });
    expect(start({ magnitude: '5', threshold: null }).context.leadership).toMatchObject({
      magnitude: 0,
      threshold: 0,
    });
  });

  it('the approval needs both the project and the ledger read by its rule, at 教务处 and at the 领导小组', () => {
    const academic = send(start({ needsLeadership: false }), 'APPROVE')[0];
    expect(academic.value).toBe('academicReview');
    expect(send(academic, 'APPROVE', { project })[0].value).toBe('academicReview');
    expect(send(academic, 'APPROVE', { ledger })[0].value).toBe('academicReview');
    expect(send(academic, 'APPROVE', { project, ledger })[0].value).toBe('approved');
    const leadership = send(send(start({ needsLeadership: true }), 'APPROVE')[0], 'APPROVE')[0];
    expect(leadership.value).toBe('leadershipReview');
    expect(send(leadership, 'APPROVE', { project })[0].value).toBe('leadershipReview');
    expect(send(leadership, 'APPROVE', { project, ledger })[0].value).toBe('approved');
  });
});
