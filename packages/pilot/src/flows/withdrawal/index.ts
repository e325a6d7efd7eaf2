export { withdrawalFlow, RESPONSE_DEADLINE } from './flow.js';
export {
  cancellationReason,
  withdrawalMachine,
  type WithdrawalContext,
  type WithdrawalEvent,
} from './machine.js';
export {
  ARTICLE_TRIGGERS,
  articleTrigger,
  WITHDRAWAL_TRIGGERS,
  withdrawalInput,
  withdrawalInputV2,
  type WithdrawalInputV2,
  withdrawalTrigger,
  type WithdrawalInput,
  type WithdrawalTrigger,
} from './input.js';
export { withdrawalFlowV2 } from './flow-v2.js';
export {
  withdrawalMachineV2,
  type WithdrawalContextV2,
  type WithdrawalEventV2,
} from './machine-v2.js';
export { CASE_FILE_REF, caseFileOf, type CaseFile, type EvidenceEntry } from './case-file.js';
export { WITHDRAWAL_ERRORS, withdrawalErrors } from './errors.js';
