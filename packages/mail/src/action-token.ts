import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { base32 } from './base32.js';
import type { ActionTokenRecord } from './ports.js';

/**
 * Signed action tokens: `<kid>.<id>.<mac>`, lower-case base32 (fits a URL and, for reply
 * addresses, the 64-character local part `reply+<token>`). The MAC is an HMAC-SHA256 under the
 * key `kid` over what the token is bound to — purpose, instance, task, approver, decision and
 * expiry — which are stored (with the token's SHA-256, never the token) in the database. A
 * forged, altered or re-bound token, or a database row edited afterwards, does not verify.
 */

export interface TokenKeys {
  /** The kid new tokens are signed with. */
  readonly current: string;
  /** Every kid still accepted (the current one and retired ones), with its secret. */
  readonly secrets: Readonly<Record<string, string>>;
}

export type TokenPurpose = 'action' | 'reply';

export interface TokenClaims {
  readonly purpose: TokenPurpose;
  readonly instanceId: string;
  readonly taskId: string;
  readonly approverId: string;
  readonly decision: string | null;
  readonly expiresAt: Date;
}

const FORMAT = /^([a-z0-9]{1,8})\.([a-z2-7]{20})\.([a-z2-7]{26})$/;

function secretOf(keys: TokenKeys, kid: string): string | undefined {
  return Object.hasOwn(keys.secrets, kid) ? keys.secrets[kid] : undefined;
}

function mac(secret: string, kid: string, id: string, claims: TokenClaims): string {
  const bound = [
    'certflow-mail-token-v1',
    kid,
    id,
    claims.purpose,
    claims.instanceId,
    claims.taskId,
    claims.approverId,
    claims.decision ?? '',
    claims.expiresAt.toISOString(),
  ].join('\n');
  return base32(createHmac('sha256', secret).update(bound).digest().subarray(0, 16));
}

/**
 * A token for `claims`. `seed` (the outbox row id) makes it deterministic: a redelivered mail
 * carries the same links, and inserting its rows again changes nothing.
 */
export function mintToken(keys: TokenKeys, claims: TokenClaims, seed: string): string {
  const secret = secretOf(keys, keys.current);
  if (secret === undefined) throw new TypeError(`no secret for the current kid ${keys.current}`);
  const id = base32(
    createHmac('sha256', secret)
      .update(['certflow-mail-token-id-v1', seed, claims.purpose, claims.decision ?? ''].join('\n'))
      .digest()
      .subarray(0, 12),
  ).slice(0, 20);
  return `${keys.current}.${id}.${mac(secret, keys.current, id, claims)}`;
}

/** The stored key of a token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The token in canonical form, or undefined when it is not even shaped like one. */
export function normalizeToken(raw: string): string | undefined {
  const token = raw.trim().toLowerCase();
  return FORMAT.test(token) ? token : undefined;
}

/** Does the stored row match the token's MAC (under a kid we still accept)? Constant time. */
export function verifyToken(keys: TokenKeys, token: string, row: ActionTokenRecord): boolean {
  const m = FORMAT.exec(token);
  if (!m) return false;
  const [, kid = '', id = '', given = ''] = m;
  const secret = secretOf(keys, kid);
  if (secret === undefined || kid !== row.kid) return false;
  const expected = Buffer.from(mac(secret, kid, id, row));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** The row to store for a freshly minted token. */
export function tokenRow(
  keys: TokenKeys,
  token: string,
  claims: TokenClaims,
  outboxId: string,
  createdAt: Date,
): ActionTokenRecord {
  return {
    tokenHash: hashToken(token),
    purpose: claims.purpose,
    kid: keys.current,
    taskId: claims.taskId,
    instanceId: claims.instanceId,
    approverId: claims.approverId,
    decision: claims.decision,
    outboxId,
    expiresAt: claims.expiresAt,
    createdAt,
    usedAt: null,
    outcome: null,
    supersededAt: null,
  };
}

/**
 * Parse `CERTFLOW_MAIL_SECRET`: `kid=secret[,kid=secret…]` (the first is current; the others
 * still verify — key rotation), or one bare secret (kid `k1`). Secrets need 32+ characters.
 */
export function parseTokenKeys(value: string): TokenKeys {
  const entries = value.includes('=')
    ? value.split(',').map((pair) => {
        const at = pair.indexOf('=');
        return [pair.slice(0, at).trim(), pair.slice(at + 1).trim()] as const;
      })
    : [['k1', value.trim()] as const];
  const secrets: Record<string, string> = {};
  for (const [kid, secret] of entries) {
    if (!/^[a-z0-9]{1,8}$/.test(kid)) {
      throw new TypeError(`CERTFLOW_MAIL_SECRET: kid "${kid}" must be 1–8 of [a-z0-9]`);
    }
    if (secret.length < 32) {
      throw new TypeError(`CERTFLOW_MAIL_SECRET: the secret of kid "${kid}" needs 32+ characters`);
    }
    secrets[kid] = secret;
  }
  const current = entries[0]?.[0];
  if (current === undefined) throw new TypeError('CERTFLOW_MAIL_SECRET is empty');
  return { current, secrets };
}
