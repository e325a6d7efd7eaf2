import { defineErrors } from '../../errors.js';

/** Refusals of the withdrawal flow (第七条1). */
export const withdrawalErrors = defineErrors({
  WITHDRAWAL_CASE_OPEN: {
    zh: '该项目已有进行中的退出（撤销）案件，请将新的情况作为证据补充到该案件（details.caseId）',
    en: 'The project already has an open withdrawal case; add the new trigger to it as evidence (details.caseId)',
  },
});
export const WITHDRAWAL_ERRORS = withdrawalErrors.catalog;
