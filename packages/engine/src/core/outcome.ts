import type { AnyMachineSnapshot } from 'xstate';
import type { AnyFlow, ReferenceWrite } from '../flows/flow.js';
import type { CommandWrite, DueChange, Loaded, LoadedInstance, TaskClose } from '../ports/store.js';
import type {
  InstanceRecord,
  InstanceStatus,
  JsonObject,
  OutboxRecord,
  TaskRecord,
  TimerRecord,
} from '../records.js';
import type { Actor } from './actor.js';
import { chainRow } from './hash.js';
import { referencePuts } from './references.js';
import { stateKey } from './snapshot.js';
import { instanceView, type InstanceView } from './view.js';

/** The event as the audit row records it. */
export interface AuditedEvent {
  readonly type: string;
  readonly data?: JsonObject;
  readonly comment?: string | null;
  readonly taskId?: string;
}

/** What an accepted command changes on an existing instance, before it becomes a write. */
export interface InstanceChange {
  readonly loaded: LoadedInstance;
  readonly actor: Actor;
  readonly event: AuditedEvent;
  readonly nextState?: string;
  readonly snapshot?: JsonObject;
  readonly status?: InstanceStatus;
  readonly stepActors?: Readonly<Record<string, string>>;
  /** The approval decisions after the command (default: unchanged). */
  readonly decisions?: InstanceRecord['decisions'];
  /** The multi-approver progress after the command (default: unchanged). */
  readonly steps?: InstanceRecord['steps'];
  /** 拿回's record: a new one, `null` to clear it, unset to keep it (a comment, a reminder). */
  readonly undo?: InstanceRecord['undo'];
  readonly closeDone?: readonly string[];
  readonly closeCancelled?: readonly string[];
  readonly updateTasks?: readonly TaskRecord[];
  readonly newTasks?: readonly TaskRecord[];
  readonly cancelTimers?: readonly string[];
  readonly newTimers?: readonly TimerRecord[];
  readonly moveTasks?: readonly DueChange[];
  readonly moveTimers?: readonly DueChange[];
  readonly outbox?: readonly OutboxRecord[];
  readonly references?: readonly ReferenceWrite[];
  /** 抄送: the people the instance is copied to by this command. */
  readonly copyTo?: readonly string[];
}

/** A decided command: what to write, and what its caller is answered once it is written. */
export interface Decided<R> {
  readonly write: CommandWrite | null;
  readonly result: R;
}

/**
 * The write of an accepted command on an existing instance: the row at version + 1, one history
 * row chained to the last, and everything else the change lists; and the view it answers with
 * (the loaded open tasks, minus those closed, plus those opened — nothing is read again).
 */
export function changeWrite(
  change: InstanceChange,
  loaded: Loaded,
  now: Date,
): Decided<InstanceView> {
  const before = change.loaded.row;
  const nextState = change.nextState ?? before.state;
  const history = chainRow({
    instanceId: before.id,
    seq: before.version + 1,
    actor: change.actor,
    event: change.event.type,
    data: {
      ...(change.event.data ?? {}),
      ...(change.event.taskId ? { taskId: change.event.taskId } : {}),
    },
    fromState: before.state,
    toState: nextState,
    comment: change.event.comment ?? null,
    at: now,
    prevHash: before.headHash,
  });
  const row: InstanceRecord = {
    ...before,
    state: nextState,
    status: change.status ?? before.status,
    version: before.version + 1,
    snapshot: change.snapshot ?? before.snapshot,
    stepActors: change.stepActors ?? before.stepActors,
    decisions: change.decisions ?? before.decisions,
    steps: change.steps ?? before.steps,
    undo: change.undo === undefined ? before.undo : change.undo,
    headHash: history.hash,
    updatedAt: now,
  };
  const closeTasks: TaskClose[] = [
    ...(change.closeDone ?? []).map((id) => ({
      id,
      status: 'done' as const,
      by: change.actor.id,
      at: now,
    })),
    ...(change.closeCancelled ?? []).map((id) => ({
      id,
      status: 'cancelled' as const,
      by: null,
      at: now,
    })),
  ];
  const write: CommandWrite = {
    instance: { row, expectedVersion: before.version },
    history,
    closeTasks,
    updateTasks: change.updateTasks ?? [],
    newTasks: change.newTasks ?? [],
    cancelTimers: change.cancelTimers ?? [],
    newTimers: change.newTimers ?? [],
    moveTasks: change.moveTasks ?? [],
    moveTimers: change.moveTimers ?? [],
    outbox: change.outbox ?? [],
    copies: (change.copyTo ?? []).map((personId) => ({
      id: `${before.id}:${history.seq}:${personId}`,
      instanceId: before.id,
      seq: history.seq,
      personId,
      fromId: change.actor.id,
      flowId: before.flowId,
      createdAt: now,
      readAt: null,
    })),
    references: referencePuts(loaded, change.references ?? []),
  };
  return { write, result: instanceView(row, openAfter(change, closeTasks)) };
}

/** A write with nothing in it but what the caller adds (a stale timer's claim). */
export function emptyWrite(): CommandWrite {
  return {
    closeTasks: [],
    updateTasks: [],
    newTasks: [],
    cancelTimers: [],
    newTimers: [],
    moveTasks: [],
    moveTimers: [],
    outbox: [],
    copies: [],
    references: [],
  };
}

/**
 * The open tasks after a change: those loaded (in the store's order, `created_at` then id) that
 * stay open, as updated, then the new ones (created now, so they sort last).
 */
function openAfter(change: InstanceChange, closed: readonly TaskClose[]): TaskRecord[] {
  const gone = new Set(closed.map((c) => c.id));
  const updated = new Map((change.updateTasks ?? []).map((t) => [t.id, t]));
  const moved = new Map((change.moveTasks ?? []).map((m) => [m.id, m]));
  const kept = change.loaded.openTasks
    .filter((t) => !gone.has(t.id))
    .map((t) => updated.get(t.id) ?? t)
    .map((t) => {
      const m = moved.get(t.id);
      return m ? { ...t, dueAt: m.dueAt, dueBasis: m.dueBasis } : t;
    });
  return [...kept, ...(change.newTasks ?? [])];
}

export function statusOf(flow: AnyFlow, snapshot: AnyMachineSnapshot): InstanceStatus {
  if (snapshot.status !== 'done') return 'active';
  return flow.outcomes?.[stateKey(snapshot)] ?? 'completed';
}
