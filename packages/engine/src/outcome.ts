import type { AnyMachineSnapshot } from 'xstate';
import type { Actor } from './actor.js';
import type { BusinessCalendar } from './calendar.js';
import type { Clock, IdGenerator } from './clock.js';
import type { Directory } from './directory.js';
import type { ReferenceWrite } from './effects.js';
import { refuse } from './errors.js';
import type { AnyFlow, ReferenceReader } from './flow.js';
import { chainRow } from './hash.js';
import type { Notifier } from './notifier.js';
import type {
  HistoryRecord,
  InstanceRecord,
  InstanceStatus,
  JsonObject,
  OutboxRecord,
  TaskRecord,
  TimerRecord,
} from './records.js';
import type { FlowRegistry } from './registry.js';
import { stateKey } from './snapshot.js';
import type { StoreTx } from './store.js';
import type { CommandEvent } from './command.js';
import { instanceView, type InstanceView } from './view.js';

/** What the command functions need from the engine: its registry and its ports. */
export interface EngineDeps {
  readonly flows: FlowRegistry;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly calendar: BusinessCalendar | undefined;
  readonly directory: Directory | undefined;
  readonly notifier: Notifier;
}

/** The rows one accepted command writes, computed before anything is written. */
export interface Outcome {
  readonly row: InstanceRecord;
  readonly previous: InstanceRecord | undefined;
  readonly history: HistoryRecord;
  readonly closeDone: readonly string[];
  readonly closeCancelled: readonly string[];
  readonly newTasks: readonly TaskRecord[];
  readonly reassign?: { readonly id: string; readonly assignee: string };
  readonly timers: readonly TimerRecord[];
  readonly keepTimerStates: readonly string[] | null;
  readonly outbox: readonly OutboxRecord[];
  /** Reference data written in the command's transaction (`reference.put` effects). */
  readonly references?: readonly ReferenceWrite[];
}

export function outcomeOf(
  deps: EngineDeps,
  args: {
    instance: InstanceRecord;
    actor: Actor;
    event: CommandEvent;
    nextState: string;
    snapshot: JsonObject;
    status: InstanceStatus;
    stepActors: Readonly<Record<string, string>>;
    closeDone: readonly string[];
    closeCancelled: readonly string[];
    newTasks: readonly TaskRecord[];
    reassign?: { id: string; assignee: string } | undefined;
    timers: readonly TimerRecord[];
    keepTimerStates: readonly string[] | null;
    outbox: readonly OutboxRecord[];
    references?: readonly ReferenceWrite[];
  },
): Outcome {
  const { instance, actor, event } = args;
  const now = deps.clock.now();
  const history = chainRow({
    instanceId: instance.id,
    seq: instance.version + 1,
    actor,
    event: event.type,
    data: { ...(event.data ?? {}), ...(event.taskId ? { taskId: event.taskId } : {}) },
    fromState: instance.state,
    toState: args.nextState,
    comment: event.comment ?? null,
    at: now,
    prevHash: instance.headHash,
  });
  const row: InstanceRecord = {
    ...instance,
    state: args.nextState,
    status: args.status,
    version: instance.version + 1,
    snapshot: args.snapshot,
    stepActors: args.stepActors,
    headHash: history.hash,
    updatedAt: now,
  };
  return {
    row,
    previous: instance,
    history,
    closeDone: args.closeDone,
    closeCancelled: args.closeCancelled,
    newTasks: args.newTasks,
    ...(args.reassign ? { reassign: args.reassign } : {}),
    timers: args.timers,
    keepTimerStates: args.keepTimerStates,
    outbox: args.outbox,
    references: args.references ?? [],
  };
}

/** Persist an outcome: snapshot + version, one history row, tasks, timers, outbox. */
export async function writeOutcome(tx: StoreTx, o: Outcome): Promise<InstanceView> {
  if (o.previous) {
    const updated = await tx.updateInstance(o.row, o.previous.version);
    if (!updated) throw refuse('VERSION_CONFLICT', { expected: o.previous.version });
  }
  await tx.appendHistory(o.history);
  const at = o.row.updatedAt;
  if (o.closeDone.length > 0) await tx.closeTasks(o.closeDone, 'done', o.history.actorId, at);
  if (o.closeCancelled.length > 0) await tx.closeTasks(o.closeCancelled, 'cancelled', null, at);
  if (o.reassign) await tx.reassignTask(o.reassign.id, o.reassign.assignee);
  if (o.newTasks.length > 0) await tx.insertTasks(o.newTasks);
  if (o.keepTimerStates) await tx.cancelTimers(o.row.id, o.keepTimerStates);
  if (o.timers.length > 0) await tx.insertTimers(o.timers);
  if (o.outbox.length > 0) await tx.insertOutbox(o.outbox);
  for (const r of o.references ?? []) await tx.putReference(r.kind, r.key, r.value);
  const tasks = o.previous ? await tx.openTasks(o.row.id) : o.newTasks;
  return instanceView(o.row, tasks);
}

export function statusOf(flow: AnyFlow, snapshot: AnyMachineSnapshot): InstanceStatus {
  if (snapshot.status !== 'done') return 'active';
  return flow.outcomes?.[stateKey(snapshot)] ?? 'completed';
}

export function refsOf(tx: StoreTx): ReferenceReader {
  return { get: (kind, key) => tx.reference(kind, key) };
}
