import { refuse } from '../errors.js';
import type { ApproverSlot, StepProgress, TaskRecord } from '../records.js';
import type { DecideContext } from './context.js';
import { jumpTo } from './jump.js';
import { Notifications } from './notifications.js';
import { fitsTask, person, timersOf } from './named-people.js';
import type { OperationArgs } from './operation-args.js';
import type { InstanceChange } from './outcome.js';
import { specOf, tasksForSlots } from './plan.js';
import { pureTransition, restoreSnapshot } from './snapshot.js';
import { afterTransition } from './step.js';
import {
  openSlots,
  roundDone,
  singleRound,
  withAdded,
  withRemoved,
  type AddPosition,
} from './steps.js';

/** The step's open tasks of its current round (escalations and delegations aside). */
function roundTasks(args: OperationArgs, step: string): TaskRecord[] {
  return args.loaded.openTasks.filter(
    (t) => t.step === step && t.kind !== 'escalation' && t.kind !== 'delegated',
  );
}

/** Open the current round's slots as tasks (with their deadlines and reminders). */
function open(
  ctx: DecideContext,
  args: OperationArgs,
  task: TaskRecord,
  slots: readonly ApproverSlot[],
) {
  const spec = specOf(args.flow, task);
  if (!spec) return { tasks: [], timers: [] };
  return tasksForSlots(
    {
      flow: args.flow,
      spec,
      state: task.state,
      instance: args.loaded.row,
      now: ctx.now,
      ids: ctx.ids,
      calendar: ctx.calendar,
    },
    slots,
  );
}

/**
 * 加签: `userId` decides this step too — before the current approver (whose task waits; it opens
 * again once the added one has approved), after them, or alongside. The added person must be able
 * to hold the task (its role and scope), and not be the actor, the applicant, someone who already
 * decided a step of this instance, or already an approver of this step.
 */
export function addApprover(
  ctx: DecideContext,
  args: OperationArgs,
  task: TaskRecord,
): InstanceChange {
  const { actor, loaded, event } = args;
  const row = loaded.row;
  const data = event.data ?? {};
  const target = person(ctx.people, data['userId'] as string);
  const position = (data['position'] as AddPosition | undefined) ?? 'before';
  const progress = row.steps[task.step] ?? singleRound(task.step, task.state);
  const slotted = progress.rounds.some((r) =>
    r.slots.some((s) => s.kind === 'person' && s.id === target.id),
  );
  const decided = row.decisions.some((d) => d.actorId === target.id);
  if (
    target.id === actor.id ||
    target.id === row.submitterId ||
    decided ||
    slotted ||
    !fitsTask(target, task)
  ) {
    throw refuse(
      'VALIDATION_FAILED',
      { userId: target.id },
      {
        zh: '加签人须是本环节同一角色、同一范围的其他人员，且不能是本人、申请人或已审批过本流程的人员',
        en: 'The added approver must hold this step’s role and scope, and not be yourself, the submitter, or someone who already approved',
      },
    );
  }
  const next = withAdded(progress, target.id, actor.id, position);
  const waiting = position === 'before' ? roundTasks(args, task.step) : [];
  const opened =
    position === 'after'
      ? { tasks: [], timers: [] }
      : open(
          ctx,
          args,
          task,
          position === 'before'
            ? openSlots(next)
            : [{ kind: 'person', id: target.id, addedBy: actor.id }],
        );
  const notify = new Notifications(ctx.people, ctx.ids, ctx.now);
  return {
    loaded,
    actor,
    event: { ...event, data: { ...data, position } },
    steps: { ...row.steps, [task.step]: next },
    closeCancelled: waiting.map((t) => t.id),
    cancelTimers: timersOf(
      loaded,
      waiting.map((t) => t.id),
    ),
    newTasks: opened.tasks,
    newTimers: opened.timers,
    outbox: notify.forTasks(row, opened.tasks, actor, event.comment ?? null, 'ADD_APPROVER'),
  };
}

/**
 * 减签: an approver the actor added, who has not decided yet, is taken off the step. When that
 * completes the current round, the next one opens; when it completes the step, the step's
 * machine event is sent (audited under 减签).
 */
export function removeApprover(ctx: DecideContext, args: OperationArgs): InstanceChange {
  const { actor, loaded, event, flow } = args;
  const row = loaded.row;
  const userId = (event.data ?? {})['userId'] as string;
  const found = Object.values(row.steps).flatMap((progress) => {
    const next = withRemoved(progress, userId, actor.id);
    const task = loaded.openTasks.find(
      (t) => t.step === progress.step && t.kind !== 'delegated' && t.kind !== 'escalation',
    );
    return next && task ? [{ progress, next, task }] : [];
  })[0];
  if (!found) {
    throw refuse(
      'NOT_ADDED_BY_YOU',
      { userId },
      {
        zh: '只能减去由您加签、且尚未审批的人员',
        en: 'You can only remove an approver you added who has not decided yet',
      },
    );
  }
  const { next, task } = found;
  const theirs = loaded.openTasks.filter((t) => t.step === task.step && t.assignee === userId);
  const done = roundDone(next);
  if (done && next.current >= next.rounds.length - 1) {
    // The step is decided: its machine event, as the actor.
    const restored = restoreSnapshot(flow.machine, row.snapshot);
    const [after, actions] = pureTransition(flow.machine, restored, {
      type: 'APPROVE',
      data: {},
      refs: {},
      comment: event.comment ?? null,
      actorId: actor.id,
      actorName: actor.name ?? null,
      at: ctx.now.toISOString(),
    });
    if (after !== restored) {
      return afterTransition(ctx, {
        flow,
        loaded,
        actor,
        event,
        next: after,
        actions,
        task: undefined,
      });
    }
  }
  const advanced: StepProgress = done ? { ...next, current: next.current + 1 } : next;
  const others = done ? roundTasks(args, task.step).filter((t) => !theirs.includes(t)) : [];
  const closing = [...theirs, ...others];
  // The removed approver's round was the current one and went with them (前加签 of one person):
  // the round now current — the one that waited for them — opens again.
  const emptied = !done && roundTasks(args, task.step).every((t) => theirs.includes(t));
  const opened =
    done || emptied ? open(ctx, args, task, openSlots(advanced)) : { tasks: [], timers: [] };
  const notify = new Notifications(ctx.people, ctx.ids, ctx.now);
  return {
    loaded,
    actor,
    event,
    steps: { ...row.steps, [task.step]: advanced },
    closeCancelled: closing.map((t) => t.id),
    cancelTimers: timersOf(
      loaded,
      closing.map((t) => t.id),
    ),
    newTasks: opened.tasks,
    newTimers: opened.timers,
    outbox: notify.forTasks(row, opened.tasks, actor, event.comment ?? null, 'REMOVE_APPROVER'),
  };
}

/**
 * 拿回: the actor takes back their last approval while nothing has been decided since — the
 * instance returns to the state and progress it had just before, the step open for them again
 * (and for the 会签 approvers still to decide). Reference rows and effects of the approval are
 * never undone, so an approval that wrote any cannot be taken back (it recorded no undo).
 */
export function takeBack(ctx: DecideContext, args: OperationArgs): InstanceChange {
  const { actor, loaded, event, flow } = args;
  const row = loaded.row;
  const undo = row.undo;
  if (!undo || undo.actorId !== actor.id || row.status !== 'active') {
    throw refuse(
      'TAKE_BACK_NOT_ALLOWED',
      { actorId: actor.id },
      {
        zh: '只能拿回本人刚办理、且下一环节尚未处理的审批',
        en: 'Only your own last approval can be taken back, before anyone has acted on it',
      },
    );
  }
  const progress = undo.steps[undo.step];
  const slots: ApproverSlot[] = progress
    ? openSlots(progress).map((s) => (s.kind === 'role' ? { kind: 'person', id: actor.id } : s))
    : [{ kind: 'person', id: actor.id }];
  return jumpTo(ctx, {
    flow,
    loaded,
    actor,
    event: { ...event, data: { step: undo.step } },
    leaves: undo.state.split(','),
    snapshot: undo.snapshot,
    restore: { stepActors: undo.stepActors, decisions: undo.decisions, steps: undo.steps },
    assign: { step: undo.step, slots },
  });
}
