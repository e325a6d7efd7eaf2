import { setup } from 'xstate';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { reviewFlow } from '../testing/review-flow.js';
import {
  defineFlow,
  isTaskOperation,
  leafStateIds,
  resubmissionEvents,
  TASK_OPERATIONS,
  type AnyFlow,
  type FlowDefinition,
} from './flow.js';

// A flow's declaration checked against its machine (defineFlow), and the helpers the engine
// reads a flow with.

const machine = setup({}).createMachine({
  id: 'm',
  initial: 'draft',
  states: {
    draft: { on: { SUBMIT: 'review' } },
    review: {
      type: 'parallel',
      states: {
        college: { initial: 'open', states: { open: {}, closed: {} } },
        money: {},
      },
    },
    done: { type: 'final' },
  },
});
const declared = (over: Partial<FlowDefinition<unknown, unknown>> = {}) =>
  defineFlow({
    id: 'f',
    version: 1,
    title: { zh: '流程', en: 'Flow' },
    machine,
    input: z.unknown(),
    events: { SUBMIT: z.object({}) },
    states: { draft: { submitterEvents: ['SUBMIT'] } },
    startedBy: { roles: ['owner'], scope: 'school' },
    college: () => null,
    describe: () => 'f',
    ...over,
  });

describe('defineFlow', () => {
  it('returns the declaration itself when it fits its machine', () => {
    const flow = declared({ version: 3 });
    expect(flow.version).toBe(3);
    expect(flow.machine).toBe(machine);
    expect(declared().version).toBe(1);
  });

  it.each([0, -1, 1.5])('version %s is refused: versions are positive integers', (version) => {
    expect(() => declared({ version })).toThrow(
      new TypeError('flow f: version must be a positive integer'),
    );
  });

  it('a state spec must name a leaf state of the machine (dotted), not a parent or nothing', () => {
    expect(() => declared({ states: { 'review.college.open': {} } })).not.toThrow();
    for (const key of ['review', 'review.college', 'nowhere']) {
      expect(() => declared({ states: { [key]: {} } })).toThrow(
        new TypeError(`flow f: state spec "${key}" names no leaf state of the machine`),
      );
    }
  });

  it('every event a task or the applicant may send needs a payload schema, except the engine’s operations', () => {
    const task = {
      step: 's',
      role: 'lead',
      scope: 'school' as const,
      approval: true,
    };
    expect(() =>
      declared({
        states: { draft: { tasks: [{ ...task, events: ['SUBMIT', ...TASK_OPERATIONS] }] } },
      }),
    ).not.toThrow();
    expect(() =>
      declared({ states: { draft: { tasks: [{ ...task, events: ['SUBMIT', 'APPROVE'] }] } } }),
    ).toThrow(new TypeError('flow f: state "draft" allows "APPROVE" with no payload schema'));
    expect(() => declared({ states: { done: { submitterEvents: ['WITHDRAW'] } } })).toThrow(
      new TypeError('flow f: state "done" allows "WITHDRAW" with no payload schema'),
    );
  });
});

describe('the helpers a flow is read with', () => {
  it('leafStateIds: every leaf, as a dotted path, in document order', () => {
    expect(leafStateIds(machine)).toEqual([
      'draft',
      'review.college.open',
      'review.college.closed',
      'review.money',
      'done',
    ]);
  });

  it('resubmissionEvents: the flow’s submission events, or RESUBMIT', () => {
    const flow = reviewFlow() as AnyFlow;
    expect(resubmissionEvents(flow)).toEqual(['RESUBMIT']);
    expect(resubmissionEvents({ ...flow, submissionEvents: ['SUBMIT', 'AMEND'] })).toEqual([
      'SUBMIT',
      'AMEND',
    ]);
  });

  it('isTaskOperation: the nine operations the engine handles itself, nothing else', () => {
    expect(TASK_OPERATIONS).toEqual([
      'TRANSFER',
      'DELEGATE',
      'RESOLVE',
      'ADD_APPROVER',
      'REMOVE_APPROVER',
      'CC',
      'COMMENT',
      'URGE',
      'TAKE_BACK',
    ]);
    for (const type of TASK_OPERATIONS) expect(isTaskOperation(type)).toBe(true);
    for (const type of ['APPROVE', 'transfer', '']) expect(isTaskOperation(type)).toBe(false);
  });
});
