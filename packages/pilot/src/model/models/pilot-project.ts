import type { AnyMachineSnapshot } from 'xstate';
import { QUOTA_REF, quotaKey } from '../../common.js';
import type { ProjectApplication } from '../../flows/pilot-project/input.js';
import type { ProjectContextV2 } from '../../flows/pilot-project/machine.js';
import { TALLY_REF, tallyKey } from '../../flows/pilot-project/tally.js';
import { projectApplication } from '../../testing/fixtures.js';
import { people } from '../../testing/people.js';
import { plain, type FlowModel } from '../flow-model.js';

const ctx = (s: AnyMachineSnapshot) => s.context as ProjectContextV2;
const quota = (scale: number) => ({
  kind: QUOTA_REF,
  key: quotaKey(2027, 'ee'),
  value: { scale, budget: 10_000_000 },
});
/** The college already applied for another certificate this year (10 people). */
const tally = {
  kind: TALLY_REF,
  key: tallyKey(2027, 'ee'),
  value: {
    year: 2027,
    collegeId: 'ee',
    entries: {
      other: {
        certificateCode: 'OTHER',
        certificateName: '其他证书',
        level: 'intermediate',
        scale: 10,
        budget: 100_000,
      },
    },
  },
};
const elementary = projectApplication({
  certificate: { code: 'X', name: 'X', level: 'elementary' },
});
const duplicate = projectApplication({
  certificate: { code: 'OTHER', name: '其他证书', level: 'intermediate' },
});
const over: ProjectApplication = {
  ...projectApplication({ scale: 45 }),
  justification: '订单班扩招',
};

/**
 * Version 2: every project goes 二级学院 → 教务处 → 领导小组 (第六条2) — `requiredApprovals` holds
 * all three whatever the quota; over the college's 试点规模数 the application needs a
 * justification (第七条2).
 */
export const pilotProjectModel: FlowModel = {
  flowId: 'pilot-project',
  version: 2,
  scenarios: [
    {
      name: 'within quota',
      starter: people.owner,
      input: projectApplication(),
      references: [quota(100), tally],
    },
    {
      name: 'the college’s year over its pilot scale, justified',
      starter: people.owner,
      input: over,
      references: [quota(50), tally],
    },
  ],
  events: (s) => [
    // Each 同意 reads the college's year again; unchanged here, as nothing else moves.
    { type: 'APPROVE', data: {}, refs: { quota: ctx(s).quota as never } },
    ...plain('RETURN', 'REJECT', 'WITHDRAW'),
    { type: 'RESUBMIT', data: {}, refs: { quota: ctx(s).quota as never } },
  ],
  requiredApprovals: () => ['college', 'academic', 'leadership'],
  probes: (s) => {
    if (s.value !== 'returned') return [];
    const resubmit = (input: ProjectApplication, code: string) => ({
      event: { type: 'RESUBMIT', data: { input } },
      actor: 'submitter' as const,
      code,
    });
    return [
      resubmit(elementary, 'LEVEL_NOT_ALLOWED'),
      resubmit(duplicate, 'DUPLICATE_APPLICATION'),
      ...(ctx(s).quota.over
        ? [resubmit(projectApplication({ scale: 45 }), 'JUSTIFICATION_REQUIRED')]
        : []),
    ];
  },
  startProbes: [
    { input: elementary, code: 'LEVEL_NOT_ALLOWED' },
    { input: duplicate, code: 'DUPLICATE_APPLICATION' },
    { input: projectApplication({ year: 2028 }), code: 'APPLICATION_YEAR_NOT_OPEN' },
    { input: projectApplication({ scale: 95 }), code: 'JUSTIFICATION_REQUIRED' },
  ],
  watch: [[TALLY_REF, tallyKey(2027, 'ee')]],
};
