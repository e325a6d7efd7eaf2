import type { DomainError, JsonObject, ReferenceReader } from '@certflow/engine';
import { z } from 'zod';
import { fen } from '../common.js';
import { attachmentRef } from './attachment-ref.js';
import { ledgerErrors } from './errors.js';
import { category, expenseProblem, ledgerOr, LEDGER_REF, type Ledger } from './ledger.js';
import { readProject } from './project-ref.js';

/** An expense reimbursed at actual cost (据实核销), with the receipt's attachment reference. */
export const expenseData = z
  .object({
    category,
    amount: fen.refine((n) => n > 0, 'a positive amount in fen'),
    receiptRef: attachmentRef,
    note: z.string().trim().max(500).default(''),
  })
  .strict();
export type ExpenseData = z.infer<typeof expenseData>;

/** A fee charged to a student, found by an inspection or a complaint. */
export const studentFeeData = z
  .object({
    studentNo: z.string().trim().min(1).max(32),
    amount: fen.refine((n) => n > 0, 'a positive amount in fen'),
    description: z.string().trim().min(1).max(500),
  })
  .strict();
export type StudentFeeData = z.infer<typeof studentFeeData>;

/** Read the project's current ledger (a fresh one from the approved budget when none is stored). */
export function readLedger(
  refs: ReferenceReader,
  projectId: string,
  at: string,
): Ledger | DomainError {
  const project = readProject(refs, projectId);
  if (project instanceof Error) return project;
  return ledgerOr(refs.get(LEDGER_REF, projectId), project, at);
}

/**
 * The rule before `RECORD_EXPENSE`: 专款专用，不得超支 (第十一条). Passes the current ledger on to
 * the machine as `refs.ledger`, or refuses with `OVER_BUDGET`.
 */
export function expenseRule(
  refs: ReferenceReader,
  projectId: string,
  data: ExpenseData,
  at: string,
): DomainError | { refs: JsonObject } {
  const l = readLedger(refs, projectId, at);
  if (l instanceof Error) return l;
  const problem = expenseProblem(l, data.category, data.amount);
  if (problem) return ledgerErrors.error('OVER_BUDGET', { ...problem, amount: data.amount });
  return { refs: { ledger: l } };
}
