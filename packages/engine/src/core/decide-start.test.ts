import { describe, expect, it } from 'vitest';
import type { Command } from '../commands/command.js';
import { refuse } from '../errors.js';
import type { AnyFlow, FlowDefinition } from '../flows/flow.js';
import { FlowRegistry } from '../flows/registry.js';
import { T0 } from '../testing/fixtures.js';
import { reviewFlow } from '../testing/review-flow.js';
import type { Actor } from './actor.js';
import type { DecideContext } from './context.js';
import { decide } from './decide.js';

// A start decided with no store (decide-start.ts): who may start, the flow's `prepare` rule and
// what the start writes.

const owner: Actor = { id: 'owner', name: '张老师', roles: ['owner'], college: 'ee' };
const ctx = (flow: AnyFlow): DecideContext => {
  let n = 0;
  return {
    flows: new FlowRegistry([flow]),
    calendar: undefined,
    people: undefined,
    now: T0,
    ids: () => `id-${++n}`,
  };
};
const start = (actor: Actor, college = 'ee'): Command => ({
  kind: 'start',
  flowId: 'review',
  input: { college, title: 'T' },
  actor,
  instanceId: 'i-1',
});
const flowWith = (over: Partial<FlowDefinition<{ college: string; title: string }, object>>) =>
  ({ ...reviewFlow(), ...over }) as unknown as AnyFlow;
const decided = (flow: AnyFlow, command = start(owner)) =>
  decide({ references: new Map() }, command, ctx(flow), { urgeIntervalMs: 1 });

describe('decideStart: who may start', () => {
  it('someone without one of the roles, or of another college, is NOT_AUTHORIZED, naming flow and college', () => {
    for (const actor of [
      { ...owner, roles: ['lead'] },
      { ...owner, college: 'cs' },
    ]) {
      const d = decided(reviewFlow(), start(actor));
      expect(d.ok ? null : [d.refusal.code, d.refusal.details]).toEqual([
        'NOT_AUTHORIZED',
        { flow: 'review', college: 'ee' },
      ]);
    }
  });

  it('one of several roles is enough; a school-wide flow takes anyone with the role', () => {
    const two = flowWith({ startedBy: { roles: ['owner', 'staff'], scope: 'college' } });
    expect(decided(two).ok).toBe(true);
    const school = flowWith({ startedBy: { roles: ['owner'], scope: 'school' } });
    expect(decided(school, start({ ...owner, college: 'cs' })).ok).toBe(true);
  });
});

describe('decideStart: the flow’s prepare rule', () => {
  it('its refs reach the machine’s input, its writes are written; it is asked about the start', () => {
    const asked: unknown[] = [];
    const flow = flowWith({
      prepare: (args) => {
        asked.push({ ...args, refs: typeof args.refs.get });
        return { refs: { quota: 3 }, writes: [{ kind: 'quota', key: '2027/ee', value: { n: 2 } }] };
      },
    });
    const d = decided(flow);
    if (!d.ok) throw d.refusal;
    expect(asked).toEqual([
      {
        input: { college: 'ee', title: 'T' },
        actor: owner,
        refs: 'function',
        now: T0,
        instanceId: 'i-1',
      },
    ]);
    expect(d.write?.references).toEqual([
      { kind: 'quota', key: '2027/ee', value: { n: 2 }, expectedVersion: null },
    ]);
  });

  it('a refusal it returns refuses the start; nothing returned writes nothing', () => {
    const refusing = flowWith({ prepare: () => refuse('NOT_AUTHORIZED', { left: 0 }) });
    const d = decided(refusing);
    expect(d.ok ? null : d.refusal.details).toEqual({ left: 0 });
    const silent = flowWith({ prepare: () => undefined });
    const s = decided(silent);
    expect(s.ok && s.write?.references).toEqual([]);
    const refsOnly = flowWith({ prepare: () => ({ refs: { a: 1 } }) });
    const r = decided(refsOnly);
    expect(r.ok && r.write?.references).toEqual([]);
  });

  it('a start writes the instance, its tasks and mails, and nothing it has no part in', () => {
    const d = decided(reviewFlow());
    if (!d.ok || !d.write) throw new Error('expected a write');
    const { closeTasks, updateTasks, cancelTimers, moveTasks, moveTimers, copies, references } =
      d.write;
    expect([
      closeTasks,
      updateTasks,
      cancelTimers,
      moveTasks,
      moveTimers,
      copies,
      references,
    ]).toEqual([[], [], [], [], [], [], []]);
    expect(d.write.newTasks.map((t) => t.step)).toEqual(['first']);
    expect(d.write.history).toMatchObject({ seq: 1, event: 'START', data: {}, fromState: null });
  });
});
