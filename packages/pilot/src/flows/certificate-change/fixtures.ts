import type { JsonObject } from '@certflow/engine';
import type { ChangeInput } from './input.js';

/** An approved, implementing project record as `pilot-project` writes it (for tests and demos). */
export function implementingProject(overrides: JsonObject = {}): JsonObject {
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

/** A valid change request for `implementingProject()`; override what a test is about. */
export function changeRequest(overrides: Partial<ChangeInput> = {}): ChangeInput {
  return {
    projectId: 'proj-1',
    collegeId: 'ee',
    newCertificate: { code: 'WEB-APP', name: 'Web应用软件测试', level: 'intermediate' },
    evaluationOrg: '北京四合天地科技有限公司',
    budget: { consumables: 200_000, certificateFees: 380_000, examinerFees: 150_000 },
    reason: '原证书评价组织本年度暂停中级考核，改为相近专业方向证书',
    ...overrides,
  };
}
