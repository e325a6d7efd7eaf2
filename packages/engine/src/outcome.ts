import type { AnyMachineSnapshot } from 'xstate';
import type { Actor } from './actor.js';
import type { BusinessCalendar } from './calendar.js';
import type { Clock, IdGenerator } from './clock.js';
import type { Directory } from './directory.js';
import { DomainError, refuse } from './errors.js';
import type { AnyFlow, ReferenceReader, ReferenceWrite } from './flow.js';
import { chainRow } from './hash.js';
import type { Notifier } from './notifier.js';
import type {
  HistoryRecord,
  InstanceRecord,
  InstanceStatus,
  JsonObject,
  OutboxRecord,
  ReferenceKey,
  TaskRecord,
  TimerRecord,
} from './records.js';
import type { FlowRegistry } from './registry.js';
import { stateKey } from './snapshot.js';
import type { CommandWrite, StoreTx, TaskClose } from './store.js';
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
  /** The instance's open tasks before the command (read under the lock). */
  readonly open: readonly TaskRecord[];
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
    open: readonly TaskRecord[];
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
    open: args.open,
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

/**
 * The version-checked write found that the instance had moved on (another command won): nothing
 * was written. Only possible where the instance was read without a lock (`Store.unlocked`); the
 * engine then reads again and retries. Should it escape, it is the `VERSION_CONFLICT` refusal.
 */
export class WriteConflict extends DomainError {
  constructor(expected: number) {
    const r = refuse('VERSION_CONFLICT', { expected });
    super(r.code, r.messages, r.details ? { ...r.details } : undefined);
  }
}

/**
 * Persist an outcome: snapshot + version, one history row, tasks, timers, outbox — one
 * `writeCommand` call (one statement on PostgreSQL). The returned view's open tasks are derived
 * from the tasks read under the lock (minus those closed, plus those opened), not read again.
 * `last`: the caller sends nothing after this in the transaction, so the store may commit with
 * the write (when no 转办 or reference write follows it here either).
 */
export async function writeOutcome(
  tx: StoreTx,
  o: Outcome,
  options: { readonly last?: boolean; readonly claimTimer?: CommandWrite['claimTimer'] } = {},
): Promise<InstanceView> {
  const at = o.row.updatedAt;
  const closeTasks: TaskClose[] = [
    ...o.closeDone.map((id) => ({ id, status: 'done' as const, by: o.history.actorId, at })),
    ...o.closeCancelled.map((id) => ({ id, status: 'cancelled' as const, by: null, at })),
  ];
  const written = await tx.writeCommand({
    instance: o.row,
    expectedVersion: o.previous ? o.previous.version : null,
    history: o.history,
    closeTasks,
    newTasks: o.newTasks,
    cancelTimers: o.keepTimerStates ? { keepStates: o.keepTimerStates } : null,
    timers: o.timers,
    outbox: o.outbox,
    final: options.last === true && !o.reassign && (o.references ?? []).length === 0,
    ...(options.claimTimer ? { claimTimer: options.claimTimer } : {}),
  });
  if (!written && o.previous) throw new WriteConflict(o.previous.version);
  if (o.reassign) await tx.reassignTask(o.reassign.id, o.reassign.assignee);
  for (const r of o.references ?? []) await tx.putReference(r.kind, r.key, r.value);
  return instanceView(o.row, openAfter(o, closeTasks));
}

/**
 * The open tasks after an outcome: those read under the lock (in the store's order, `created_at`
 * then id) that stay open, then the new ones (created now, so they sort last).
 */
function openAfter(o: Outcome, closed: readonly TaskClose[]): TaskRecord[] {
  const gone = new Set(closed.map((c) => c.id));
  const reassign = o.reassign;
  const kept = o.open
    .filter((t) => !gone.has(t.id))
    .map((t) => (reassign && t.id === reassign.id ? { ...t, assignee: reassign.assignee } : t));
  return [...kept, ...o.newTasks];
}

export function statusOf(flow: AnyFlow, snapshot: AnyMachineSnapshot): InstanceStatus {
  if (snapshot.status !== 'done') return 'active';
  return flow.outcomes?.[stateKey(snapshot)] ?? 'completed';
}

/**
 * Load the reference rows a command's flow declared (`FlowDefinition.references`) before it
 * decides, and answer them synchronously. In a transaction the rows stay locked until commit;
 * asking for a row that was not declared is a programming error.
 */
export async function loadReferences(
  tx: StoreTx,
  keys: readonly ReferenceKey[],
): Promise<ReferenceReader> {
  const rows = new Map<string, JsonObject | undefined>();
  for (const k of keys) rows.set(refId(k.kind, k.key), await tx.reference(k.kind, k.key));
  return {
    get(kind, key) {
      const id = refId(kind, key);
      if (!rows.has(id)) {
        throw new TypeError(`reference ${kind}/${key} was not declared by the flow's references`);
      }
      return rows.get(id);
    },
  };
}

const refId = (kind: string, key: string): string => `${kind}\u0000${key}`;
