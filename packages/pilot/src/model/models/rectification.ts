import { projectRecord } from '../../testing/assessment-fixtures.js';
import { people } from '../../testing/people.js';
import { plain, type FlowModel } from '../flow-model.js';

const project = projectRecord();
const caseInput = (
  finding: Record<string, unknown> = {},
  overrides: Record<string, unknown> = {},
) => ({
  projectId: 'proj-1',
  collegeId: 'ee',
  finding: { summary: '考场监控缺失', trigger: 'loose-management', ...finding },
  ...overrides,
});

export const rectificationModel: FlowModel = {
  flowId: 'rectification',
  scenarios: [
    {
      name: 'a finding of academic affairs on an implementing project',
      starter: people.academic,
      input: caseInput(),
      references: [{ kind: 'project', key: 'proj-1', value: project }],
    },
  ],
  events: () => [
    {
      type: 'SUBMIT_PLAN',
      data: { summary: '增设考场监控', measures: ['A301 加装监控', '考务人员培训'] },
    },
    // PLAN_OVERDUE and RESULTS_OVERDUE are deadlines' timers: the replay fires them.
    { type: 'PLAN_OVERDUE', data: {} },
    {
      type: 'REPORT_RESULTS',
      data: { summary: '已加装监控', evidenceRefs: ['att://rectification/cctv.pdf'] },
    },
    { type: 'RESULTS_OVERDUE', data: {} },
    ...plain('APPROVE', 'RETURN', 'REJECT'),
  ],
  // 教务处's verification is not an approval step (it judges the college's plan, not a submission).
  requiredApprovals: () => [],
  probes: (s) =>
    s.value === 'planPending'
      ? [
          {
            event: { type: 'SUBMIT_PLAN', data: { summary: '无', measures: [] } },
            actor: 'holder',
            code: 'VALIDATION_FAILED',
          },
        ]
      : s.value === 'implementing'
        ? [
            {
              event: { type: 'REPORT_RESULTS', data: { summary: '已整改', evidenceRefs: [] } },
              actor: 'holder',
              code: 'VALIDATION_FAILED',
            },
          ]
        : [],
  startProbes: [
    { input: caseInput({}, { projectId: 'nope' }), code: 'PROJECT_NOT_FOUND' },
    { input: caseInput({}, { collegeId: 'cs' }), code: 'PROJECT_COLLEGE_MISMATCH' },
    // An overdue rectification is a withdrawal ground, not a finding.
    { input: caseInput({ trigger: 'rectification-overdue' }), code: 'VALIDATION_FAILED' },
    { input: caseInput({ summary: ' ' }), code: 'VALIDATION_FAILED' },
  ],
  watch: [['project', 'proj-1']],
};
