import { describe, expect, it } from 'vitest';
import {
  hashToken,
  mintToken,
  normalizeToken,
  parseTokenKeys,
  tokenRow,
  verifyToken,
} from './action-token.js';

const keys = parseTokenKeys(
  'k2=0123456789abcdef0123456789abcdef,k1=fedcba9876543210fedcba9876543210',
);
const claims = {
  purpose: 'action' as const,
  instanceId: 'i-1',
  taskId: 't-1',
  approverId: 'u-lead',
  decision: 'APPROVE',
  expiresAt: new Date('2026-11-16T01:00:00Z'),
};

describe('signed action tokens', () => {
  it('are deterministic per outbox row and decision, verify, and are stored hashed', () => {
    const token = mintToken(keys, claims, 'outbox-1');
    expect(token).toBe(mintToken(keys, claims, 'outbox-1'));
    expect(token).not.toBe(mintToken(keys, { ...claims, decision: 'REJECT' }, 'outbox-1'));
    expect(token).not.toBe(mintToken(keys, claims, 'outbox-2'));
    expect(token).toMatch(/^k2\.[a-z2-7]{20}\.[a-z2-7]{26}$/u);
    expect(`reply+${token}`.length).toBeLessThanOrEqual(64);
    const row = tokenRow(keys, token, claims, 'outbox-1', new Date(0));
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(verifyToken(keys, token, row)).toBe(true);
    expect(normalizeToken(` ${token.toUpperCase()} `)).toBe(token);
  });

  it('do not verify once anything they are bound to changes, or under another key', () => {
    const token = mintToken(keys, claims, 'outbox-1');
    const row = tokenRow(keys, token, claims, 'outbox-1', new Date(0));
    for (const change of [
      { taskId: 't-2' },
      { approverId: 'u-lead2' },
      { decision: 'REJECT' },
      { instanceId: 'i-2' },
      { purpose: 'reply' as const },
      { expiresAt: new Date('2027-01-01T00:00:00Z') },
      { kid: 'k1' },
    ]) {
      expect(verifyToken(keys, token, { ...row, ...change })).toBe(false);
    }
    const other = parseTokenKeys('k2=another-secret-of-at-least-32-characters!');
    expect(verifyToken(other, token, row)).toBe(false);
    // a retired kid still verifies its old tokens (rotation)
    const old = mintToken(parseTokenKeys('k1=fedcba9876543210fedcba9876543210'), claims, 'o');
    expect(
      verifyToken(keys, old, { ...tokenRow(keys, old, claims, 'o', new Date(0)), kid: 'k1' }),
    ).toBe(true);
  });

  it('refuse weak or malformed secrets', () => {
    expect(() => parseTokenKeys('short')).toThrow('32+');
    expect(() => parseTokenKeys('K!=0123456789abcdef0123456789abcdef')).toThrow('kid');
    expect(parseTokenKeys('0123456789abcdef0123456789abcdef').current).toBe('k1');
  });
});
