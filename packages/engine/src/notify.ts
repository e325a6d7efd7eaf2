import type { Actor } from './actor.js';
import type { IdGenerator } from './clock.js';
import type { Directory, Person } from './directory.js';
import type { InstanceRecord, JsonObject, OutboxRecord, TaskRecord } from './records.js';

/** What a notification is about; `@certflow/mail` renders one template per kind. */
export type NotificationKind =
  | 'task'
  | 'returned'
  | 'rejected'
  | 'withdrawn'
  | 'cc'
  | 'reminder'
  | 'escalation'
  | 'decision'
  | 'cancelled';

export const NOTIFY_OUTBOX_KIND = 'notify';

export interface NotificationPayload extends JsonObject {
  notification: NotificationKind;
  instanceId: string;
  flowId: string;
  flowVersion: number;
  title: string;
  status: string;
  state: string;
  taskId: string | null;
  step: string | null;
  dueAt: string | null;
  recipient: { id: string; name: string; email: string } | null;
  audience: { role: string; college: string | null } | null;
  actor: { id: string; name: string | null };
  comment: string | null;
}

export type Audience =
  | { readonly kind: 'task'; readonly task: TaskRecord }
  | { readonly kind: 'people'; readonly ids: readonly string[] };

/** Expand an audience to people (one outbox row — one mail — per recipient). */
async function recipients(
  directory: Directory | undefined,
  audience: Audience,
): Promise<Array<Person | null>> {
  if (!directory) return [null];
  const ids =
    audience.kind === 'people'
      ? audience.ids
      : audience.task.assignee !== null
        ? [audience.task.assignee]
        : null;
  if (ids) {
    const people = await Promise.all(ids.map((id) => directory.getUser(id)));
    return people.filter((p): p is Person => p !== undefined);
  }
  if (audience.kind !== 'task') return [];
  const { role, college, organization } = audience.task;
  const holders = await directory.usersFor(role, college);
  return organization === null ? holders : holders.filter((p) => p.organization === organization);
}

export async function notificationRows(args: {
  directory: Directory | undefined;
  ids: IdGenerator;
  now: Date;
  instance: InstanceRecord;
  actor: Actor;
  comment: string | null;
  notification: NotificationKind;
  audience: Audience;
}): Promise<OutboxRecord[]> {
  const { instance, audience } = args;
  const task = audience.kind === 'task' ? audience.task : null;
  const people = await recipients(args.directory, audience);
  return people.map((person) => {
    const payload: NotificationPayload = {
      notification: args.notification,
      instanceId: instance.id,
      flowId: instance.flowId,
      flowVersion: instance.flowVersion,
      title: instance.title,
      status: instance.status,
      state: instance.state,
      taskId: task?.id ?? null,
      step: task?.step ?? null,
      dueAt: task?.dueAt ? task.dueAt.toISOString() : null,
      recipient: person ? { id: person.id, name: person.name, email: person.email } : null,
      audience: task ? { role: task.role, college: task.college } : null,
      actor: { id: args.actor.id, name: args.actor.name ?? null },
      comment: args.comment,
    };
    return {
      id: args.ids(),
      instanceId: instance.id,
      kind: NOTIFY_OUTBOX_KIND,
      payload,
      status: 'pending',
      attempts: 0,
      createdAt: args.now,
      availableAt: args.now,
      deliveredAt: null,
      lastError: null,
    };
  });
}
