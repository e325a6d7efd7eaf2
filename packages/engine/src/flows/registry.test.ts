import { describe, expect, it } from 'vitest';
import type { DomainError } from '../errors.js';
import { reviewFlow } from '../testing/review-flow.js';
import type { AnyFlow } from './flow.js';
import { FlowRegistry } from './registry.js';

// All versions of all flows: a start takes the newest, an instance keeps its own.

const v1 = reviewFlow(1) as AnyFlow;
const v2 = reviewFlow(2) as AnyFlow;
const other = { ...v1, id: 'other' } as AnyFlow;

function refusalOf(f: () => unknown): Pick<DomainError, 'code' | 'details' | 'messages'> {
  try {
    f();
  } catch (e) {
    const { code, details, messages } = e as DomainError;
    return { code, details, messages };
  }
  throw new Error('expected a refusal');
}
const unknownFlow = { zh: '未知的流程', en: 'Unknown flow' };

describe('FlowRegistry', () => {
  it('latest is the highest version, whatever the order they were registered in', () => {
    const flows = new FlowRegistry([v2, v1]);
    expect(flows.latest('review')).toBe(v2);
    expect(new FlowRegistry([v1, v2]).latest('review')).toBe(v2);
    expect(flows.get('review', 1)).toBe(v1);
    expect(flows.get('review', 2)).toBe(v2);
  });

  it('has: only a registered version of a registered flow', () => {
    const flows = new FlowRegistry([v1]);
    expect(flows.has('review', 1)).toBe(true);
    expect(flows.has('review', 2)).toBe(false);
    expect(flows.has('other', 1)).toBe(false);
  });

  it('an unknown flow or version is UNKNOWN_FLOW, saying which', () => {
    const flows = new FlowRegistry([v1]);
    expect(refusalOf(() => flows.latest('other'))).toEqual({
      code: 'UNKNOWN_FLOW',
      details: { flow: 'other' },
      messages: unknownFlow,
    });
    expect(refusalOf(() => flows.get('review', 2))).toEqual({
      code: 'UNKNOWN_FLOW',
      details: { flow: 'review', version: 2 },
      messages: unknownFlow,
    });
    expect(refusalOf(() => flows.get('other', 1))).toEqual({
      code: 'UNKNOWN_FLOW',
      details: { flow: 'other', version: 1 },
      messages: unknownFlow,
    });
    expect(refusalOf(() => new FlowRegistry().latest('review'))).toMatchObject({
      code: 'UNKNOWN_FLOW',
    });
    expect(new FlowRegistry().list()).toEqual([]);
  });

  it('the same declaration may be registered again; another one under a shipped version may not', () => {
    const flows = new FlowRegistry([v1]);
    flows.register(v1);
    expect(flows.list()).toEqual([v1]);
    expect(() => flows.register(reviewFlow(1) as AnyFlow)).toThrow(
      new TypeError(
        'flow review v1 is already registered: a shipped version never changes, register v2',
      ),
    );
    expect(flows.get('review', 1)).toBe(v1);
    flows.register(v2);
    expect(flows.latest('review')).toBe(v2);
  });

  it('list: each flow in the order first registered, its versions oldest first', () => {
    const flows = new FlowRegistry([v2, other, v1]);
    expect(flows.list()).toEqual([v1, v2, other]);
  });
});
