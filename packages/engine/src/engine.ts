import {
  commandSchema,
  sendOptionsSchema,
  validationError,
  type Command,
  type CommandEvent,
  type FireResult,
  type ReferenceResult,
  type SendOptions,
} from './commands/command.js';
import { z } from 'zod';
import { attachmentRefSchema, type AttachmentRef } from './core/engine-data.js';
import { peopleRequestOf } from './commands/people-request.js';
import { SYSTEM_ACTOR, type Actor } from './core/actor.js';
import { decide, idempotencyKeyOf, type ResultOf } from './core/decide.js';
import { declaredReferences, decideStart } from './core/decide-start.js';
import { previewRoute, type RoutePreview } from './core/preview.js';
import { verifyChain, type ChainVerdict } from './core/hash.js';
import { DEFAULT_URGE_INTERVAL_MS } from './core/operations.js';
import { instanceView, type InstanceView } from './core/view.js';
import { refuse } from './errors.js';
import type { AnyFlow } from './flows/flow.js';
import { FlowRegistry } from './flows/registry.js';
import type { BusinessCalendar } from './ports/calendar.js';
import type { Clock, IdGenerator } from './ports/clock.js';
import { timeOrderedIds } from './ids.js';
import { Lanes } from './lanes.js';
import { resolvePeople, type Directory } from './ports/directory.js';
import type { LoadRequest, Store } from './ports/store.js';
import type { HistoryRecord, JsonObject, TaskRecord } from './records.js';

export type { CommandEvent, FireResult, SendOptions } from './commands/command.js';
export { validationError } from './commands/command.js';

export interface StartOptions {
  readonly idempotencyKey?: string;
  /** Files of the application (uploaded before): their sha256 goes into the START row. */
  readonly attachments?: readonly AttachmentRef[];
}

export interface EngineOptions {
  readonly store: Store;
  readonly flows: readonly AnyFlow[] | FlowRegistry;
  readonly clock: Clock;
  /** New row ids (default: time-ordered UUIDs on the engine's clock, `timeOrderedIds`). */
  readonly ids?: IdGenerator;
  readonly calendar?: BusinessCalendar;
  readonly directory?: Directory;
  /** Minimum interval between two 催办 of one task (default 24 hours). */
  readonly urgeIntervalMs?: number;
  /**
   * How often a command is decided again after losing a race, before `VERSION_CONFLICT` (20):
   * a hot reference row (a college's yearly tally at the call's deadline) takes one round per
   * concurrent writer.
   */
  readonly maxAttempts?: number;
}

/**
 * The engine: every command is the core loop — one `load`, a pure `decide`, one version-checked
 * `write` — retried on a lost race (ARCHITECTURE.md, "The core loop"). Reads go to the store.
 */
export class Engine {
  readonly flows: FlowRegistry;
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly ids: IdGenerator;
  private readonly lanes = new Lanes();
  private readonly calendar: BusinessCalendar | undefined;
  private readonly directory: Directory | undefined;
  private readonly urgeIntervalMs: number;
  private readonly maxAttempts: number;

  constructor(options: EngineOptions) {
    this.store = options.store;
    this.clock = options.clock;
    this.ids = options.ids ?? timeOrderedIds(() => options.clock.now().getTime());
    this.calendar = options.calendar;
    this.directory = options.directory;
    this.urgeIntervalMs = options.urgeIntervalMs ?? DEFAULT_URGE_INTERVAL_MS;
    this.maxAttempts = options.maxAttempts ?? 20;
    this.flows =
      options.flows instanceof FlowRegistry ? options.flows : new FlowRegistry(options.flows);
  }

  /** Start an instance of the newest version of `flowId`. */
  async start(
    flowId: string,
    input: unknown,
    actor: Actor,
    options: StartOptions = {},
  ): Promise<InstanceView> {
    this.flows.latest(flowId);
    const key = options.idempotencyKey;
    const attachments = options.attachments ?? [];
    const checked = z.array(attachmentRefSchema).max(50).safeParse(attachments);
    if (!checked.success) throw validationError(checked.error, 'attachments');
    return this.run({
      kind: 'start',
      flowId,
      input,
      actor,
      instanceId: this.ids(),
      ...(key === undefined ? {} : { idempotencyKey: key }),
      ...(checked.data.length > 0 ? { attachments: checked.data } : {}),
    });
  }

  /** Send an event to an instance as `actor`. */
  async send(
    instanceId: string,
    event: CommandEvent,
    actor: Actor,
    options: SendOptions = {},
  ): Promise<InstanceView> {
    const cmd = commandSchema.safeParse(event);
    if (!cmd.success) return Promise.reject(validationError(cmd.error, 'event'));
    const opts = sendOptionsSchema.safeParse(options);
    if (!opts.success) return Promise.reject(validationError(opts.error, 'options'));
    const { expectedVersion, idempotencyKey, useToken } = opts.data;
    return this.run({
      kind: 'send',
      instanceId,
      event: cmd.data as CommandEvent,
      actor,
      ...(expectedVersion === undefined ? {} : { expectedVersion }),
      ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
      ...(useToken === undefined ? {} : { useToken }),
    });
  }

  /**
   * Fire a durable timer (a reminder, an escalation, a machine event as the system actor). A
   * timer no longer pending, or whose instance moved on, is a no-op (the latter is claimed).
   * `onlyIfDue`: a timer not due yet by the engine's clock is left pending (`early`).
   */
  fireTimer(timerId: string, options: { onlyIfDue?: boolean } = {}): Promise<FireResult> {
    return this.run({ kind: 'fire', timerId, onlyIfDue: options.onlyIfDue === true });
  }

  /** End an active instance as `cancelled`, audited with the reason; a no-op once it has ended. */
  cancel(
    instanceId: string,
    reason: string,
    actor: Actor = SYSTEM_ACTOR,
  ): Promise<InstanceView | undefined> {
    return this.run({ kind: 'cancel', instanceId, reason, actor });
  }

  /**
   * Recompute the deadlines of an instance's open tasks and pending timers on the current
   * calendar (after a year's holiday table arrived or changed): audited as a system command.
   */
  recomputeDeadlines(instanceId: string): Promise<InstanceView> {
    return this.run({ kind: 'recompute', instanceId });
  }

  /**
   * Write reference data outside any instance (a quota, a holiday table): version-checked
   * against what was read (and against `expectedVersion` when given), audited with `audit`.
   */
  putReference(args: {
    kind: string;
    key: string;
    value: JsonObject;
    actor: Actor;
    expectedVersion?: number | null;
    audit?: { action: string; data?: JsonObject };
  }): Promise<ReferenceResult> {
    const { kind, ...rest } = args;
    return this.run({ kind: 'put-reference', refKind: kind, ...rest });
  }

  /** Record an administrator's action in the audit trail (hash-chained). */
  audit(args: {
    action: string;
    subject: string;
    data: JsonObject;
    actor: Actor;
  }): Promise<{ seq: number }> {
    return this.run({ kind: 'audit', ...args });
  }

  /** A reference row as stored now (reads outside commands). */
  reference(kind: string, key: string): Promise<JsonObject | undefined> {
    return this.store.read.reference(kind, key);
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

  inbox(
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

  /**
   * 流程预览 of an instance: the steps open now and those ahead when each approves, who can act
   * at each (substitutes applied) and by when on the calendar, with the reason of each date
   * (core/preview.ts). Reads only.
   */
  async preview(instanceId: string): Promise<RoutePreview> {
    const loaded = await this.store.load({ instanceId });
    const instance = loaded.instance;
    if (!instance) throw refuse('NOT_FOUND', { instanceId });
    const now = this.clock.now();
    const command: Command = { kind: 'recompute', instanceId };
    const people = this.directory
      ? await resolvePeople(this.directory, peopleRequestOf(this.flows, command, loaded, now))
      : undefined;
    return previewRoute({
      flow: this.flows.get(instance.row.flowId, instance.row.flowVersion),
      instance: instance.row,
      openTasks: instance.openTasks,
      pendingTimers: instance.pendingTimers,
      people,
      calendar: this.calendar,
      now,
    });
  }

  /**
   * 流程预览 of an application not submitted yet (a draft): the route it would take if `actor`
   * started it now — refused exactly as the start would be (validation, rules). Writes nothing.
   */
  async previewStart(flowId: string, input: unknown, actor: Actor): Promise<RoutePreview> {
    const command: Command = { kind: 'start', flowId, input, actor, instanceId: this.ids() };
    const loaded = await this.store.load(this.loadRequestOf(command));
    const now = this.clock.now();
    const people = this.directory
      ? await resolvePeople(this.directory, peopleRequestOf(this.flows, command, loaded, now))
      : undefined;
    const ctx = { flows: this.flows, calendar: this.calendar, people, now, ids: this.ids };
    const { write } = decideStart(ctx, loaded, command);
    const row = write?.instance?.row;
    if (!row) throw new TypeError('a start decides an instance row');
    return previewRoute({
      flow: this.flows.latest(flowId),
      instance: row,
      openTasks: write.newTasks,
      pendingTimers: write.newTimers,
      people,
      calendar: this.calendar,
      now,
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

  /**
   * The core loop: load what the command needs, resolve the people it may name, decide, write
   * once. A write that finds a version moved writes nothing; the command is loaded and decided
   * again, `maxAttempts` times in all, then refused with `VERSION_CONFLICT`.
   */
  private run<C extends Command>(command: C): Promise<ResultOf<C>> {
    const request = this.loadRequestOf(command);
    const lane = laneOf(command);
    return lane
      ? this.lanes.run([lane], () => this.attempt(command, request))
      : this.attempt(command, request);
  }

  private async attempt<C extends Command>(command: C, request: LoadRequest): Promise<ResultOf<C>> {
    for (let attempt = 1; attempt <= this.maxAttempts; attempt += 1) {
      const loaded = await this.store.load(request);
      const now = this.clock.now();
      // A replayed key answers from the key: nobody to resolve.
      const people =
        this.directory && !loaded.idempotency
          ? await resolvePeople(this.directory, peopleRequestOf(this.flows, command, loaded, now))
          : undefined;
      const ctx = { flows: this.flows, calendar: this.calendar, people, now, ids: this.ids };
      const decision = decide(loaded, command, ctx, { urgeIntervalMs: this.urgeIntervalMs });
      if (!decision.ok) throw decision.refusal;
      if (!decision.write || (await this.store.write(decision.write))) return decision.result;
    }
    throw refuse('VERSION_CONFLICT', { attempts: this.maxAttempts });
  }

  private loadRequestOf(command: Command): LoadRequest {
    const idempotency = idempotencyKeyOf(command);
    const withKey = idempotency ? { idempotency } : {};
    switch (command.kind) {
      case 'start': {
        const flow = this.flows.latest(command.flowId);
        const references = declaredReferences(flow, command.input, command.instanceId);
        return { references, ...withKey };
      }
      case 'fire':
        return { timerId: command.timerId };
      case 'put-reference':
        return {
          references: [{ kind: command.refKind, key: command.key }],
          ...(command.audit ? { auditHead: true } : {}),
        };
      case 'audit':
        return { auditHead: true };
      default:
        return { instanceId: command.instanceId, ...withKey };
    }
  }
}

/** The lane a command waits in (lanes.ts): its instance's, or the reference row it writes. */
function laneOf(command: Command): string | undefined {
  switch (command.kind) {
    case 'start':
    case 'fire':
      return undefined;
    case 'put-reference':
      return `r:${command.refKind}/${command.key}`;
    case 'audit':
      return 'audit';
    default:
      return `i:${command.instanceId}`;
  }
}

export function createEngine(options: EngineOptions): Engine {
  return new Engine(options);
}
