import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { z } from 'zod';
import type { Actor } from './actor.js';
import { isSystem, SYSTEM_ACTOR } from './actor.js';
import { checkSeparationOfDuties, holds, pickTask } from './authorize.js';
import type { BusinessCalendar } from './calendar.js';
import type { Clock, IdGenerator } from './clock.js';
import type { Directory } from './directory.js';
import { DomainError, refuse } from './errors.js';
import type { AnyFlow, ReferenceReader } from './flow.js';
import { isTaskOperation } from './flow.js';
import { canonicalJson, GENESIS_HASH, historyHash, sha256, verifyChain, type ChainVerdict } from './hash.js';
import { notificationRows, type NotificationKind } from './notify.js';
import { planEntered, specOf } from './plan.js';
import type {
  HistoryRecord,
  InstanceRecord,
  InstanceStatus,
  JsonObject,
  OutboxRecord,
  TaskRecord,
  TimerRecord,
} from './records.js';
import { FlowRegistry } from './registry.js';
import { activeLeaves, persistSnapshot, restoreSnapshot, stateKey } from './snapshot.js';
import type { Store, StoreTx } from './store.js';
import { taskOperation } from './task-operations.js';
import { instanceView, type InstanceView } from './view.js';

export interface EngineOptions {
  readonly store: Store;
  readonly flows: readonly AnyFlow[] | FlowRegistry;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly calendar?: BusinessCalendar;
  readonly directory?: Directory;
}

/** A command's event: a machine event (`APPROVE`…) or a task operation (`TRANSFER`…). */
export interface CommandEvent {
  readonly type: string;
  readonly data?: JsonObject;
  readonly comment?: string;
  /** Act on this task; if it is no longer open the command is refused. */
  readonly taskId?: string;
}

export interface SendOptions {
  readonly expectedVersion?: number;
  readonly idempotencyKey?: string;
}

export interface FireResult {
  readonly fired: boolean;
  readonly reason?: 'stale' | 'not-pending' | 'missing';
  readonly instance?: InstanceView;
}

const commandSchema = z.object({
  type: z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/, 'event type is UPPER_SNAKE_CASE'),
  data: z.record(z.string(), z.unknown()).optional(),
  comment: z.string().max(2000).optional(),
  taskId: z.string().min(1).max(100).optional(),
});

const sendOptionsSchema = z.object({
  expectedVersion: z.number().int().nonnegative().optional(),
  idempotencyKey: z.string().min(1).max(200).optional(),
});

export function validationError(error: z.ZodError, what: string): DomainError {
  const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const first = issues[0];
  const where = first ? `${first.path || what}: ${first.message}` : what;
  return refuse('VALIDATION_FAILED', { issues }, {
    zh: `输入不合法（${where}）`,
    en: `Invalid input (${where})`,
  });
}

class IdempotencyRace extends Error {}

/** The outcome a command writes; `apply` persists it in the command's transaction. */
interface Outcome {
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

/** A machine effect `{ kind: 'reference.put', refKind, key, value }`, applied atomically. */
interface ReferenceWrite {
  readonly kind: string;
  readonly key: string;
  readonly value: JsonObject;
}

export const REFERENCE_PUT = 'reference.put';

export class Engine {
  readonly flows: FlowRegistry;
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly ids: IdGenerator;
  private readonly calendar: BusinessCalendar | undefined;
  private readonly directory: Directory | undefined;

  constructor(options: EngineOptions) {
    this.store = options.store;
    this.clock = options.clock;
    this.ids = options.ids;
    this.calendar = options.calendar;
    this.directory = options.directory;
    this.flows = options.flows instanceof FlowRegistry ? options.flows : new FlowRegistry(options.flows);
  }

  /** Start an instance of the newest version of `flowId`. */
  async start(
    flowId: string,
    input: unknown,
    actor: Actor,
    options: { idempotencyKey?: string } = {},
  ): Promise<InstanceView> {
    const flow = this.flows.latest(flowId);
    const parsed = flow.input.safeParse(input);
    if (!parsed.success) throw validationError(parsed.error, 'input');
    const key = options.idempotencyKey;
    const fingerprint = sha256(canonicalJson({ op: 'start', flowId, input, actor: actor.id }));
    const run = (): Promise<InstanceView> =>
      this.store.transaction(async (tx) => {
        if (key) {
          const replay = await this.replay(tx, key, actor, fingerprint);
          if (replay) return replay;
        }
        const view = await this.startIn(tx, flow, parsed.data, actor);
        if (key && !(await tx.putIdempotency(this.idemRow(key, actor, fingerprint, view)))) {
          throw new IdempotencyRace();
        }
        return view;
      });
    try {
      return await run();
    } catch (error) {
      if (error instanceof IdempotencyRace) return run();
      throw error;
    }
  }

  private async startIn(tx: StoreTx, flow: AnyFlow, input: unknown, actor: Actor): Promise<InstanceView> {
    const college = flow.college(input);
    // The system actor (effect handlers, recurring calls) may open any flow; people need a role.
    const allowed =
      isSystem(actor) ||
      (flow.startedBy.roles.some((r) => actor.roles.includes(r)) &&
        (flow.startedBy.scope === 'school' || (college !== null && actor.college === college)));
    if (!allowed) throw refuse('NOT_AUTHORIZED', { flow: flow.id, college });
    const now = this.clock.now();
    const id = this.ids();
    const refs = this.refsOf(tx);
    let prepared: JsonObject = {};
    if (flow.prepare) {
      const result = await flow.prepare({ input, actor, refs, now, instanceId: id });
      if (result instanceof DomainError) throw result;
      prepared = result;
    }
    const machineInput = {
      input,
      refs: prepared,
      instanceId: id,
      submitterId: actor.id,
      submitterName: actor.name ?? null,
      at: now.toISOString(),
    };
    const [snapshot, actions] = initialTransition(flow.machine, machineInput);
    const state = stateKey(snapshot);
    const history = this.historyRow({
      instanceId: id,
      seq: 1,
      actor,
      event: 'START',
      data: {},
      fromState: null,
      toState: state,
      comment: null,
      at: now,
      prevHash: GENESIS_HASH,
    });
    const row: InstanceRecord = {
      id,
      flowId: flow.id,
      flowVersion: flow.version,
      state,
      status: this.statusOf(flow, snapshot),
      version: 1,
      snapshot: persistSnapshot(flow.machine, snapshot),
      submitterId: actor.id,
      college,
      subjectId: flow.subject ? flow.subject(input, id) : null,
      title: flow.describe(input),
      stepActors: {},
      headHash: history.hash,
      createdAt: now,
      updatedAt: now,
    };
    const entered = activeLeaves(snapshot.value);
    const plan = planEntered({ flow, instance: row, entered, now, ids: this.ids, calendar: this.calendar });
    const effects = this.effectsOf(row, actions, now);
    const outbox = [
      ...effects.outbox,
      ...(await this.taskNotifications(row, plan.tasks, actor, null, 'START')),
    ];
    await tx.insertInstance(row);
    await this.write(tx, {
      references: effects.references,
      row,
      previous: undefined,
      history,
      closeDone: [],
      closeCancelled: [],
      newTasks: plan.tasks,
      timers: plan.timers,
      keepTimerStates: null,
      outbox,
    });
    return instanceView(row, plan.tasks);
  }

  /** Send an event to an instance as `actor` — the core loop of DESIGN §2, in one transaction. */
  async send(
    instanceId: string,
    event: CommandEvent,
    actor: Actor,
    options: SendOptions = {},
  ): Promise<InstanceView> {
    const cmd = commandSchema.safeParse(event);
    if (!cmd.success) throw validationError(cmd.error, 'event');
    const opts = sendOptionsSchema.safeParse(options);
    if (!opts.success) throw validationError(opts.error, 'options');
    const key = opts.data.idempotencyKey;
    const fingerprint = sha256(
      canonicalJson({ op: 'send', instanceId, event: cmd.data, actor: actor.id }),
    );
    return this.store.transaction(async (tx) => {
      const instance = await tx.lockInstance(instanceId);
      if (!instance) throw refuse('NOT_FOUND', { instanceId });
      if (key) {
        const replay = await this.replay(tx, key, actor, fingerprint);
        if (replay) return replay;
      }
      const expected = opts.data.expectedVersion;
      if (expected !== undefined && expected !== instance.version) {
        throw refuse('VERSION_CONFLICT', { expected, actual: instance.version });
      }
      const outcome = await this.decide(tx, instance, cmd.data as CommandEvent, actor);
      const view = await this.write(tx, outcome);
      if (key && !(await tx.putIdempotency(this.idemRow(key, actor, fingerprint, view)))) {
        throw refuse('IDEMPOTENCY_KEY_REUSED', { key });
      }
      return view;
    });
  }

  /** Authorize and compute one command against a locked instance. Writes nothing. */
  private async decide(
    tx: StoreTx,
    instance: InstanceRecord,
    event: CommandEvent,
    actor: Actor,
  ): Promise<Outcome> {
    if (instance.status !== 'active') {
      throw refuse('EVENT_NOT_ACCEPTED', { status: instance.status }, {
        zh: '流程已结束，不再接受操作',
        en: 'The instance has ended and accepts no more operations',
      });
    }
    const flow = this.flows.get(instance.flowId, instance.flowVersion);
    const open = await tx.openTasks(instance.id);
    if (event.taskId !== undefined && !open.some((t) => t.id === event.taskId)) {
      throw refuse('EVENT_NOT_ACCEPTED', { taskId: event.taskId }, {
        zh: '该待办已处理或不存在',
        en: 'That task is already done or does not exist',
      });
    }
    const scoped = event.taskId === undefined ? open : open.filter((t) => t.id === event.taskId);
    if (isTaskOperation(event.type)) {
      const mine = scoped.filter((t) => holds(actor, t) && t.kind !== 'submitter');
      const op = await taskOperation({
        type: event.type,
        data: event.data ?? {},
        actor,
        instance,
        tasks: mine,
        directory: this.directory,
        ids: this.ids,
        now: this.clock.now(),
      });
      return this.outcomeOf({
        instance,
        actor,
        event,
        nextState: instance.state,
        snapshot: instance.snapshot,
        status: instance.status,
        stepActors: instance.stepActors,
        closeDone: op.closeDone,
        closeCancelled: [],
        newTasks: op.newTasks,
        reassign: op.reassign,
        timers: [],
        keepTimerStates: null,
        outbox: await this.opNotifications(instance, op, actor, event.comment ?? null),
      });
    }

    const leaves = instance.state.split(',');
    const candidates = scoped.filter((t) => t.events.includes(event.type));
    const submitterMay =
      event.taskId === undefined &&
      leaves.some((l) => flow.states[l]?.submitterEvents?.includes(event.type) === true);
    if (candidates.length === 0 && !submitterMay) {
      throw refuse('EVENT_NOT_ACCEPTED', { event: event.type, state: instance.state });
    }
    const task = pickTask(
      candidates.filter((t) => holds(actor, t)),
      actor,
    );
    if (!task && !(submitterMay && actor.id === instance.submitterId)) {
      throw refuse('NOT_AUTHORIZED', { event: event.type, state: instance.state });
    }
    if (task) checkSeparationOfDuties(actor, task, instance);

    const schema = flow.events[event.type];
    const data = schema ? schema.safeParse(event.data ?? {}) : z.object({}).strict().safeParse(event.data ?? {});
    if (!data.success) throw validationError(data.error, 'data');
    const payload = (data.data ?? {}) as JsonObject;

    const now = this.clock.now();
    const restored = restoreSnapshot(flow.machine, instance.snapshot);
    const rule = flow.rules?.[event.type];
    let refs: JsonObject = {};
    if (rule) {
      const verdict = await rule({
        context: restored.context as never,
        event: { type: event.type, data: payload },
        actor,
        state: instance.state,
        refs: this.refsOf(tx),
        now,
      });
      if (verdict instanceof DomainError) throw verdict;
      if (verdict) refs = verdict.refs;
    }

    // 加签: the step waits for its added approvers; an added approver's 同意 closes only their task.
    const stepApprove = task && event.type === 'APPROVE';
    if (stepApprove && task.kind === 'added') {
      return this.outcomeOf({
        instance,
        actor,
        event: { ...event, data: payload },
        nextState: instance.state,
        snapshot: instance.snapshot,
        status: instance.status,
        stepActors: { ...instance.stepActors, [`${task.step}#${task.id}`]: actor.id },
        closeDone: [task.id],
        closeCancelled: [],
        newTasks: [],
        timers: [],
        keepTimerStates: null,
        outbox: [],
      });
    }
    if (stepApprove && open.some((t) => t.kind === 'added' && t.step === task.step && t.id !== task.id)) {
      throw refuse('EVENT_NOT_ACCEPTED', { step: task.step }, {
        zh: '加签人尚未审批，本环节暂不能同意',
        en: 'An added approver has not approved yet',
      });
    }

    const machineEvent = {
      type: event.type,
      data: payload,
      refs,
      comment: event.comment ?? null,
      actorId: actor.id,
      actorName: actor.name ?? null,
      at: now.toISOString(),
    };
    const [next, actions] = transition(flow.machine, restored, machineEvent);
    if (next === restored) {
      throw refuse('EVENT_NOT_ACCEPTED', { event: event.type, state: instance.state });
    }
    return this.afterTransition({
      tx,
      flow,
      instance,
      actor,
      event: { ...event, data: payload },
      next,
      actions,
      task,
      open,
      now,
    });
  }

  private async afterTransition(args: {
    tx: StoreTx;
    flow: AnyFlow;
    instance: InstanceRecord;
    actor: Actor;
    event: CommandEvent;
    next: AnyMachineSnapshot;
    actions: readonly unknown[];
    task: TaskRecord | undefined;
    open: readonly TaskRecord[];
    now: Date;
  }): Promise<Outcome> {
    const { flow, instance, actor, event, next, task, open, now } = args;
    const before = instance.state.split(',');
    const after = activeLeaves(next.value);
    const status = this.statusOf(flow, next);
    const ended = status !== 'active';
    const stays = (state: string): boolean => !ended && after.includes(state);
    const entered = ended ? [] : after.filter((s) => !before.includes(s));
    const leaving = open.filter((t) => !stays(t.state));
    const closeDone = task && !stays(task.state) ? [task.id] : [];
    const closeCancelled = leaving.map((t) => t.id).filter((id) => !closeDone.includes(id));
    const nextState = after.join(',');
    const provisional: InstanceRecord = { ...instance, state: nextState, status };
    const plan = planEntered({ flow, instance: provisional, entered, now, ids: this.ids, calendar: this.calendar });
    const comment = event.comment ?? null;
    const effects = this.effectsOf(provisional, args.actions, now);
    const outbox = [
      ...effects.outbox,
      ...(await this.taskNotifications(provisional, plan.tasks, actor, comment, event.type)),
      ...(ended ? await this.endNotifications(provisional, actor, comment, event.type) : []),
    ];
    return this.outcomeOf({
      instance,
      actor,
      event,
      nextState,
      snapshot: persistSnapshot(flow.machine, next),
      status,
      stepActors: task?.approval ? { ...instance.stepActors, [task.step]: actor.id } : instance.stepActors,
      closeDone,
      closeCancelled,
      newTasks: plan.tasks,
      timers: plan.timers,
      keepTimerStates: ended ? [] : after.filter((s) => before.includes(s)),
      outbox,
      references: effects.references,
    });
  }

  private outcomeOf(args: {
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
  }): Outcome {
    const { instance, actor, event } = args;
    const now = this.clock.now();
    const history = this.historyRow({
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
  private async write(tx: StoreTx, o: Outcome): Promise<InstanceView> {
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

  /**
   * Fire a durable timer: a reminder, an escalation, or a machine event sent by the system actor.
   * A timer that is no longer pending, or whose state the instance has left, is a no-op.
   */
  async fireTimer(timerId: string): Promise<FireResult> {
    return this.store.transaction(async (tx) => {
      const timer = await tx.lockTimer(timerId);
      if (!timer) return { fired: false, reason: 'missing' };
      if (timer.status !== 'pending') return { fired: false, reason: 'not-pending' };
      const instance = await tx.lockInstance(timer.instanceId);
      const now = this.clock.now();
      await tx.markTimerFired(timer.id, now);
      if (!instance || instance.status !== 'active' || !instance.state.split(',').includes(timer.state)) {
        return { fired: false, reason: 'stale' };
      }
      const open = await tx.openTasks(instance.id);
      const task = timer.taskId ? open.find((t) => t.id === timer.taskId) : undefined;
      if (timer.taskId && !task) return { fired: false, reason: 'stale' };
      if (timer.kind === 'event') {
        const outcome = await this.decideSystemEvent(tx, instance, timer, open);
        return { fired: true, instance: await this.write(tx, outcome) };
      }
      const outcome = await this.timerOutcome(instance, timer, task as TaskRecord, now);
      return { fired: true, instance: await this.write(tx, outcome) };
    });
  }

  private async decideSystemEvent(
    tx: StoreTx,
    instance: InstanceRecord,
    timer: TimerRecord,
    open: readonly TaskRecord[],
  ): Promise<Outcome> {
    const flow = this.flows.get(instance.flowId, instance.flowVersion);
    const restored = restoreSnapshot(flow.machine, instance.snapshot);
    const now = this.clock.now();
    const event = { type: timer.event, data: { timerId: timer.id } };
    const [next, actions] = transition(flow.machine, restored, {
      ...event,
      comment: null,
      actorId: SYSTEM_ACTOR.id,
      actorName: SYSTEM_ACTOR.name ?? null,
      at: now.toISOString(),
    });
    if (next === restored) {
      throw refuse('EVENT_NOT_ACCEPTED', { event: timer.event, state: instance.state });
    }
    return this.afterTransition({
      tx,
      flow,
      instance,
      actor: SYSTEM_ACTOR,
      event,
      next,
      actions,
      task: undefined,
      open,
      now,
    });
  }

  private async timerOutcome(
    instance: InstanceRecord,
    timer: TimerRecord,
    task: TaskRecord,
    now: Date,
  ): Promise<Outcome> {
    const flow = this.flows.get(instance.flowId, instance.flowVersion);
    const escalateTo = specOf(flow, task)?.escalateTo;
    const escalation: TaskRecord[] =
      timer.kind === 'escalate' && escalateTo
        ? [
            {
              ...task,
              id: this.ids(),
              kind: 'escalation',
              role: escalateTo.role,
              college: escalateTo.scope === 'college' ? instance.college : null,
              assignee: null,
              dueAt: null,
              createdAt: now,
            },
          ]
        : [];
    const kind: NotificationKind = timer.kind === 'remind' ? 'reminder' : 'escalation';
    const outbox = [
      ...(await notificationRows({
        directory: this.directory,
        ids: this.ids,
        now,
        instance,
        actor: SYSTEM_ACTOR,
        comment: null,
        notification: kind,
        audience: { kind: 'task', task },
      })),
      ...(await this.taskNotifications(instance, escalation, SYSTEM_ACTOR, null, 'ESCALATE')),
    ];
    return this.outcomeOf({
      instance,
      actor: SYSTEM_ACTOR,
      event: { type: timer.kind === 'remind' ? 'REMIND' : 'ESCALATE', data: { timerId: timer.id, taskId: task.id } },
      nextState: instance.state,
      snapshot: instance.snapshot,
      status: instance.status,
      stepActors: instance.stepActors,
      closeDone: [],
      closeCancelled: [],
      newTasks: escalation,
      timers: [],
      keepTimerStates: null,
      outbox,
    });
  }

  /**
   * End an active instance as `cancelled` (e.g. its project was withdrawn), with an audit row
   * saying why. A no-op on an instance that has already ended.
   */
  async cancel(instanceId: string, reason: string, actor: Actor = SYSTEM_ACTOR): Promise<InstanceView | undefined> {
    return this.store.transaction(async (tx) => {
      const instance = await tx.lockInstance(instanceId);
      if (!instance) throw refuse('NOT_FOUND', { instanceId });
      if (instance.status !== 'active') return undefined;
      const open = await tx.openTasks(instance.id);
      const provisional: InstanceRecord = { ...instance, status: 'cancelled' };
      const outcome = this.outcomeOf({
        instance,
        actor,
        event: { type: 'CANCEL', data: { reason }, comment: reason },
        nextState: instance.state,
        snapshot: instance.snapshot,
        status: 'cancelled',
        stepActors: instance.stepActors,
        closeDone: [],
        closeCancelled: open.map((t) => t.id),
        newTasks: [],
        timers: [],
        keepTimerStates: [],
        outbox: await this.endNotifications(provisional, actor, reason, 'CANCEL'),
      });
      return this.write(tx, outcome);
    });
  }

  async get(id: string): Promise<InstanceView> {
    const row = await this.store.read.getInstance(id);
    if (!row) throw refuse('NOT_FOUND', { instanceId: id });
    return instanceView(row, await this.store.read.openTasks(id));
  }

  async history(id: string): Promise<HistoryRecord[]> {
    const row = await this.store.read.getInstance(id);
    if (!row) throw refuse('NOT_FOUND', { instanceId: id });
    return this.store.read.history(id);
  }

  async inbox(actor: Actor, page: { limit?: number; offset?: number } = {}): Promise<{ items: TaskRecord[]; total: number }> {
    return this.store.read.inbox({
      actorId: actor.id,
      roles: actor.roles,
      college: actor.college ?? null,
      limit: Math.min(Math.max(page.limit ?? 50, 1), 200),
      offset: Math.max(page.offset ?? 0, 0),
    });
  }

  /** Recompute the instance's hash chain; says which row broke, if any. */
  async verifyHistory(id: string): Promise<ChainVerdict> {
    const row = await this.store.read.getInstance(id);
    if (!row) throw refuse('NOT_FOUND', { instanceId: id });
    const rows = await this.store.read.history(id);
    const verdict = verifyChain(rows);
    if (verdict.ok && rows.length > 0 && rows[rows.length - 1]?.hash !== row.headHash) {
      return { ok: false, count: rows.length, brokenAt: rows.length, reason: 'link' };
    }
    return verdict;
  }

  private statusOf(flow: AnyFlow, snapshot: AnyMachineSnapshot): InstanceStatus {
    if (snapshot.status !== 'done') return 'active';
    return flow.outcomes?.[stateKey(snapshot)] ?? 'completed';
  }

  private refsOf(tx: StoreTx): ReferenceReader {
    return { get: (kind, key) => tx.reference(kind, key) };
  }

  private historyRow(args: {
    instanceId: string;
    seq: number;
    actor: Actor;
    event: string;
    data: JsonObject;
    fromState: string | null;
    toState: string;
    comment: string | null;
    at: Date;
    prevHash: string;
  }): HistoryRecord {
    const fields = {
      instanceId: args.instanceId,
      seq: args.seq,
      actorId: args.actor.id,
      actorName: args.actor.name ?? null,
      event: args.event,
      data: args.data,
      fromState: args.fromState,
      toState: args.toState,
      comment: args.comment,
      at: args.at,
      prevHash: args.prevHash,
    };
    return { ...fields, hash: historyHash(fields) };
  }

  /**
   * Machine actions of type `effect` become outbox rows of kind `params.kind`, except
   * `reference.put`, which writes reference data in the command's own transaction.
   */
  private effectsOf(
    instance: InstanceRecord,
    actions: readonly unknown[],
    now: Date,
  ): { outbox: OutboxRecord[]; references: ReferenceWrite[] } {
    const rows: OutboxRecord[] = [];
    const references: ReferenceWrite[] = [];
    for (const action of actions) {
      const a = action as { type?: unknown; params?: unknown };
      if (a.type !== 'effect' || a.params === null || typeof a.params !== 'object') continue;
      const params = JSON.parse(JSON.stringify(a.params)) as JsonObject;
      const kind = typeof params.kind === 'string' ? params.kind : 'effect';
      if (kind === REFERENCE_PUT) {
        const { refKind, key, value } = params;
        if (typeof refKind !== 'string' || typeof key !== 'string' || !isObject(value)) {
          throw new TypeError(`flow ${instance.flowId}: malformed ${REFERENCE_PUT} effect`);
        }
        references.push({ kind: refKind, key, value });
        continue;
      }
      rows.push({
        id: this.ids(),
        instanceId: instance.id,
        kind,
        payload: { ...params, instanceId: instance.id, flowId: instance.flowId, subjectId: instance.subjectId },
        status: 'pending',
        attempts: 0,
        createdAt: now,
        availableAt: now,
        deliveredAt: null,
        lastError: null,
      });
    }
    return { outbox: rows, references };
  }

  private async taskNotifications(
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

  private async endNotifications(
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

  private async opNotifications(
    instance: InstanceRecord,
    op: Awaited<ReturnType<typeof taskOperation>>,
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

  private async replay(
    tx: StoreTx,
    key: string,
    actor: Actor,
    fingerprint: string,
  ): Promise<InstanceView | undefined> {
    const existing = await tx.getIdempotency(key);
    if (!existing) return undefined;
    if (existing.actorId !== actor.id || existing.fingerprint !== fingerprint) {
      throw refuse('IDEMPOTENCY_KEY_REUSED', { key });
    }
    return existing.result as unknown as InstanceView;
  }

  private idemRow(key: string, actor: Actor, fingerprint: string, view: InstanceView) {
    return {
      key,
      actorId: actor.id,
      fingerprint,
      instanceId: view.id,
      result: JSON.parse(JSON.stringify(view)) as JsonObject,
      createdAt: this.clock.now(),
    };
  }
}

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function createEngine(options: EngineOptions): Engine {
  return new Engine(options);
}
