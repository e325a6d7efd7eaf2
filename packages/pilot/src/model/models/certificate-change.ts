import { changeRequest, implementingProject } from '../../flows/certificate-change/fixtures.js';
import { people } from '../../testing/people.js';
import { plain, type FlowModel } from '../flow-model.js';

const project = implementingProject();
const elementary = changeRequest({ newCertificate: { code: 'E', name: 'E', level: 'elementary' } });
const overBudget = changeRequest({
  budget: { consumables: 750_001, certificateFees: 0, examinerFees: 0 },
});

export const certificateChangeModel: FlowModel = {
  flowId: 'certificate-change',
  scenarios: [
    {
      name: 'an implementing project',
      starter: people.owner,
      input: changeRequest(),
      references: [{ kind: 'project', key: 'proj-1', value: project }],
    },
  ],
  // Until the final approval the project record is as stored: the rules pass it on as read.
  events: () => [
    { type: 'APPROVE', data: {}, refs: { project } },
    ...plain('RETURN', 'REJECT', 'WITHDRAW'),
    { type: 'RESUBMIT', data: {}, refs: { project } },
  ],
  requiredApprovals: () => ['college', 'academic'],
  probes: (s) =>
    s.value === 'returned'
      ? [
          {
            event: { type: 'RESUBMIT', data: { input: elementary } },
            actor: 'submitter',
            code: 'LEVEL_NOT_ALLOWED',
          },
          {
            event: { type: 'RESUBMIT', data: { input: overBudget } },
            actor: 'submitter',
            code: 'OVER_BUDGET',
          },
        ]
      : [],
  startProbes: [
    { input: elementary, code: 'LEVEL_NOT_ALLOWED' },
    { input: overBudget, code: 'OVER_BUDGET' },
    { input: changeRequest({ reason: '' }), code: 'REASON_REQUIRED' },
    { input: changeRequest({ projectId: 'nope' }), code: 'PROJECT_NOT_FOUND' },
  ],
  watch: [['project', 'proj-1']],
};
