import { defineErrors } from '../../errors.js';

/** Refusals of the pilot-project application (第六条2, 第七条2). */
export const pilotProjectErrors = defineErrors({
  DUPLICATE_APPLICATION: {
    zh: '本学院该年度已申报同一证书，每个二级学院每年每种证书只能申报一项',
    en: 'The college has already applied for this certificate this year; one application per year, college and certificate',
  },
  JUSTIFICATION_REQUIRED: {
    zh: '本学院本年度申报合计超出试点规模数或上一年度执行预算，须说明理由并经领导小组审批（第七条第2款）',
    en: "The college's applications of the year together exceed its pilot scale or last year's executed budget: give a justification for the leadership group (Art. 7.2)",
  },
  APPLICATION_WINDOW_CLOSED: {
    zh: '当前不在试点项目申报期内；每年秋季学期编报下一年度项目（第七条第2款）',
    en: 'Pilot projects are applied for in the autumn call window only, for the next year (Art. 7.2)',
  },
  APPLICATION_YEAR_NOT_OPEN: {
    zh: '本次申报只接受下一年度的试点项目（第七条第2款）',
    en: 'This call accepts pilot projects for the next year only (Art. 7.2)',
  },
});

export const PILOT_PROJECT_ERRORS = pilotProjectErrors.catalog;
export type PilotProjectErrorCode = keyof typeof PILOT_PROJECT_ERRORS;
