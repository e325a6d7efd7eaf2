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
  withdrawalTrigger,
  type WithdrawalInput,
  type WithdrawalTrigger,
} from './input.js';
