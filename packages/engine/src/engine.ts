import { initialTransition } from 'xstate';
import type { Actor } from './actor.js';
import { isSystem, SYSTEM_ACTOR } from './actor.js';
import type { BusinessCalendar } from './calendar.js';
import {
  commandSchema,
  sendOptionsSchema,
  validationError,
  type CommandEvent,
  type FireResult,
  type SendOptions,
} from './command.js';
import type { Clock, IdGenerator } from './clock.js';
import { decide } from './decide.js';
import type { Directory } from './directory.js';
import { effectsOf } from './effects.js';
import { DomainError, refuse } from './errors.js';
import type { AnyFlow, ReferenceWrite } from './flow.js';
import {
  canonicalJson,
  chainRow,
  GENESIS_HASH,
  sha256,
  verifyChain,
  type ChainVerdict,
} from './hash.js';
import { Notifier } from './notifier.js';
import { loadReferences, outcomeOf, statusOf, writeOutcome, type EngineDeps } from './outcome.js';
import { planEntered } from './plan.js';
import type { HistoryRecord, InstanceRecord, JsonObject, TaskRecord } from './records.js';
import { FlowRegistry } from './registry.js';
import { activeLeaves, persistSnapshot, stateKey } from './snapshot.js';
import type { Store, StoreTx } from './store.js';
import { fireIn } from './timers.js';
import { unlockedFirst } from './unlocked.js';
import { instanceView, type InstanceView } from './view.js';

export type { CommandEvent, FireResult, SendOptions } from './command.js';
export { validationError } from './command.js';

export interface EngineOptions {
  readonly store: Store;
  readonly flows: readonly AnyFlow[] | FlowRegistry;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly calendar?: BusinessCalendar;
  readonly directory?: Directory;
}

class IdempotencyRace extends Error {}

export class Engine {
  readonly flows: FlowRegistry;
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly ids: IdGenerator;
  private readonly calendar: BusinessCalendar | undefined;
  private readonly directory: Directory | undefined;
  private readonly notifier: Notifier;
  private readonly deps: EngineDeps;

  constructor(options: EngineOptions) {
    this.store = options.store;
    this.clock = options.clock;
    this.ids = options.ids;
    this.calendar = options.calendar;
    this.directory = options.directory;
    this.notifier = new Notifier(options.directory, options.ids, options.clock);
    this.flows =
      options.flows instanceof FlowRegistry ? options.flows : new FlowRegistry(options.flows);
    this.deps = {
      flows: this.flows,
      clock: this.clock,
      ids: this.ids,
      calendar: this.calendar,
      directory: this.directory,
      notifier: this.notifier,
    };
  }

  /** The ports as seen inside a transaction: the store's own directory when it has one. */
  private depsIn(tx: StoreTx): EngineDeps {
    if (!tx.directory) return this.deps;
    return {
      ...this.deps,
      directory: tx.directory,
      notifier: new Notifier(tx.directory, this.ids, this.clock),
    };
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
        const view = await this.startIn(tx, flow, parsed.data, actor, !key);
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

  private async startIn(
    tx: StoreTx,
    flow: AnyFlow,
    input: unknown,
    actor: Actor,
    last: boolean,
  ): Promise<InstanceView> {
    const college = flow.college(input);
    // The system actor (effect handlers, recurring calls) may open any flow; people need a role.
    const allowed =
      isSystem(actor) ||
      (flow.startedBy.roles.some((r) => actor.roles.includes(r)) &&
        (flow.startedBy.scope === 'school' || (college !== null && actor.college === college)));
    if (!allowed) throw refuse('NOT_AUTHORIZED', { flow: flow.id, college });
    const now = this.clock.now();
    const id = this.ids();
    const refKeys = flow.references ? [...flow.references({ input, instanceId: id })] : [];
    let prepared: JsonObject = {};
    let writes: readonly ReferenceWrite[] = [];
    const refs = await loadReferences(tx, refKeys);
    if (flow.prepare) {
      const result = flow.prepare({ input, actor, refs, now, instanceId: id });
      if (result instanceof DomainError) throw result;
      prepared = result?.refs ?? {};
      writes = result?.writes ?? [];
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
    const history = chainRow({
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
      status: statusOf(flow, snapshot),
      version: 1,
      snapshot: persistSnapshot(flow.machine, snapshot),
      submitterId: actor.id,
      college,
      organization: flow.organization ? flow.organization(input, refs) : null,
      subjectId: flow.subject ? flow.subject(input, id) : null,
      refKeys,
      title: flow.describe(input),
      stepActors: {},
      headHash: history.hash,
      createdAt: now,
      updatedAt: now,
    };
    const entered = activeLeaves(snapshot.value);
    const plan = planEntered({
      flow,
      instance: row,
      entered,
      now,
      ids: this.ids,
      calendar: this.calendar,
    });
    const effects = effectsOf(row, actions, now, this.ids);
    const outbox = [
      ...effects.outbox,
      ...(await this.depsIn(tx).notifier.forTasks(row, plan.tasks, actor, null, 'START')),
    ];
    await tx.insertInstance(row);
    await writeOutcome(
      tx,
      {
        references: [...writes, ...effects.references],
        row,
        previous: undefined,
        open: [],
        history,
        closeDone: [],
        closeCancelled: [],
        newTasks: plan.tasks,
        timers: plan.timers,
        keepTimerStates: null,
        outbox,
      },
      { last },
    );
    return instanceView(row, plan.tasks);
  }

  /**
   * Send an event to an instance as `actor` — the core loop of DESIGN §2, in one transaction:
   * the version-checked write where the store offers `unlocked`, else under the row lock.
   */
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
    const command = async (tx: StoreTx): Promise<InstanceView> => {
      const locked = await tx.lockInstanceWithOpenTasks(instanceId);
      if (!locked) throw refuse('NOT_FOUND', { instanceId });
      const { instance, openTasks } = locked;
      if (key) {
        const replay = await this.replay(tx, key, actor, fingerprint);
        if (replay) return replay;
      }
      const expected = opts.data.expectedVersion;
      if (expected !== undefined && expected !== instance.version) {
        throw refuse('VERSION_CONFLICT', { expected, actual: instance.version });
      }
      const outcome = await decide(
        this.depsIn(tx),
        tx,
        instance,
        openTasks,
        cmd.data as CommandEvent,
        actor,
      );
      const view = await writeOutcome(tx, outcome, { last: !key });
      if (key && !(await tx.putIdempotency(this.idemRow(key, actor, fingerprint, view)))) {
        throw refuse('IDEMPOTENCY_KEY_REUSED', { key });
      }
      return view;
    };
    // Without an idempotency key, first without a lock: read, decide, then one version-checked
    // statement that is the whole transaction. Another command winning the race costs a retry;
    // a command that needs locks (a locked reference, 转办) runs in a transaction.
    return unlockedFirst(this.store, key ? undefined : command, command);
  }

  /**
   * Fire a durable timer: a reminder, an escalation, or a machine event sent by the system actor.
   * A timer that is no longer pending, or whose state the instance has left, is a no-op.
   * `onlyIfDue`: a timer not due yet by the engine's clock is left pending (`early`) — what a
   * delivery index that may wake early (clock skew, a promoted job) asks for.
   */
  async fireTimer(timerId: string, options: { onlyIfDue?: boolean } = {}): Promise<FireResult> {
    const onlyIfDue = options.onlyIfDue === true;
    return unlockedFirst(
      this.store,
      (tx) => fireIn(this.depsIn(tx), tx, timerId, { onlyIfDue, claim: 'in-write' }),
      (tx) => fireIn(this.depsIn(tx), tx, timerId, { onlyIfDue, claim: 'first' }),
    );
  }

  /**
   * End an active instance as `cancelled` (e.g. its project was withdrawn), with an audit row
   * saying why. A no-op on an instance that has already ended.
   */
  async cancel(
    instanceId: string,
    reason: string,
    actor: Actor = SYSTEM_ACTOR,
  ): Promise<InstanceView | undefined> {
    return this.store.transaction(async (tx) => {
      const locked = await tx.lockInstanceWithOpenTasks(instanceId);
      if (!locked) throw refuse('NOT_FOUND', { instanceId });
      const { instance, openTasks: open } = locked;
      if (instance.status !== 'active') return undefined;
      const provisional: InstanceRecord = { ...instance, status: 'cancelled' };
      const deps = this.depsIn(tx);
      const flow = this.flows.get(instance.flowId, instance.flowVersion);
      const rule = flow.rules?.['CANCEL'];
      const verdict = rule
        ? rule({
            context: (instance.snapshot as { context?: unknown }).context as never,
            event: { type: 'CANCEL', data: { reason } },
            actor,
            state: instance.state,
            refs: await loadReferences(tx, instance.refKeys),
            now: this.clock.now(),
          })
        : undefined;
      if (verdict instanceof DomainError) throw verdict;
      const outcome = outcomeOf(deps, {
        instance,
        actor,
        event: { type: 'CANCEL', data: { reason }, comment: reason },
        nextState: instance.state,
        snapshot: instance.snapshot,
        status: 'cancelled',
        stepActors: instance.stepActors,
        open,
        closeDone: [],
        closeCancelled: open.map((t) => t.id),
        newTasks: [],
        timers: [],
        keepTimerStates: [],
        outbox: await deps.notifier.forEnd(provisional, actor, reason, 'CANCEL'),
        references: verdict?.writes ?? [],
      });
      return writeOutcome(tx, outcome, { last: true });
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

  async inbox(
    actor: Actor,
    page: { limit?: number; offset?: number } = {},
  ): Promise<{ items: TaskRecord[]; total: number }> {
    return this.store.read.inbox({
      actorId: actor.id,
      roles: actor.roles,
      college: actor.college ?? null,
      organization: actor.organization ?? null,
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

export function createEngine(options: EngineOptions): Engine {
  return new Engine(options);
}
