import { transition } from 'xstate';
import { z } from 'zod';
import type { Actor } from './actor.js';
import { checkSeparationOfDuties, holds, pickTask } from './authorize.js';
import type { CommandEvent } from './command.js';
import { validationError } from './command.js';
import { DomainError, refuse } from './errors.js';
import { isTaskOperation, type ReferenceWrite } from './flow.js';
import { loadReferences, outcomeOf, type EngineDeps, type Outcome } from './outcome.js';
import type { InstanceRecord, JsonObject, TaskRecord } from './records.js';
import { restoreSnapshot } from './snapshot.js';
import { afterTransition } from './step.js';
import type { StoreTx } from './store.js';
import { taskOperation } from './task-operations.js';

/** Events that end or send back a submission: the person deciding must give a reason. */
const REASONED_EVENTS = new Set(['RETURN', 'REJECT']);

/** Authorize and compute one command against a locked instance. Writes nothing. */
export async function decide(
  deps: EngineDeps,
  tx: StoreTx,
  instance: InstanceRecord,
  open: readonly TaskRecord[],
  event: CommandEvent,
  actor: Actor,
): Promise<Outcome> {
  if (instance.status !== 'active') {
    throw refuse(
      'EVENT_NOT_ACCEPTED',
      { status: instance.status },
      {
        zh: '流程已结束，不再接受操作',
        en: 'The instance has ended and accepts no more operations',
      },
    );
  }
  const flow = deps.flows.get(instance.flowId, instance.flowVersion);
  if (event.taskId !== undefined && !open.some((t) => t.id === event.taskId)) {
    throw refuse(
      'EVENT_NOT_ACCEPTED',
      { taskId: event.taskId },
      {
        zh: '该待办已处理或不存在',
        en: 'That task is already done or does not exist',
      },
    );
  }
  const scoped = event.taskId === undefined ? open : open.filter((t) => t.id === event.taskId);
  if (isTaskOperation(event.type)) {
    const mine = scoped.filter((t) => holds(actor, t) && t.kind !== 'submitter');
    const op = await taskOperation({
      type: event.type,
      data: event.data ?? {},
      actor,
      instance,
      tasks: mine,
      directory: deps.directory,
      ids: deps.ids,
      now: deps.clock.now(),
    });
    return outcomeOf(deps, {
      instance,
      actor,
      event,
      nextState: instance.state,
      snapshot: instance.snapshot,
      status: instance.status,
      stepActors: instance.stepActors,
      open,
      closeDone: op.closeDone,
      closeCancelled: [],
      newTasks: op.newTasks,
      reassign: op.reassign,
      timers: [],
      keepTimerStates: null,
      outbox: await deps.notifier.forOperation(instance, op, actor, event.comment ?? null),
    });
  }

  const leaves = instance.state.split(',');
  const candidates = scoped.filter((t) => t.events.includes(event.type));
  const submitterMay =
    event.taskId === undefined &&
    leaves.some((l) => flow.states[l]?.submitterEvents?.includes(event.type) === true);
  if (candidates.length === 0 && !submitterMay) {
    throw refuse('EVENT_NOT_ACCEPTED', { event: event.type, state: instance.state });
  }
  const task = pickTask(
    candidates.filter((t) => holds(actor, t)),
    actor,
  );
  if (!task && !(submitterMay && actor.id === instance.submitterId)) {
    throw refuse('NOT_AUTHORIZED', { event: event.type, state: instance.state });
  }
  if (task) checkSeparationOfDuties(actor, task, instance);
  // 退回 and 驳回 always say why: the applicant must know what to change or why it ended.
  if (REASONED_EVENTS.has(event.type) && !(event.comment ?? '').trim()) {
    throw refuse('REASON_REQUIRED', { event: event.type });
  }

  const schema = flow.events[event.type];
  const data = schema
    ? schema.safeParse(event.data ?? {})
    : z
        .object({})
        .strict()
        .safeParse(event.data ?? {});
  if (!data.success) throw validationError(data.error, 'data');
  const payload = (data.data ?? {}) as JsonObject;

  const now = deps.clock.now();
  const restored = restoreSnapshot(flow.machine, instance.snapshot);
  const rule = flow.rules?.[event.type];
  let refs: JsonObject = {};
  let writes: readonly ReferenceWrite[] = [];
  if (rule) {
    const verdict = rule({
      context: restored.context as never,
      event: { type: event.type, data: payload },
      actor,
      state: instance.state,
      refs: await loadReferences(tx, instance.refKeys),
      now,
    });
    if (verdict instanceof DomainError) throw verdict;
    refs = verdict?.refs ?? {};
    writes = verdict?.writes ?? [];
  }

  // 加签: the step waits for its added approvers; an added approver's 同意 closes only their task.
  const stepApprove = task && event.type === 'APPROVE';
  if (stepApprove && task.kind === 'added') {
    return outcomeOf(deps, {
      instance,
      actor,
      event: { ...event, data: payload },
      nextState: instance.state,
      snapshot: instance.snapshot,
      status: instance.status,
      stepActors: { ...instance.stepActors, [`${task.step}#${task.id}`]: actor.id },
      open,
      closeDone: [task.id],
      closeCancelled: [],
      newTasks: [],
      timers: [],
      keepTimerStates: null,
      outbox: [],
    });
  }
  if (
    stepApprove &&
    open.some((t) => t.kind === 'added' && t.step === task.step && t.id !== task.id)
  ) {
    throw refuse(
      'EVENT_NOT_ACCEPTED',
      { step: task.step },
      {
        zh: '加签人尚未审批，本环节暂不能同意',
        en: 'An added approver has not approved yet',
      },
    );
  }

  const machineEvent = {
    type: event.type,
    data: payload,
    refs,
    comment: event.comment ?? null,
    actorId: actor.id,
    actorName: actor.name ?? null,
    at: now.toISOString(),
  };
  const [next, actions] = transition(flow.machine, restored, machineEvent);
  if (next === restored) {
    throw refuse('EVENT_NOT_ACCEPTED', { event: event.type, state: instance.state });
  }
  return afterTransition(deps, {
    tx,
    flow,
    instance,
    actor,
    event: { ...event, data: payload },
    next,
    actions,
    task,
    open,
    now,
    writes,
  });
}
