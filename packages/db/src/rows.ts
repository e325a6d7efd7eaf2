import type {
  HistoryRecord,
  IdempotencyRecord,
  InstanceRecord,
  OutboxRecord,
  TaskRecord,
  TimerRecord,
} from '@certflow/engine';

/**
 * Exact copies of the engine's records, field by field. Used both ways: a selected row goes in and
 * the record comes out (no extra column leaks, e.g. `reference_data.updated_at`), and a record goes
 * in and the values to insert come out (no unknown key reaches drizzle). A field added to a record
 * does not compile until it is copied here and the schema has its column.
 */

export function copyInstance(r: InstanceRecord): InstanceRecord {
  return {
    id: r.id,
    flowId: r.flowId,
    flowVersion: r.flowVersion,
    state: r.state,
    status: r.status,
    version: r.version,
    snapshot: r.snapshot,
    submitterId: r.submitterId,
    college: r.college,
    organization: r.organization,
    subjectId: r.subjectId,
    refKeys: r.refKeys,
    title: r.title,
    stepActors: r.stepActors,
    headHash: r.headHash,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export function copyHistory(r: HistoryRecord): HistoryRecord {
  return {
    instanceId: r.instanceId,
    seq: r.seq,
    actorId: r.actorId,
    actorName: r.actorName,
    event: r.event,
    data: r.data,
    fromState: r.fromState,
    toState: r.toState,
    comment: r.comment,
    at: r.at,
    prevHash: r.prevHash,
    hash: r.hash,
  };
}

export function copyTask(r: TaskRecord): TaskRecord {
  return {
    id: r.id,
    instanceId: r.instanceId,
    flowId: r.flowId,
    state: r.state,
    step: r.step,
    kind: r.kind,
    role: r.role,
    college: r.college,
    organization: r.organization,
    assignee: r.assignee,
    events: r.events,
    approval: r.approval,
    dueAt: r.dueAt,
    dueBasis: r.dueBasis,
    status: r.status,
    createdAt: r.createdAt,
    completedAt: r.completedAt,
    completedBy: r.completedBy,
  };
}

/** A task's insert values (drizzle wants a mutable `events` array). */
export function taskValues(r: TaskRecord): Omit<TaskRecord, 'events'> & { events: string[] } {
  return { ...copyTask(r), events: [...r.events] };
}

export function copyTimer(r: TimerRecord): TimerRecord {
  return {
    id: r.id,
    instanceId: r.instanceId,
    taskId: r.taskId,
    state: r.state,
    kind: r.kind,
    event: r.event,
    dueAt: r.dueAt,
    dueBasis: r.dueBasis,
    status: r.status,
    createdAt: r.createdAt,
    firedAt: r.firedAt,
  };
}

export function copyOutbox(r: OutboxRecord): OutboxRecord {
  return {
    id: r.id,
    instanceId: r.instanceId,
    kind: r.kind,
    payload: r.payload,
    status: r.status,
    attempts: r.attempts,
    createdAt: r.createdAt,
    availableAt: r.availableAt,
    deliveredAt: r.deliveredAt,
    lastError: r.lastError,
  };
}

export function copyIdempotency(r: IdempotencyRecord): IdempotencyRecord {
  return {
    key: r.key,
    actorId: r.actorId,
    fingerprint: r.fingerprint,
    instanceId: r.instanceId,
    result: r.result,
    createdAt: r.createdAt,
  };
}
