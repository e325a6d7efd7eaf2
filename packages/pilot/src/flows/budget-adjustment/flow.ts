import { REVIEW_STEPS, reviewChain } from '../../review-chain.js';
import {
  defineFlow,
  type DomainError,
  type JsonObject,
  type ReferenceReader,
} from '@certflow/engine';
import { yuan } from '../../common.js';
import { readLedger } from '../../ledger/expense-rule.js';
import { ledgerErrors } from '../../ledger/errors.js';
import { adjustmentProblems } from '../../ledger/ledger.js';
import { projectAndLedger, readProject } from '../../ledger/project-ref.js';
import {
  adjustmentMagnitude,
  adjustmentPolicy,
  BUDGET_ADJUSTMENT_POLICY_KEY,
  budgetAdjustmentInput,
  DEFAULT_LEADERSHIP_THRESHOLD,
  POLICY_REF,
  resubmission,
  type BudgetAdjustmentInput,
} from './input.js';
import { budgetAdjustmentMachine, type BudgetAdjustmentContext } from './machine.js';

/**
 * The checks of an adjustment against the current project and ledger: the project is being
 * implemented, no category drops below zero or below what is already spent. Returns what the
 * machine needs: the project, the ledger, and whether the leadership group must approve.
 */
export function checkAdjustment(
  refs: ReferenceReader,
  request: BudgetAdjustmentInput,
  at: string,
): DomainError | JsonObject {
  const project = readProject(refs, request.projectId, { collegeId: request.collegeId });
  if (project instanceof Error) return project;
  const l = readLedger(refs, request.projectId, at);
  if (l instanceof Error) return l;
  const below = adjustmentProblems(l, request.delta);
  if (below.length > 0) return ledgerErrors.error('ADJUSTMENT_BELOW_SPENT', { categories: below });
  const policy = adjustmentPolicy.safeParse(refs.get(POLICY_REF, BUDGET_ADJUSTMENT_POLICY_KEY));
  const threshold = policy.success ? policy.data.leadershipThreshold : DEFAULT_LEADERSHIP_THRESHOLD;
  const magnitude = adjustmentMagnitude(request.delta);
  return {
    needsLeadership: magnitude > threshold,
    magnitude,
    threshold,
    project: project as unknown as JsonObject,
    ledger: l as unknown as JsonObject,
  };
}

/** Budget adjustment of a pilot project (第十一条). */
export const budgetAdjustmentFlow = defineFlow<BudgetAdjustmentInput, BudgetAdjustmentContext>({
  id: 'budget-adjustment',
  version: 1,
  title: { zh: '项目预算调整', en: 'Project budget adjustment' },
  machine: budgetAdjustmentMachine,
  input: budgetAdjustmentInput,
  ...reviewChain({
    steps: [REVIEW_STEPS.finance, REVIEW_STEPS.academic, REVIEW_STEPS.leadership],
    resubmit: resubmission,
  }),
  startedBy: { roles: ['project_owner', 'college_lead'], scope: 'college' },
  college: (input) => input.collegeId,
  subject: (input) => input.projectId,
  describe: (i) => {
    const total = i.delta.consumables + i.delta.certificateFees + i.delta.examinerFees;
    return `${i.collegeId} 项目 ${i.projectId} 预算调整（${total >= 0 ? '+' : '-'}${yuan(Math.abs(total))} 元）`;
  },
  references: ({ input }) => [
    ...projectAndLedger(input.projectId),
    { kind: POLICY_REF, key: BUDGET_ADJUSTMENT_POLICY_KEY },
  ],
  prepare: ({ input, refs, now }) => {
    const checked = checkAdjustment(refs, input, now.toISOString());
    if (checked instanceof Error) return checked;
    const { needsLeadership, magnitude, threshold } = checked;
    return { refs: { needsLeadership, magnitude, threshold } as JsonObject };
  },
  rules: {
    // Every approval re-checks against the ledger as it is now: spending may have grown meanwhile.
    APPROVE: ({ context, refs, now }) => {
      const checked = checkAdjustment(refs, context.request, now.toISOString());
      return checked instanceof Error ? checked : { refs: checked };
    },
    RESUBMIT: ({ context, event, refs, now }) => {
      const revised = { ...context.request, ...(event.data as Partial<BudgetAdjustmentInput>) };
      const checked = checkAdjustment(refs, revised, now.toISOString());
      return checked instanceof Error ? checked : { refs: checked };
    },
  },
});
