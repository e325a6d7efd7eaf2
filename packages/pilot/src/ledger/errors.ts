import { defineErrors } from '../errors.js';

/** Refusals about a project's reference record and its budget ledger (第十一条, 第七条1). */
export const ledgerErrors = defineErrors({
  OVER_BUDGET: {
    zh: '支出超出项目预算，专款专用，不得超支（第十一条）',
    en: 'The expense exceeds the project budget; funds are earmarked and may not be overspent (Art. 11)',
  },
  PROJECT_NOT_FOUND: {
    zh: '未找到已批准的试点项目',
    en: 'No approved pilot project with that id',
  },
  PROJECT_NOT_IMPLEMENTING: {
    zh: '试点项目不在实施中（已撤销或未批准）',
    en: 'The pilot project is not being implemented (cancelled or not approved)',
  },
  PROJECT_COLLEGE_MISMATCH: {
    zh: '试点项目不属于该二级学院',
    en: 'The pilot project belongs to another college',
  },
  ADJUSTMENT_BELOW_SPENT: {
    zh: '调整后的预算低于已支出金额或为负数（第十一条）',
    en: 'The adjusted budget would fall below what is already spent, or below zero (Art. 11)',
  },
});

export const LEDGER_ERRORS = ledgerErrors.catalog;
export type LedgerErrorCode = keyof typeof LEDGER_ERRORS;
