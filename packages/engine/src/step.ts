import type { AnyMachineSnapshot } from 'xstate';
import type { Actor } from './actor.js';
import type { CommandEvent } from './command.js';
import { effectsOf } from './effects.js';
import type { AnyFlow, ReferenceWrite } from './flow.js';
import { outcomeOf, statusOf, type EngineDeps, type Outcome } from './outcome.js';
import { planEntered } from './plan.js';
import type { InstanceRecord, TaskRecord } from './records.js';
import { activeLeaves, persistSnapshot } from './snapshot.js';
import type { StoreTx } from './store.js';

/**
 * After XState computed the next snapshot: which tasks close, which open, which timers are
 * written or cancelled, and what goes to the outbox.
 */
export async function afterTransition(
  deps: EngineDeps,
  args: {
    tx: StoreTx;
    flow: AnyFlow;
    instance: InstanceRecord;
    actor: Actor;
    event: CommandEvent;
    next: AnyMachineSnapshot;
    actions: readonly unknown[];
    task: TaskRecord | undefined;
    open: readonly TaskRecord[];
    now: Date;
    /** Reference rows the flow's rule wrote, before the machine's own `reference.put` effects. */
    writes?: readonly ReferenceWrite[];
  },
): Promise<Outcome> {
  const { flow, instance, actor, event, next, task, open, now } = args;
  const before = instance.state.split(',');
  const after = activeLeaves(next.value);
  const status = statusOf(flow, next);
  const ended = status !== 'active';
  const stays = (state: string): boolean => !ended && after.includes(state);
  const entered = ended ? [] : after.filter((s) => !before.includes(s));
  const leaving = open.filter((t) => !stays(t.state));
  const closeDone = task && !stays(task.state) ? [task.id] : [];
  const closeCancelled = leaving.map((t) => t.id).filter((id) => !closeDone.includes(id));
  const nextState = after.join(',');
  const provisional: InstanceRecord = { ...instance, state: nextState, status };
  const plan = planEntered({
    flow,
    instance: provisional,
    entered,
    now,
    ids: deps.ids,
    calendar: deps.calendar,
  });
  const comment = event.comment ?? null;
  const effects = effectsOf(provisional, args.actions, now, deps.ids);
  const outbox = [
    ...effects.outbox,
    ...(await deps.notifier.forTasks(provisional, plan.tasks, actor, comment, event.type)),
    ...(ended ? await deps.notifier.forEnd(provisional, actor, comment, event.type) : []),
  ];
  return outcomeOf(deps, {
    instance,
    actor,
    event,
    nextState,
    snapshot: persistSnapshot(flow.machine, next),
    status,
    stepActors: task?.approval
      ? { ...instance.stepActors, [task.step]: actor.id }
      : instance.stepActors,
    open,
    closeDone,
    closeCancelled,
    newTasks: plan.tasks,
    timers: plan.timers,
    keepTimerStates: ended ? [] : after.filter((s) => before.includes(s)),
    outbox,
    references: [...(args.writes ?? []), ...effects.references],
  });
}
