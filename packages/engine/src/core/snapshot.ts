import {
  createActor,
  type AnyMachineSnapshot,
  type AnyStateMachine,
  type EventFromLogic,
  type ExecutableActionsFrom,
} from 'xstate';
import type { JsonObject } from '../records.js';

/** Leaf state ids of a snapshot's value, as dotted paths, in document order. */
export function activeLeaves(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix ? `${prefix}.${value}` : value];
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
      child !== null && typeof child === 'object' && Object.keys(child).length === 0
        ? [prefix ? `${prefix}.${key}` : key]
        : activeLeaves(child, prefix ? `${prefix}.${key}` : key),
    );
  }
  return [];
}

export function stateKey(snapshot: AnyMachineSnapshot): string {
  return activeLeaves(snapshot.value).join(',');
}

/** Restore a persisted snapshot without starting an actor (nothing runs). */
export function restoreSnapshot(
  machine: AnyStateMachine,
  persisted: JsonObject,
): AnyMachineSnapshot {
  return createActor(machine, { snapshot: persisted as never }).getSnapshot() as AnyMachineSnapshot;
}

export function persistSnapshot(
  machine: AnyStateMachine,
  snapshot: AnyMachineSnapshot,
): JsonObject {
  const persisted: unknown = machine.getPersistedSnapshot(snapshot);
  // A JSON round trip: the row must hold exactly what a later load will see.
  return JSON.parse(JSON.stringify(persisted)) as JsonObject;
}

/** What a machine's `transition` runs in. */
type MachineScope = Parameters<AnyStateMachine['transition']>[2];

/** One inert actor scope per machine (nothing runs in it; see `pureTransition`). */
const scopes = new WeakMap<AnyStateMachine, MachineScope>();

function inertScope(machine: AnyStateMachine): MachineScope {
  let scope = scopes.get(machine);
  if (!scope) {
    const self = createActor(machine);
    scope = {
      self,
      defer: () => {},
      id: '',
      logger: () => {},
      sessionId: '',
      stopChild: () => {},
      system: self.system,
      emit: () => {},
      actionExecutor: () => {},
    };
    scopes.set(machine, scope);
  }
  return scope;
}

/**
 * xstate's pure `transition(machine, snapshot, event)` — the next snapshot and the actions it
 * would execute, nothing executed — without its cost: xstate builds a fresh actor for every
 * call, computing the machine's initial state with its assigns each time (a sixth of a
 * decision). The flows' machines spawn and invoke nothing, so one inert scope per machine serves
 * every call; only the collector of the actions is the call's own.
 */
export function pureTransition(
  machine: AnyStateMachine,
  snapshot: AnyMachineSnapshot,
  event: EventFromLogic<AnyStateMachine>,
): [AnyMachineSnapshot, ExecutableActionsFrom<AnyStateMachine>[]] {
  const actions: ExecutableActionsFrom<AnyStateMachine>[] = [];
  const scope: MachineScope = {
    ...inertScope(machine),
    actionExecutor: (action) => {
      actions.push(action as ExecutableActionsFrom<AnyStateMachine>);
    },
  };
  return [machine.transition(snapshot, event, scope) as AnyMachineSnapshot, actions];
}
