export { attachmentRef } from './attachment-ref.js';
export { LEDGER_ERRORS, ledgerErrors, type LedgerErrorCode } from './errors.js';
export {
  expenseData,
  expenseRule,
  readLedger,
  studentFeeData,
  type ExpenseData,
  type StudentFeeData,
} from './expense-rule.js';
export {
  adjustedBudget,
  adjustmentProblems,
  applyEntry,
  budgetDelta,
  CATEGORIES,
  expenseProblem,
  ledger as ledgerSchema,
  LEDGER_REF,
  ledgerEntry,
  ledgerOr,
  ledgerTotals,
  openLedger,
  putLedger,
  type BudgetDelta,
  type Category,
  type Ledger,
  type LedgerEntry,
  type LedgerTotals,
} from './ledger.js';
export {
  PROJECT_REF,
  projectAndLedger,
  projectRef,
  putProject,
  readProject,
  type ProjectRef,
} from './project-ref.js';
