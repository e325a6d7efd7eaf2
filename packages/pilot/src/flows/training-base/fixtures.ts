import type { TrainingBaseInput } from './input.js';

/** A valid training-base design; override what a test is about. */
export function trainingBaseDesign(overrides: Partial<TrainingBaseInput> = {}): TrainingBaseInput {
  return {
    collegeId: 'ee',
    name: 'Web前端开发1+X培训考核基地',
    certificateCodes: ['WEB-FE'],
    location: '实训楼 A301–A303',
    areaSqm: 320,
    stations: 60,
    equipmentBudget: 45_000_000,
    design: '按职业技能等级标准配置 60 个考核工位，兼顾课证融通教学与考核站点要求',
    ...overrides,
  };
}
