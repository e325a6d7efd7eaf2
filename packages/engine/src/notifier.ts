import type { Actor } from './actor.js';
import type { Clock, IdGenerator } from './clock.js';
import type { Directory } from './directory.js';
import { notificationRows, type NotificationKind } from './notify.js';
import type { InstanceRecord, OutboxRecord, TaskRecord } from './records.js';
import type { OperationResult } from './task-operations.js';

/** Which notification each command writes to the outbox, and for whom. */
export class Notifier {
  constructor(
    private readonly directory: Directory | undefined,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async forTasks(
    instance: InstanceRecord,
    tasks: readonly TaskRecord[],
    actor: Actor,
    comment: string | null,
    eventType: string,
  ): Promise<OutboxRecord[]> {
    const rows = await Promise.all(
      tasks.map((task) =>
        notificationRows({
          directory: this.directory,
          ids: this.ids,
          now: this.clock.now(),
          instance,
          actor,
          comment,
          notification:
            task.kind === 'escalation'
              ? 'escalation'
              : task.kind === 'submitter' && eventType === 'RETURN'
                ? 'returned'
                : 'task',
          audience: { kind: 'task', task },
        }),
      ),
    );
    return rows.flat();
  }

  async forEnd(
    instance: InstanceRecord,
    actor: Actor,
    comment: string | null,
    eventType: string,
  ): Promise<OutboxRecord[]> {
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
    return notificationRows({
      directory: this.directory,
      ids: this.ids,
      now: this.clock.now(),
      instance,
      actor,
      comment,
      notification: kind,
      audience: { kind: 'people', ids: [instance.submitterId] },
    });
  }

  async forOperation(
    instance: InstanceRecord,
    op: OperationResult,
    actor: Actor,
    comment: string | null,
  ): Promise<OutboxRecord[]> {
    const rows: OutboxRecord[] = [];
    for (const n of op.notify) {
      rows.push(
        ...(await notificationRows({
          directory: this.directory,
          ids: this.ids,
          now: this.clock.now(),
          instance,
          actor,
          comment,
          notification: n.kind,
          audience: n.audience,
        })),
      );
    }
    return rows;
  }
}
