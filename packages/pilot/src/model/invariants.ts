import {
  isTaskOperation,
  resubmissionEvents,
  type Actor,
  type HistoryRecord,
  type JsonObject,
  type JsonValue,
  type TaskSpec,
} from '@certflow/engine';
import { castMember } from './cast.js';
import { fail, PASSIVE_OPERATIONS, type Observation } from './observation.js';
import { TASK_INVARIANTS } from './task-invariants.js';

export type { Observation } from './observation.js';

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

/** Does the person hold a task of this spec in the instance's scope (or its escalation)? */
function holdsSpec(
  o: Observation,
  person: Actor,
  t: { role: string; scope: string; escalateTo?: { role: string; scope: string } },
): boolean {
  // 第六条3: an organization-scoped task is only for the instance's evaluation organization.
  const inScope = (scope: string): boolean =>
    scope === 'school' ||
    (scope === 'organization'
      ? person.organization === o.instance.organization
      : person.college === o.instance.college);
  return (
    (person.roles.includes(t.role) && inScope(t.scope)) ||
    // an escalation task (超时升级) lets the office head act on the step
    (t.escalateTo !== undefined &&
      person.roles.includes(t.escalateTo.role) &&
      inScope(t.escalateTo.scope))
  );
}

/** The decision a 拿回 takes back: the last row before it that was not a notice or a timer's note. */
function decisionBefore(rows: readonly HistoryRecord[], seq: number): HistoryRecord | undefined {
  return rows
    .filter(
      (r) =>
        r.seq < seq &&
        !PASSIVE_OPERATIONS.has(r.event) &&
        r.event !== 'REMIND' &&
        r.event !== 'ESCALATE',
    )
    .at(-1);
}

/** The step a 退回 names (`data.toStep`), unless it is the applicant (a plain 退回). */
function returnedToStep(r: HistoryRecord): string | undefined {
  const to = r.event === 'RETURN' ? r.data.toStep : undefined;
  return typeof to === 'string' && to !== 'applicant' ? to : undefined;
}

/**
 * The engine's operations: who may send each and where it may lead. 转办/委派/加签 by a holder (never
 * the applicant) to someone who could hold the step (never the applicant); 委派's RESOLVE only by
 * the delegate; 减签 only by who added that approver; 催办 only by the applicant; 拿回 only by the
 * last decider, back to the state they decided in. Only 拿回 and 减签 (the last pending approver
 * removed completes the step) move the flow.
 */
function operationEntitled(o: Observation, r: HistoryRecord, tasks: readonly TaskSpec[]): void {
  const before = o.history.filter((h) => h.seq < r.seq);
  const named = r.data.to ?? r.data.userId;
  const target = typeof named === 'string' ? named : JSON.stringify(named ?? null);
  const submitter = r.actorId === o.instance.submitterId;
  if (r.event === 'TAKE_BACK') {
    const taken = decisionBefore(o.history, r.seq);
    if (taken?.event !== 'APPROVE' || taken.actorId !== r.actorId)
      fail(o, `${r.actorId} took back a decision that was not their last approval`);
    if (r.toState !== taken!.fromState)
      fail(o, `拿回 led to ${r.toState}, not back to ${taken!.fromState}`);
    return;
  }
  if (r.event === 'REMOVE_APPROVER') {
    const added = before.some(
      (h) => h.event === 'ADD_APPROVER' && h.actorId === r.actorId && h.data.userId === target,
    );
    if (!added) fail(o, `${r.actorId} removed ${target}, whom they never added`);
    return;
  }
  if (r.fromState !== r.toState)
    fail(o, `${r.event} moved the flow from ${r.fromState} to ${r.toState}`);
  if (r.event === 'RESOLVE') {
    if (!before.some((h) => h.event === 'DELEGATE' && h.data.to === r.actorId))
      fail(o, `${r.actorId} resolved a task never delegated to them`);
  }
  if (r.event === 'URGE' && !submitter) fail(o, `${r.actorId} urged, not the applicant`);
  if (r.event === 'TRANSFER' || r.event === 'DELEGATE' || r.event === 'ADD_APPROVER') {
    if (submitter) fail(o, `the applicant sent ${r.event}`);
    if (target === o.instance.submitterId) fail(o, `${r.event} handed the step to the applicant`);
    const person = (o.actorOf ?? castMember)(target);
    const fits = person && tasks.some((t) => holdsSpec(o, person, t));
    if (!fits) fail(o, `${r.event} handed a step to ${target}, who could not hold it`);
  }
}

/**
 * Every row was sent by someone allowed to: the holder of a task of that state listing the event
 * (role and college or organization scope; never the submitter for an approval step), the submitter for a
 * submitter right, or the system for a timer the state declares. One person, one approval step.
 * The engine's operations are checked by `operationEntitled`; a 退回 to a chosen step goes to
 * that step's state.
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
    if (isTaskOperation(r.event)) {
      operationEntitled(o, r, tasks);
      if (r.event === 'ADD_APPROVER' && typeof r.data.userId === 'string') added.add(r.data.userId);
      continue;
    }
    if (r.event === 'REMIND' || r.event === 'ESCALATE') {
      // Reminders and escalations never move the flow.
      if (!stays) fail(o, `${r.event} moved the flow from ${r.fromState} to ${r.toState}`);
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
    const held = tasks
      .filter((t) => t.events.includes(r.event))
      // the applicant's own task, or its escalation (a revise task escalated to the college lead)
      .find((t) => (t.scope === 'submitter' && submitter) || holdsSpec(o, person!, t));
    if (!held) fail(o, `${r.actorId} sent ${r.event} in ${r.fromState} holding no task for it`);
    if (held!.approval) {
      if (submitter) fail(o, `the submitter completed approval step ${held!.step}`);
      addStep(r.actorId, held!.step);
    }
    const toStep = returnedToStep(r);
    if (toStep !== undefined) {
      const into = (r.toState ?? '').split(',');
      if (!into.some((l) => o.flow.states[l]?.tasks?.some((t) => t.step === toStep)))
        fail(o, `退回 to ${toStep} led to ${r.toState}, not to its state`);
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

/**
 * A completed instance had every required approval since its last (re)submission. An approval
 * taken back (拿回) does not count.
 */
export function completedThroughApprovals(o: Observation): void {
  if (o.instance.status !== 'completed') return;
  const submissions = ['START', ...resubmissionEvents(o.flow)];
  const last = o.history.findLastIndex((r) => submissions.includes(r.event));
  let approvals: Array<{ step: string; actorId: string }> = [];
  for (const r of o.history.slice(last + 1)) {
    if (r.event === 'TAKE_BACK') {
      const at = approvals.findLastIndex((a) => a.actorId === r.actorId);
      if (at >= 0) approvals = approvals.filter((_, i) => i !== at);
      continue;
    }
    if (r.event !== 'APPROVE') continue;
    for (const leaf of (r.fromState ?? '').split(',')) {
      for (const t of o.flow.states[leaf]?.tasks ?? []) {
        if (t.approval && t.events.includes('APPROVE'))
          approvals.push({ step: t.step, actorId: r.actorId });
      }
    }
  }
  const approved = new Set(approvals.map((a) => a.step));
  const missing = o.requiredApprovals.filter((s) => !approved.has(s));
  if (missing.length > 0) fail(o, `completed without the approval of ${missing.join(', ')}`);
}

export const INVARIANTS = [
  historyMatchesPath,
  actorsWereEntitled,
  noElementaryApproved,
  spendingWithinBudget,
  completedThroughApprovals,
  ...TASK_INVARIANTS,
] as const;
