import type { StateValue } from 'xstate';
import type { AnyFlow } from '../flows/flow.js';
import type { LoadedInstance } from '../ports/store.js';
import type {
  ApproverSlot,
  InstanceRecord,
  JsonObject,
  StepProgress,
  TaskRecord,
  TimerRecord,
} from '../records.js';
import type { Actor } from './actor.js';
import type { DecideContext } from './context.js';
import { Notifications } from './notifications.js';
import type { AuditedEvent, InstanceChange } from './outcome.js';
import { planEntered, tasksForSlots } from './plan.js';
import { persistSnapshot, restoreSnapshot } from './snapshot.js';

/** The XState value of a set of leaf state ids (`review.college` → `{ review: 'college' }`). */
export function stateValueOf(leaves: readonly string[]): StateValue {
  const value: Record<string, unknown> = {};
  for (const leaf of leaves) {
    const path = leaf.split('.');
    let node = value;
    path.forEach((part, i) => {
      if (i === path.length - 1) node[part] = {};
      else node = (node[part] ??= {}) as Record<string, unknown>;
    });
  }
  const collapse = (node: Record<string, unknown>): StateValue => {
    const entries = Object.entries(node);
    if (entries.length === 1) {
      const [key, child] = entries[0] as [string, Record<string, unknown>];
      if (Object.keys(child).length === 0) return key;
    }
    return Object.fromEntries(
      entries.map(([k, child]) => {
        const c = child as Record<string, unknown>;
        return [k, Object.keys(c).length === 0 ? {} : collapse(c)];
      }),
    );
  };
  return collapse(value);
}

/** The persisted snapshot of `flow`'s machine at `leaves`, keeping the context it has now. */
export function snapshotAt(
  flow: AnyFlow,
  current: JsonObject,
  leaves: readonly string[],
): JsonObject {
  const restored = restoreSnapshot(flow.machine, current);
  const moved = flow.machine.resolveState({
    value: stateValueOf(leaves),
    context: restored.context as never,
  });
  return persistSnapshot(flow.machine, moved);
}

/**
 * Move an instance to `leaves` outside the machine's own transitions — 退回 to a chosen step,
 * 拿回 — with `restore` as its recorded decisions and progress: every open task closes, every
 * pending timer ends, and the states entered open their tasks; the step `assign.step` opens for
 * `assign.slots` (who decided it before, or who took it back, and the 会签 approvers still to
 * decide).
 */
export function jumpTo(
  ctx: DecideContext,
  args: {
    flow: AnyFlow;
    loaded: LoadedInstance;
    actor: Actor;
    event: AuditedEvent;
    leaves: readonly string[];
    snapshot: JsonObject;
    restore: Pick<InstanceRecord, 'stepActors' | 'decisions' | 'steps'>;
    /** The step to open by name, and its slots (who decided it before, or who took it back). */
    assign: { readonly step: string; readonly slots: readonly ApproverSlot[] };
  },
): InstanceChange {
  const { flow, loaded, actor, event, leaves } = args;
  const instance: InstanceRecord = { ...loaded.row, state: leaves.join(',') };
  const base = { flow, instance, now: ctx.now, ids: ctx.ids, calendar: ctx.calendar };
  const tasks: TaskRecord[] = [];
  const timers: TimerRecord[] = [];
  const steps: Record<string, StepProgress> = {};
  for (const state of leaves) {
    const spec = flow.states[state];
    if (!spec) continue;
    const others = planEntered({ ...base, entered: [state], people: ctx.people });
    const assigned = (spec.tasks ?? []).find((t) => t.step === args.assign.step);
    if (!assigned) {
      tasks.push(...others.tasks);
      timers.push(...others.timers);
      Object.assign(steps, others.steps);
      continue;
    }
    const restored = args.restore.steps[assigned.step];
    const slots = args.assign.slots;
    if (restored) steps[assigned.step] = restored;
    else if (slots.length > 1) {
      steps[assigned.step] = {
        step: assigned.step,
        state,
        rounds: [{ slots, threshold: slots.length, approved: [] }],
        current: 0,
      };
    }
    const opened = tasksForSlots({ ...base, spec: assigned, state }, slots);
    tasks.push(...opened.tasks);
    timers.push(...opened.timers);
    // The state's other tasks (a parallel step of the same state) open as usual.
    const rest = others.tasks.filter((t) => t.step !== assigned.step);
    tasks.push(...rest);
    const restIds = new Set(rest.map((t) => t.id));
    timers.push(...others.timers.filter((t) => t.taskId === null || restIds.has(t.taskId)));
  }
  const notify = new Notifications(ctx.people, ctx.ids, ctx.now);
  return {
    loaded,
    actor,
    event,
    nextState: leaves.join(','),
    snapshot: args.snapshot,
    status: 'active',
    stepActors: args.restore.stepActors,
    decisions: args.restore.decisions,
    steps: { ...args.restore.steps, ...steps },
    undo: null,
    closeCancelled: loaded.openTasks.map((t) => t.id),
    cancelTimers: loaded.pendingTimers.map((t) => t.id),
    newTasks: tasks,
    newTimers: timers,
    outbox: notify.forTasks(instance, tasks, actor, event.comment ?? null, event.type),
  };
}

/** The leaf state whose tasks include `step`, if the flow has one. */
export function stateOfStep(flow: AnyFlow, step: string): string | undefined {
  return Object.entries(flow.states).find(([, spec]) =>
    (spec.tasks ?? []).some((t) => t.step === step && t.scope !== 'submitter'),
  )?.[0];
}
