import type { JsonObject } from '@certflow/engine';
import { z } from 'zod';
import { fen, type Budget } from '../common.js';

/** Reference data kind of a project's budget ledger, keyed by the project id. */
export const LEDGER_REF = 'ledger';

/** Expense categories of an exam (第十二条): equipment consumables, certificate fees, examiner fees. */
export const CATEGORIES = ['consumables', 'certificateFees', 'examinerFees'] as const;
export type Category = (typeof CATEGORIES)[number];
export const category = z.enum(CATEGORIES);

/** A signed change per category, in fen. */
const signedFen = z.number().int().min(-10_000_000_000).max(10_000_000_000);
export const budgetDelta = z
  .object({ consumables: signedFen, certificateFees: signedFen, examinerFees: signedFen })
  .strict();
export type BudgetDelta = z.infer<typeof budgetDelta>;

const stamp = { at: z.string(), source: z.string() };
export const ledgerEntry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('allocation'), amounts: z.record(category, fen), ...stamp }),
  z.object({ type: z.literal('adjustment'), delta: budgetDelta, reason: z.string(), ...stamp }),
  z.object({
    type: z.literal('expense'),
    category,
    amount: fen,
    receiptRef: z.string(),
    note: z.string(),
    ...stamp,
  }),
  // A fee charged to a student: never spending, always a violation (第七条1(3), 第十二条).
  z.object({
    type: z.literal('student-fee'),
    studentNo: z.string(),
    amount: fen,
    description: z.string(),
    ...stamp,
  }),
]);
export type LedgerEntry = z.infer<typeof ledgerEntry>;

export const ledger = z.object({ projectId: z.string(), entries: z.array(ledgerEntry) });
export type Ledger = z.infer<typeof ledger>;

export interface LedgerTotals {
  readonly allocated: Budget;
  readonly spent: Budget;
  readonly remaining: Budget;
  readonly total: {
    readonly allocated: number;
    readonly spent: number;
    readonly remaining: number;
  };
}

const zero = (): Record<Category, number> => ({
  consumables: 0,
  certificateFees: 0,
  examinerFees: 0,
});
const sum = (b: Budget): number => CATEGORIES.reduce((s, c) => s + b[c], 0);

/** A fresh ledger whose only entry allocates the approved project budget (第十一条 分解下达). */
export function openLedger(projectId: string, budget: Budget, at: string): Ledger {
  return {
    projectId,
    entries: [{ type: 'allocation', amounts: { ...budget }, at, source: projectId }],
  };
}

/** The stored ledger, or a fresh one allocating the project budget when none is stored yet. */
export function ledgerOr(
  raw: unknown,
  project: { readonly id: string; readonly budget: Budget },
  at: string,
): Ledger {
  const parsed = ledger.safeParse(raw);
  return parsed.success ? parsed.data : openLedger(project.id, project.budget, at);
}

export function ledgerTotals(l: Ledger): LedgerTotals {
  const allocated = zero();
  const spent = zero();
  for (const e of l.entries) {
    if (e.type === 'allocation') for (const c of CATEGORIES) allocated[c] += e.amounts[c] ?? 0;
    if (e.type === 'adjustment') for (const c of CATEGORIES) allocated[c] += e.delta[c];
    if (e.type === 'expense') spent[e.category] += e.amount;
  }
  const remaining = zero();
  for (const c of CATEGORIES) remaining[c] = allocated[c] - spent[c];
  return {
    allocated,
    spent,
    remaining,
    total: { allocated: sum(allocated), spent: sum(spent), remaining: sum(remaining) },
  };
}

/** Why an expense does not fit: the category or the total would be overspent; undefined if it fits. */
export function expenseProblem(
  l: Ledger,
  cat: Category,
  amount: number,
):
  | { readonly category: Category; readonly remaining: number; readonly totalRemaining: number }
  | undefined {
  const t = ledgerTotals(l);
  if (amount <= t.remaining[cat] && amount <= t.total.remaining) return undefined;
  return { category: cat, remaining: t.remaining[cat], totalRemaining: t.total.remaining };
}

/** Categories an adjustment would push below zero or below what is already spent. */
export function adjustmentProblems(l: Ledger, delta: BudgetDelta): Category[] {
  const t = ledgerTotals(l);
  return CATEGORIES.filter((c) => t.allocated[c] + delta[c] < Math.max(0, t.spent[c]));
}

/** The budget after an adjustment. */
export function adjustedBudget(budget: Budget, delta: BudgetDelta): Budget {
  return {
    consumables: budget.consumables + delta.consumables,
    certificateFees: budget.certificateFees + delta.certificateFees,
    examinerFees: budget.examinerFees + delta.examinerFees,
  };
}

/** Append an entry (pure: a new ledger). Callers check `expenseProblem` first. */
export function applyEntry(l: Ledger, entry: LedgerEntry): Ledger {
  return { projectId: l.projectId, entries: [...l.entries, entry] };
}

/** The `reference.put` effect params that store the ledger. */
export function putLedger(l: Ledger): JsonObject & { kind: string } {
  return {
    kind: 'reference.put',
    refKind: LEDGER_REF,
    key: l.projectId,
    value: JSON.parse(JSON.stringify(l)) as JsonObject,
  };
}
