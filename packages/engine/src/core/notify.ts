import type { IdGenerator } from '../ports/clock.js';
import type { People, Person } from '../ports/directory.js';
import type { InstanceRecord, JsonObject, OutboxRecord, TaskRecord } from '../records.js';
import type { Actor } from './actor.js';

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
  | 'cancelled'
  | 'urge'
  | 'deadline-moved';

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
  /** The deadline was counted on weekends alone (暂按周末计算，节假日安排公布后自动调整). */
  dueProvisional: boolean;
  /** Why the deadline is what it is ("5个工作日；跳过 10月1日–7日 国庆节"). */
  dueExplanation: { zh: string; en: string } | null;
  recipient: { id: string; name: string; email: string } | null;
  /** 代理人: the recipient stands in for this person, whose task it is. */
  onBehalfOf: { id: string; name: string } | null;
  audience: { role: string; college: string | null } | null;
  actor: { id: string; name: string | null };
  comment: string | null;
}

export type Audience =
  | { readonly kind: 'task'; readonly task: TaskRecord }
  | { readonly kind: 'people'; readonly ids: readonly string[] };

/**
 * Expand an audience to people — one outbox row, one mail, per recipient. Without a directory
 * (`people` undefined) one row is written with no recipient. A person someone stands in for
 * (代理人) is mailed at their substitute's, marked on whose behalf.
 */
function recipients(
  people: People | undefined,
  audience: Audience,
): Array<{ to: Person; onBehalfOf: Person | null } | null> {
  if (!people) return [null];
  const ids =
    audience.kind === 'people'
      ? audience.ids
      : audience.task.assignee !== null
        ? [audience.task.assignee]
        : null;
  let found: readonly Person[];
  if (ids) found = ids.map((id) => people.get(id)).filter((p): p is Person => p !== undefined);
  else if (audience.kind !== 'task') found = [];
  else {
    const { role, college, organization } = audience.task;
    const holders = people.holders(role, college);
    found =
      organization === null ? holders : holders.filter((p) => p.organization === organization);
  }
  const seen = new Set<string>();
  return found.flatMap((p) => {
    const substitute = people.substituteOf(p.id);
    const to = substitute ?? p;
    if (seen.has(to.id)) return [];
    seen.add(to.id);
    return [{ to, onBehalfOf: substitute ? p : null }];
  });
}

/** The notification rows of one audience. */
export function notificationRows(args: {
  people: People | undefined;
  ids: IdGenerator;
  now: Date;
  instance: InstanceRecord;
  actor: Actor;
  comment: string | null;
  notification: NotificationKind;
  audience: Audience;
}): OutboxRecord[] {
  const { instance, audience } = args;
  const task = audience.kind === 'task' ? audience.task : null;
  return recipients(args.people, audience).map((found) => {
    const person = found?.to ?? null;
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
      dueProvisional: task?.dueBasis?.provisional === true,
      dueExplanation: task?.dueBasis ? { ...task.dueBasis.explanation } : null,
      recipient: person ? { id: person.id, name: person.name, email: person.email } : null,
      onBehalfOf: found?.onBehalfOf
        ? { id: found.onBehalfOf.id, name: found.onBehalfOf.name }
        : null,
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
