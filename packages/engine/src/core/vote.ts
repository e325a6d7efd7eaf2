import type { AnyFlow } from '../flows/flow.js';
import type { LoadedInstance } from '../ports/store.js';
import type { StepProgress, StepRound, TaskRecord } from '../records.js';
import type { Actor } from './actor.js';
import type { DecideContext } from './context.js';
import { Notifications } from './notifications.js';
import type { AuditedEvent, InstanceChange } from './outcome.js';
import { specOf, tasksForSlots } from './plan.js';
import { recordDecision, undoBefore, type DecisionOf } from './step.js';
import { canStillPass, openSlots, withApproval } from './steps.js';

/**
 * A vote in a step of several approvers (会签, 依次, 加签 rounds) that does not finish it: the
 * voter's task closes; a round that reaches its threshold closes its other tasks and opens the
 * next round's. Undefined when the vote finishes the step — the machine's own event then — or
 * the step has a single decider.
 */
export function decideVote(
  ctx: DecideContext,
  args: {
    flow: AnyFlow;
    loaded: LoadedInstance;
    actor: Actor;
    event: AuditedEvent;
    task: TaskRecord;
    decision: DecisionOf;
  },
): InstanceChange | undefined {
  const { flow, loaded, actor, event, task, decision } = args;
  const row = loaded.row;
  const progress = row.steps[task.step];
  // An escalation decides the step in place, whatever its rounds.
  if (!progress || task.kind === 'escalation') return undefined;
  const spec = specOf(flow, task);
  let next: StepProgress;
  let roundComplete = false;
  if (event.type === 'APPROVE') {
    const r = withApproval(progress, actor.id);
    if (r.stepComplete) return undefined;
    next = r.progress;
    roundComplete = r.roundComplete;
  } else if (event.type === 'REJECT' && spec?.rejectEndsStep === false) {
    const round = progress.rounds[progress.current] as StepRound;
    const against = [...(round.against ?? []), actor.id];
    if (!canStillPass(progress, against.length)) return undefined;
    next = {
      ...progress,
      rounds: progress.rounds.map((r, i) => (i === progress.current ? { ...r, against } : r)),
    };
  } else {
    return undefined;
  }
  const others = roundComplete
    ? loaded.openTasks.filter(
        (t) => t.step === task.step && t.id !== task.id && t.kind !== 'escalation',
      )
    : [];
  const closed = new Set([task.id, ...others.map((t) => t.id)]);
  const opened =
    roundComplete && spec
      ? tasksForSlots(
          {
            flow,
            spec,
            state: task.state,
            instance: row,
            now: ctx.now,
            ids: ctx.ids,
            calendar: ctx.calendar,
          },
          openSlots(next),
        )
      : { tasks: [], timers: [] };
  const notify = new Notifications(ctx.people, ctx.ids, ctx.now);
  return {
    loaded,
    actor,
    event,
    ...recordDecision(row, decision, row.version + 1),
    steps: { ...row.steps, [task.step]: next },
    undo: event.type === 'APPROVE' ? undoBefore(row, decision, task.state) : null,
    closeDone: [task.id],
    closeCancelled: others.map((t) => t.id),
    cancelTimers: loaded.pendingTimers
      .filter((t) => t.taskId !== null && closed.has(t.taskId))
      .map((t) => t.id),
    newTasks: opened.tasks,
    newTimers: opened.timers,
    outbox: notify.forTasks(row, opened.tasks, actor, event.comment ?? null, event.type),
  };
}
