export { budgetAdjustmentFlow, checkAdjustment } from './flow.js';
export {
  adjustmentEffects,
  budgetAdjustmentMachine,
  type BudgetAdjustmentContext,
  type BudgetAdjustmentEvent,
  type LeadershipNeed,
} from './machine.js';
export {
  adjustmentMagnitude,
  adjustmentPolicy,
  BUDGET_ADJUSTMENT_POLICY_KEY,
  budgetAdjustmentInput,
  DEFAULT_LEADERSHIP_THRESHOLD,
  POLICY_REF,
  type BudgetAdjustmentInput,
} from './input.js';
