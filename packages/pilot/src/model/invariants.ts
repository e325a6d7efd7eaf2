import {
  isTaskOperation,
  type Actor,
  type AnyFlow,
  type HistoryRecord,
  type InstanceRecord,
  type JsonObject,
  type JsonValue,
} from '@certflow/engine';
import { castMember } from './cast.js';
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
}

const fail = (o: Observation, message: string): never => {
  throw new Error(`${o.flow.id} ${o.instance.id} [${o.pathEvents.join(' → ')}]: ${message}`);
};

/** History is the path: seq 1..n, START first, each row's from-state the previous row's to-state. */
export function historyMatchesPath(o: Observation): void {
  const rows = o.history;
  rows.forEach((r, i) => {
    if (r.seq !== i + 1) fail(o, `history seq ${r.seq} at position ${i + 1}`);
    if (i === 0 && (r.event !== 'START' || r.fromState !== null))
      fail(o, 'history does not open with START');
    if (i > 0 && r.fromState !== rows[i - 1]?.toState)
      fail(o, `history row ${r.seq} does not chain`);
  });
  if (rows.at(-1)?.toState !== o.instance.state)
    fail(o, 'the last history row is not the current state');
  if (o.instance.version !== rows.length) fail(o, 'version differs from the history length');
  const events = rows.slice(1).map((r) => r.event);
  if (JSON.stringify(events) !== JSON.stringify(o.pathEvents)) {
    fail(o, `history events ${events.join(',')} differ from the path`);
  }
}

/**
 * Every row was sent by someone allowed to: the holder of a task of that state listing the event
 * (role and college or organization scope; never the submitter for an approval step), the submitter for a
 * submitter right, or the system for a timer the state declares. One person, one approval step.
 */
export function actorsWereEntitled(o: Observation): void {
  const stepsBy = new Map<string, Set<string>>();
  const addStep = (actorId: string, step: string): void => {
    const steps = stepsBy.get(actorId) ?? new Set<string>();
    steps.add(step);
    stepsBy.set(actorId, steps);
    if (steps.size > 1) fail(o, `${actorId} filled approval steps ${[...steps].join(', ')}`);
  };
  const added = new Set<string>();
  for (const r of o.history.slice(1)) {
    const leaves = (r.fromState ?? '').split(',');
    const specs = leaves.map((l) => o.flow.states[l]).filter((s) => s !== undefined);
    const tasks = specs.flatMap((s) => s.tasks ?? []);
    const submitter = r.actorId === o.instance.submitterId;
    const stays = r.fromState === r.toState;
    if (r.event === 'REMIND' || r.event === 'ESCALATE' || isTaskOperation(r.event)) {
      // Reminders, escalations and 转办/加签/抄送/评论/催办 never move the flow.
      if (!stays) fail(o, `${r.event} moved the flow from ${r.fromState} to ${r.toState}`);
      if (r.event === 'ADD_APPROVER' && typeof r.data.userId === 'string') added.add(r.data.userId);
      continue;
    }
    if (r.actorId === 'system') {
      const timed = specs.some(
        (s) =>
          s.timeout?.event === r.event || (s.tasks ?? []).some((t) => t.timeoutEvent === r.event),
      );
      if (!timed) fail(o, `the system sent ${r.event} in ${r.fromState} without a timer`);
      continue;
    }
    const approvalTask = tasks.find((t) => t.approval && t.events.includes(r.event));
    if (submitter && specs.some((s) => s.submitterEvents?.includes(r.event))) {
      if (approvalTask)
        fail(o, `the submitter sent approval event ${r.event} by a submitter right`);
      continue;
    }
    // 加签: an added approver's 同意 closes their own task only; the step is still to be decided.
    if (r.event === 'APPROVE' && stays && added.has(r.actorId) && approvalTask) {
      if (submitter) fail(o, 'the submitter approved as an added approver');
      addStep(r.actorId, approvalTask.step);
      continue;
    }
    const person = (o.actorOf ?? castMember)(r.actorId);
    if (!person) fail(o, `row ${r.seq} by ${r.actorId}, who is unknown`);
    // 第六条3: an organization-scoped task is only for the instance's evaluation organization.
    const inScope = (scope: string): boolean =>
      scope === 'school' ||
      (scope === 'organization'
        ? person!.organization === o.instance.organization
        : person!.college === o.instance.college);
    const held = tasks
      .filter((t) => t.events.includes(r.event))
      .find((t) =>
        t.scope === 'submitter'
          ? submitter
          : (person!.roles.includes(t.role) && inScope(t.scope)) ||
            // an escalation task (超时升级) lets the office head act on the step
            (t.escalateTo !== undefined &&
              person!.roles.includes(t.escalateTo.role) &&
              inScope(t.escalateTo.scope)),
      );
    if (!held) fail(o, `${r.actorId} sent ${r.event} in ${r.fromState} holding no task for it`);
    if (held!.approval) {
      if (submitter) fail(o, `the submitter completed approval step ${held!.step}`);
      addStep(r.actorId, held!.step);
    }
  }
}

function findElementary(value: JsonValue | undefined, path: string): string | undefined {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = findElementary(v, `${path}[${i}]`);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    if (value.level === 'elementary') return path;
    for (const [k, v] of Object.entries(value)) {
      // The change log keeps old certificates as history; they are not what is approved now.
      if (k === 'certificateChanges') continue;
      const found = findElementary(v, `${path}.${k}`);
      if (found) return found;
    }
  }
  return undefined;
}

/** No path approves an elementary certificate (第七条2): not in a completed instance, not in any watched record. */
export function noElementaryApproved(o: Observation): void {
  for (const [kind, key, value] of o.references) {
    const at = findElementary(value, `${kind}/${key}`);
    if (at) fail(o, `an elementary certificate was recorded at ${at}`);
  }
  if (o.instance.status === 'completed') {
    const at = findElementary(o.instance.snapshot.context, 'context');
    if (at) fail(o, `a completed instance carries an elementary certificate at ${at}`);
  }
}

type Amounts = Record<string, number>;
const add = (into: Amounts, from: unknown, sign = 1): void => {
  if (from === null || typeof from !== 'object') return;
  for (const [k, v] of Object.entries(from))
    if (typeof v === 'number') into[k] = (into[k] ?? 0) + sign * v;
};

/** No spending beyond the budget (第十一条 专款专用，不得超支), per category and in total, in every watched ledger. */
export function spendingWithinBudget(o: Observation): void {
  for (const [kind, key, value] of o.references) {
    if (kind !== 'ledger' || !value || !Array.isArray(value.entries)) continue;
    const allocated: Amounts = {};
    const spent: Amounts = {};
    for (const e of value.entries as JsonObject[]) {
      if (e.type === 'allocation') add(allocated, e.amounts);
      if (e.type === 'adjustment') add(allocated, e.delta);
      if (e.type === 'expense' && typeof e.category === 'string' && typeof e.amount === 'number') {
        spent[e.category] = (spent[e.category] ?? 0) + e.amount;
      }
    }
    for (const [category, amount] of Object.entries(spent)) {
      if (amount > (allocated[category] ?? 0)) fail(o, `ledger ${key} overspent on ${category}`);
    }
  }
}

/** A completed instance had every required approval since its last (re)submission. */
export function completedThroughApprovals(o: Observation): void {
  if (o.instance.status !== 'completed') return;
  const submissions = o.model.submissionEvents ?? ['START', 'RESUBMIT'];
  const last = o.history.findLastIndex((r) => submissions.includes(r.event));
  const approved = new Set<string>();
  for (const r of o.history.slice(last + 1)) {
    if (r.event !== 'APPROVE') continue;
    for (const leaf of (r.fromState ?? '').split(',')) {
      for (const t of o.flow.states[leaf]?.tasks ?? []) {
        if (t.approval && t.events.includes('APPROVE')) approved.add(t.step);
      }
    }
  }
  const missing = o.requiredApprovals.filter((s) => !approved.has(s));
  if (missing.length > 0) fail(o, `completed without the approval of ${missing.join(', ')}`);
}

export const INVARIANTS = [
  historyMatchesPath,
  actorsWereEntitled,
  noElementaryApproved,
  spendingWithinBudget,
  completedThroughApprovals,
] as const;
