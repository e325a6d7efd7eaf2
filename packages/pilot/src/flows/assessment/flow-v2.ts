import { defineFlow, type StateSpec } from '@certflow/engine';
import { projectAndLedger, readProject } from '../../ledger/project-ref.js';
import { expenseRule, type ExpenseData } from '../../ledger/expense-rule.js';
import { ledger as ledgerSchema, ledgerTotals } from '../../ledger/ledger.js';
import {
  SPENDING_REF,
  spendingKey,
  spendingOf,
  spendingWrite,
  withProjectSpent,
} from '../../ledger/spending.js';
import type { AssessmentContext } from './context.js';
import { assessmentFlow } from './flow.js';
import type { AssessmentInput } from './input.js';

/** Version 1's states with every evaluation-organization task scoped to the project's organization. */
function organizationScoped(
  states: Readonly<Record<string, StateSpec>>,
): Record<string, StateSpec> {
  return Object.fromEntries(
    Object.entries(states).map(([key, spec]) => [
      key,
      {
        ...spec,
        tasks: (spec.tasks ?? []).map((t) =>
          t.role === 'evaluation_org' ? { ...t, scope: 'organization' as const } : t,
        ),
      },
    ]),
  );
}

/**
 * The assessment cycle, version 2. What changed from version 1 (which stays registered for the
 * cycles running on it):
 *
 * - 第六条3, 第八条2–7: the evaluation organization's steps (site, fee confirmation, exam plan,
 *   exam and results, certificates) are tasks of the project's own organization only — the
 *   instance's organization is the project record's `evaluationOrg`, read at start.
 * - 第七条2, 第十一条: every expense recorded (据实核销) also updates the college's `spending` row
 *   with the project's total spending, in the same command as the ledger — the figure of
 *   上一年度执行预算 that next year's applications are compared with.
 */
export const assessmentFlowV2 = defineFlow<AssessmentInput, AssessmentContext>({
  ...assessmentFlow,
  version: 2,
  states: organizationScoped(assessmentFlow.states),
  organization: (input, refs) => {
    const project = readProject(refs, input.projectId, { mustBeImplementing: false });
    return project instanceof Error ? null : project.evaluationOrg;
  },
  references: ({ input }) => [
    ...projectAndLedger(input.projectId),
    { kind: SPENDING_REF, key: spendingKey(input.collegeId) },
  ],
  rules: {
    ...assessmentFlow.rules,
    RECORD_EXPENSE: ({ context, event, refs, now }) => {
      const data = event.data as unknown as ExpenseData;
      const verdict = expenseRule(refs, context.projectId, data, now.toISOString());
      if (verdict instanceof Error) return verdict;
      const project = readProject(refs, context.projectId);
      if (project instanceof Error) return project;
      const ledger = ledgerSchema.parse(verdict.refs.ledger);
      const spent = ledgerTotals(ledger).total.spent + data.amount;
      const row = spendingOf(
        refs.get(SPENDING_REF, spendingKey(context.collegeId)),
        context.collegeId,
      );
      return {
        refs: verdict.refs,
        writes: [spendingWrite(withProjectSpent(row, project.year, context.projectId, spent))],
      };
    },
  },
});
