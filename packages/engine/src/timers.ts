import { transition } from 'xstate';
import { SYSTEM_ACTOR } from './actor.js';
import { refuse } from './errors.js';
import type { NotificationKind } from './notify.js';
import { notificationRows } from './notify.js';
import { outcomeOf, type EngineDeps, type Outcome } from './outcome.js';
import { specOf } from './plan.js';
import type { InstanceRecord, TaskRecord, TimerRecord } from './records.js';
import { restoreSnapshot } from './snapshot.js';
import { afterTransition } from './step.js';
import type { StoreTx } from './store.js';

/** A machine event sent by the system actor when an `event` timer fires. */
export async function decideSystemEvent(
  deps: EngineDeps,
  tx: StoreTx,
  instance: InstanceRecord,
  timer: TimerRecord,
  open: readonly TaskRecord[],
): Promise<Outcome> {
  const flow = deps.flows.get(instance.flowId, instance.flowVersion);
  const restored = restoreSnapshot(flow.machine, instance.snapshot);
  const now = deps.clock.now();
  const event = { type: timer.event, data: { timerId: timer.id } };
  const [next, actions] = transition(flow.machine, restored, {
    ...event,
    comment: null,
    actorId: SYSTEM_ACTOR.id,
    actorName: SYSTEM_ACTOR.name ?? null,
    at: now.toISOString(),
  });
  if (next === restored) {
    throw refuse('EVENT_NOT_ACCEPTED', { event: timer.event, state: instance.state });
  }
  return afterTransition(deps, {
    tx,
    flow,
    instance,
    actor: SYSTEM_ACTOR,
    event,
    next,
    actions,
    task: undefined,
    open,
    now,
  });
}

/** A reminder (催办) or an escalation to the office head: audited, notified, no state change. */
export async function timerOutcome(
  deps: EngineDeps,
  instance: InstanceRecord,
  timer: TimerRecord,
  task: TaskRecord,
  open: readonly TaskRecord[],
  now: Date,
): Promise<Outcome> {
  const flow = deps.flows.get(instance.flowId, instance.flowVersion);
  const escalateTo = specOf(flow, task)?.escalateTo;
  const escalation: TaskRecord[] =
    timer.kind === 'escalate' && escalateTo
      ? [
          {
            ...task,
            id: deps.ids(),
            kind: 'escalation',
            role: escalateTo.role,
            college: escalateTo.scope === 'college' ? instance.college : null,
            assignee: null,
            dueAt: null,
            createdAt: now,
          },
        ]
      : [];
  const kind: NotificationKind = timer.kind === 'remind' ? 'reminder' : 'escalation';
  const outbox = [
    ...(await notificationRows({
      directory: deps.directory,
      ids: deps.ids,
      now,
      instance,
      actor: SYSTEM_ACTOR,
      comment: null,
      notification: kind,
      audience: { kind: 'task', task },
    })),
    ...(await deps.notifier.forTasks(instance, escalation, SYSTEM_ACTOR, null, 'ESCALATE')),
  ];
  return outcomeOf(deps, {
    instance,
    actor: SYSTEM_ACTOR,
    event: {
      type: timer.kind === 'remind' ? 'REMIND' : 'ESCALATE',
      data: { timerId: timer.id, taskId: task.id },
    },
    nextState: instance.state,
    snapshot: instance.snapshot,
    status: instance.status,
    stepActors: instance.stepActors,
    open,
    closeDone: [],
    closeCancelled: [],
    newTasks: escalation,
    timers: [],
    keepTimerStates: null,
    outbox,
  });
}
