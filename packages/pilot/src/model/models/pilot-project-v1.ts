import type { AnyMachineSnapshot } from 'xstate';
import { QUOTA_REF, quotaKey } from '../../common.js';
import type { ProjectContext } from '../../flows/pilot-project/v1/machine.js';
import { projectApplication } from '../../testing/fixtures.js';
import { people } from '../../testing/people.js';
import { plain, type FlowModel } from '../flow-model.js';

const ctx = (s: AnyMachineSnapshot) => s.context as ProjectContext;
const quota = {
  kind: QUOTA_REF,
  key: quotaKey(2027, 'ee'),
  value: { scale: 100, budget: 1_000_000 },
};
const elementary = projectApplication({
  certificate: { code: 'X', name: 'X', level: 'elementary' },
});

/** Version 1 (the first release), kept for the instances running on it: leadership only over quota. */
export const pilotProjectV1Model: FlowModel = {
  flowId: 'pilot-project',
  version: 1,
  scenarios: [
    {
      name: 'within quota',
      starter: people.owner,
      input: projectApplication(),
      references: [quota],
    },
    {
      name: 'over the pilot scale',
      starter: people.owner,
      input: projectApplication({ scale: 150 }),
      references: [quota],
    },
  ],
  events: (s) => [
    ...plain('APPROVE', 'RETURN', 'REJECT', 'WITHDRAW'),
    // Resubmitted unchanged: the rule computes the same leadership check again.
    {
      type: 'RESUBMIT',
      data: {},
      refs: {
        needsLeadership: ctx(s).leadership.needsLeadership,
        reasons: [...ctx(s).leadership.reasons],
      },
    },
  ],
  key: (s) => ctx(s).leadership.needsLeadership,
  requiredApprovals: (s) => [
    'college',
    'academic',
    ...(ctx(s).leadership.needsLeadership ? ['leadership'] : []),
  ],
  probes: (s) =>
    s.value === 'returned'
      ? [
          {
            event: { type: 'RESUBMIT', data: { input: elementary } },
            actor: 'submitter',
            code: 'LEVEL_NOT_ALLOWED',
          },
        ]
      : [],
  startProbes: [{ input: elementary, code: 'LEVEL_NOT_ALLOWED' }],
};
