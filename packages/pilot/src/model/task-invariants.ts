import type { HistoryRecord, StepProgress, TaskRecord } from '@certflow/engine';
import { fail, type Observation } from './observation.js';

/**
 * Invariants of the open tasks the engine's operations (转办, 委派, 加签, 减签, 拿回, 退回 to a step)
 * must keep, checked after every applied command (model/README.md). They need the open tasks:
 * an observation without them is not checked here.
 */

const named = (t: TaskRecord): boolean => t.assignee !== null;

/**
 * 委派: each delegated task has the delegator's task beside it (named for them, marked delegated to
 * the delegate), and the other way round; right after the delegate resolves, the task is back
 * with the delegator, no longer delegated.
 */
export function delegationsReturn(o: Observation): void {
  const open = o.openTasks;
  if (!open) return;
  for (const d of open.filter((t) => t.kind === 'delegated')) {
    const origin = open.filter(
      (t) => t.kind !== 'delegated' && t.step === d.step && t.delegatedTo === d.assignee,
    );
    if (origin.length !== 1 || !named(origin[0]!))
      fail(o, `the task delegated to ${d.assignee} has ${origin.length} delegator tasks`);
    if (d.approval) fail(o, `the task delegated to ${d.assignee} can decide the step`);
  }
  for (const t of open.filter((x) => x.delegatedTo !== null)) {
    const handed = open.filter(
      (d) => d.kind === 'delegated' && d.step === t.step && d.assignee === t.delegatedTo,
    );
    if (handed.length !== 1) fail(o, `a task delegated to ${t.delegatedTo} has no delegate task`);
  }
  const last = o.history.at(-1);
  if (last?.event !== 'RESOLVE') return;
  const delegation = o.history.findLast(
    (r) => r.event === 'DELEGATE' && r.data.to === last.actorId,
  );
  const back = open.find(
    (t) => t.assignee === delegation?.actorId && t.kind !== 'delegated' && t.delegatedTo === null,
  );
  if (!delegation || !back)
    fail(o, `after ${last.actorId}'s RESOLVE the task is not back with its delegator`);
}

/** Rows after `from` that end an added approver's turn: they acted, were removed, or the flow moved. */
function turnEnded(rows: readonly HistoryRecord[], from: HistoryRecord, userId: string): boolean {
  return rows.some(
    (r) =>
      r.seq > from.seq &&
      (r.fromState !== r.toState ||
        (r.actorId === userId && r.event !== 'COMMENT' && r.event !== 'CC') ||
        (r.event === 'REMOVE_APPROVER' && r.data.userId === userId)),
  );
}

/** The pending slot of `userId` in a step's rounds: its round index, or -1. */
function pendingRound(progress: StepProgress, userId: string): number {
  return progress.rounds.findIndex(
    (round, i) =>
      i >= progress.current &&
      !round.approved.includes(userId) &&
      round.slots.some((s) => s.kind === 'person' && s.id === userId),
  );
}

/**
 * 加签: an added approver stays an approver of the step until they decide, are removed (减签) or
 * the flow moves on; while their round is the current one, they hold an open task.
 */
export function addedApproversPending(o: Observation): void {
  const open = o.openTasks;
  if (!open) return;
  for (const r of o.history.filter((h) => h.event === 'ADD_APPROVER')) {
    const userId = r.data.userId;
    if (typeof userId !== 'string' || turnEnded(o.history, r, userId)) continue;
    const progress = Object.values(o.instance.steps).find((p) => pendingRound(p, userId) >= 0);
    if (!progress) fail(o, `${userId}, added at row ${r.seq}, is no longer an approver`);
    if (pendingRound(progress!, userId) !== progress!.current) continue;
    const task = open.find((t) => t.step === progress!.step && t.assignee === userId);
    if (!task) fail(o, `${userId}, added at row ${r.seq}, holds no open task in their turn`);
  }
}

/**
 * Separation of duties: no open task of an approval step (nor a delegated one) is named for the
 * applicant, and no added approver (加签) already filled another approval step of the instance.
 */
export function applicantHoldsNoReviewTask(o: Observation): void {
  const open = o.openTasks;
  if (!open) return;
  for (const t of open.filter((x) => named(x) && (x.approval || x.kind === 'delegated'))) {
    if (t.assignee === o.instance.submitterId)
      fail(o, `the applicant holds a ${t.kind} task of step ${t.step}`);
    const other = Object.entries(o.instance.stepActors).find(
      ([key, who]) => who === t.assignee && key.split('#')[0] !== t.step,
    );
    // 加签 refuses whoever already decided a step; 转办 and 委派 do not check it yet (reported).
    if (t.kind === 'added' && other)
      fail(o, `${t.assignee} holds step ${t.step} but filled step ${other[0]}`);
  }
}

/**
 * Open tasks are of the active states only, and as many as the step's mode says: one for a 或签
 * step, else one per approver of the current round still to decide (a role slot counts until
 * someone outside the named approvers decided it). Escalation tasks (超时升级) are apart: each task
 * of the step that passes its deadline opens one.
 */
export function openTasksMatchSteps(o: Observation): void {
  const open = o.openTasks;
  if (!open) return;
  const leaves = o.instance.status === 'active' ? o.instance.state.split(',') : [];
  for (const t of open) {
    if (!leaves.includes(t.state))
      fail(o, `task ${t.kind}/${t.step} open in left state ${t.state}`);
  }
  for (const leaf of leaves) {
    for (const spec of o.flow.states[leaf]?.tasks ?? []) {
      const ofStep = open.filter((t) => t.state === leaf && t.step === spec.step);
      const deciding = ofStep.filter((t) => t.kind !== 'delegated' && t.kind !== 'escalation');
      const progress = o.instance.steps[spec.step];
      let expected = 1;
      const round = progress?.rounds[progress.current];
      if (round) {
        const people = round.slots.flatMap((s) => (s.kind === 'person' ? [s.id] : []));
        const roles = round.slots.length - people.length;
        const byRole = round.approved.filter((id) => !people.includes(id)).length;
        expected =
          people.filter((id) => !round.approved.includes(id)).length + Math.max(0, roles - byRole);
      }
      if (deciding.length !== expected)
        fail(o, `step ${spec.step} has ${deciding.length} open tasks, its mode says ${expected}`);
    }
  }
}

export const TASK_INVARIANTS = [
  delegationsReturn,
  addedApproversPending,
  applicantHoldsNoReviewTask,
  openTasksMatchSteps,
] as const;
