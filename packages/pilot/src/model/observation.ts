import type {
  Actor,
  AnyFlow,
  HistoryRecord,
  InstanceRecord,
  JsonObject,
  TaskRecord,
} from '@certflow/engine';
import type { FlowModel } from './flow-model.js';

/** What the invariants look at after a step: the instance, its history and watched references. */
export interface Observation {
  readonly flow: AnyFlow;
  readonly model: FlowModel;
  readonly instance: InstanceRecord;
  readonly history: readonly HistoryRecord[];
  readonly references: ReadonlyArray<
    readonly [kind: string, key: string, value: JsonObject | undefined]
  >;
  /** The event types the path has taken so far, after START. */
  readonly pathEvents: readonly string[];
  readonly requiredApprovals: readonly string[];
  /** Who an actor id is (roles, college); default: the cast. */
  readonly actorOf?: (id: string) => Actor | undefined;
  /** The instance's open tasks, for the invariants of the task operations (`task-invariants.ts`). */
  readonly openTasks?: readonly TaskRecord[];
}

export const fail = (o: Observation, message: string): never => {
  throw new Error(`${o.flow.id} ${o.instance.id} [${o.pathEvents.join(' → ')}]: ${message}`);
};

/** Operations that only tell or note (抄送, 评论, 催办): 拿回 of the decision before them stays possible. */
export const PASSIVE_OPERATIONS: ReadonlySet<string> = new Set(['COMMENT', 'CC', 'URGE']);
