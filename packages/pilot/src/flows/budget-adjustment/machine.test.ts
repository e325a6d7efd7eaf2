import type { JsonObject } from '@certflow/engine';
import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { openLedger } from '../../ledger/ledger.js';
import { projectRecord } from '../../testing/assessment-fixtures.js';
import { budgetAdjustmentMachine } from './machine.js';

const AT = '2027-06-01T01:00:00.000Z';
const delta = { consumables: 50_000, certificateFees: -50_000, examinerFees: 0 };
const start = (needsLeadership: boolean) =>
  initialTransition(budgetAdjustmentMachine, {
    input: { projectId: 'proj-1', collegeId: 'ee', delta, reason: '耗材涨价' },
    refs: { needsLeadership, magnitude: 50_000, threshold: 1_000_000 },
    instanceId: 'b1',
  })[0];
type Snap = ReturnType<typeof start>;
const project = projectRecord();
const refs = { project, ledger: openLedger('proj-1', project.budget, AT) as unknown as JsonObject };
const send = (s: Snap, type: string, data: object = {}, r: JsonObject = {}) =>
  transition(budgetAdjustmentMachine, s, { type, data, refs: r, at: AT, actorId: 'u' } as never);

describe('budget-adjustment machine (transition level)', () => {
  it('finance → academic affairs → approved: project budget and ledger rewritten together', () => {
    const s = send(start(false), 'APPROVE', {}, refs)[0];
    expect(s.value).toBe('academicReview');
    expect(send(s, 'APPROVE')[0]).toBe(s); // without the project and ledger read: not accepted
    const [done, actions] = send(s, 'APPROVE', {}, refs);
    expect(done.value).toBe('approved');
    const effects = actions.filter((a) => a.type === 'effect').map((a) => a.params as JsonObject);
    expect(effects).toEqual([
      expect.objectContaining({
        refKind: 'project',
        value: expect.objectContaining({
          budget: { consumables: 250_000, certificateFees: 350_000, examinerFees: 150_000 },
        }),
      }),
      expect.objectContaining({ refKind: 'ledger', key: 'proj-1' }),
    ]);
    const entries = (effects[1]?.value as { entries: unknown[] }).entries;
    expect(entries.at(-1)).toMatchObject({
      type: 'adjustment',
      delta,
      reason: '耗材涨价',
      source: 'b1',
    });
  });

  it('above the threshold the leadership group decides last', () => {
    let s = send(start(true), 'APPROVE', {}, refs)[0];
    const [lead, actions] = send(s, 'APPROVE', {}, refs);
    expect(lead.value).toBe('leadershipReview');
    expect(actions.filter((a) => a.type === 'effect')).toEqual([]);
    s = send(lead, 'APPROVE', {}, refs)[0];
    expect(s.value).toBe('approved');
  });

  it('return, resubmit, reject, withdraw', () => {
    const returned = send(start(false), 'RETURN')[0];
    expect(returned.value).toBe('returned');
    const again = send(returned, 'RESUBMIT', { reason: '补充说明' }, { needsLeadership: true })[0];
    expect(again.value).toBe('financeReview');
    expect(again.context.request.reason).toBe('补充说明');
    expect(again.context.leadership.needsLeadership).toBe(true);
    expect(send(start(false), 'REJECT')[0].value).toBe('rejected');
    expect(send(returned, 'WITHDRAW')[0].value).toBe('withdrawn');
  });
});
