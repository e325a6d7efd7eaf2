import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../records.js';
import { instanceRecord, T0 } from '../testing/fixtures.js';
import { effectsOf, REFERENCE_PUT } from './effects.js';

// A machine's `effect` actions as the command writes them (ARCHITECTURE.md, the core loop):
// outbox rows in the command's own transaction, or reference rows for `reference.put`.

const instance = instanceRecord();
const ids = (): (() => string) => {
  let n = 0;
  return () => `o-${++n}`;
};
const effect = (params: unknown) => ({ type: 'effect', params });

describe('effectsOf', () => {
  it('an effect becomes a pending outbox row of its kind, about the instance', () => {
    const { outbox, references } = effectsOf(
      instance,
      [effect({ kind: 'mail.notice', to: 'u-1', lines: ['甲', '乙'] })],
      T0,
      ids(),
    );
    expect(references).toEqual([]);
    expect(outbox).toEqual([
      {
        id: 'o-1',
        instanceId: 'i-1',
        kind: 'mail.notice',
        payload: {
          kind: 'mail.notice',
          to: 'u-1',
          lines: ['甲', '乙'],
          instanceId: 'i-1',
          flowId: 'annual-plan',
          subjectId: 'p-1',
        },
        status: 'pending',
        attempts: 0,
        createdAt: T0,
        availableAt: T0,
        deliveredAt: null,
        lastError: null,
      },
    ]);
  });

  it('an effect without a kind is of kind `effect`; the instance’s ids win over the params’', () => {
    const [row] = effectsOf(
      instance,
      [effect({ kind: 7, instanceId: 'forged', flowId: 'x', subjectId: 'y' })],
      T0,
      ids(),
    ).outbox;
    expect(row?.kind).toBe('effect');
    expect(row?.payload).toMatchObject({
      instanceId: 'i-1',
      flowId: 'annual-plan',
      subjectId: 'p-1',
    });
  });

  it('keeps the actions’ order, one id each, and copies the params (JSON only)', () => {
    const params: JsonObject = { kind: 'a', nested: { n: 1 } };
    const when = new Date('2026-03-01T00:00:00Z');
    const { outbox } = effectsOf(
      instance,
      [effect(params), effect({ kind: 'b', at: when as unknown as JsonObject })],
      T0,
      ids(),
    );
    (params.nested as JsonObject).n = 2;
    expect(outbox.map((o) => [o.id, o.kind])).toEqual([
      ['o-1', 'a'],
      ['o-2', 'b'],
    ]);
    expect(outbox[0]?.payload.nested).toEqual({ n: 1 });
    expect(outbox[1]?.payload.at).toBe('2026-03-01T00:00:00.000Z');
  });

  it('ignores what is not an effect with params: built-in actions, arrays, null', () => {
    const actions = [
      { type: 'xstate.raise', params: { kind: 'mail' } },
      { type: 'effect' },
      effect(null),
      effect(['kind']),
      effect('mail'),
      {},
    ];
    expect(effectsOf(instance, actions, T0, ids())).toEqual({ outbox: [], references: [] });
  });

  it('reference.put writes the reference row instead of mailing', () => {
    const { outbox, references } = effectsOf(
      instance,
      [
        effect({ kind: REFERENCE_PUT, refKind: 'ledger', key: 'p-1', value: { spent: 10 } }),
        effect({ kind: 'mail' }),
      ],
      T0,
      ids(),
    );
    expect(references).toEqual([{ kind: 'ledger', key: 'p-1', value: { spent: 10 } }]);
    expect(outbox.map((o) => [o.id, o.kind])).toEqual([['o-1', 'mail']]);
    expect(REFERENCE_PUT).toBe('reference.put');
  });

  it.each([
    { refKind: 1, key: 'k', value: {} },
    { refKind: 'ledger', key: null, value: {} },
    { refKind: 'ledger', key: 'k', value: [] },
    { refKind: 'ledger', key: 'k', value: null },
    { refKind: 'ledger', key: 'k', value: 'v' },
  ])('a malformed reference.put (%j) is a flow bug: TypeError, nothing written', (p) => {
    expect(() => effectsOf(instance, [effect({ kind: REFERENCE_PUT, ...p })], T0, ids())).toThrow(
      new TypeError('flow annual-plan: malformed reference.put effect'),
    );
  });
});
