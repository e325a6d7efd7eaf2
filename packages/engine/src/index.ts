export type { Actor } from './core/actor.js';
export { SYSTEM_ACTOR, isSystem } from './core/actor.js';
export type {
  BusinessCalendar,
  Deadline,
  DueBasis,
  Duration,
  SkippedDays,
} from './ports/calendar.js';
export { computeDue, dueBasis } from './ports/calendar.js';
export type { AttachmentRecord, AttachmentStore } from './ports/attachment-store.js';
export type { Clock, IdGenerator } from './ports/clock.js';
export { ManualClock } from './ports/clock.js';
export type { Directory, People, PeopleRequest, Person } from './ports/directory.js';
export { resolvePeople } from './ports/directory.js';
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
  type StartOptions,
} from './engine.js';
export type { Command, ReferenceResult } from './commands/command.js';
export { decide, type Decision, type DecideOptions, type ResultOf } from './core/decide.js';
export type { DecideContext } from './core/context.js';
export { emptyWrite } from './core/outcome.js';
export { attachmentRefSchema, type AttachmentRef } from './core/engine-data.js';
export { timeOrderedIds } from './ids.js';
export {
  PREVIEW_ASSUMPTION,
  type PreviewApprover,
  type PreviewStep,
  type RoutePreview,
} from './core/preview.js';
export {
  activeSubstitute,
  periodsOf,
  SUBSTITUTION_REF,
  substitutionPeriodSchema,
  substitutionValueSchema,
  type SubstitutionPeriod,
  type Substitutions,
} from './substitution.js';
export {
  defineFlow,
  isTaskOperation,
  leafStateIds,
  resubmissionEvents,
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
} from './flows/flow.js';
export { FlowRegistry } from './flows/registry.js';
export { REFERENCE_PUT } from './core/effects.js';
export {
  canonicalJson,
  GENESIS_HASH,
  historyHash,
  sha256,
  verifyChain,
  type ChainVerdict,
} from './core/hash.js';
export {
  NOTIFY_OUTBOX_KIND,
  type NotificationKind,
  type NotificationPayload,
} from './core/notify.js';
export type {
  AdminAuditRecord,
  ApproverSlot,
  CopyRecord,
  HistoryRecord,
  IdempotencyRecord,
  InstanceRecord,
  InstanceStatus,
  JsonObject,
  JsonValue,
  OutboxRecord,
  OutboxStatus,
  ReferenceKey,
  StepDecision,
  StepProgress,
  StepRound,
  TaskKind,
  TaskRecord,
  TaskStatus,
  TimerKind,
  TimerRecord,
  TimerStatus,
  UndoRecord,
} from './records.js';
export { INSTANCE_STATUSES } from './records.js';
export { activeLeaves, restoreSnapshot, stateKey } from './core/snapshot.js';
export { returnableSteps } from './core/return-to-step.js';
export {
  referenceId,
  type CommandStore,
  type CommandWrite,
  type DueChange,
  type IdempotencyKey,
  type InboxQuery,
  type InstanceQuery,
  type Loaded,
  type LoadedInstance,
  type LoadRequest,
  type ReferencePut,
  type Store,
  type StoreReader,
  type TaskClose,
  type VersionedReference,
} from './ports/store.js';
export type { DispatchStore, OutboxKey } from './ports/dispatch-store.js';
export { instanceView, taskView, type InstanceView, type TaskView } from './core/view.js';
