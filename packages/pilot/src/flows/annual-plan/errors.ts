import { defineErrors } from '../../errors.js';

/** Refusals of the annual-plan call (第七条2). */
export const annualPlanErrors = defineErrors({
  PLAN_CALL_EXISTS: {
    zh: '该二级学院本年度的年度计划编报已经发起，不能重复发起',
    en: "This college's annual plan call for that year is already open or filed",
  },
  DUPLICATE_CERTIFICATE: {
    zh: '同一证书在年度计划中只能列一行',
    en: 'A certificate may appear only once in the annual plan',
  },
});

export type AnnualPlanErrorCode = keyof typeof annualPlanErrors.catalog;
export const ANNUAL_PLAN_ERRORS = annualPlanErrors.catalog;
