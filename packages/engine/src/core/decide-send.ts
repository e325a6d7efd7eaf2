import { z } from 'zod';
import { validationError, type CommandEvent } from '../commands/command.js';
import { DomainError, refuse } from '../errors.js';
import { isTaskOperation, type AnyFlow, type ReferenceWrite } from '../flows/flow.js';
import type { Loaded, LoadedInstance } from '../ports/store.js';
import type { InstanceRecord, JsonObject, TaskRecord } from '../records.js';
import type { Actor } from './actor.js';
import { checkSeparationOfDuties, holderFor, holds, pickTask } from './authorize.js';
import type { DecideContext } from './context.js';
import { engineData } from './engine-data.js';
import { decideOperation } from './operations.js';
import type { AuditedEvent, InstanceChange } from './outcome.js';
import { specOf } from './plan.js';
import { referenceReader } from './references.js';
import { returnToStep } from './return-to-step.js';
import { pureTransition, restoreSnapshot } from './snapshot.js';
import { afterTransition, type DecisionOf } from './step.js';
import { decideVote } from './vote.js';

/** Events that end or send back a submission: the person deciding must give a reason. */
const REASONED_EVENTS = new Set(['RETURN', 'REJECT']);

export const ENDED_MESSAGES = {
  zh: '流程已结束，不再接受操作',
  en: 'The instance has ended and accepts no more operations',
};

/**
 * Authorize and decide one event sent by a person to an active instance: a task operation, or a
 * machine event of an open task (held by the actor, or by someone the actor stands in for) or of
 * the submitter. Pure; throws a refusal.
 */
export function decideEvent(
  ctx: DecideContext,
  args: {
    loaded: Loaded;
    instance: LoadedInstance;
    event: CommandEvent;
    actor: Actor;
    urgeIntervalMs: number;
  },
): InstanceChange {
  const { loaded, instance: current, event, actor } = args;
  const instance = current.row;
  if (instance.status !== 'active') {
    throw refuse('EVENT_NOT_ACCEPTED', { status: instance.status }, ENDED_MESSAGES);
  }
  const flow = ctx.flows.get(instance.flowId, instance.flowVersion);
  const open = current.openTasks;
  if (event.taskId !== undefined && !open.some((t) => t.id === event.taskId)) {
    throw refuse(
      'EVENT_NOT_ACCEPTED',
      { taskId: event.taskId },
      { zh: '该待办已处理或不存在', en: 'That task is already done or does not exist' },
    );
  }
  const scoped = event.taskId === undefined ? open : open.filter((t) => t.id === event.taskId);
  const { flowData, extra } = engineData(event);
  const audited: AuditedEvent = {
    type: event.type,
    data: { ...flowData, ...extra },
    comment: event.comment ?? null,
    ...(event.taskId ? { taskId: event.taskId } : {}),
  };
  if (isTaskOperation(event.type)) {
    return decideOperation(ctx, {
      type: event.type,
      event: audited,
      actor,
      loaded: current,
      scoped,
      urgeIntervalMs: args.urgeIntervalMs,
      flow,
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
  const held = candidates.flatMap((t) => {
    const h = holderFor(actor, t, ctx.people);
    return h ? [{ task: t, ...h }] : [];
  });
  const task = pickTask(
    held.map((h) => h.task),
    actor,
  );
  const holder = held.find((h) => h.task === task);
  if (!task && !(submitterMay && actor.id === instance.submitterId)) {
    const turn = laterTurn(instance, current.openTasks, actor);
    if (turn) {
      throw refuse(
        'EVENT_NOT_ACCEPTED',
        { event: event.type, state: instance.state, step: turn.step, waitingFor: turn.waitingFor },
        {
          zh: '本环节尚未轮到您审批，请等待前序审批人处理',
          en: 'It is not your turn at this step yet; earlier approvers decide first',
        },
      );
    }
    throw refuse('NOT_AUTHORIZED', { event: event.type, state: instance.state });
  }
  const onBehalfOf = holder?.onBehalfOf;
  if (task)
    checkSeparationOfDuties([actor.id, ...(onBehalfOf ? [onBehalfOf.id] : [])], task, instance);
  if (task?.delegatedTo) {
    throw refuse(
      'TASK_DELEGATED',
      { taskId: task.id, delegatedTo: task.delegatedTo },
      {
        zh: '该待办已委派他人办理，待其办理完毕后才能审批',
        en: 'This task is delegated; decide it once the delegate has resolved it',
      },
    );
  }
  // 退回 and 驳回 always say why: the applicant must know what to change or why it ended.
  if (REASONED_EVENTS.has(event.type) && !(event.comment ?? '').trim()) {
    throw refuse('REASON_REQUIRED', { event: event.type });
  }
  const decided: AuditedEvent = {
    ...audited,
    data: {
      ...(audited.data ?? {}),
      ...(onBehalfOf ? { onBehalfOf: { id: onBehalfOf.id, name: onBehalfOf.name } } : {}),
    },
  };
  const decision: DecisionOf | undefined =
    task?.approval === true
      ? { step: task.step, actorId: actor.id, ...(onBehalfOf ? { onBehalfOf: onBehalfOf.id } : {}) }
      : undefined;
  const toStep = extra['toStep'];
  if (event.type === 'RETURN' && typeof toStep === 'string' && toStep !== 'applicant' && task) {
    return returnToStep(ctx, {
      flow,
      loaded: current,
      actor,
      event: decided,
      toStep,
    });
  }

  const payload = parsePayload(flow, event.type, flowData);
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
      refs: referenceReader(loaded, instance.refKeys),
      now: ctx.now,
    });
    if (verdict instanceof DomainError) throw verdict;
    refs = verdict?.refs ?? {};
    writes = verdict?.writes ?? [];
  }
  const withData: AuditedEvent = { ...decided, data: { ...payload, ...(decided.data ?? {}) } };

  // A step of several approvers (会签, 依次, 加签): a vote that does not finish the step.
  const vote =
    task && decision
      ? decideVote(ctx, { flow, loaded: current, actor, event: withData, task, decision })
      : undefined;
  if (vote) return vote;

  const [next, actions] = pureTransition(flow.machine, restored, {
    type: event.type,
    data: payload,
    refs,
    comment: event.comment ?? null,
    actorId: actor.id,
    actorName: actor.name ?? null,
    at: ctx.now.toISOString(),
  });
  if (next === restored) {
    throw refuse('EVENT_NOT_ACCEPTED', { event: event.type, state: instance.state });
  }
  return afterTransition(ctx, {
    flow,
    loaded: current,
    actor,
    event: withData,
    next,
    actions,
    task,
    writes,
    ...(decision ? { decision } : {}),
  });
}

function parsePayload(flow: AnyFlow, type: string, data: JsonObject): JsonObject {
  const schema = flow.events[type] ?? z.object({}).strict();
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw validationError(parsed.error, 'data');
  return (parsed.data ?? {}) as JsonObject;
}

/**
 * Is the actor an approver of a later round of a step now open (依次, or 加签 before them)? Then
 * they are told to wait rather than that they may not act.
 */
function laterTurn(
  instance: InstanceRecord,
  open: readonly TaskRecord[],
  actor: Actor,
): { step: string; waitingFor: string[] } | undefined {
  for (const progress of Object.values(instance.steps)) {
    const ofStep = open.filter((t) => t.step === progress.step && t.kind !== 'delegated');
    const sample = ofStep[0];
    if (!sample) continue;
    const later = progress.rounds
      .slice(progress.current + 1)
      .some((round) =>
        round.slots.some((slot) =>
          slot.kind === 'person'
            ? slot.id === actor.id
            : holds(actor, { ...sample, assignee: null }),
        ),
      );
    if (later) {
      return {
        step: progress.step,
        waitingFor: ofStep.flatMap((t) => (t.assignee ? [t.assignee] : [])),
      };
    }
  }
  return undefined;
}

/** The escalated or step task the actor decides; exported for the batch's eligibility. */
export function isStepTask(task: TaskRecord, flow: AnyFlow): boolean {
  return task.kind !== 'submitter' && specOf(flow, task)?.approval === true;
}
