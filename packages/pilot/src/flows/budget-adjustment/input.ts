import { z } from 'zod';
import { budgetDelta, CATEGORIES, type BudgetDelta } from '../../ledger/ledger.js';

/** Reference data holding the leadership threshold: kind `policy`, key `budget-adjustment`. */
export const POLICY_REF = 'policy';
export const BUDGET_ADJUSTMENT_POLICY_KEY = 'budget-adjustment';
/**
 * Without a stored policy, an adjustment moving or adding more than 10,000 yuan (1,000,000 fen)
 * also needs the leadership group (第十一条 "按规定程序报批").
 */
export const DEFAULT_LEADERSHIP_THRESHOLD = 1_000_000;
export const adjustmentPolicy = z.object({ leadershipThreshold: z.number().int().nonnegative() });

const change = budgetDelta.refine((d) => CATEGORIES.some((c) => d[c] !== 0), {
  message: 'at least one category must change',
});

export const budgetAdjustmentInput = z
  .object({
    projectId: z.string().trim().min(1).max(100),
    collegeId: z.string().trim().min(1).max(64),
    delta: change,
    reason: z.string().trim().min(1).max(2000),
  })
  .strict();
export type BudgetAdjustmentInput = z.infer<typeof budgetAdjustmentInput>;

export const resubmission = z
  .object({ delta: change.optional(), reason: z.string().trim().min(1).max(2000).optional() })
  .strict();

/** How much an adjustment moves: the larger of what it adds and what it takes away, in fen. */
export function adjustmentMagnitude(delta: BudgetDelta): number {
  const up = CATEGORIES.reduce((s, c) => s + Math.max(0, delta[c]), 0);
  const down = CATEGORIES.reduce((s, c) => s + Math.max(0, -delta[c]), 0);
  return Math.max(up, down);
}
