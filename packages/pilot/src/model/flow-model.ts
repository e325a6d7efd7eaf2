import type { Actor, CommandEvent, JsonObject } from '@certflow/engine';
import type { AnyMachineSnapshot } from 'xstate';

/**
 * A machine event as the model explores it: the command's `data`, and the `refs` the flow's
 * rule would compute for it in the engine (reference data read in the transaction).
 */
export interface ModelEvent {
  readonly type: string;
  readonly data?: JsonObject;
  readonly refs?: JsonObject;
}

/** A reference row written before an instance starts (quotas, the project record…). */
export interface ModelReference {
  readonly kind: string;
  readonly key: string;
  readonly value: JsonObject;
}

/** One way to start the flow: who starts it with what, over which reference data. */
export interface ModelScenario {
  readonly name: string;
  readonly starter: Actor;
  readonly input: unknown;
  readonly references?: readonly ModelReference[];
}

/** A command that must be refused with `code` (and change nothing) in the given state. */
export interface ModelProbe {
  readonly event: CommandEvent;
  /** `submitter`: the instance's submitter; `holder`: a person who holds an open task. */
  readonly actor: Actor | 'submitter' | 'holder';
  readonly code: string;
}

/**
 * What the model-based and randomized suites need to know about one flow (model/README.md).
 * The graph of the flow's machine is explored with `@xstate/graph`; each path is replayed
 * through the engine, acting as a person of the cast who holds the task.
 */
export interface FlowModel {
  readonly flowId: string;
  /** The flow version the model is of; default: every version of `flowId` without a model of its own. */
  readonly version?: number;
  readonly scenarios: readonly ModelScenario[];
  /**
   * Payloads of the events to explore in a machine state. Event types the state accepts but
   * that are not listed are explored with empty `data` and no `refs`.
   */
  events(snapshot: AnyMachineSnapshot, scenario: ModelScenario): readonly ModelEvent[];
  /**
   * The part of the context that decides where the flow can go (guards), for the traversal
   * key; default: none — the key is the state value alone.
   */
  key?(snapshot: AnyMachineSnapshot): unknown;
  /** Approval steps (task `step` names) a `completed` instance must have had since its last submission. */
  requiredApprovals(snapshot: AnyMachineSnapshot, scenario: ModelScenario): readonly string[];
  /** Flow-specific refusals to try in a state. */
  probes?(snapshot: AnyMachineSnapshot, scenario: ModelScenario): readonly ModelProbe[];
  /** Start inputs that must be refused, with their code. */
  readonly startProbes?: ReadonlyArray<{ readonly input: unknown; readonly code: string }>;
  /** Reference rows the flow may write: compared on refusal and checked by the invariants. */
  readonly watch?: ReadonlyArray<readonly [kind: string, key: string]>;
}

/** Empty-payload events for the common operations (同意 / 退回 / 驳回 / 撤回). */
export const plain = (...types: string[]): ModelEvent[] =>
  types.map((type) => ({ type, data: {} }));
