import type { FlowInfo } from '@certflow/client';
import { eventLabel } from '../../../labels/events';
import { roleLabel, ROLE_LABELS } from '../../../labels/roles';
import { stateLabel } from '../../../labels/states';

/** One transition of the server's mermaid `stateDiagram-v2`. */
export interface Edge {
  readonly from: string;
  readonly to: string;
  readonly event: string;
  readonly guard: string | null;
}

/** Mermaid ids are state ids with `.` → `__` (`running.cycle.site` → `running__cycle__site`). */
export const mermaidId = (stateId: string): string => stateId.replaceAll('.', '__');
export const stateIdOf = (mermaid: string): string => mermaid.replaceAll('__', '.');

const EDGE =
  /^\s*([\w]+|\[\*\])\s*-->\s*([\w]+|\[\*\])(?:\s*:\s*([A-Za-z_]+)(?:\s*\[([^\]]*)\])?)?\s*$/;

/** The transitions of a diagram, with state ids (not mermaid ids). */
export function edgesOf(diagram: string): Edge[] {
  return diagram.split('\n').flatMap((line) => {
    const m = EDGE.exec(line);
    if (!m?.[1] || !m[2] || m[1] === '[*]' || m[2] === '[*]') return [];
    return [{ from: stateIdOf(m[1]), to: stateIdOf(m[2]), event: m[3] ?? '', guard: m[4] ?? null }];
  });
}

const ROLE_WORDS = new RegExp(`\\b(${Object.keys(ROLE_LABELS).join('|')})\\b`, 'g');
const EVENT_WORDS = /\b[A-Z][A-Z0-9_]{2,}\b/g;

/** A label in Chinese: role ids, scopes, events and guards of the server's text replaced. */
function localizeText(text: string): string {
  return text
    .replace(/申请人 submitter/g, '申请人')
    .replace(/（college）/g, '（本学院）')
    .replace(/（school）/g, '（全校）')
    .replace(/\b(completed|rejected|withdrawn|cancelled|active)\b/g, '')
    .replace(ROLE_WORDS, (r) => roleLabel(r))
    .replace(EVENT_WORDS, (e) => eventLabel(e))
    .replace(/\[else\]/g, '（其他情况）')
    .replace(/\[[A-Za-z]\w*\]/g, '（视情况）')
    .replace(/\balways\b/g, '自动')
    .trim();
}

export interface Highlight {
  /** The active leaf states (instance `state`, split on `,`). */
  readonly current: readonly string[];
  /** States the instance passed through (history `toState`s). */
  readonly visited: readonly string[];
}

/**
 * The server's diagram made readable and marked: states named in Chinese, descriptions and
 * transition labels translated, the current step and the path taken styled by class.
 */
export function localizeDiagram(
  diagram: string,
  flow: FlowInfo | undefined,
  mark: Highlight,
): string {
  const named = new Set<string>();
  const out: string[] = [];
  for (const line of diagram.split('\n')) {
    const desc = /^(\s*)(\w+) : (.*)$/.exec(line);
    if (desc?.[2]) {
      const [, indent = '', id, text = ''] = desc;
      if (!named.has(id)) {
        named.add(id);
        out.push(`${indent}state "${stateLabel(flow, stateIdOf(id)).replace(/"/g, "'")}" as ${id}`);
      }
      const translated = localizeText(text);
      if (translated !== '' && !/^已(通过|驳回|撤回|取消)$/.test(translated))
        out.push(`${indent}${id} : ${translated}`);
      continue;
    }
    const edge = /^(\s*\S+\s*-->\s*\S+)\s*:\s*(.*)$/.exec(line);
    out.push(edge?.[1] ? `${edge[1]} : ${localizeText(edge[2] ?? '')}` : line);
  }
  const visited = [...new Set(mark.visited.map(mermaidId))].filter(
    (id) => !mark.current.map(mermaidId).includes(id),
  );
  const current = [...new Set(mark.current.map(mermaidId))];
  out.push('  classDef current fill:#e6f4ff,stroke:#1677ff,stroke-width:3px,font-weight:bold');
  out.push('  classDef visited fill:#f6ffed,stroke:#52c41a,stroke-width:2px');
  if (visited.length > 0) out.push(`  class ${visited.join(',')} visited`);
  if (current.length > 0) out.push(`  class ${current.join(',')} current`);
  return out.join('\n');
}

/** The events that move an application forward, in order of preference. */
const FORWARD = ['APPROVE', 'RESUBMIT', 'SUBMIT'];
const BACKWARD = new Set([
  'RETURN',
  'REJECT',
  'WITHDRAW',
  'DEADLINE_PASSED',
  'CC',
  'COMMENT',
  'TRANSFER',
  'ADD_APPROVER',
  'URGE',
]);

export interface FutureStep {
  readonly state: string;
  /** Reached only under a condition (`[needsLeadership]`): 视情况. */
  readonly conditional: boolean;
}

/** The steps still to come if everyone approves: forward edges from the current state to a final one. */
export function futureSteps(flow: FlowInfo | undefined, current: string): FutureStep[] {
  if (!flow) return [];
  const edges = edgesOf(flow.diagram);
  const finals = new Set(flow.states.filter((s) => s.final).map((s) => s.id));
  const steps: FutureStep[] = [];
  const seen = new Set([current]);
  let at = current;
  let conditional = false;
  for (let i = 0; i < 20; i += 1) {
    const out = edges.filter((e) => e.from === at && e.to !== at && !BACKWARD.has(e.event));
    const ranked = [...out].sort((a, b) => rank(a.event) - rank(b.event));
    const guarded = ranked.filter(
      (e) => e.guard !== null && e.guard !== 'else' && !finals.has(e.to),
    );
    const next = guarded[0] ?? ranked.find((e) => !finals.has(e.to)) ?? ranked[0];
    if (!next || seen.has(next.to) || finals.has(next.to)) break;
    conditional ||= next.guard !== null;
    steps.push({ state: next.to, conditional });
    seen.add(next.to);
    at = next.to;
  }
  return steps;
}

function rank(event: string): number {
  const i = FORWARD.indexOf(event);
  return i === -1 ? FORWARD.length : i;
}

const LIMIT = /限\s*(\d+)\s*(工作日|工作小时|个工作日|天|小时)/;

/**
 * The time each step allows, as the server's diagram states it (`collegeReview : … 限 5 工作日`):
 * state id → `5 个工作日`. Steps without a limit are absent.
 */
export function stepLimits(diagram: string): Map<string, string> {
  const limits = new Map<string, string>();
  for (const line of diagram.split('\n')) {
    const desc = /^\s*(\w+) : (.*)$/.exec(line);
    const m = desc?.[2] ? LIMIT.exec(desc[2]) : null;
    if (!desc?.[1] || !m?.[1] || !m[2]) continue;
    const unit = m[2] === '工作日' ? '个工作日' : m[2] === '工作小时' ? '个工作小时' : m[2];
    limits.set(stateIdOf(desc[1]), `${m[1]} ${unit}`);
  }
  return limits;
}
