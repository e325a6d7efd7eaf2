import { SYSTEM_ACTOR } from '@certflow/engine';
import type { AnyMachineSnapshot } from 'xstate';
import { planCall, planLine, planOf } from '../../flows/annual-plan/fixtures.js';
import type { AnnualPlanContext } from '../../flows/annual-plan/machine.js';
import { QUOTA_REF, quotaKey } from '../../common.js';
import { people } from '../../testing/people.js';
import { plain, type FlowModel, type ModelScenario } from '../flow-model.js';

const ctx = (s: AnyMachineSnapshot) => s.context as AnnualPlanContext;
const quota = (scale: number) => ({
  kind: QUOTA_REF,
  key: quotaKey(2027, 'ee'),
  value: { scale, budget: 10_000_000 },
});
/** The plan of `planOf()`: 2 certificates, 70 students, 13,500.00 yuan. */
const totals = { certificates: 2, scale: 70, budget: 1_350_000 };
const overScale = (scenario: ModelScenario): boolean => scenario.name.includes('over');

export const annualPlanModel: FlowModel = {
  flowId: 'annual-plan',
  scenarios: [
    {
      name: 'called by the scheduler, within quota',
      starter: SYSTEM_ACTOR,
      input: planCall(),
      references: [quota(100)],
    },
    {
      name: 'called by academic affairs, over the pilot scale',
      starter: people.academic2,
      input: planCall(),
      references: [quota(50)],
    },
  ],
  events: (_s, scenario) => [
    ...plain('APPROVE', 'RETURN'),
    {
      type: 'SUBMIT_PLAN',
      data: planOf(),
      refs: {
        totals,
        needsLeadership: overScale(scenario),
        reasons: overScale(scenario) ? ['scale'] : [],
      },
    },
  ],
  key: (s) => ctx(s).leadership.needsLeadership,
  requiredApprovals: (s) => [
    'academic',
    ...(ctx(s).leadership.needsLeadership ? ['leadership'] : []),
  ],
  probes: (s) =>
    s.value === 'compiling' || s.value === 'returned'
      ? [
          {
            event: {
              type: 'SUBMIT_PLAN',
              data: planOf([
                planLine({ certificate: { code: 'X', name: 'X', level: 'elementary' } }),
              ]),
            },
            actor: 'holder',
            code: 'LEVEL_NOT_ALLOWED',
          },
          {
            event: { type: 'SUBMIT_PLAN', data: planOf([planLine(), planLine()]) },
            actor: 'holder',
            code: 'DUPLICATE_CERTIFICATE',
          },
          {
            event: { type: 'SUBMIT_PLAN', data: { lines: [] } },
            actor: 'holder',
            code: 'VALIDATION_FAILED',
          },
        ]
      : [],
  startProbes: [{ input: planCall({ year: 1999 }), code: 'VALIDATION_FAILED' }],
  watch: [['annual-plan', '2027/ee']],
};
