import type { ReferenceResult } from '../commands/command.js';
import { refuse } from '../errors.js';
import { referenceId, type Loaded } from '../ports/store.js';
import type { AdminAuditRecord, JsonObject } from '../records.js';
import type { Actor } from './actor.js';
import type { DecideContext } from './context.js';
import { canonicalJson, GENESIS_HASH, sha256 } from './hash.js';
import { emptyWrite, type Decided } from './outcome.js';

/** The next row of the administrators' audit trail, chained to the loaded head. */
export function auditRow(
  loaded: Loaded,
  ctx: DecideContext,
  args: { action: string; subject: string; data: JsonObject; actor: Actor },
): AdminAuditRecord {
  const fields = {
    seq: (loaded.auditHead?.seq ?? 0) + 1,
    at: ctx.now,
    actorId: args.actor.id,
    actorName: args.actor.name ?? null,
    action: args.action,
    subject: args.subject,
    data: args.data,
    prevHash: loaded.auditHead?.hash ?? GENESIS_HASH,
  };
  return { ...fields, hash: sha256(canonicalJson(fields)) };
}

/**
 * Write a reference row outside any instance (an administrator's quota, a holiday table, a
 * scheduler's marker): checked against the version the caller saw, if it says, and always
 * against the version loaded — no row lock, no lost update. Audited when asked.
 */
export function decidePutReference(
  ctx: DecideContext,
  loaded: Loaded,
  command: {
    refKind: string;
    key: string;
    value: JsonObject;
    actor: Actor;
    expectedVersion?: number | null;
    audit?: { action: string; data?: JsonObject };
  },
): Decided<ReferenceResult> {
  const current = loaded.references.get(referenceId(command.refKind, command.key));
  const version = current?.version ?? null;
  if (command.expectedVersion !== undefined && command.expectedVersion !== version) {
    throw refuse('VERSION_CONFLICT', { expected: command.expectedVersion, actual: version });
  }
  const audit = command.audit
    ? auditRow(loaded, ctx, {
        action: command.audit.action,
        subject: `${command.refKind}/${command.key}`,
        data: command.audit.data ?? {},
        actor: command.actor,
      })
    : undefined;
  return {
    write: {
      ...emptyWrite(),
      references: [
        { kind: command.refKind, key: command.key, value: command.value, expectedVersion: version },
      ],
      ...(audit ? { audit } : {}),
    },
    result: {
      kind: command.refKind,
      key: command.key,
      version: (version ?? 0) + 1,
      auditSeq: audit?.seq ?? null,
    },
  };
}
