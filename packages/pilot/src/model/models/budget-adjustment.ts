import type { JsonObject } from '@certflow/engine';
import type { AnyMachineSnapshot } from 'xstate';
import type { BudgetAdjustmentContext } from '../../flows/budget-adjustment/machine.js';
import type { Ledger } from '../../ledger/ledger.js';
import { projectRecord } from '../../testing/assessment-fixtures.js';
import { people } from '../../testing/people.js';
import { plain, type FlowModel, type ModelReference, type ModelScenario } from '../flow-model.js';

const ctx = (s: AnyMachineSnapshot) => s.context as BudgetAdjustmentContext;
const project = projectRecord();
const at = '2027-03-01T01:00:00.000Z';
/** The project's ledger: its allocation, and 250,000 fen of certificate fees already spent. */
const stored: Ledger = {
  projectId: 'proj-1',
  entries: [
    { type: 'allocation', amounts: { ...project.budget }, at, source: 'proj-1' },
    {
      type: 'expense',
      category: 'certificateFees',
      amount: 250_000,
      receiptRef: 'att://receipt/1.pdf',
      note: '首批证书费',
      at,
      source: 'assess-1',
    },
  ],
};
const ledger = stored as unknown as JsonObject;
const references: ModelReference[] = [
  { kind: 'project', key: 'proj-1', value: project },
  { kind: 'ledger', key: 'proj-1', value: ledger },
];
const delta = (consumables: number, certificateFees: number, examinerFees = 0) => ({
  consumables,
  certificateFees,
  examinerFees,
});
const request = (d: ReturnType<typeof delta>, overrides: Record<string, unknown> = {}) => ({
  projectId: 'proj-1',
  collegeId: 'ee',
  delta: d,
  reason: '考证人数调整',
  ...overrides,
});

/** What `checkAdjustment` computes for the scenario's request over its references. */
const checked = (need: {
  needsLeadership: boolean;
  magnitude: number;
  threshold: number;
}): JsonObject => ({ ...need, project, ledger });
const refsOf: Record<string, JsonObject> = {
  // 100,000 fen moved, under the default threshold of 1,000,000.
  'within the threshold': checked({
    needsLeadership: false,
    magnitude: 100_000,
    threshold: 1_000_000,
  }),
  // 60,000 fen added, above the stored policy's 50,000.
  'above the policy threshold': checked({
    needsLeadership: true,
    magnitude: 60_000,
    threshold: 50_000,
  }),
};
const refs = (scenario: ModelScenario): JsonObject => refsOf[scenario.name] ?? {};

export const budgetAdjustmentModel: FlowModel = {
  flowId: 'budget-adjustment',
  scenarios: [
    {
      name: 'within the threshold',
      starter: people.owner,
      // Moves budget from certificate fees (300,000 left ≥ 250,000 spent) to consumables.
      input: request(delta(100_000, -100_000)),
      references,
    },
    {
      name: 'above the policy threshold',
      starter: people.collegeLead,
      input: request(delta(60_000, 0)),
      references: [
        ...references,
        { kind: 'policy', key: 'budget-adjustment', value: { leadershipThreshold: 50_000 } },
      ],
    },
  ],
  // Every approval re-reads the project and the ledger; resubmitted unchanged, the same check.
  events: (_s, scenario) => [
    { type: 'APPROVE', data: {}, refs: refs(scenario) },
    ...plain('RETURN', 'REJECT', 'WITHDRAW'),
    { type: 'RESUBMIT', data: {}, refs: refs(scenario) },
  ],
  key: (s) => ctx(s).leadership.needsLeadership,
  requiredApprovals: (s) => [
    'finance',
    'academic',
    ...(ctx(s).leadership.needsLeadership ? ['leadership'] : []),
  ],
  probes: (s) =>
    s.value === 'returned'
      ? [
          {
            event: { type: 'RESUBMIT', data: { delta: delta(0, -200_000) } },
            actor: 'submitter',
            code: 'ADJUSTMENT_BELOW_SPENT',
          },
          {
            event: { type: 'RESUBMIT', data: { delta: delta(0, 0) } },
            actor: 'submitter',
            code: 'VALIDATION_FAILED',
          },
        ]
      : [],
  startProbes: [
    // 400,000 − 200,000 would leave less than the 250,000 already spent on certificate fees.
    { input: request(delta(0, -200_000)), code: 'ADJUSTMENT_BELOW_SPENT' },
    { input: request(delta(-300_000, 0)), code: 'ADJUSTMENT_BELOW_SPENT' },
    { input: request(delta(0, 0)), code: 'VALIDATION_FAILED' },
    { input: request(delta(1, 0), { reason: ' ' }), code: 'VALIDATION_FAILED' },
    { input: request(delta(1, 0), { projectId: 'nope' }), code: 'PROJECT_NOT_FOUND' },
    // PROJECT_COLLEGE_MISMATCH is unreachable here: a starter of another college is NOT_AUTHORIZED.
  ],
  watch: [
    ['project', 'proj-1'],
    ['ledger', 'proj-1'],
  ],
};
