import { assign, enqueueActions, setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Command } from '../commands/command.js';
import { DomainError } from '../errors.js';
import type { AnyFlow, RuleArgs, RuleResult } from '../flows/flow.js';
import type { Person } from '../ports/directory.js';
import { referenceId, type Loaded } from '../ports/store.js';
import type { JsonObject } from '../records.js';
import { decideScene, sceneDirectory, sceneLead, sceneOwner } from '../testing/decide-scene.js';
import { T0, timerRecord } from '../testing/fixtures.js';
import { reviewFlow } from '../testing/review-flow.js';
import { decide } from './decide.js';

// A flow's rules (ARCHITECTURE.md, the core loop: "the flow's rules over the loaded reference
// rows (typed refusals, or machine refs and version-checked reference writes)"), for an event
// (decide-send.ts) and for the engine's CANCEL (decide-cancel.ts). Pure: no store.

const person = (id: string, roles: string[], college: string | null): Person => ({
  id,
  name: id,
  email: `${id}@example.edu.cn`,
  roles,
  college,
});
const people = sceneDirectory([
  person('owner', ['owner'], 'ee'),
  person('lead', ['lead'], 'ee'),
  person('lead2', ['lead'], 'ee'),
  person('office', ['office'], null),
]);

/**
 * The review flow's machine, but the first APPROVE keeps the refs it was given (and, given
 * `notice`, writes a `project.notice` effect), and `first` takes no REJECT.
 */
const machine = setup({
  types: {
    context: {} as { title: string; seen: unknown; told?: unknown },
    input: {} as { input: { title: string } },
    events: {} as {
      type: string;
      refs?: JsonObject;
      comment?: string | null;
      actorName?: string | null;
    },
  },
  actions: { effect: (_, _params: JsonObject) => undefined },
}).createMachine({
  id: 'review',
  context: ({ input }) => ({ title: input.input.title, seen: null }),
  initial: 'first',
  states: {
    first: {
      on: {
        APPROVE: {
          target: 'second',
          actions: [
            assign({
              seen: ({ event }) => event.refs,
              told: ({ event }) => [event.comment, event.actorName],
            }),
            enqueueActions(({ event, enqueue }) => {
              if (event.refs?.['notice'])
                enqueue({ type: 'effect', params: { kind: 'project.notice' } });
            }),
          ],
        },
        RETURN: 'returned',
        WITHDRAW: 'withdrawn',
      },
    },
    second: { on: { APPROVE: 'done' } },
    returned: { on: { RESUBMIT: 'first' } },
    done: { type: 'final' },
    withdrawn: { type: 'final' },
  },
});

const QUOTA = { kind: 'quota', key: '2027/ee' };
const calls: { type: string; args: RuleArgs<unknown> }[] = [];
let verdict: RuleResult;
const recording =
  (type: string) =>
  (args: RuleArgs<unknown>): RuleResult => {
    calls.push({ type, args });
    return verdict;
  };
const review = reviewFlow(1, { deadlines: true });
const flow: AnyFlow = {
  ...review,
  events: { ...review.events, APPROVE: z.object({ note: z.string().optional() }).strict() },
  machine,
  references: ({ input }) => [
    { kind: 'quota', key: `2027/${(input as { college: string }).college}` },
  ],
  rules: {
    APPROVE: recording('APPROVE'),
    CANCEL: recording('CANCEL'),
    COMMENT: recording('COMMENT'),
  },
};

const { options, context, base, firstTask, loadedWith, send } = decideScene(people, 60_000, flow);
const withQuota = (over = {}): Loaded => ({
  ...loadedWith(over),
  references: new Map([[referenceId(QUOTA.kind, QUOTA.key), { value: { left: 2 }, version: 3 }]]),
});
const decided = (loaded: Loaded, command: Command) => {
  const decision = decide(loaded, command, context(), options);
  if (!decision.ok) throw decision.refusal;
  if (!decision.write) throw new Error('expected a write');
  return decision.write;
};
const refused = (loaded: Loaded, command: Command): DomainError => {
  const decision = decide(loaded, command, context(), options);
  if (decision.ok) throw new Error('expected a refusal');
  return decision.refusal;
};
const reset = (next: RuleResult = undefined) => {
  calls.length = 0;
  verdict = next;
};
const noQuota = new DomainError(
  'QUOTA_EXHAUSTED',
  { zh: '名额已用完', en: 'The quota is used up' },
  { left: 0 },
);

describe('an event’s rule (decide-send.ts)', () => {
  it('the start keeps the flow’s declared references on the instance', () => {
    expect(base.refKeys).toEqual([QUOTA]);
  });

  it('is asked with the machine context, the parsed event, the actor, the state, the rows and now', () => {
    reset();
    decided(withQuota(), send());
    expect(calls.map((c) => c.type)).toEqual(['APPROVE']);
    const args = calls[0]!.args;
    expect(args.context).toEqual({ title: 'T', seen: null });
    expect(args.event).toEqual({ type: 'APPROVE', data: {} });
    expect(args.actor).toBe(sceneLead);
    expect(args.state).toBe('first');
    expect(args.now).toBe(T0);
    expect(args.refs.get(QUOTA.kind, QUOTA.key)).toEqual({ left: 2 });
    // Only the declared rows may be asked for.
    expect(() => args.refs.get('quota', '2027/cs')).toThrow(TypeError);
  });

  it('a refusal it returns is the command’s refusal, and nothing is written', () => {
    reset(noQuota);
    const decision = decide(withQuota(), send(), context(), options);
    expect(decision).toEqual({ ok: false, refusal: noQuota });
  });

  it('its refs reach the machine and its writes are written, checked against the loaded version', () => {
    reset({ refs: { granted: 1 }, writes: [{ ...QUOTA, value: { left: 1 } }] });
    const write = decided(withQuota(), send());
    expect((write.instance?.row.snapshot as { context: unknown }).context).toEqual({
      title: 'T',
      seen: { granted: 1 },
      told: [null, '李院长'],
    });
    expect(write.references).toEqual([{ ...QUOTA, value: { left: 1 }, expectedVersion: 3 }]);
    expect(write.instance?.row.state).toBe('second');
    // An approval that wrote a reference row cannot be taken back (拿回 would leave the row).
    expect(write.instance?.row.undo).toBeNull();
  });

  it('an approval whose machine writes an effect cannot be taken back (拿回 would leave its row)', () => {
    reset({ refs: { notice: true } });
    const write = decided(withQuota(), send());
    expect(write.outbox.filter((o) => o.kind === 'project.notice')).toHaveLength(1);
    expect(write.references).toEqual([]);
    expect(write.instance?.row).toMatchObject({ state: 'second', undo: null });
  });

  it('letting it through (nothing returned) gives the machine empty refs and writes nothing', () => {
    reset(undefined);
    const write = decided(withQuota(), send());
    expect((write.instance?.row.snapshot as { context: unknown }).context).toEqual({
      title: 'T',
      seen: {},
      told: [null, '李院长'],
    });
    expect(write.references).toEqual([]);
    // …and the same approval, writing nothing, leaves its 拿回 record.
    expect(write.instance?.row.undo).toMatchObject({ actorId: 'lead', step: 'first' });
    reset({});
    const empty = decided(withQuota(), send());
    expect((empty.instance?.row.snapshot as { context: { seen: unknown } }).context.seen).toEqual(
      {},
    );
    expect(empty.references).toEqual([]);
  });

  it('the machine is told the comment and the actor’s name, and gets the flow’s own payload', () => {
    reset();
    const write = decided(
      withQuota(),
      send({ event: { type: 'APPROVE', comment: '同意', data: { note: '附件已核' } } }),
    );
    expect((write.instance?.row.snapshot as { context: { told: unknown } }).context.told).toEqual([
      '同意',
      '李院长',
    ]);
    expect(calls[0]?.args.event).toEqual({ type: 'APPROVE', data: { note: '附件已核' } });
    expect(write.history?.data).toMatchObject({ note: '附件已核' });
    const nameless = decided(
      withQuota(),
      send({ actor: { id: sceneLead.id, roles: sceneLead.roles, college: 'ee' } }),
    );
    expect(
      (nameless.instance?.row.snapshot as { context: { told: unknown } }).context.told,
    ).toEqual([null, null]);
  });

  it('减签 that decides the step tells the machine the comment and the remover’s name', () => {
    reset();
    const after = decided(
      withQuota(),
      send({ event: { type: 'ADD_APPROVER', data: { userId: 'lead2', position: 'after' } } }),
    );
    const steps = after.instance!.row.steps;
    const progress = steps['first']!;
    const voted = {
      first: {
        ...progress,
        rounds: progress.rounds.map((r, i) => (i === 0 ? { ...r, approved: ['lead'] } : r)),
        current: 1,
      },
    };
    const theirs = { ...firstTask, id: 't-9', kind: 'added' as const, assignee: 'lead2' };
    const write = decided(
      { ...loadedWith({ steps: voted }, [theirs]), references: withQuota().references },
      send({ event: { type: 'REMOVE_APPROVER', data: { userId: 'lead2' }, comment: '不必再审' } }),
    );
    expect(write.instance?.row.state).toBe('second');
    expect((write.instance?.row.snapshot as { context: { told: unknown } }).context.told).toEqual([
      '不必再审',
      '李院长',
    ]);
  });

  it('data the event’s schema does not declare is refused as the event’s data', () => {
    reset();
    const refusal = refused(withQuota(), send({ event: { type: 'APPROVE', data: { x: 1 } } }));
    expect(refusal.code).toBe('VALIDATION_FAILED');
    expect(refusal.messages.en).toMatch(/^Invalid input \(data: /);
    expect(refusal.messages.zh).toMatch(/^输入不合法（data: /);
  });

  it('an event without a rule, or a task operation, asks no rule', () => {
    reset(noQuota);
    const returned = decided(withQuota(), send({ event: { type: 'RETURN', comment: '请补充' } }));
    expect(returned.instance?.row.state).toBe('returned');
    // COMMENT is a task operation: the engine decides it, the flow's rule of that name is not run.
    const comment = decided(withQuota(), send({ event: { type: 'COMMENT', comment: '已阅' } }));
    expect(comment.history?.event).toBe('COMMENT');
    expect(calls).toEqual([]);
  });

  it('an event the task lists but the machine does not take here is EVENT_NOT_ACCEPTED', () => {
    reset();
    const refusal = refused(withQuota(), send({ event: { type: 'REJECT', comment: '否' } }));
    expect(refusal).toMatchObject({
      code: 'EVENT_NOT_ACCEPTED',
      details: { event: 'REJECT', state: 'first' },
    });
  });

  it('退回 to the applicant (toStep "applicant") is the machine’s own RETURN', () => {
    reset();
    const write = decided(
      withQuota(),
      send({ event: { type: 'RETURN', comment: '请补充', data: { toStep: 'applicant' } } }),
    );
    expect(write.instance?.row.state).toBe('returned');
    expect(write.history).toMatchObject({ event: 'RETURN', data: { toStep: 'applicant' } });
    // To a named step, it is 退回 to a chosen step: here none was passed.
    const refusal = refused(
      withQuota(),
      send({ event: { type: 'RETURN', comment: '请补充', data: { toStep: 'first' } } }),
    );
    expect(refusal.code).toBe('STEP_NOT_REACHED');
  });
});

describe('the CANCEL rule (decide-cancel.ts)', () => {
  const cancel: Command = {
    kind: 'cancel',
    instanceId: 'i-1',
    reason: '项目撤销',
    actor: sceneOwner,
  };

  it('is asked with the snapshot’s context, the reason, the actor, the state, the rows and now', () => {
    reset();
    decided(withQuota(), cancel);
    expect(calls.map((c) => c.type)).toEqual(['CANCEL']);
    const args = calls[0]!.args;
    expect(args.context).toEqual({ title: 'T', seen: null });
    expect(args.event).toEqual({ type: 'CANCEL', data: { reason: '项目撤销' } });
    expect(args.actor).toBe(sceneOwner);
    expect(args.state).toBe('first');
    expect(args.now).toBe(T0);
    expect(args.refs.get(QUOTA.kind, QUOTA.key)).toEqual({ left: 2 });
    expect(() => args.refs.get('quota', '2027/cs')).toThrow(TypeError);
  });

  it('its refusal refuses the cancel', () => {
    reset(noQuota);
    expect(decide(withQuota(), cancel, context(), options)).toEqual({
      ok: false,
      refusal: noQuota,
    });
  });

  it('its writes go with the cancel, version-checked; the instance ends all the same', () => {
    reset({ writes: [{ ...QUOTA, value: { left: 3 } }], refs: { ignored: true } });
    const timer = timerRecord('tm-1', { taskId: 't-1', state: 'first' });
    const loaded = { ...loadedWith({}, [firstTask], timer), references: withQuota().references };
    const write = decided(loaded, cancel);
    expect(write.references).toEqual([{ ...QUOTA, value: { left: 3 }, expectedVersion: 3 }]);
    expect(write.instance?.row).toMatchObject({ status: 'cancelled', state: 'first' });
    expect(write.history).toMatchObject({
      event: 'CANCEL',
      actorId: 'owner',
      comment: '项目撤销',
      data: { reason: '项目撤销' },
    });
    expect(write.cancelTimers).toEqual(['tm-1']);
    expect(write.closeTasks).toEqual([{ id: 't-1', status: 'cancelled', by: null, at: T0 }]);
    expect(write.outbox.map((o) => o.payload)).toEqual([
      expect.objectContaining({
        notification: 'cancelled',
        recipient: expect.objectContaining({ id: 'owner' }),
        comment: '项目撤销',
      }),
    ]);
  });

  it('letting it through writes no reference; an ended instance asks no rule', () => {
    reset(undefined);
    expect(decided(withQuota(), cancel).references).toEqual([]);
    reset(noQuota);
    expect(decide(withQuota({ status: 'completed' }), cancel, context(), options)).toEqual({
      ok: true,
      write: null,
      result: undefined,
    });
    expect(calls).toEqual([]);
  });
});
