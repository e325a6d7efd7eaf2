import type { FlowInfo, HistoryEntry, Instance, InstanceSteps, Task } from '@certflow/client';
import { EVENT_ORDER, eventLabel } from '../../labels/events';
import { stateLabel } from '../../labels/states';
import type { SessionUser } from '../../session/claims';

/**
 * How an operation reaches the server — each a typed client method (docs/http-api.md § Approval
 * operations): `event` is `sendEvent` (同意, 驳回, 撤回, 评论, 催办 and the flows' own events).
 */
export type OperationKind =
  | 'event'
  | 'return'
  | 'transfer'
  | 'delegate'
  | 'resolve'
  | 'addSigner'
  | 'removeSigner'
  | 'copy'
  | 'takeBack'
  | 'resubmit';

export interface Operation {
  readonly kind: OperationKind;
  /** The event type it records (labels, 常用意见): APPROVE, RETURN, TRANSFER, DELEGATE … */
  readonly event: string;
  readonly label: string;
}

export interface OperationGroup {
  readonly key: string;
  /** The task acted on, or null for the instance's own operations (撤回, 催办, 减签, 拿回). */
  readonly task: Task | null;
  readonly title: string;
  /** Why some operations are missing now (a task delegated and not back yet). */
  readonly note?: string;
  readonly operations: readonly Operation[];
}

/** Does the person hold this open task (named, or by role in scope, or as the applicant)? */
export function holds(task: Task, instance: Instance, user: SessionUser): boolean {
  if (task.assignee !== null) return task.assignee === user.id;
  if (task.role === 'submitter') return instance.submitterId === user.id;
  return user.roles.includes(task.role) && (task.college === null || task.college === user.college);
}

/** Events recorded for the operations the console sends through their own routes. */
const KIND_OF: Readonly<Record<string, OperationKind>> = {
  RETURN: 'return',
  TRANSFER: 'transfer',
  DELEGATE: 'delegate',
  RESOLVE: 'resolve',
  ADD_APPROVER: 'addSigner',
  REMOVE_APPROVER: 'removeSigner',
  CC: 'copy',
  TAKE_BACK: 'takeBack',
  RESUBMIT: 'resubmit',
};

/** Every approval task takes these (the engine's task operations), whatever the flow lists. */
const TASK_OPERATIONS = ['TRANSFER', 'DELEGATE', 'ADD_APPROVER', 'CC', 'COMMENT'];

/** Commands that leave an approval takeable-back (they decide nothing: the engine's PASSIVE). */
const PASSIVE = new Set(['COMMENT', 'CC', 'URGE']);

/** The flows' own events (提交收费协议, 签发证书 …) first, then EVENT_ORDER. */
const rank = (event: string) => EVENT_ORDER.indexOf(event);

function operationsOf(events: readonly string[]): Operation[] {
  return [...new Set(events)]
    .sort((a, b) => rank(a) - rank(b))
    .map((event) => ({ kind: KIND_OF[event] ?? 'event', event, label: eventLabel(event) }));
}

/** The pending entry of `taskId` in the steps answer (its delegation, its holder's name). */
function pendingOf(steps: InstanceSteps | undefined, taskId: string) {
  for (const s of steps?.items ?? []) {
    const p = s.pending.find((x) => x.taskId === taskId);
    if (p) return p;
  }
  return undefined;
}

/** The approvers the person added who have not decided yet: the choices of 减签. */
export function removableSigners(
  steps: InstanceSteps | undefined,
  user: SessionUser,
): Array<{ id: string; name: string; step: string }> {
  return (steps?.items ?? []).flatMap((s) =>
    s.open
      ? s.slots
          .filter(
            (slot) =>
              slot.addedBy === user.id &&
              slot.kind === 'person' &&
              slot.personId !== null &&
              (slot.decision === 'pending' || slot.decision === 'waiting'),
          )
          .map((slot) => ({
            id: slot.personId ?? '',
            name: slot.name ?? slot.personId ?? '',
            step: s.step,
          }))
      : [],
  );
}

/**
 * 拿回 is offered while the person's approval is the last thing decided on the instance: the
 * engine keeps one undo, written by an approval and cleared by any later command that decides
 * (comments, 抄送 and 催办 do not). The server still decides (an approval that wrote reference
 * data cannot be taken back).
 */
export function canTakeBack(
  instance: Instance,
  history: readonly HistoryEntry[],
  user: SessionUser,
): boolean {
  if (instance.status !== 'active') return false;
  const last = [...history].reverse().find((h) => !PASSIVE.has(h.event));
  return last?.event === 'APPROVE' && last.actorId === user.id;
}

export interface ReturnTarget {
  readonly value: string;
  readonly label: string;
}

/**
 * Where 退回 may send the application: the applicant, or a step the server marks `returnable`
 * (passed since the last (re)submission, not open now) — re-assigned to whoever decided it there
 * this time (docs/http-api.md § Approval operations).
 */
export function returnTargets(
  steps: InstanceSteps | undefined,
  flow: FlowInfo | undefined,
  applicant: string,
): ReturnTarget[] {
  const submitterSteps = new Set(
    (flow?.states ?? []).flatMap((s) =>
      s.tasks.filter((t) => t.role === 'submitter').map((t) => t.step),
    ),
  );
  const passed = (steps?.items ?? []).filter((s) => s.returnable && !submitterSteps.has(s.step));
  return [
    { value: 'applicant', label: `申请人（${applicant}，修改后重新提交）` },
    ...passed.map((s) => ({
      value: s.step,
      label: `${s.state ? stateLabel(flow, s.state) : s.step}（${s.decided
        .filter((d) => d.supersededBy === null)
        .map((d) => d.actorName ?? d.actorId)
        .join('、')}）`,
    })),
  ];
}

/**
 * What the signed-in person may do now, per open task of theirs and on the instance itself. The
 * server decides (separation of duties, versions, rules); this leaves out what cannot be the
 * person's: other people's tasks, anything for the auditor, anything on an ended instance, a
 * decision on a task still delegated (409 TASK_DELEGATED).
 */
export function operationGroups(
  instance: Instance,
  flow: FlowInfo | undefined,
  user: SessionUser,
  steps: InstanceSteps | undefined,
  history: readonly HistoryEntry[],
  person: (id: string) => string = (id) => id,
): OperationGroup[] {
  if (instance.status !== 'active' || user.roles.includes('auditor')) return [];
  const groups: OperationGroup[] = [];
  for (const task of instance.tasks.filter((t) => holds(t, instance, user))) {
    const step = stateLabel(flow, task.state);
    if (task.kind === 'delegated') {
      const from = (steps?.items ?? [])
        .flatMap((s) => s.pending)
        .find((p) => p.delegatedTo === user.id && p.taskId !== task.id);
      groups.push({
        key: task.id,
        task,
        title: `委派办理：${step}`,
        note: `${from?.assigneeName ?? (from?.assignee ? person(from.assignee) : '审批人')}委派您协助办理，办理完毕后交回其决定`,
        operations: operationsOf(['RESOLVE', 'COMMENT']),
      });
      continue;
    }
    if (task.kind === 'submitter') {
      groups.push({
        key: task.id,
        task,
        title: `当前环节：${step}`,
        operations: operationsOf(task.events),
      });
      continue;
    }
    const delegatedTo = pendingOf(steps, task.id)?.delegatedTo ?? null;
    if (delegatedTo !== null) {
      groups.push({
        key: task.id,
        task,
        title: `当前环节：${step}`,
        note: `已委派给 ${person(delegatedTo)}，待其办理完毕交回后再审批`,
        operations: operationsOf(['CC', 'COMMENT']),
      });
      continue;
    }
    groups.push({
      key: task.id,
      task,
      title: `当前环节：${step}`,
      operations: operationsOf([...task.events, ...TASK_OPERATIONS]),
    });
  }

  const own: string[] = [];
  if (instance.submitterId === user.id) {
    const current = instance.state.split(',');
    own.push(
      ...(flow?.states ?? [])
        .filter((s) => current.includes(s.id))
        .flatMap((s) => s.submitterEvents),
    );
    // 催办: the applicant may remind the current approvers (the engine limits how often).
    if (instance.tasks.some((t) => t.role !== 'submitter' && !holds(t, instance, user))) {
      own.push('URGE');
    }
  }
  if (removableSigners(steps, user).length > 0) own.push('REMOVE_APPROVER');
  if (canTakeBack(instance, history, user)) own.push('TAKE_BACK');
  const already = new Set(groups.flatMap((g) => g.operations.map((o) => o.event)));
  const extra = own.filter((e) => !already.has(e));
  if (extra.length > 0) {
    groups.push({
      key: 'instance',
      task: null,
      title: instance.submitterId === user.id ? '申请人操作' : '其他操作',
      operations: operationsOf(extra),
    });
  }
  return groups;
}
