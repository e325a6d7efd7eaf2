import type { AnnualPlanInput, PlanLine, PlanSubmission } from './input.js';

/** The autumn-2026 call to college `ee` for the 2027 plan. */
export function planCall(overrides: Partial<AnnualPlanInput> = {}): AnnualPlanInput {
  return { year: 2027, collegeId: 'ee', ...overrides };
}

/** A plan line; 40 students, 7,500.00 yuan. */
export function planLine(overrides: Partial<PlanLine> = {}): PlanLine {
  return {
    certificate: { code: 'WEB-FE', name: 'Web前端开发', level: 'intermediate' },
    evaluationOrg: '工信部教育与考试中心',
    scale: 40,
    budget: { consumables: 200_000, certificateFees: 400_000, examinerFees: 150_000 },
    ...overrides,
  };
}

/** A two-certificate plan: 70 students, 13,500.00 yuan. */
export function planOf(lines: PlanLine[] = defaultLines()): PlanSubmission {
  return { lines, note: '按学院专业布局编报' };
}

function defaultLines(): PlanLine[] {
  return [
    planLine(),
    planLine({
      certificate: { code: 'IOT-INST', name: '物联网安装调试与运维', level: 'advanced' },
      evaluationOrg: '新大陆时代教育科技',
      scale: 30,
      budget: { consumables: 300_000, certificateFees: 200_000, examinerFees: 100_000 },
    }),
  ];
}
