import { transition } from 'xstate';
import { SYSTEM_ACTOR } from './actor.js';
import { refuse } from './errors.js';
import type { NotificationKind } from './notify.js';
import { notificationRows } from './notify.js';
import type { FireResult } from './command.js';
import { outcomeOf, writeOutcome, type EngineDeps, type Outcome } from './outcome.js';
import { specOf } from './plan.js';
import type { InstanceRecord, TaskRecord, TimerRecord } from './records.js';
import { restoreSnapshot } from './snapshot.js';
import { afterTransition } from './step.js';
import { LockRequired, type StoreTx } from './store.js';

/**
 * How a fire claims its timer: `first` in a transaction (`claimTimer` locks the timer row, then
 * the instance is read locked); `in-write` in `Store.unlocked` (the timer and instance are read
 * without locks, and the one version-checked write claims the timer too).
 */
export type ClaimMode = 'first' | 'in-write';

/**
 * Fire timer `timerId` in `tx` (see `Engine.fireTimer`). A timer whose instance moved on is
 * only claimed, with no instance write: under `in-write` that takes the lock (`LockRequired`).
 */
export async function fireIn(
  deps: EngineDeps,
  tx: StoreTx,
  timerId: string,
  options: { readonly onlyIfDue?: boolean; readonly claim: ClaimMode },
): Promise<FireResult> {
  const now = deps.clock.now();
  const dueBy = options.onlyIfDue ? now : undefined;
  let timer: TimerRecord;
  let locked: { instance: InstanceRecord; openTasks: TaskRecord[] } | undefined;
  if (options.claim === 'first') {
    const claim = await tx.claimTimer(timerId, now, dueBy ? { dueBy } : {});
    if (!claim) return { fired: false, reason: 'missing' };
    timer = claim.timer;
    if (!claim.claimed) return unfired(timer, dueBy);
    locked = await tx.lockInstanceWithOpenTasks(timer.instanceId);
  } else {
    const read = await tx.timerWithInstance(timerId);
    if (!read) return { fired: false, reason: 'missing' };
    timer = read.timer;
    if (timer.status !== 'pending' || (dueBy && timer.dueAt.getTime() > dueBy.getTime())) {
      return unfired(timer, dueBy);
    }
    locked = read.instance;
  }
  const instance = locked?.instance;
  const open = locked?.openTasks ?? [];
  const task = timer.taskId ? open.find((t) => t.id === timer.taskId) : undefined;
  if (
    !instance ||
    instance.status !== 'active' ||
    !instance.state.split(',').includes(timer.state) ||
    (timer.taskId && !task)
  ) {
    if (options.claim === 'in-write') throw new LockRequired('claiming a stale timer');
    return { fired: false, reason: 'stale', timer };
  }
  const outcome =
    timer.kind === 'event'
      ? await decideSystemEvent(deps, tx, instance, timer, open)
      : await timerOutcome(deps, instance, timer, task as TaskRecord, open, now);
  const claimTimer = options.claim === 'in-write' ? { id: timer.id, at: now } : undefined;
  return {
    fired: true,
    instance: await writeOutcome(tx, outcome, {
      last: true,
      ...(claimTimer ? { claimTimer } : {}),
    }),
    timer,
    outbox: outcome.outbox.map(({ id, attempts, availableAt }) => ({ id, attempts, availableAt })),
  };
}

/** A pending timer not due by `dueBy` is `early`; any other unclaimed one is `not-pending`. */
function unfired(timer: TimerRecord, dueBy: Date | undefined): FireResult {
  return timer.status === 'pending' && dueBy
    ? { fired: false, reason: 'early', dueAt: timer.dueAt, timer }
    : { fired: false, reason: 'not-pending', timer };
}

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
            organization: null,
            assignee: null,
            dueAt: null,
            dueBasis: null,
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
