import { describe, expect, it } from 'vitest';
import { canonicalJson, GENESIS_HASH, historyHash, verifyChain } from './hash.js';
import type { HistoryRecord } from '../records.js';

const row = (seq: number, prevHash: string, data = {}): HistoryRecord => {
  const fields = {
    instanceId: 'i',
    seq,
    actorId: 'a',
    actorName: null,
    event: 'E',
    data,
    fromState: null,
    toState: 's',
    comment: null,
    at: new Date('2026-01-01T00:00:00Z'),
    prevHash,
  };
  return { ...fields, hash: historyHash(fields) };
};

describe('hash chain', () => {
  it('canonical JSON ignores key order at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [{ f: 1, e: 2 }] } })).toBe(
      canonicalJson({ a: { c: [{ e: 2, f: 1 }], d: 2 }, b: 1 }),
    );
  });

  it('names the first row whose hash, link or sequence breaks', () => {
    const r1 = row(1, GENESIS_HASH);
    const r2 = row(2, r1.hash, { x: 1 });
    const r3 = row(3, r2.hash);
    expect(verifyChain([r1, r2, r3])).toEqual({ ok: true, count: 3 });
    expect(verifyChain([r1, { ...r2, comment: 'edited' }, r3])).toMatchObject({
      ok: false,
      brokenAt: 2,
      reason: 'hash',
    });
    expect(verifyChain([r1, r3])).toMatchObject({ ok: false, brokenAt: 3, reason: 'sequence' });
    const forged = row(2, 'f'.repeat(64));
    expect(verifyChain([r1, forged, r3])).toMatchObject({ ok: false, brokenAt: 2, reason: 'link' });
  });
});

describe('canonicalJson, literally', () => {
  it('arrays stay arrays in their order, dates are ISO strings, undefined keys are left out', () => {
    expect(
      canonicalJson({ b: [2, 1], a: new Date('2026-03-02T01:02:03.456Z'), c: undefined }),
    ).toBe('{"a":"2026-03-02T01:02:03.456Z","b":[2,1]}');
    expect(canonicalJson([{ y: 1, x: 2 }])).toBe('[{"x":2,"y":1}]');
  });
});
