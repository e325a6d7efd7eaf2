import { beforeEach, describe, expect, it } from 'vitest';
import { ledgerTotals, type Ledger } from '../../ledger/ledger.js';
import { assessmentStart, projectRecord } from '../../testing/assessment-fixtures.js';
import { memoryPilotWorld, type MemoryPilotWorld } from '../../testing/effects-world.js';
import { people } from '../../testing/people.js';

let w: MemoryPilotWorld;
beforeEach(() => {
  w = memoryPilotWorld();
  w.store.setReference('project', 'proj-1', projectRecord());
});
const request = (delta: {
  consumables: number;
  certificateFees: number;
  examinerFees: number;
}) => ({
  projectId: 'proj-1',
  collegeId: 'ee',
  delta,
  reason: '考证人数调整',
});
const ledger = async () => (await w.reference('ledger', 'proj-1')) as unknown as Ledger;

describe('budget-adjustment through the engine (MemoryStore)', () => {
  it('finance → academic affairs → approved: project budget and ledger updated with the approval', async () => {
    let b = await w.engine.start(
      'budget-adjustment',
      request({ consumables: 100_000, certificateFees: -100_000, examinerFees: 0 }),
      people.owner,
    );
    expect(b.tasks[0]).toMatchObject({ role: 'finance' });
    b = await w.engine.send(b.id, { type: 'APPROVE' }, people.finance);
    expect(await w.reference('project', 'proj-1')).toMatchObject({
      budget: projectRecord().budget,
    });
    b = await w.engine.send(b.id, { type: 'APPROVE' }, people.academic);
    expect(b.status).toBe('completed');
    expect(await w.reference('project', 'proj-1')).toMatchObject({
      budget: { consumables: 300_000, certificateFees: 300_000, examinerFees: 150_000 },
      status: 'implementing',
    });
    expect(ledgerTotals(await ledger()).allocated).toEqual({
      consumables: 300_000,
      certificateFees: 300_000,
      examinerFees: 150_000,
    });
  });

  it('above the threshold in the policy reference the leadership group decides', async () => {
    w.store.setReference('policy', 'budget-adjustment', { leadershipThreshold: 50_000 });
    let b = await w.engine.start(
      'budget-adjustment',
      request({ consumables: 60_000, certificateFees: 0, examinerFees: 0 }),
      people.owner,
    );
    expect(b.context).toMatchObject({
      leadership: { needsLeadership: true, magnitude: 60_000, threshold: 50_000 },
    });
    b = await w.engine.send(b.id, { type: 'APPROVE' }, people.finance);
    b = await w.engine.send(b.id, { type: 'APPROVE' }, people.academic);
    expect(b.state).toBe('leadershipReview');
    await expect(w.engine.send(b.id, { type: 'APPROVE' }, people.finance)).rejects.toMatchObject({
      code: 'NOT_AUTHORIZED',
    });
    b = await w.engine.send(b.id, { type: 'APPROVE' }, people.leader);
    expect(await w.reference('project', 'proj-1')).toMatchObject({
      budget: { consumables: 260_000 },
    });
  });

  it('a reason is required; a cut below what is spent is refused, at start and at approval', async () => {
    await expect(
      w.engine.start(
        'budget-adjustment',
        { ...request({ consumables: 1, certificateFees: 0, examinerFees: 0 }), reason: ' ' },
        people.owner,
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const a = await w.engine.start('assessment', assessmentStart(), people.owner);
    await w.engine.send(
      a.id,
      {
        type: 'RECORD_EXPENSE',
        data: { category: 'examinerFees', amount: 100_000, receiptRef: 'att://r/1' },
      },
      people.finance,
    );
    const cut = request({ consumables: 0, certificateFees: 0, examinerFees: -60_000 });
    const before = w.store.dump();
    await expect(w.engine.start('budget-adjustment', cut, people.owner)).rejects.toMatchObject({
      code: 'ADJUSTMENT_BELOW_SPENT',
      details: { categories: ['examinerFees'] },
    });
    expect(w.store.dump()).toBe(before);
    // Accepted at start, but spending grows before the approval: the approval is refused.
    let b = await w.engine.start(
      'budget-adjustment',
      request({ consumables: 0, certificateFees: 0, examinerFees: -40_000 }),
      people.owner,
    );
    b = await w.engine.send(b.id, { type: 'APPROVE' }, people.finance);
    await w.engine.send(
      a.id,
      {
        type: 'RECORD_EXPENSE',
        data: { category: 'examinerFees', amount: 20_000, receiptRef: 'att://r/2' },
      },
      people.finance,
    );
    const mid = w.store.dump();
    await expect(w.engine.send(b.id, { type: 'APPROVE' }, people.academic)).rejects.toMatchObject({
      code: 'ADJUSTMENT_BELOW_SPENT',
    });
    expect(w.store.dump()).toBe(mid);
  });

  it('separation of duties: the applicant cannot approve, one person one step', async () => {
    const both = { id: 'u-both', name: '兼任', roles: ['finance', 'academic_affairs'] };
    let b = await w.engine.start(
      'budget-adjustment',
      request({ consumables: 1, certificateFees: 0, examinerFees: 0 }),
      people.owner,
    );
    b = await w.engine.send(b.id, { type: 'APPROVE' }, both);
    await expect(w.engine.send(b.id, { type: 'APPROVE' }, both)).rejects.toMatchObject({
      code: 'SEPARATION_OF_DUTIES',
    });
    b = await w.engine.send(b.id, { type: 'RETURN', comment: '请补充说明' }, people.academic);
    b = await w.engine.send(b.id, { type: 'RESUBMIT', data: { reason: '补充测算' } }, people.owner);
    expect(b.state).toBe('financeReview');
    b = await w.engine.send(b.id, { type: 'WITHDRAW' }, people.owner);
    expect(b.status).toBe('withdrawn');
  });
});
