import { activeLeaves } from '@certflow/engine';
import type { AnyFlow } from '@certflow/engine';
import { initialTransition, type AnyMachineSnapshot } from 'xstate';
import type { FlowModel, ModelScenario } from './flow-model.js';
import { machineInputOf, modelPaths, type PathBounds } from './paths.js';
import { replayPath } from './replay.js';

export interface ScenarioReport {
  readonly paths: number;
  readonly graphStates: number;
  readonly steps: number;
  readonly probes: number;
  /** Operation steps taken (detours.ts), by kind. */
  readonly detours: Readonly<Record<string, number>>;
  /** Leaf state keys the replay reached. */
  readonly reached: ReadonlySet<string>;
}

/** Explore one scenario's graph and replay every path through the engine with the invariants. */
export async function runScenario(
  flow: AnyFlow,
  model: FlowModel,
  scenario: ModelScenario,
  options: { bounds?: PathBounds; flows?: readonly AnyFlow[] } = {},
): Promise<ScenarioReport> {
  const { paths, states } = await modelPaths(flow, model, scenario, options.bounds);
  const initial = initialTransition(flow.machine, await machineInputOf(flow, scenario))[0];
  const key = (s: AnyMachineSnapshot): string =>
    JSON.stringify([s.value, s.status, model.key?.(s) ?? null]);
  const probed = new Set<string>();
  const reached = new Set<string>();
  let steps = 0;
  let probes = 0;
  const detoured = new Set<string>();
  const detours: Record<string, number> = {};
  for (const path of paths) {
    const r = await replayPath({
      flow,
      model,
      scenario,
      path,
      initial,
      probed,
      key,
      detoured,
      ...(options.flows ? { flows: options.flows } : {}),
    });
    steps += r.steps;
    probes += r.probes;
    for (const d of r.detours) detours[d] = (detours[d] ?? 0) + 1;
    for (const s of [initial, ...path.snapshots])
      activeLeaves(s.value).forEach((leaf) => reached.add(leaf));
  }
  return { paths: paths.length, graphStates: states, steps, probes, detours, reached };
}
