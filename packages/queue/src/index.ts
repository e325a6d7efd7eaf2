export type { ReconcileReport, Scheduler, SchedulerDeps } from './scheduler.js';
export {
  InProcessScheduler,
  type InProcessSchedulerOptions,
  type RunReport,
} from './in-process-scheduler.js';
export { BullmqScheduler, type BullmqSchedulerOptions } from './bullmq-scheduler.js';
export {
  JOB_CATALOG,
  QUEUE_NAMES,
  isJobName,
  parseJob,
  type JobKindOptions,
  type JobName,
  type JobPayload,
  type QueueName,
} from './job-catalog.js';
export { occurrenceKey, outboxJobId, timerJobId } from './job-ids.js';
export {
  effectHandlers,
  type OutboxContext,
  type OutboxHandler,
  type OutboxHandlers,
} from './outbox-handlers.js';
export { deliverOutbox, type DeliveryDeps, type DeliveryResult } from './deliver-outbox.js';
export { fireTimerWhenDue, type TimerFireResult } from './fire-timer.js';
export {
  defaultRetryPolicy,
  exponentialRetry,
  isPermanent,
  type RetryPolicy,
} from './retry-policy.js';
export {
  latestOccurrence,
  nextOccurrence,
  RECURRING_TZ,
  runOccurrence,
  type Recurrence,
  type RecurringCall,
} from './recurring-call.js';
export { RECURRING_MARKER_KIND } from './recurring-markers.js';
export { createRedisProbe, type RedisProbe, type RedisStatus } from './redis-probe.js';
