import type { AnyFlow, InstanceStatus, JsonObject, StateSpec } from '@certflow/engine';
import { TASK_OPERATIONS } from '@certflow/engine';
import { z } from 'zod';
import { flowDiagramOf } from './flow-diagram.js';

/** The parts of an XState v5 state node the catalog reads. */
interface NodeLike {
  readonly path: readonly string[];
  readonly type: string;
  readonly states: Readonly<Record<string, NodeLike>>;
  readonly transitions: ReadonlyMap<string, unknown>;
}

export interface FlowTaskInfo {
  step: string;
  role: string;
  scope: 'school' | 'college' | 'organization' | 'submitter';
  events: string[];
  approval: boolean;
  /** 批量审批 allowed for this step (the flow's `batch: true`). */
  batch: boolean;
}

export interface FlowStateInfo {
  id: string;
  final: boolean;
  status: InstanceStatus | null;
  events: string[];
  tasks: FlowTaskInfo[];
  submitterEvents: string[];
}

export interface FlowInfo {
  id: string;
  version: number;
  latest: boolean;
  title: { zh: string; en: string };
  startedBy: { roles: string[]; scope: 'school' | 'college' };
  states: FlowStateInfo[];
  diagram: string;
  inputSchema: JsonObject;
}

function leaves(
  node: NodeLike,
  ancestors: readonly NodeLike[],
  out: Array<[NodeLike, NodeLike[]]>,
): void {
  const children = Object.values(node.states);
  if (children.length === 0) {
    out.push([node, [...ancestors, node]]);
    return;
  }
  for (const child of children) leaves(child, [...ancestors, node], out);
}

/** Events people can send in a state: the machine's own (not `xstate.*`), tasks' and submitter's. */
function eventsOf(chain: readonly NodeLike[], spec: StateSpec | undefined): string[] {
  const machine = chain
    .flatMap((n) => [...n.transitions.keys()])
    .filter((e) => !e.startsWith('xstate.'));
  const people = [
    ...(spec?.tasks ?? []).flatMap((t) => t.events),
    ...(spec?.submitterEvents ?? []),
  ];
  const ops = TASK_OPERATIONS as readonly string[];
  return [...new Set([...machine, ...people])]
    .filter((e) => !ops.includes(e) || people.includes(e))
    .sort();
}

function inputSchemaOf(flow: AnyFlow): JsonObject {
  try {
    return z.toJSONSchema(flow.input, {
      unrepresentable: 'any',
      io: 'input',
    }) as unknown as JsonObject;
  } catch {
    return {};
  }
}

/** Describe one flow version: states, who acts, events per state, a diagram, the input schema. */
export function describeFlow(flow: AnyFlow, latest: boolean): FlowInfo {
  const found: Array<[NodeLike, NodeLike[]]> = [];
  leaves(flow.machine.root, [], found);
  const states = found.map(([node, chain]): FlowStateInfo => {
    const id = node.path.join('.');
    const spec = flow.states[id];
    const final = node.type === 'final';
    return {
      id,
      final,
      status: final ? (flow.outcomes?.[id] ?? 'completed') : null,
      events: final ? [] : eventsOf(chain, spec),
      tasks: (spec?.tasks ?? []).map((t) => ({
        step: t.step,
        role: t.role,
        scope: t.scope,
        events: [...t.events],
        approval: t.approval,
        batch: t.batch === true,
      })),
      submitterEvents: [...(spec?.submitterEvents ?? [])],
    };
  });
  return {
    id: flow.id,
    version: flow.version,
    latest,
    title: { zh: flow.title.zh, en: flow.title.en },
    startedBy: { roles: [...flow.startedBy.roles], scope: flow.startedBy.scope },
    states,
    diagram: flowDiagramOf(flow),
    inputSchema: inputSchemaOf(flow),
  };
}

/** Every version of every flow; `latest` marks the version new instances start on. */
export function flowCatalog(flows: readonly AnyFlow[]): FlowInfo[] {
  const newest = new Map<string, number>();
  for (const f of flows) newest.set(f.id, Math.max(newest.get(f.id) ?? 0, f.version));
  return flows.map((f) => describeFlow(f, newest.get(f.id) === f.version));
}
