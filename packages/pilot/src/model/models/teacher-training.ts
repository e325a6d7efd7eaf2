import type { AnyMachineSnapshot } from 'xstate';
import { trainingRequest } from '../../flows/teacher-training/fixtures.js';
import type { TrainingContext } from '../../flows/teacher-training/machine.js';
import { beyondStandard } from '../../flows/teacher-training/standard.js';
import { people } from '../../testing/people.js';
import { plain, type FlowModel } from '../flow-model.js';

const beyond = (s: AnyMachineSnapshot) =>
  beyondStandard((s.context as TrainingContext).request).length > 0;
const unjustified = trainingRequest({}, { nonStandard: true });

export const teacherTrainingModel: FlowModel = {
  flowId: 'teacher-training',
  scenarios: [
    { name: 'within the standard', starter: people.owner, input: trainingRequest() },
    {
      name: 'beyond the standard, justified',
      starter: people.owner,
      input: trainingRequest({ justification: '评价组织首批考评员认证' }, { cost: 1_200_000 }),
    },
  ],
  events: () => plain('APPROVE', 'RETURN', 'REJECT', 'WITHDRAW', 'RESUBMIT'),
  key: beyond,
  requiredApprovals: (s) => ['college', 'academic', ...(beyond(s) ? ['leadership'] : [])],
  probes: (s) =>
    s.value === 'returned'
      ? [
          {
            event: { type: 'RESUBMIT', data: { input: unjustified } },
            actor: 'submitter',
            code: 'JUSTIFICATION_REQUIRED',
          },
        ]
      : [],
  startProbes: [{ input: unjustified, code: 'JUSTIFICATION_REQUIRED' }],
};
