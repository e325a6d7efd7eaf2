import { describe, expect, it } from 'vitest';
import {
  adjustedBudget,
  adjustmentProblems,
  applyEntry,
  expenseProblem,
  ledgerOr,
  ledgerTotals,
  openLedger,
} from './ledger.js';

const AT = '2027-03-01T01:00:00.000Z';
const budget = { consumables: 100, certificateFees: 200, examinerFees: 50 };
const spend = (
  l: ReturnType<typeof openLedger>,
  category: 'consumables' | 'certificateFees' | 'examinerFees',
  amount: number,
) =>
  applyEntry(l, {
    type: 'expense',
    category,
    amount,
    receiptRef: 'att://r',
    note: '',
    at: AT,
    source: 'a1',
  });

describe('budget ledger (pure)', () => {
  it('allocates the approved budget and totals expenses by category', () => {
    let l = openLedger('p1', budget, AT);
    l = spend(spend(l, 'consumables', 60), 'examinerFees', 50);
    const t = ledgerTotals(l);
    expect(t.remaining).toEqual({ consumables: 40, certificateFees: 200, examinerFees: 0 });
    expect(t.total).toEqual({ allocated: 350, spent: 110, remaining: 240 });
  });

  it('an expense over the category is a problem even when the total has room', () => {
    const l = spend(openLedger('p1', budget, AT), 'consumables', 60);
    expect(expenseProblem(l, 'consumables', 40)).toBeUndefined();
    expect(expenseProblem(l, 'consumables', 41)).toEqual({
      category: 'consumables',
      remaining: 40,
      totalRemaining: 290,
    });
  });

  it('adjustments move allocations; never below zero or below what is spent', () => {
    let l = spend(openLedger('p1', budget, AT), 'consumables', 60);
    const delta = { consumables: -40, certificateFees: 40, examinerFees: 0 };
    expect(adjustmentProblems(l, delta)).toEqual([]);
    expect(adjustmentProblems(l, { ...delta, consumables: -41 })).toEqual(['consumables']);
    expect(
      adjustmentProblems(l, { consumables: 0, certificateFees: 0, examinerFees: -51 }),
    ).toEqual(['examinerFees']);
    l = applyEntry(l, { type: 'adjustment', delta, reason: 'r', at: AT, source: 'b1' });
    expect(ledgerTotals(l).allocated).toEqual(adjustedBudget(budget, delta));
  });

  it('student fees are recorded but never count as spending', () => {
    const l = applyEntry(openLedger('p1', budget, AT), {
      type: 'student-fee',
      studentNo: 's1',
      amount: 999,
      description: 'x',
      at: AT,
      source: 'a1',
    });
    expect(ledgerTotals(l).total.spent).toBe(0);
    expect(l.entries).toHaveLength(2);
  });

  it('a missing or malformed stored ledger starts from the project budget', () => {
    const project = { id: 'p1', budget };
    expect(ledgerOr(undefined, project, AT)).toEqual(openLedger('p1', budget, AT));
    expect(ledgerOr({ entries: 'x' }, project, AT)).toEqual(openLedger('p1', budget, AT));
    const stored = spend(openLedger('p1', budget, AT), 'consumables', 1);
    expect(ledgerOr(JSON.parse(JSON.stringify(stored)), project, AT)).toEqual(stored);
  });
});
