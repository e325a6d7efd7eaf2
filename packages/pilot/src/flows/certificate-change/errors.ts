import { defineErrors } from '../../errors.js';

/** Refusals of the certificate-change flow (第七条3). */
export const certificateChangeErrors = defineErrors({
  CHANGE_LOCKED_BY_CREDIT_BANK: {
    zh: '该项目已完成国家学分银行平台试点证书申报并通过上级主管部门审核，不予变更（第七条第3款）',
    en: 'The project is registered on the national credit bank and approved by the higher authority; its certificate can no longer change (Art. 7.3)',
  },
  OVER_BUDGET: {
    zh: '变更后的预算超出项目已批准的预算，须在不超预算的情况下申请变更（第七条第3款）',
    en: "The changed certificate's budget exceeds the project's approved budget (Art. 7.3)",
  },
  REASON_REQUIRED: {
    zh: '证书种类变更须说明变更原因（第七条第3款）',
    en: 'A certificate change must state its reason (Art. 7.3)',
  },
  CERTIFICATE_UNCHANGED: {
    zh: '变更后的证书与原证书相同，无需变更',
    en: 'The new certificate is the same as the current one',
  },
  PROJECT_NOT_FOUND: {
    zh: '未找到已批准的试点项目',
    en: 'No approved pilot project with that id',
  },
  PROJECT_COLLEGE_MISMATCH: {
    zh: '该试点项目不属于本二级学院',
    en: 'The pilot project belongs to another college',
  },
  PROJECT_NOT_IMPLEMENTING: {
    zh: '试点项目不在实施中，不能变更证书种类',
    en: 'The pilot project is not being implemented; its certificate cannot change',
  },
});

export type CertificateChangeErrorCode = keyof typeof certificateChangeErrors.catalog;
export const CERTIFICATE_CHANGE_ERRORS = certificateChangeErrors.catalog;
