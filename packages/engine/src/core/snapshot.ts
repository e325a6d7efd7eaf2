import { createActor, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
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
