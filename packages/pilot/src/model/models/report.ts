import { SYSTEM_ACTOR } from '@certflow/engine';
import { reportCall, reportText } from '../../flows/report/fixtures.js';
import { people } from '../../testing/people.js';
import type { FlowModel, ModelEvent } from '../flow-model.js';

export const reportModel: FlowModel = {
  flowId: 'report',
  scenarios: [
    {
      name: 'a dynamic report opened by the scheduler',
      starter: SYSTEM_ACTOR,
      input: reportCall(),
    },
    {
      name: 'an annual summary called by academic affairs',
      starter: people.academic2,
      input: reportCall({ kind: 'annual-summary', period: '2026' }),
    },
  ],
  events: (): ModelEvent[] => [
    { type: 'SUBMIT', data: reportText },
    { type: 'APPROVE', data: {} },
    { type: 'RETURN', data: {} },
    { type: 'CLOSE', data: {} },
    { type: 'FEEDBACK', data: { source: 'education-department', summary: '数据报送不及时' } },
    { type: 'SUBMIT_IMPROVEMENT', data: { measures: '指定专人按月报送' } },
    { type: 'DEADLINE_PASSED', data: {} },
    { type: 'FEEDBACK_WINDOW_CLOSED', data: {} },
  ],
  requiredApprovals: () => ['academic'],
  startProbes: [{ input: reportCall({ period: '2026' }), code: 'VALIDATION_FAILED' }],
};
