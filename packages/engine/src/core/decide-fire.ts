import type { FireResult } from '../commands/command.js';
import type { CommandWrite, Loaded, LoadedInstance } from '../ports/store.js';
import type { TaskRecord, TimerRecord } from '../records.js';
import { SYSTEM_ACTOR } from './actor.js';
import type { DecideContext } from './context.js';
import { Notifications } from './notifications.js';
import { changeWrite, emptyWrite, type Decided, type InstanceChange } from './outcome.js';
import { specOf } from './plan.js';
import { pureTransition, restoreSnapshot } from './snapshot.js';
import { afterTransition } from './step.js';

/**
 * Fire a durable timer: a reminder (催办), an escalation, or a machine event sent by the system
 * actor. A timer no longer pending is left alone; one not due yet with `onlyIfDue` is `early`; one
 * whose instance moved on (ended, left the state, closed the task) is `stale` and only claimed.
 * The write claims the timer, so two fires of one timer apply once.
 */
export function decideFire(
  ctx: DecideContext,
  loaded: Loaded,
  onlyIfDue: boolean,
): Decided<FireResult> {
  const timer = loaded.timer;
  if (!timer) return { write: null, result: { fired: false, reason: 'missing' } };
  if (timer.status !== 'pending') {
    return { write: null, result: { fired: false, reason: 'not-pending', timer } };
  }
  if (onlyIfDue && timer.dueAt.getTime() > ctx.now.getTime()) {
    return { write: null, result: { fired: false, reason: 'early', dueAt: timer.dueAt, timer } };
  }
  const claimTimer = { id: timer.id, at: ctx.now };
  const current = loaded.instance;
  const task = timer.taskId ? current?.openTasks.find((t) => t.id === timer.taskId) : undefined;
  if (
    !current ||
    current.row.status !== 'active' ||
    !current.row.state.split(',').includes(timer.state) ||
    (timer.taskId && !task)
  ) {
    const write: CommandWrite = { ...emptyWrite(), claimTimer };
    return { write, result: { fired: false, reason: 'stale', timer } };
  }
  const change =
    timer.kind === 'event'
      ? systemEvent(ctx, current, timer)
      : reminderOrEscalation(ctx, current, timer, task as TaskRecord);
  if (!change) {
    // The machine no longer takes the timer's event there (a guard): claimed, nothing else.
    return {
      write: { ...emptyWrite(), claimTimer },
      result: { fired: false, reason: 'stale', timer },
    };
  }
  const decided = changeWrite(change, loaded, ctx.now);
  const write = { ...(decided.write as CommandWrite), claimTimer };
  return {
    write,
    result: {
      fired: true,
      instance: decided.result,
      timer,
      outbox: write.outbox.map(({ id, attempts, availableAt }) => ({ id, attempts, availableAt })),
    },
  };
}

/** A machine event sent by the system actor when an `event` timer fires. */
function systemEvent(
  ctx: DecideContext,
  loaded: LoadedInstance,
  timer: TimerRecord,
): InstanceChange | undefined {
  const instance = loaded.row;
  const flow = ctx.flows.get(instance.flowId, instance.flowVersion);
  const restored = restoreSnapshot(flow.machine, instance.snapshot);
  const event = { type: timer.event, data: { timerId: timer.id } };
  const [next, actions] = pureTransition(flow.machine, restored, {
    ...event,
    comment: null,
    actorId: SYSTEM_ACTOR.id,
    actorName: SYSTEM_ACTOR.name ?? null,
    at: ctx.now.toISOString(),
  });
  if (next === restored) return undefined;
  return afterTransition(ctx, {
    flow,
    loaded,
    actor: SYSTEM_ACTOR,
    event,
    next,
    actions,
    task: undefined,
  });
}

/**
 * A reminder (催办) to the task's holders, or an escalation: a task for the office above (its
 * role in its scope) to decide the step in place. Audited, notified, no state change.
 */
function reminderOrEscalation(
  ctx: DecideContext,
  loaded: LoadedInstance,
  timer: TimerRecord,
  task: TaskRecord,
): InstanceChange {
  const instance = loaded.row;
  const flow = ctx.flows.get(instance.flowId, instance.flowVersion);
  const escalateTo = specOf(flow, task)?.escalateTo;
  const escalation: TaskRecord[] =
    timer.kind === 'escalate' && escalateTo
      ? [
          {
            ...task,
            id: ctx.ids(),
            kind: 'escalation',
            role: escalateTo.role,
            college: escalateTo.scope === 'college' ? instance.college : null,
            organization: null,
            assignee: null,
            dueAt: null,
            dueBasis: null,
            urgedAt: null,
            delegatedTo: null,
            createdAt: ctx.now,
          },
        ]
      : [];
  const notify = new Notifications(ctx.people, ctx.ids, ctx.now);
  return {
    loaded,
    actor: SYSTEM_ACTOR,
    event: {
      type: timer.kind === 'remind' ? 'REMIND' : 'ESCALATE',
      data: { timerId: timer.id, taskId: task.id },
    },
    newTasks: escalation,
    outbox: [
      ...notify.rows(
        instance,
        SYSTEM_ACTOR,
        null,
        timer.kind === 'remind' ? 'reminder' : 'escalation',
        { kind: 'task', task },
      ),
      ...notify.forTasks(instance, escalation, SYSTEM_ACTOR, null, 'ESCALATE'),
    ],
  };
}
