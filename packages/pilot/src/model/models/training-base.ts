import { people } from '../../testing/people.js';
import { trainingBaseDesign } from '../../flows/training-base/fixtures.js';
import { plain, type FlowModel } from '../flow-model.js';

export const trainingBaseModel: FlowModel = {
  flowId: 'training-base',
  scenarios: [
    { name: 'a college design', starter: people.collegeLead, input: trainingBaseDesign() },
  ],
  events: () => plain('APPROVE', 'RETURN', 'REJECT', 'WITHDRAW', 'RESUBMIT'),
  requiredApprovals: () => ['academic', 'school'],
  startProbes: [{ input: trainingBaseDesign({ stations: 0 }), code: 'VALIDATION_FAILED' }],
};
