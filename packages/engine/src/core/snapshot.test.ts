import { assign, setup, transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  activeLeaves,
  persistSnapshot,
  pureTransition,
  restoreSnapshot,
  stateKey,
} from './snapshot.js';

// Snapshots as the instance row keeps them: the active leaves (the row's `state`), and the
// persisted form a later command restores without running anything.

describe('activeLeaves', () => {
  it('a flat state is itself; nested and parallel states are dotted paths in document order', () => {
    expect(activeLeaves('review')).toEqual(['review']);
    expect(activeLeaves('college', 'review')).toEqual(['review.college']);
    expect(activeLeaves({ review: 'college' })).toEqual(['review.college']);
    expect(activeLeaves({ running: { cycle: { site: 'review' }, money: 'open' } })).toEqual([
      'running.cycle.site.review',
      'running.money.open',
    ]);
    expect(activeLeaves({ running: { cycle: 'fee' } }, 'a')).toEqual(['a.running.cycle.fee']);
  });

  it('a region with no active child ({}) is a leaf itself; anything else has none', () => {
    expect(activeLeaves({ done: {} })).toEqual(['done']);
    expect(activeLeaves({ a: { b: {} }, c: 'd' })).toEqual(['a.b', 'c.d']);
    expect(activeLeaves({ a: {} }, 'p')).toEqual(['p.a']);
    expect(activeLeaves({ a: null })).toEqual([]);
    expect(activeLeaves(null)).toEqual([]);
    expect(activeLeaves(7)).toEqual([]);
  });

  it('no value, or a region whose value is a number or a boolean, has no leaves', () => {
    expect(activeLeaves(undefined)).toEqual([]);
    expect(activeLeaves({ a: 5, b: true, c: 'd' })).toEqual(['c.d']);
  });
});

const entered: string[] = [];
const machine = setup({
  types: { context: {} as { at: Date | string; n: number } },
  actions: { record: () => void entered.push('work') },
}).createMachine({
  id: 'm',
  context: { at: new Date('2026-03-02T00:00:00Z'), n: 0 },
  type: 'parallel',
  states: {
    work: {
      initial: 'draft',
      states: {
        draft: {
          on: { GO: { target: 'review', actions: assign({ n: ({ context }) => context.n + 1 }) } },
        },
        review: { entry: 'record' },
      },
    },
    money: { initial: 'open', states: { open: {} } },
  },
});

describe('persist and restore', () => {
  it('stateKey is the leaves joined by commas', () => {
    const persisted = persistSnapshot(machine, restoreSnapshot(machine, initial()));
    expect(stateKey(restoreSnapshot(machine, persisted))).toBe('work.draft,money.open');
  });

  it('the persisted snapshot is plain JSON, and restores to the same state and context', () => {
    const persisted = initial();
    expect(JSON.parse(JSON.stringify(persisted))).toEqual(persisted);
    expect(persisted.context).toEqual({ at: '2026-03-02T00:00:00.000Z', n: 0 });
    const restored = restoreSnapshot(machine, persisted);
    expect(restored.value).toEqual({ work: 'draft', money: 'open' });
    expect(restored.context).toEqual({ at: '2026-03-02T00:00:00.000Z', n: 0 });
  });

  it('restoring runs nothing: an entry action of the restored state is not executed', () => {
    const inReview = { ...initial(), value: { work: 'review', money: 'open' } };
    entered.length = 0;
    const restored = restoreSnapshot(machine, inReview);
    expect(stateKey(restored)).toBe('work.review,money.open');
    expect(entered).toEqual([]);
  });
});

describe('pureTransition', () => {
  // A machine whose initial context is computed by a function: xstate's own `transition` builds
  // an actor for every call, and so computes it every time.
  let contexts = 0;
  const counted = setup({
    types: { context: {} as { n: number } },
    actions: { record: () => void entered.push('counted') },
  }).createMachine({
    id: 'counted',
    context: () => {
      contexts += 1;
      return { n: 0 };
    },
    initial: 'draft',
    states: {
      draft: {
        on: {
          GO: {
            target: 'review',
            actions: [assign({ n: ({ context }) => context.n + 1 }), 'record'],
          },
        },
      },
      review: { entry: 'record' },
    },
  });
  const draft = () => counted.resolveState({ value: 'draft', context: { n: 0 } });

  it('answers what xstate’s transition answers: the next snapshot and the actions, none executed', () => {
    entered.length = 0;
    const [next, actions] = pureTransition(counted, draft(), { type: 'GO' });
    const [expected, expectedActions] = transition(counted, draft(), { type: 'GO' });
    expect(next.value).toBe('review');
    expect(next.context).toEqual({ n: 1 });
    expect(persistSnapshot(counted, next)).toEqual(persistSnapshot(counted, expected));
    expect(actions.map((a) => a.type)).toEqual(expectedActions.map((a) => a.type));
    expect(actions.map((a) => a.type)).toEqual(['record', 'record']);
    expect(entered).toEqual([]);
    // An event the state does not take leaves it where it was, with no actions.
    const [same, none] = pureTransition(counted, next, { type: 'GO' });
    expect(same.value).toBe('review');
    expect(none).toEqual([]);
  });

  it('computes the machine’s initial state once, not once per call', () => {
    pureTransition(counted, draft(), { type: 'GO' });
    const before = contexts;
    for (let i = 0; i < 5; i += 1) pureTransition(counted, draft(), { type: 'GO' });
    expect(contexts).toBe(before);
    transition(counted, draft(), { type: 'GO' });
    expect(contexts).toBe(before + 1);
  });

  it('keeps each call’s actions to itself', () => {
    const [, first] = pureTransition(counted, draft(), { type: 'GO' });
    const [, second] = pureTransition(counted, draft(), { type: 'GO' });
    expect(first).toHaveLength(2);
    expect(second).toHaveLength(2);
    expect(first).not.toBe(second);
  });
});

function initial() {
  const snapshot = machine.resolveState({
    value: { work: 'draft', money: 'open' },
    context: { at: new Date('2026-03-02T00:00:00Z'), n: 0 },
  });
  return persistSnapshot(machine, snapshot);
}
