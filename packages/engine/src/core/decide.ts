import type { Command, FireResult, ReferenceResult } from '../commands/command.js';
import { DomainError, refuse } from '../errors.js';
import type { CommandWrite, IdempotencyKey, Loaded } from '../ports/store.js';
import type { IdempotencyRecord, JsonObject, JsonValue } from '../records.js';
import type { DecideContext } from './context.js';
import { decideCancel } from './decide-cancel.js';
import { decideFire } from './decide-fire.js';
import { decideRecompute } from './decide-recompute.js';
import { decideEvent } from './decide-send.js';
import { decideStart } from './decide-start.js';
import { canonicalJson, sha256 } from './hash.js';
import { auditRow, decidePutReference } from './decide-admin.js';
import { changeWrite, emptyWrite, type Decided } from './outcome.js';
import type { InstanceView } from './view.js';

/** What each kind of command answers. */
export interface CommandResults {
  start: InstanceView;
  send: InstanceView;
  fire: FireResult;
  cancel: InstanceView | undefined;
  recompute: InstanceView;
  'put-reference': ReferenceResult;
  audit: { readonly seq: number };
}
export type ResultOf<C extends Command> = CommandResults[C['kind']];

/** A decision: a write (or none) and the answer; or a refusal that writes nothing. */
export type Decision<R> =
  | { readonly ok: true; readonly write: CommandWrite | null; readonly result: R }
  | { readonly ok: false; readonly refusal: DomainError };

export interface DecideOptions {
  /** Minimum interval between two 催办 of one task. */
  readonly urgeIntervalMs: number;
}

/** Whose idempotency key it is, and what about: a caller's key never blocks another caller's. */
export function idempotencyKeyOf(command: Command): IdempotencyKey | undefined {
  if (command.kind === 'start' && command.idempotencyKey) {
    return { scope: `${command.actor.id}|start:${command.flowId}`, key: command.idempotencyKey };
  }
  if (command.kind === 'send' && command.idempotencyKey) {
    return { scope: `${command.actor.id}|${command.instanceId}`, key: command.idempotencyKey };
  }
  return undefined;
}

function fingerprintOf(command: Command): string {
  if (command.kind === 'start') {
    const { flowId, input, actor, attachments } = command;
    const files = attachments ? { attachments: attachments as unknown as JsonValue } : {};
    return sha256(canonicalJson({ op: 'start', flowId, input, actor: actor.id, ...files }));
  }
  if (command.kind === 'send') {
    const { instanceId, event, actor } = command;
    return sha256(canonicalJson({ op: 'send', instanceId, event, actor: actor.id }));
  }
  return sha256(canonicalJson(command));
}

/**
 * The core loop's decision (ARCHITECTURE.md): a pure, synchronous function of what the command
 * loaded, the command, and the context (flows, calendar, resolved people, now, ids). It reads
 * nothing else and writes nothing; it returns the write to make and the answer to give, or the
 * refusal — in which case nothing at all is written.
 */
export function decide<C extends Command>(
  loaded: Loaded,
  command: C,
  ctx: DecideContext,
  options: DecideOptions,
): Decision<ResultOf<C>> {
  try {
    const key = idempotencyKeyOf(command);
    const fingerprint = key ? fingerprintOf(command) : '';
    if (key && loaded.idempotency) {
      if (loaded.idempotency.fingerprint !== fingerprint) {
        throw refuse('IDEMPOTENCY_KEY_REUSED', { key: key.key });
      }
      return { ok: true, write: null, result: loaded.idempotency.result as unknown as ResultOf<C> };
    }
    const decided = decideKind(loaded, command, ctx, options) as Decided<ResultOf<C>>;
    if (!key || !decided.write) return { ok: true, ...decided };
    const view = decided.result as unknown as InstanceView;
    const record: IdempotencyRecord = {
      scope: key.scope,
      key: key.key,
      actorId: (command as { actor: { id: string } }).actor.id,
      fingerprint,
      instanceId: view.id,
      result: JSON.parse(JSON.stringify(view)) as JsonObject,
      createdAt: ctx.now,
    };
    return { ok: true, write: { ...decided.write, idempotency: record }, result: decided.result };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, refusal: error };
    throw error;
  }
}

function decideKind(
  loaded: Loaded,
  command: Command,
  ctx: DecideContext,
  options: DecideOptions,
): Decided<unknown> {
  if (command.kind === 'start') return decideStart(ctx, loaded, command);
  if (command.kind === 'fire') return decideFire(ctx, loaded, command.onlyIfDue);
  if (command.kind === 'put-reference') return decidePutReference(ctx, loaded, command);
  if (command.kind === 'audit') {
    const audit = auditRow(loaded, ctx, command);
    return { write: { ...emptyWrite(), audit }, result: { seq: audit.seq } };
  }
  const current = loaded.instance;
  if (!current) throw refuse('NOT_FOUND', { instanceId: command.instanceId });
  if (command.kind === 'cancel') {
    return decideCancel(ctx, loaded, current, command.reason, command.actor);
  }
  if (command.kind === 'recompute') return decideRecompute(ctx, loaded, current);
  const expected = command.expectedVersion;
  if (expected !== undefined && expected !== current.row.version) {
    throw refuse('VERSION_CONFLICT', { expected, actual: current.row.version });
  }
  const change = decideEvent(ctx, {
    loaded,
    instance: current,
    event: command.event,
    actor: command.actor,
    urgeIntervalMs: options.urgeIntervalMs,
  });
  const decided = changeWrite(change, loaded, ctx.now);
  const write = decided.write as CommandWrite;
  return command.useToken
    ? {
        ...decided,
        write: { ...write, useToken: { tokenHash: command.useToken.tokenHash, at: ctx.now } },
      }
    : decided;
}
