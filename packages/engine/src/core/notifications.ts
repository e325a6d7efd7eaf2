import type { IdGenerator } from '../ports/clock.js';
import type { People } from '../ports/directory.js';
import type { InstanceRecord, OutboxRecord, TaskRecord } from '../records.js';
import type { Actor } from './actor.js';
import { notificationRows, type Audience, type NotificationKind } from './notify.js';

/** Which notification each decision writes to the outbox, and for whom. Pure. */
export class Notifications {
  constructor(
    private readonly people: People | undefined,
    private readonly ids: IdGenerator,
    private readonly now: Date,
  ) {}

  rows(
    instance: InstanceRecord,
    actor: Actor,
    comment: string | null,
    notification: NotificationKind,
    audience: Audience,
  ): OutboxRecord[] {
    return notificationRows({
      people: this.people,
      ids: this.ids,
      now: this.now,
      instance,
      actor,
      comment,
      notification,
      audience,
    });
  }

  /** New tasks: their holders are told (an escalation, a return to the applicant, a task). */
  forTasks(
    instance: InstanceRecord,
    tasks: readonly TaskRecord[],
    actor: Actor,
    comment: string | null,
    eventType: string,
  ): OutboxRecord[] {
    return tasks.flatMap((task) =>
      this.rows(
        instance,
        actor,
        comment,
        task.kind === 'escalation'
          ? 'escalation'
          : task.kind === 'submitter' && eventType === 'RETURN'
            ? 'returned'
            : 'task',
        { kind: 'task', task },
      ),
    );
  }

  /** The instance ended: the applicant is told how (not of their own withdrawal). */
  forEnd(
    instance: InstanceRecord,
    actor: Actor,
    comment: string | null,
    eventType: string,
  ): OutboxRecord[] {
    const kind: NotificationKind =
      instance.status === 'rejected'
        ? 'rejected'
        : instance.status === 'withdrawn'
          ? 'withdrawn'
          : instance.status === 'cancelled'
            ? 'cancelled'
            : 'decision';
    if (kind === 'withdrawn' && actor.id === instance.submitterId && eventType === 'WITHDRAW') {
      return [];
    }
    return this.rows(instance, actor, comment, kind, {
      kind: 'people',
      ids: [instance.submitterId],
    });
  }
}
