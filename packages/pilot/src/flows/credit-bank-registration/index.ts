export { creditBankRegistrationFlow } from './flow.js';
export { creditBankMachine, type CreditBankContext, type CreditBankEvent } from './machine.js';
export { creditBankInput, type CreditBankInput } from './input.js';
export { CREDIT_BANK_ERRORS, creditBankErrors } from './errors.js';
