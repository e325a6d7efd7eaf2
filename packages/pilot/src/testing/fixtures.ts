import type { ProjectInput } from '../flows/pilot-project/input.js';

/** A valid pilot-project application; override what a test is about. */
export function projectApplication(overrides: Partial<ProjectInput> = {}): ProjectInput {
  return {
    year: 2027,
    collegeId: 'ee',
    certificate: { code: 'WEB-FE', name: 'Web前端开发', level: 'intermediate' },
    evaluationOrg: '工信部教育与考试中心',
    scale: 40,
    budget: { consumables: 200_000, certificateFees: 400_000, examinerFees: 150_000 },
    ...overrides,
  };
}
