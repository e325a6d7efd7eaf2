import { defineErrors } from '../../errors.js';

/** Refusals of the credit-bank registration record (第七条3). */
export const creditBankErrors = defineErrors({
  CREDIT_BANK_ALREADY_RECORDED: {
    zh: '该项目的学分银行试点证书申报已通过上级主管部门审核并已记录（第七条第3款）',
    en: "The project's credit-bank registration is already approved and recorded (Art. 7.3)",
  },
});
export const CREDIT_BANK_ERRORS = creditBankErrors.catalog;
