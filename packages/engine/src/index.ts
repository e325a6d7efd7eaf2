export type { Actor } from './actor.js';
export { SYSTEM_ACTOR, isSystem } from './actor.js';
export type { BusinessCalendar, Deadline, DueBasis, Duration, SkippedDays } from './calendar.js';
export { computeDue, dueBasis } from './calendar.js';
export type { Clock, IdGenerator } from './clock.js';
export { ManualClock } from './clock.js';
export type { Directory, Person } from './directory.js';
export {
  DomainError,
  ENGINE_ERRORS,
  InfrastructureError,
  isDomainError,
  refuse,
  type EngineErrorCode,
  type Messages,
} from './errors.js';
export {
  createEngine,
  Engine,
  validationError,
  type CommandEvent,
  type EngineOptions,
  type FireResult,
  type SendOptions,
} from './engine.js';
export {
  defineFlow,
  isTaskOperation,
  leafStateIds,
  TASK_OPERATIONS,
  type AnyFlow,
  type EventRule,
  type RuleResult,
  type FlowDefinition,
  type ReferenceReader,
  type ReferenceWrite,
  type RuleArgs,
  type StateSpec,
  type TaskOperation,
  type TaskScope,
  type TaskSpec,
} from './flow.js';
export { REFERENCE_PUT, effectsOf } from './effects.js';
export {
  canonicalJson,
  chainRow,
  GENESIS_HASH,
  historyHash,
  sha256,
  verifyChain,
  type ChainVerdict,
} from './hash.js';
export { NOTIFY_OUTBOX_KIND, type NotificationKind, type NotificationPayload } from './notify.js';
export type {
  HistoryRecord,
  IdempotencyRecord,
  InstanceRecord,
  InstanceStatus,
  JsonObject,
  JsonValue,
  OutboxRecord,
  OutboxStatus,
  ReferenceKey,
  TaskKind,
  TaskRecord,
  TaskStatus,
  TimerKind,
  TimerRecord,
  TimerStatus,
} from './records.js';
export { INSTANCE_STATUSES } from './records.js';
export { FlowRegistry } from './registry.js';
export { activeLeaves, persistSnapshot, restoreSnapshot, stateKey } from './snapshot.js';
export type {
  CommandWrite,
  TimerWithInstance,
  InboxQuery,
  InstanceQuery,
  Store,
  StoreReader,
  StoreTx,
  TaskClose,
} from './store.js';
export { LockRequired } from './store.js';
export { unlockedTx, type UnlockedParts } from './unlocked.js';
export type { DispatchStore, OutboxKey } from './dispatch.js';
export { instanceView, taskView, type InstanceView, type TaskView } from './view.js';
