import type { CopyItem, DecidedItem, ListInstance, StartedItem, TodoItem } from '@certflow/db';
import { taskView, type Actor, type FlowRegistry } from '@certflow/engine';
import type { z } from '@hono/zod-openapi';
import type {
  copyItemSchema,
  doneItemSchema,
  listInstanceSchema,
  startedItemSchema,
  todoItemSchema,
} from '../schemas/lists.js';
import { batchAllowed } from '../flows/batch-allowed.js';
import { presentTask } from './present.js';

/** The work lists' rows (packages/db `createLists`) → their JSON bodies. */

export function presentListInstance(i: ListInstance): z.infer<typeof listInstanceSchema> {
  return {
    id: i.id,
    flow: i.flowId,
    flowVersion: i.flowVersion,
    title: i.title,
    state: i.state,
    status: i.status,
    college: i.college,
    submitterId: i.submitterId,
    submitterName: i.submitterName,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
    overdue: i.overdue,
  };
}

export function presentTodo(
  item: TodoItem,
  now: Date,
  flows: FlowRegistry,
): z.infer<typeof todoItemSchema> {
  const t = item.task;
  return {
    ...presentTask(taskView(t)),
    instanceId: t.instanceId,
    flow: t.flowId,
    title: item.instance.title,
    overdue: t.dueAt !== null && t.dueAt.getTime() < now.getTime(),
    batch: batchAllowed(flows, t, item.instance.flowVersion),
    instance: presentListInstance(item.instance),
  };
}

export function presentDone(item: DecidedItem): z.infer<typeof doneItemSchema> {
  return {
    seq: item.seq,
    event: item.event,
    at: item.at.toISOString(),
    comment: item.comment,
    fromState: item.fromState,
    toState: item.toState,
    instance: presentListInstance(item.instance),
  };
}

export function presentStarted(item: StartedItem): z.infer<typeof startedItemSchema> {
  return { instance: presentListInstance(item.instance) };
}

export function presentCopy(item: CopyItem): z.infer<typeof copyItemSchema> {
  return {
    id: item.id,
    seq: item.seq,
    fromId: item.fromId,
    fromName: item.fromName,
    createdAt: item.createdAt.toISOString(),
    readAt: item.readAt?.toISOString() ?? null,
    instance: presentListInstance(item.instance),
  };
}

/** Whose 待办: the caller's roles in their college and evaluation organization. */
export const todoOwnerOf = (actor: Actor) => ({
  actorId: actor.id,
  roles: actor.roles,
  college: actor.college ?? null,
  organization: actor.organization ?? null,
});
