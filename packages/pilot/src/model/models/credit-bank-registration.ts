import { projectRecord } from '../../testing/assessment-fixtures.js';
import { people } from '../../testing/people.js';
import { plain, type FlowModel } from '../flow-model.js';

const project = projectRecord();
const input = (overrides: Record<string, unknown> = {}) => ({
  projectId: 'proj-1',
  collegeId: 'ee',
  registrationRef: 'att://credit-bank/reg.pdf',
  ...overrides,
});

export const creditBankRegistrationModel: FlowModel = {
  flowId: 'credit-bank-registration',
  scenarios: [
    {
      name: 'an implementing project filed on the credit bank',
      starter: people.owner,
      input: input(),
      references: [{ kind: 'project', key: 'proj-1', value: project }],
    },
  ],
  // The approval's rule reads the project as stored and passes it on.
  events: () => [
    {
      type: 'AUTHORITY_APPROVED',
      data: { approvalRef: 'att://credit-bank/approval.pdf' },
      refs: { project },
    },
    ...plain('AUTHORITY_RETURNED', 'WITHDRAW'),
    { type: 'REPOST', data: { registrationRef: 'att://credit-bank/reg-2.pdf' } },
  ],
  requiredApprovals: () => [],
  probes: (s) =>
    s.value === 'authority'
      ? [
          {
            event: { type: 'AUTHORITY_APPROVED', data: { approvalRef: 'not a reference' } },
            actor: 'holder',
            code: 'VALIDATION_FAILED',
          },
        ]
      : [],
  startProbes: [
    { input: input({ projectId: 'nope' }), code: 'PROJECT_NOT_FOUND' },
    { input: input({ registrationRef: '' }), code: 'VALIDATION_FAILED' },
  ],
  watch: [['project', 'proj-1']],
};
