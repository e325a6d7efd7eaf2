import { createHash } from 'node:crypto';
import type { Actor } from './actor.js';
import type { HistoryRecord, JsonObject, JsonValue } from '../records.js';

/** The `prev_hash` of an instance's first history row. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth: jsonb does not keep key order, hashes must not care. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

type HashedFields = Omit<HistoryRecord, 'hash'>;

/** The hash of one history row: every field, chained to the previous row's hash. */
export function historyHash(row: HashedFields): string {
  const fields: Record<string, JsonValue> = {
    instanceId: row.instanceId,
    seq: row.seq,
    actorId: row.actorId,
    actorName: row.actorName,
    event: row.event,
    data: row.data,
    fromState: row.fromState,
    toState: row.toState,
    comment: row.comment,
    at: row.at.toISOString(),
    prevHash: row.prevHash,
  };
  return sha256(canonicalJson(fields));
}

export interface ChainVerdict {
  readonly ok: boolean;
  readonly count: number;
  /** Sequence number of the first row whose hash, link or numbering does not hold. */
  readonly brokenAt?: number;
  readonly reason?: 'hash' | 'link' | 'sequence';
}

/** Recompute the chain of one instance's history rows (sorted by seq). */
export function verifyChain(rows: readonly HistoryRecord[]): ChainVerdict {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const row of rows) {
    if (row.seq !== expectedSeq)
      return { ok: false, count: rows.length, brokenAt: row.seq, reason: 'sequence' };
    if (row.prevHash !== prev)
      return { ok: false, count: rows.length, brokenAt: row.seq, reason: 'link' };
    if (historyHash(row) !== row.hash)
      return { ok: false, count: rows.length, brokenAt: row.seq, reason: 'hash' };
    prev = row.hash;
    expectedSeq += 1;
  }
  return { ok: true, count: rows.length };
}

/** Build the next history row of an instance, hashed and chained to `prevHash`. */
export function chainRow(args: {
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
