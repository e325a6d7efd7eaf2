import type { AnyFlow, Duration, StateSpec } from '@certflow/engine';

/** The parts of an XState v5 state node the diagram reads. */
interface NodeLike {
  readonly key: string;
  readonly path: readonly string[];
  readonly type: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
  readonly states: Readonly<Record<string, NodeLike>>;
  readonly initial?: { readonly target: readonly NodeLike[] } | undefined;
  readonly transitions: ReadonlyMap<string, readonly TransitionLike[]>;
  readonly always?: readonly TransitionLike[] | undefined;
}

interface TransitionLike {
  readonly eventType: string;
  readonly target?: readonly NodeLike[] | undefined;
  readonly guard?: unknown;
}

const STATUS_LABEL: Record<string, string> = {
  completed: '已通过 completed',
  rejected: '已驳回 rejected',
  withdrawn: '已撤回 withdrawn',
  cancelled: '已取消 cancelled',
};

const idOf = (node: NodeLike): string => node.path.join('__');

/** Mermaid takes most text in labels, but not its own separators. */
const clean = (text: string): string => text.replace(/[;{}:#]/g, ' ').trim();

function guardName(guard: unknown): string | undefined {
  if (guard === undefined || guard === null) return undefined;
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'object' && 'type' in guard && typeof guard.type === 'string') {
    return guard.type;
  }
  if (typeof guard === 'function') return guard.name || 'guard';
  return 'guard';
}

function edges(node: NodeLike, from: string, event: string, list: readonly TransitionLike[]) {
  const out: string[] = [];
  list.forEach((t, i) => {
    const guard = guardName(t.guard);
    const fallback = !guard && i > 0 && list.slice(0, i).some((p) => guardName(p.guard));
    const label = guard ? `${event} [${guard}]` : fallback ? `${event} [else]` : event;
    for (const target of t.target ?? [node]) out.push(`${from} --> ${idOf(target)} : ${label}`);
  });
  return out;
}

const days = (d: Duration): string =>
  'workingDays' in d ? `${d.workingDays} 工作日` : `${d.workingHours} 工作小时`;

/** Who acts in a state, its deadline and its timeout, from the flow's state specs. */
function describeSpec(spec: StateSpec): string[] {
  const lines = (spec.tasks ?? []).map((t) => {
    const who = t.scope === 'submitter' ? '申请人 submitter' : `${t.role}（${t.scope}）`;
    const after = t.timeoutEvent
      ? ` → ${t.timeoutEvent}`
      : t.escalateTo
        ? ` → 升级 ${t.escalateTo.role}`
        : '';
    return clean(`${who} ${t.deadline ? `限 ${days(t.deadline)}${after}` : ''}`);
  });
  if (spec.submitterEvents?.length) lines.push(clean(`申请人可 ${spec.submitterEvents.join('/')}`));
  if (spec.timeout) lines.push(clean(`超时 ${days(spec.timeout.after)} → ${spec.timeout.event}`));
  return lines;
}

function walk(flow: AnyFlow, node: NodeLike, indent: string, out: string[]): void {
  const children = Object.values(node.states);
  const initial = node.initial?.target ?? [];
  for (const target of initial) out.push(`${indent}[*] --> ${idOf(target)}`);
  for (const child of children) {
    const id = idOf(child);
    const nested = Object.keys(child.states).length > 0;
    if (nested) {
      out.push(`${indent}state ${id} {`);
      walk(flow, child, `${indent}  `, out);
      out.push(`${indent}}`);
    }
    const spec = flow.states[child.path.join('.')];
    if (spec) for (const line of describeSpec(spec)) out.push(`${indent}${id} : ${line}`);
    if (child.type === 'final') {
      const status = flow.outcomes?.[child.path.join('.')] ?? 'completed';
      out.push(`${indent}${id} : ${STATUS_LABEL[status] ?? status}`);
      out.push(`${indent}${id} --> [*]`);
    }
    if (child.always?.length)
      out.push(...edges(child, id, 'always', child.always).map((e) => indent + e));
    for (const [event, list] of child.transitions) {
      out.push(...edges(child, id, event, list).map((e) => indent + e));
    }
  }
}

/**
 * A mermaid `stateDiagram-v2` of a flow, generated from its machine: states (nested as blocks),
 * transitions labelled with their event and guard, final states with the instance status they
 * give, and who acts in each state (roles, deadlines, timeouts) from the flow's state specs.
 */
export function flowDiagram(flow: AnyFlow): string {
  const out = ['stateDiagram-v2'];
  walk(flow, flow.machine.root, '  ', out);
  return `${out.join('\n')}\n`;
}
