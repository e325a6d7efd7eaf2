import { z } from 'zod';
import { refuse } from '../errors.js';
import type { TaskOperation } from '../flows/flow.js';
import type { Person } from '../ports/directory.js';
import type { InstanceRecord, JsonObject, TaskRecord } from '../records.js';
import { checkSeparationOfDuties, holds } from './authorize.js';
import type { DecideContext } from './context.js';
import { Notifications } from './notifications.js';
import type { InstanceChange } from './outcome.js';
import { specOf, tasksForSlots } from './plan.js';
import { fitsTask, person, timersOf } from './named-people.js';
import type { OperationArgs } from './operation-args.js';
import { addApprover, removeApprover, takeBack } from './step-operations.js';

const personId = z.string().min(1).max(100);
export const OPERATION_SCHEMAS = {
  TRANSFER: z.object({ to: personId }).strict(),
  DELEGATE: z.object({ to: personId }).strict(),
  RESOLVE: z.object({}).strict(),
  ADD_APPROVER: z
    .object({ userId: personId, position: z.enum(['before', 'after', 'with']).default('before') })
    .strict(),
  REMOVE_APPROVER: z.object({ userId: personId }).strict(),
  CC: z.object({ userIds: z.array(personId).min(1).max(50) }).strict(),
  COMMENT: z.object({}).strict(),
  URGE: z.object({}).strict(),
  TAKE_BACK: z.object({}).strict(),
} satisfies Record<TaskOperation, z.ZodType>;

/** The people an operation names (resolved before it is decided). */
export function peopleNamedBy(type: string, data: JsonObject | undefined): string[] {
  const d = data ?? {};
  const ids = [d['to'], d['userId'], ...(Array.isArray(d['userIds']) ? d['userIds'] : [])];
  return ids.filter((v): v is string => typeof v === 'string' && type in OPERATION_SCHEMAS);
}

/** May this person read this instance (a 抄送 reader): school-wide staff or its college's people. */
function mayRead(p: Person, instance: InstanceRecord): boolean {
  if (p.organization && p.organization !== instance.organization) return false;
  return p.college === null || p.college === instance.college;
}

/** Minimum interval between two 催办 of one task; the engine may be configured otherwise. */
export const DEFAULT_URGE_INTERVAL_MS = 24 * 3_600_000;

/** Operations that act on the step: 拿回 of the approval before them is no longer possible. */
const PASSIVE: ReadonlySet<string> = new Set(['COMMENT', 'CC', 'URGE']);

export type { OperationArgs };

/**
 * The engine's own operations, for every flow: 转办 TRANSFER (the task to another holder of its
 * role, for good), 委派 DELEGATE (someone works on it and hands it back: RESOLVE), 加签
 * ADD_APPROVER (before, after or with the current approver) and 减签 REMOVE_APPROVER, 抄送 CC
 * (readers of this instance are told, get no task), 评论 COMMENT, 催办 URGE (the applicant mails
 * the current approvers, at most once per task per interval), and 拿回 TAKE_BACK (the actor's
 * last approval, while nothing was decided since). Throws a refusal.
 */
export function decideOperation(ctx: DecideContext, args: OperationArgs): InstanceChange {
  const { type } = args;
  const parsed = OPERATION_SCHEMAS[type].safeParse(args.event.data ?? {});
  if (!parsed.success) {
    throw refuse('VALIDATION_FAILED', { issues: parsed.error.issues.map((i) => i.message) });
  }
  const event = { ...args.event, data: parsed.data as JsonObject };
  const change = operation(ctx, { ...args, event });
  return PASSIVE.has(type) || change.undo !== undefined ? change : { ...change, undo: null };
}

function operation(ctx: DecideContext, args: OperationArgs): InstanceChange {
  const { type, actor, loaded, event } = args;
  const instance = loaded.row;
  const notify = new Notifications(ctx.people, ctx.ids, ctx.now);
  const comment = event.comment ?? null;
  const base = { loaded, actor, event };
  const data = event.data ?? {};
  const submitter = actor.id === instance.submitterId;

  if (type === 'URGE') return urge(ctx, args, notify);
  if (type === 'TAKE_BACK') return takeBack(ctx, args);
  if (type === 'RESOLVE') {
    const mine = args.scoped.find((t) => t.kind === 'delegated' && t.assignee === actor.id);
    if (!mine) throw refuse('NOT_AUTHORIZED', { event: type });
    const original = loaded.openTasks.find(
      (t) => t.kind !== 'delegated' && t.step === mine.step && t.delegatedTo === actor.id,
    );
    const back = original ? [{ ...original, delegatedTo: null }] : [];
    return {
      ...base,
      closeDone: [mine.id],
      updateTasks: back,
      cancelTimers: timersOf(loaded, [mine.id]),
      outbox: back.flatMap((task) =>
        notify.rows(instance, actor, comment, 'task', { kind: 'task', task }),
      ),
    };
  }

  // 减签 is for whoever added the approver, whether or not they still hold a task of the step.
  if (type === 'REMOVE_APPROVER') return removeApprover(ctx, args);

  const mine = args.scoped.filter((t) => holds(actor, t) && t.kind !== 'submitter');
  const task = mine.find((t) => t.kind !== 'added' && t.kind !== 'delegated') ?? mine[0];
  if (type === 'COMMENT') {
    if (!task && !submitter) throw refuse('NOT_AUTHORIZED', { event: type });
    return base;
  }
  if (!task || task.kind === 'delegated') throw refuse('NOT_AUTHORIZED', { event: type });
  // 转办, 委派 and 加签 act on the task itself: not while someone else works on it for the holder.
  if (task.delegatedTo) {
    throw refuse(
      'TASK_DELEGATED',
      { taskId: task.id, delegatedTo: task.delegatedTo },
      {
        zh: '该待办已委派他人办理，待其办理完毕后才能转办、委派或加签',
        en: 'This task is delegated; transfer, delegate or add approvers once the delegate has resolved it',
      },
    );
  }

  if (type === 'TRANSFER' || type === 'DELEGATE') {
    const target = person(ctx.people, data['to'] as string);
    if (target.id === actor.id || target.id === instance.submitterId || !fitsTask(target, task)) {
      throw refuse(
        'VALIDATION_FAILED',
        { to: target.id },
        {
          zh: '只能转办或委派给同一角色、同一范围的其他人员（不能是申请人）',
          en: 'A task can only be handed to another person of the same role and scope (not the submitter)',
        },
      );
    }
    // The new holder decides this step: one who decided another step of this instance (or stood
    // in for someone who did) may not (separation of duties, as for the approver themselves).
    checkSeparationOfDuties([target.id], task, instance);
    if (type === 'TRANSFER') {
      const moved = { ...task, assignee: target.id };
      return {
        ...base,
        updateTasks: [moved],
        outbox: notify.rows(instance, actor, comment, 'task', { kind: 'task', task: moved }),
      };
    }
    // 委派: the task comes back to the delegator by name; the delegate gets a task to resolve.
    const spec = specOf(args.flow, task);
    const [delegated] = spec
      ? tasksForSlots(
          {
            flow: args.flow,
            spec,
            state: task.state,
            instance,
            now: ctx.now,
            ids: ctx.ids,
            calendar: ctx.calendar,
          },
          [{ kind: 'person', id: target.id }],
        ).tasks
      : [];
    const handed: TaskRecord = {
      ...(delegated ?? task),
      id: delegated?.id ?? ctx.ids(),
      kind: 'delegated',
      assignee: target.id,
      events: ['RESOLVE', 'COMMENT'],
      approval: false,
      createdAt: ctx.now,
    };
    return {
      ...base,
      updateTasks: [{ ...task, assignee: actor.id, delegatedTo: target.id }],
      newTasks: [handed],
      outbox: notify.rows(instance, actor, comment, 'task', { kind: 'task', task: handed }),
    };
  }
  if (type === 'ADD_APPROVER') return addApprover(ctx, args, task);

  // CC
  const userIds = data['userIds'] as string[];
  for (const id of userIds) {
    if (!mayRead(person(ctx.people, id), instance)) {
      throw refuse(
        'VALIDATION_FAILED',
        { userId: id },
        {
          zh: `不能抄送给无权查看本流程的人员（${id}）`,
          en: `${id} may not read this instance and cannot be copied`,
        },
      );
    }
  }
  return {
    ...base,
    outbox: notify.rows(instance, actor, comment, 'cc', { kind: 'people', ids: userIds }),
    copyTo: [...new Set(userIds)],
  };
}

function urge(ctx: DecideContext, args: OperationArgs, notify: Notifications): InstanceChange {
  const { actor, loaded, event } = args;
  const instance = loaded.row;
  if (actor.id !== instance.submitterId) throw refuse('NOT_AUTHORIZED', { event: 'URGE' });
  const urged = args.scoped.filter((t) => t.kind !== 'submitter');
  if (urged.length === 0) {
    throw refuse('EVENT_NOT_ACCEPTED', { event: 'URGE', state: instance.state });
  }
  const retryAt = urged
    .map((t) => (t.urgedAt ? t.urgedAt.getTime() + args.urgeIntervalMs : 0))
    .reduce((a, b) => Math.max(a, b), 0);
  if (retryAt > ctx.now.getTime()) {
    throw refuse(
      'URGE_TOO_SOON',
      { retryAt: new Date(retryAt).toISOString() },
      {
        zh: `催办过于频繁，请于 ${beijing(retryAt)} 之后再催办`,
        en: `Urged too recently; you can urge again after ${new Date(retryAt).toISOString()}`,
      },
    );
  }
  return {
    loaded,
    actor,
    event,
    updateTasks: urged.map((t) => ({ ...t, urgedAt: ctx.now })),
    outbox: urged.flatMap((task) =>
      notify.rows(instance, actor, event.comment ?? null, 'urge', { kind: 'task', task }),
    ),
  };
}

/** `YYYY-MM-DD HH:mm` in Beijing time. */
function beijing(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
