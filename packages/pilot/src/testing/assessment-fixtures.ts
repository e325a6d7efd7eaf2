import type { JsonObject } from '@certflow/engine';
import type { AssessmentInput, FeeAgreement, Result, Student } from '../flows/assessment/input.js';
import type { ProjectRef } from '../ledger/project-ref.js';

/** The project record `pilot-project` writes on approval; override what a test is about. */
export function projectRecord(overrides: Partial<ProjectRef> = {}): ProjectRef & JsonObject {
  return {
    id: 'proj-1',
    ownerId: 'u-owner',
    year: 2027,
    collegeId: 'ee',
    certificate: { code: 'WEB-FE', name: 'Web前端开发', level: 'intermediate' },
    evaluationOrg: '工信部教育与考试中心',
    scale: 40,
    budget: { consumables: 200_000, certificateFees: 400_000, examinerFees: 150_000 },
    status: 'implementing',
    creditBankLocked: false,
    ...overrides,
  };
}

export function assessmentStart(overrides: Partial<AssessmentInput> = {}): AssessmentInput {
  return {
    projectId: 'proj-1',
    collegeId: 'ee',
    batch: '2027-1',
    site: { name: '电子工程学院实训楼 A301', address: '济南市高新区', capacity: 60 },
    ...overrides,
  };
}

export function feeAgreementFixture(overrides: Partial<FeeAgreement> = {}): FeeAgreement {
  return {
    scale: 30,
    venue: 50_000,
    equipment: 100_000,
    staff: 150_000,
    consumables: 80_000,
    agreementRef: 'att://2027/ee/fee-agreement.pdf',
    ...overrides,
  };
}

export const studentsFixture: readonly Student[] = [
  { studentNo: '2025010101', name: '学生甲', major: '计算机应用技术', className: '计应2501' },
  { studentNo: '2025010102', name: '学生乙', major: '计算机应用技术', className: '计应2501' },
  { studentNo: '2025010103', name: '学生丙', major: '软件技术', className: '软件2502' },
];

/** Results for `studentsFixture`: the first two pass. */
export const resultsFixture: readonly Result[] = [
  { studentNo: '2025010101', score: 88, passed: true, certificateNo: 'WEB-2027-0001' },
  { studentNo: '2025010102', score: 75, passed: true, certificateNo: 'WEB-2027-0002' },
  { studentNo: '2025010103', score: 52, passed: false },
];
