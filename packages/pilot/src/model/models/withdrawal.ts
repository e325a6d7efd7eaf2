import { projectRecord } from '../../testing/assessment-fixtures.js';
import { people } from '../../testing/people.js';
import { plain, type FlowModel } from '../flow-model.js';

const project = projectRecord();
const caseInput = (overrides: Record<string, unknown> = {}) => ({
  projectId: 'proj-1',
  collegeId: 'ee',
  trigger: 'loose-management',
  reason: '考场无监控',
  ...overrides,
});

export const withdrawalModel: FlowModel = {
  flowId: 'withdrawal',
  scenarios: [
    {
      name: 'a case opened by academic affairs on an implementing project',
      starter: people.academic,
      input: caseInput(),
      references: [{ kind: 'project', key: 'proj-1', value: project }],
    },
  ],
  // The leadership's 撤销 reads the project as stored (the rule passes it on unchanged).
  events: () => [
    {
      type: 'ISSUE_NOTICE',
      data: { noticeRef: 'att://notice/1.pdf', summary: '拟撤销该试点项目，请于 5 个工作日内说明' },
    },
    ...plain('DISMISS'),
    { type: 'RESPOND', data: { statement: '已整改', evidenceRefs: ['att://evidence/1.pdf'] } },
    // RESPONSE_OVERDUE is the response deadline's timer: the replay fires it.
    { type: 'RESPONSE_OVERDUE', data: {} },
    { type: 'APPROVE', data: {}, refs: { project } },
    ...plain('REJECT'),
  ],
  requiredApprovals: () => ['decision'],
  probes: (s) =>
    s.value === 'notice'
      ? [
          {
            event: { type: 'ISSUE_NOTICE', data: { noticeRef: 'att://n.pdf', summary: ' ' } },
            actor: 'holder',
            code: 'VALIDATION_FAILED',
          },
        ]
      : s.value === 'response'
        ? [
            {
              event: { type: 'RESPOND', data: { statement: '' } },
              actor: 'holder',
              code: 'VALIDATION_FAILED',
            },
          ]
        : [],
  startProbes: [
    { input: caseInput({ projectId: 'nope' }), code: 'PROJECT_NOT_FOUND' },
    { input: caseInput({ collegeId: 'cs' }), code: 'PROJECT_COLLEGE_MISMATCH' },
    { input: caseInput({ trigger: 'bored' }), code: 'VALIDATION_FAILED' },
    { input: caseInput({ reason: ' ' }), code: 'VALIDATION_FAILED' },
  ],
  watch: [['project', 'proj-1']],
};
