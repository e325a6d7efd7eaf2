import type { TrainingRequestInput } from './input.js';

/** A within-standard teacher training request; override what a test is about. */
export function trainingRequest(
  overrides: Partial<TrainingRequestInput> = {},
  training: Partial<TrainingRequestInput['training']> = {},
): TrainingRequestInput {
  return {
    collegeId: 'ee',
    teacher: { id: 'u-owner', name: '张老师' },
    training: {
      title: 'Web前端开发职业技能等级证书师资培训（中级）',
      organizer: '工信部教育与考试中心',
      kind: 'evaluation-org',
      startDate: '2026-12-07',
      endDate: '2026-12-11',
      days: 5,
      cost: 380_000,
      nonStandard: false,
      ...training,
    },
    ...overrides,
  };
}
