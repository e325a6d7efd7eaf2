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

/** Version 1, kept for the cases running on it. */
export const withdrawalV1Model: FlowModel = {
  flowId: 'withdrawal',
  version: 1,
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

const caseFile = (open: string | null) => ({
  kind: 'withdrawal-case',
  key: 'proj-1',
  value: {
    projectId: 'proj-1',
    open,
    evidence: open
      ? [
          {
            id: open,
            trigger: 'student-fee',
            reason: '收费',
            evidenceRefs: [],
            at: '2026-10-08T01:00:00.000Z',
            by: 'system',
          },
        ]
      : [],
    closed: [],
  },
});

/** Version 2: one open case per project; another trigger joins it as evidence (第七条1). */
export const withdrawalModel: FlowModel = {
  ...withdrawalV1Model,
  version: 2,
  scenarios: [
    {
      name: 'a case opened by academic affairs on an implementing project',
      starter: people.academic,
      input: caseInput(),
      references: [{ kind: 'project', key: 'proj-1', value: project }, caseFile(null)],
    },
    {
      name: 'a second trigger while a case is open: added to it as evidence',
      starter: people.academic,
      input: caseInput({ ifOpen: 'add-evidence', trigger: 'weak-progress' }),
      references: [{ kind: 'project', key: 'proj-1', value: project }, caseFile('case-0')],
    },
  ],
  // The decisions read the case file: its evidence is what the rule passes on.
  events: (s) =>
    withdrawalV1Model.events(s, withdrawalModel.scenarios[0]!).map((e) => ({
      ...e,
      refs: { ...(e.refs ?? {}), evidence: caseFile(null).value.evidence },
    })),
  requiredApprovals: (s) => (s.value === 'joined' ? [] : ['decision']),
  watch: [
    ['project', 'proj-1'],
    ['withdrawal-case', 'proj-1'],
  ],
};
