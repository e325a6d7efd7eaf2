import type { AnyMachineSnapshot } from 'xstate';
import { resubmissionEvents, type AnyFlow, type ReferenceWrite } from '../flows/flow.js';
import type { LoadedInstance } from '../ports/store.js';
import type {
  InstanceRecord,
  StepDecision,
  StepProgress,
  TaskRecord,
  UndoRecord,
} from '../records.js';
import type { Actor } from './actor.js';
import type { DecideContext } from './context.js';
import { effectsOf } from './effects.js';
import { Notifications } from './notifications.js';
import { statusOf, type AuditedEvent, type InstanceChange } from './outcome.js';
import { planEntered } from './plan.js';
import { activeLeaves, persistSnapshot } from './snapshot.js';

/** An approval decision a command records (who decided which step, for whom). */
export interface DecisionOf {
  readonly step: string;
  readonly actorId: string;
  readonly onBehalfOf?: string;
}

/**
 * The decisions and `stepActors` after recording `d` at `seq`: the step's first decider under
 * its name, further ones (会签) as `step#2`, `step#3`.
 */
export function recordDecision(
  instance: InstanceRecord,
  d: DecisionOf,
  seq: number,
): Pick<InstanceRecord, 'decisions' | 'stepActors'> {
  const decision: StepDecision = {
    step: d.step,
    actorId: d.actorId,
    seq,
    ...(d.onBehalfOf ? { onBehalfOf: d.onBehalfOf } : {}),
  };
  const keys = Object.keys(instance.stepActors).filter(
    (k) => k === d.step || k.startsWith(`${d.step}#`),
  );
  // A person who decided this step in an earlier round keeps their key: `stepActors` says who
  // filled which step (separation of duties), once per person, however many rounds there were.
  const holds = keys.some((k) => instance.stepActors[k] === d.actorId);
  return {
    decisions: [...instance.decisions, decision],
    stepActors: holds
      ? instance.stepActors
      : {
          ...instance.stepActors,
          [keys.length === 0 ? d.step : `${d.step}#${keys.length + 1}`]: d.actorId,
        },
  };
}

/**
 * The decisions as a (re)submission at `seq` leaves them: each one not yet marked is superseded,
 * and of the superseded ones each person keeps only their latest per step (and principal). What
 * reads superseded decisions asks who decided which step — separation of duties, the route
 * preview, 加签's "already decided" — never how often, so the instance row stays the same size
 * round after round instead of growing with every 退回 and 重新提交; history keeps every round.
 */
function supersede(decisions: readonly StepDecision[], seq: number): StepDecision[] {
  const marked = decisions.map((d) =>
    d.supersededBy === undefined ? { ...d, supersededBy: seq } : d,
  );
  const key = (d: StepDecision): string => `${d.step}\u0000${d.actorId}\u0000${d.onBehalfOf ?? ''}`;
  const latest = new Map<string, StepDecision>();
  for (const d of marked) latest.set(key(d), d);
  return marked.filter((d) => latest.get(key(d)) === d);
}

/** What 拿回 would restore: the instance as it was just before this approval. */
export function undoBefore(instance: InstanceRecord, d: DecisionOf, taskState: string): UndoRecord {
  return {
    version: instance.version + 1,
    actorId: d.actorId,
    step: d.step,
    taskState,
    state: instance.state,
    snapshot: instance.snapshot,
    stepActors: instance.stepActors,
    decisions: instance.decisions,
    steps: instance.steps,
  };
}

/**
 * After XState computed the next snapshot: which tasks close and open, which timers are written
 * or cancelled, what goes to the outbox, which reference rows are written, what is recorded of
 * the decision, and whether it can be taken back (拿回: an approval that wrote no reference row
 * and no effect, the instance still active).
 */
export function afterTransition(
  ctx: DecideContext,
  args: {
    flow: AnyFlow;
    loaded: LoadedInstance;
    actor: Actor;
    event: AuditedEvent;
    next: AnyMachineSnapshot;
    actions: readonly unknown[];
    /** The task the actor decided, if any. */
    task: TaskRecord | undefined;
    /** Reference rows the flow's rule wrote, before the machine's own `reference.put` effects. */
    writes?: readonly ReferenceWrite[];
    /** The approval decision to record (an approval task's holder decided). */
    decision?: DecisionOf;
  },
): InstanceChange {
  const { flow, loaded, actor, event, next, task } = args;
  const instance = loaded.row;
  const before = instance.state.split(',');
  const after = activeLeaves(next.value);
  const status = statusOf(flow, next);
  const ended = status !== 'active';
  const stays = (state: string): boolean => !ended && after.includes(state);
  const entered = ended ? [] : after.filter((s) => !before.includes(s));
  const closeDone = task && !stays(task.state) ? [task.id] : [];
  const closeCancelled = loaded.openTasks
    .filter((t) => !stays(t.state) && !closeDone.includes(t.id))
    .map((t) => t.id);
  const nextState = after.join(',');
  const recorded = args.decision
    ? recordDecision(instance, args.decision, instance.version + 1)
    : {
        decisions: resubmissionEvents(flow).includes(event.type)
          ? supersede(instance.decisions, instance.version + 1)
          : instance.decisions,
        stepActors: instance.stepActors,
      };
  // The steps entered are planned with this decision already counted (separation of duties).
  const provisional: InstanceRecord = { ...instance, ...recorded, state: nextState, status };
  const plan = planEntered({
    flow,
    instance: provisional,
    entered,
    now: ctx.now,
    ids: ctx.ids,
    calendar: ctx.calendar,
    people: ctx.people,
  });
  const comment = event.comment ?? null;
  const effects = effectsOf(provisional, args.actions, ctx.now, ctx.ids);
  const notify = new Notifications(ctx.people, ctx.ids, ctx.now);
  const references = [...(args.writes ?? []), ...effects.references];
  const steps: Record<string, StepProgress> = { ...plan.steps };
  for (const [step, progress] of Object.entries(instance.steps)) {
    if (stays(progress.state) && !(step in steps)) steps[step] = progress;
  }
  const undoable =
    args.decision !== undefined &&
    event.type === 'APPROVE' &&
    !ended &&
    references.length === 0 &&
    effects.outbox.length === 0;
  return {
    loaded,
    actor,
    event,
    nextState,
    snapshot: persistSnapshot(flow.machine, next),
    status,
    ...recorded,
    steps,
    undo:
      undoable && args.decision && task ? undoBefore(instance, args.decision, task.state) : null,
    closeDone,
    closeCancelled,
    newTasks: plan.tasks,
    newTimers: plan.timers,
    cancelTimers: loaded.pendingTimers.filter((t) => !stays(t.state)).map((t) => t.id),
    outbox: [
      ...effects.outbox,
      ...notify.forTasks(provisional, plan.tasks, actor, comment, event.type),
      ...(ended ? notify.forEnd(provisional, actor, comment, event.type) : []),
    ],
    references,
  };
}
