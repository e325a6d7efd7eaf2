import type { ExamPlan } from './input.js';

/** The exam plan of `studentsFixture` (three students) at the accepted site; override what a test is about. */
export function examPlanFixture(overrides: Partial<ExamPlan> = {}): ExamPlan {
  return {
    siteCode: 'SITE-01',
    batch: '2027-1',
    date: '2027-05-20',
    form: 'computer',
    headCount: 3,
    ...overrides,
  };
}
