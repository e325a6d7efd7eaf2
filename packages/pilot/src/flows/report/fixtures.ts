import type { ReportInput } from './input.js';

/** A call for a dynamic report; override what a test is about. */
export function reportCall(overrides: Partial<ReportInput> = {}): ReportInput {
  return { kind: 'dynamic', collegeId: 'ee', period: '2026-11', ...overrides };
}

export const reportText = {
  summary: '本月完成Web前端开发中级证书培训 32 学时，报名 40 人',
  figures: { registered: 40, trained: 38 },
};
