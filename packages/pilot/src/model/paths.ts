import { DomainError, type AnyFlow, type JsonObject, type ReferenceReader } from '@certflow/engine';
import { getAdjacencyMap, getShortestPaths, getSimplePaths } from '@xstate/graph';
import type { AnyMachineSnapshot, AnyStateMachine, EventObject } from 'xstate';
import type { FlowModel, ModelEvent, ModelScenario } from './flow-model.js';

/** A path through the machine: the events in order and the state key after each. */
export interface ModelPath {
  readonly kind: 'shortest' | 'simple';
  readonly events: readonly ModelEvent[];
  readonly snapshots: readonly AnyMachineSnapshot[];
}

export interface PathBounds {
  /** Simple paths longer than this are dropped. */
  readonly maxDepth: number;
  /** At most this many simple paths (shortest first). */
  readonly maxSimplePaths: number;
  /** Simple paths are enumerated only on graphs of at most this many distinct states. */
  readonly maxStatesForSimplePaths: number;
}

export const DEFAULT_BOUNDS: PathBounds = {
  maxDepth: 12,
  maxSimplePaths: 120,
  maxStatesForSimplePaths: 40,
};

interface NodeLike {
  readonly states: Readonly<Record<string, NodeLike>>;
  readonly transitions: ReadonlyMap<string, unknown>;
}

/** Event types the active state nodes (leaves and their ancestors) have transitions for. */
export function acceptedTypes(machine: AnyStateMachine, snapshot: AnyMachineSnapshot): string[] {
  const types = new Set<string>();
  const visit = (node: NodeLike, value: unknown): void => {
    for (const t of node.transitions.keys()) {
      if (t && t !== '*' && !t.startsWith('xstate.')) types.add(t);
    }
    if (typeof value === 'string') {
      const child = node.states[value];
      if (child) visit(child, {});
    } else if (value !== null && typeof value === 'object') {
      for (const [key, sub] of Object.entries(value)) {
        const child = node.states[key];
        if (child) visit(child, sub);
      }
    }
  };
  visit(machine.root, snapshot.value);
  return [...types];
}

function readerOver(scenario: ModelScenario): ReferenceReader {
  return {
    get: (kind, key) => scenario.references?.find((r) => r.kind === kind && r.key === key)?.value,
  };
}

/** The machine input the engine would build at start (the flow's `prepare` run on the scenario). */
export async function machineInputOf(flow: AnyFlow, scenario: ModelScenario): Promise<JsonObject> {
  const input = flow.input.parse(scenario.input);
  const at = new Date('2026-11-02T01:00:00.000Z');
  const prepared = flow.prepare
    ? flow.prepare({
        input,
        actor: scenario.starter,
        refs: readerOver(scenario),
        now: at,
        instanceId: 'model',
      })
    : {};
  if (prepared instanceof DomainError) {
    throw new Error(
      `model scenario ${flow.id}/${scenario.name} is refused at start: ${prepared.code}`,
    );
  }
  return {
    input: input as JsonObject,
    refs: prepared?.refs ?? {},
    instanceId: 'model',
    submitterId: scenario.starter.id,
    submitterName: scenario.starter.name ?? null,
    at: at.toISOString(),
  };
}

/**
 * Shortest paths to every reachable state and simple paths up to the bounds, computed with
 * `@xstate/graph` over the flow's machine with the model's payloads.
 */
export async function modelPaths(
  flow: AnyFlow,
  model: FlowModel,
  scenario: ModelScenario,
  bounds: PathBounds = DEFAULT_BOUNDS,
): Promise<{ paths: ModelPath[]; states: number }> {
  const machine = flow.machine;
  const input = await machineInputOf(flow, scenario);
  const events = (snapshot: AnyMachineSnapshot): EventObject[] => {
    const listed = model.events(snapshot, scenario);
    const accepted = acceptedTypes(machine, snapshot);
    const filled = accepted
      .filter((type) => !listed.some((e) => e.type === type))
      .map((type) => ({ type, data: {} }));
    return [...listed.filter((e) => accepted.includes(e.type)), ...filled].map((e) => ({
      data: {},
      ...e,
    }));
  };
  const serializeState = (s: AnyMachineSnapshot): string =>
    JSON.stringify([s.value, s.status, model.key?.(s) ?? null]);
  const options = { input, events, serializeState } as never;
  const states = Object.keys(getAdjacencyMap(machine, options)).length;
  const toPath =
    (kind: ModelPath['kind']) =>
    (p: { steps: Array<{ state: unknown; event: unknown }> }): ModelPath => ({
      kind,
      events: p.steps.slice(1).map((s) => s.event as ModelEvent),
      snapshots: p.steps.slice(1).map((s) => s.state as AnyMachineSnapshot),
    });
  const shortest = getShortestPaths(machine, options).map(toPath('shortest'));
  const simple =
    states <= bounds.maxStatesForSimplePaths
      ? getSimplePaths(machine, options)
          .map(toPath('simple'))
          .filter((p) => p.events.length <= bounds.maxDepth)
          .sort((a, b) => a.events.length - b.events.length)
      : [];
  const seen = new Set<string>();
  const paths: ModelPath[] = [];
  for (const p of [...shortest, ...simple]) {
    const id = JSON.stringify(p.events);
    if (seen.has(id)) continue;
    seen.add(id);
    paths.push(p);
  }
  const kept = [
    ...paths.filter((p) => p.kind === 'shortest'),
    ...paths.filter((p) => p.kind === 'simple').slice(0, bounds.maxSimplePaths),
  ];
  return { paths: kept, states };
}
