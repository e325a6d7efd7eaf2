export { MemoryStore } from './memory-store.js';
export { reviewFlow } from './review-flow.js';
export { weekdayCalendar } from './weekday-calendar.js';
export { describeCommandStoreContract, type CommandStoreSubject } from './store-contract.js';
export { writeOf } from './store-contract-context.js';
export {
  auditRecord,
  historyRecord,
  idempotencyRecord,
  instanceRecord,
  later,
  outboxRecord,
  T0,
  taskRecord,
  timerRecord,
} from './fixtures.js';
