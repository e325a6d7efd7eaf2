import type { AnyFlow, TaskOperation } from '../flows/flow.js';
import type { LoadedInstance } from '../ports/store.js';
import type { TaskRecord } from '../records.js';
import type { Actor } from './actor.js';
import type { AuditedEvent } from './outcome.js';

/** What an engine operation (转办, 委派, 加签, 减签, 拿回, 抄送…) is decided on. */
export interface OperationArgs {
  readonly type: TaskOperation;
  readonly event: AuditedEvent;
  readonly actor: Actor;
  readonly loaded: LoadedInstance;
  /** Open tasks the command is about (all, or the one named by `taskId`). */
  readonly scoped: readonly TaskRecord[];
  readonly urgeIntervalMs: number;
  readonly flow: AnyFlow;
}
