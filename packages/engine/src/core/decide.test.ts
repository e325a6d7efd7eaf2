import { describe, expect, it } from 'vitest';
import type { Command } from '../commands/command.js';
import type { Loaded } from '../ports/store.js';
import { InfrastructureError } from '../errors.js';
import type { Person } from '../ports/directory.js';
import type { TimerRecord } from '../records.js';
import { idempotencyRecord, timerRecord, T0 } from '../testing/fixtures.js';
import { decideScene, sceneDirectory, sceneLead, sceneOwner } from '../testing/decide-scene.js';
import type { Actor } from './actor.js';
import { decide, idempotencyKeyOf } from './decide.js';

// `decide` with no store (ARCHITECTURE.md, the core loop): what a command loaded, in; a write or
// a typed refusal, out. Refusal codes, details and messages are all checked.

const lead = sceneLead;
const owner = sceneOwner;
const head: Person = {
  id: 'head',
  name: '教务处长',
  email: 'head@example.edu.cn',
  roles: ['head'],
  college: null,
};
const leadPerson: Person = { ...head, id: 'lead', name: '李院长', roles: ['lead'], college: 'ee' };
const ownerPerson: Person = { ...leadPerson, id: 'owner', name: '张老师', roles: ['owner'] };
const { options, context, firstTask, loadedWith, send, refusalOf } = decideScene(
  sceneDirectory([head, leadPerson, ownerPerson]),
);

describe('decide: commands to an instance', () => {
  it('an instance that is not loaded is NOT_FOUND, with its id', () => {
    const refusal = refusalOf({ references: new Map() }, send());
    expect(refusal).toMatchObject({
      code: 'NOT_FOUND',
      details: { instanceId: 'i-1' },
      messages: { zh: '未找到对象', en: 'Not found' },
    });
  });

  it('If-Match: a stale expected version is VERSION_CONFLICT, expected and actual named', () => {
    const refusal = refusalOf(loadedWith(), send({ expectedVersion: 0 }));
    expect(refusal).toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { expected: 0, actual: 1 },
      messages: {
        zh: '数据已被他人修改，请刷新后重试',
        en: 'The instance was changed by someone else; reload and retry',
      },
    });
  });

  it('the current expected version, or none, decides the event', () => {
    for (const expectedVersion of [1, undefined]) {
      const command = send(expectedVersion === undefined ? {} : { expectedVersion });
      const decision = decide(loadedWith(), command, context(), options);
      expect(decision.ok).toBe(true);
      if (decision.ok)
        expect(decision.write?.instance?.row).toMatchObject({ version: 2, state: 'second' });
    }
  });

  it.each(['completed', 'rejected', 'withdrawn', 'cancelled'] as const)(
    'a %s instance refuses every event with the ended message',
    (status) => {
      const refusal = refusalOf(loadedWith({ status }), send({ expectedVersion: 1 }));
      expect(refusal).toMatchObject({
        code: 'EVENT_NOT_ACCEPTED',
        details: { status },
        messages: {
          zh: '流程已结束，不再接受操作',
          en: 'The instance has ended and accepts no more operations',
        },
      });
      // Task operations too.
      const comment = refusalOf(loadedWith({ status }), send({ event: { type: 'COMMENT' } }));
      expect(comment.details).toEqual({ status });
    },
  );

  it('a use token is written with the decision', () => {
    const command = send({ useToken: { tokenHash: 'hash-1' } });
    const decision = decide(loadedWith(), command, context(), options);
    expect(decision.ok && decision.write?.useToken).toEqual({ tokenHash: 'hash-1', at: T0 });
    const plain = decide(loadedWith(), send(), context(), options);
    expect(plain.ok && plain.write?.useToken).toBeUndefined();
  });
});

describe('decide: idempotency keys', () => {
  it('scopes a start key by actor and flow, a send key by actor and instance, others none', () => {
    expect(
      idempotencyKeyOf({
        kind: 'start',
        flowId: 'review',
        input: {},
        actor: lead,
        idempotencyKey: 'k',
      } as Command),
    ).toEqual({ scope: 'lead|start:review', key: 'k' });
    expect(idempotencyKeyOf(send({ idempotencyKey: 'k' }))).toEqual({
      scope: 'lead|i-1',
      key: 'k',
    });
    expect(idempotencyKeyOf(send())).toBeUndefined();
    expect(
      idempotencyKeyOf({ kind: 'start', flowId: 'review', input: {}, actor: lead } as Command),
    ).toBeUndefined();
  });

  it('a first keyed send writes the key with its fingerprint and answer', () => {
    const decision = decide(loadedWith(), send({ idempotencyKey: 'k' }), context(), options);
    if (!decision.ok) throw decision.refusal;
    expect(decision.write?.idempotency).toMatchObject({
      scope: 'lead|i-1',
      key: 'k',
      actorId: 'lead',
      instanceId: 'i-1',
      result: { id: 'i-1', state: 'second' },
      createdAt: T0,
    });
    expect(decision.write?.idempotency?.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a replayed key answers the stored result and writes nothing; a reused one is refused', () => {
    const first = decide(loadedWith(), send({ idempotencyKey: 'k' }), context(), options);
    if (!first.ok || !first.write?.idempotency) throw new Error('expected a keyed write');
    const stored = first.write.idempotency;
    const replay = decide(
      { ...loadedWith(), idempotency: stored },
      send({ idempotencyKey: 'k' }),
      context(),
      options,
    );
    expect(replay).toEqual({ ok: true, write: null, result: stored.result });
    const reused = refusalOf(
      { ...loadedWith(), idempotency: idempotencyRecord('k', { fingerprint: 'other' }) },
      send({ idempotencyKey: 'k' }),
    );
    expect(reused).toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      details: { key: 'k' },
      messages: {
        zh: '幂等键已用于另一条命令',
        en: 'The idempotency key was already used for a different command',
      },
    });
  });
});

describe('decide: what is not a refusal', () => {
  it('an infrastructure error (deadlines and no business calendar) is thrown, not answered as a refusal', () => {
    const start: Command = {
      kind: 'start',
      flowId: 'review',
      input: { college: 'ee', title: 'T' },
      actor: owner,
      instanceId: 'i-2',
    };
    const noCalendar = { ...context(), calendar: undefined };
    expect(() => decide({ references: new Map() }, start, noCalendar, options)).toThrow(
      InfrastructureError,
    );
  });
});

describe('decide: the fingerprint of a keyed command', () => {
  const stored = (command: Command, loaded = loadedWith()) => {
    const decision = decide(loaded, command, context(), options);
    if (!decision.ok || !decision.write?.idempotency) throw new Error('expected a keyed write');
    return decision.write.idempotency;
  };
  const replay = (first: Command, again: Command, loaded = loadedWith()) =>
    decide({ ...loaded, idempotency: stored(first, loaded) }, again, context(), options);
  const start = (over: Record<string, unknown> = {}): Command => ({
    kind: 'start',
    flowId: 'review',
    input: { college: 'ee', title: 'T' },
    actor: owner,
    instanceId: 'i-1',
    idempotencyKey: 'k',
    ...over,
  });
  const none: Loaded = { references: new Map() };

  it('a send with the same key but another event or task is refused; the same one replays', () => {
    const first = send({ idempotencyKey: 'k' });
    expect(replay(first, send({ idempotencyKey: 'k' })).ok).toBe(true);
    for (const event of [
      { type: 'REJECT', comment: '否' },
      { type: 'APPROVE', taskId: 't-1' },
    ]) {
      const again = replay(first, send({ idempotencyKey: 'k', event }));
      expect(again.ok || again.refusal.code).toBe('IDEMPOTENCY_KEY_REUSED');
    }
  });

  it('a start with the same key but other input or files is refused; the same one replays', () => {
    expect(replay(start(), start(), none).ok).toBe(true);
    const input = replay(start(), start({ input: { college: 'ee', title: 'U' } }), none);
    expect(input.ok || input.refusal.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const files = replay(start(), start({ attachments: [{ id: 'f', sha256: 'x' }] }), none);
    expect(files.ok || files.refusal.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('what is chosen afresh for each attempt is no part of it: a start’s instance id, a send’s expected version and token', () => {
    expect(replay(start(), start({ instanceId: 'i-2' }), none)).toMatchObject({
      ok: true,
      write: null,
    });
    const first = send({ idempotencyKey: 'k' });
    const again = send({ idempotencyKey: 'k', expectedVersion: 1, useToken: { tokenHash: 'h' } });
    expect(replay(first, again)).toMatchObject({ ok: true, write: null });
  });

  it('the fingerprints are stable: a key stored by an earlier release still replays', () => {
    // sha256 of the canonical JSON of { op: 'start' | 'send', … }: the stored rows depend on it.
    expect(stored(start(), none).fingerprint).toBe(
      '3cc8f71cbe02424122fa4994e58aaeb24426af007881a75d09370ff178f27d0d',
    );
    expect(stored(send({ idempotencyKey: 'k' })).fingerprint).toBe(
      '45aac40fd2fc9af48ff8134846f17f17d5fff9d7b62564121f8fd0d8c128fbdf',
    );
  });

  it('a start and a send never share a fingerprint', () => {
    expect(stored(start(), none).fingerprint).not.toBe(
      stored(send({ idempotencyKey: 'k' })).fingerprint,
    );
  });
});

describe('decide: timer fires (reminder, escalation, event)', () => {
  const fire = (onlyIfDue = true): Command => ({ kind: 'fire', timerId: 'tm-1', onlyIfDue });
  const timer = (over: Partial<TimerRecord> = {}): TimerRecord =>
    timerRecord('tm-1', { taskId: 't-1', state: 'first', dueAt: T0, ...over });
  const fired = (loaded: Loaded, command = fire(), ctx = context()) => {
    const decision = decide(loaded, command, ctx, options);
    if (!decision.ok) throw decision.refusal;
    return decision as {
      write: NonNullable<typeof decision.write>;
      result: never;
    } & typeof decision;
  };

  it('a missing timer, or one no longer pending, is left alone', () => {
    expect(decide({ references: new Map() }, fire(), context(), options)).toEqual({
      ok: true,
      write: null,
      result: { fired: false, reason: 'missing' },
    });
    const done = timer({ status: 'fired' });
    expect(decide(loadedWith({}, [firstTask], done), fire(), context(), options)).toMatchObject({
      write: null,
      result: { fired: false, reason: 'not-pending' },
    });
  });

  it('with onlyIfDue, a timer due later is early; due exactly now it fires', () => {
    const soon = timer({ dueAt: new Date(T0.getTime() + 1) });
    expect(decide(loadedWith({}, [firstTask], soon), fire(), context(), options)).toMatchObject({
      write: null,
      result: { fired: false, reason: 'early', dueAt: soon.dueAt },
    });
    // Without onlyIfDue (a forced fire) it fires anyway.
    expect(fired(loadedWith({}, [firstTask], soon), fire(false)).result).toMatchObject({
      fired: true,
    });
    expect(fired(loadedWith({}, [firstTask], timer())).result).toMatchObject({ fired: true });
  });

  it('a timer of an ended instance, another state or a closed task is stale and only claimed', () => {
    for (const loaded of [
      { references: new Map(), timer: timer() },
      loadedWith({ status: 'completed' }, [firstTask], timer()),
      loadedWith({ state: 'second' }, [firstTask], timer()),
      loadedWith({}, [], timer()),
    ] as Loaded[]) {
      const decision = fired(loaded);
      expect(decision.result).toMatchObject({ fired: false, reason: 'stale' });
      expect(decision.write.claimTimer).toEqual({ id: 'tm-1', at: T0 });
      expect(decision.write.instance).toBeUndefined();
      expect(decision.write.history).toBeUndefined();
      expect(decision.write.outbox).toEqual([]);
    }
  });

  it('a timer of one leaf of a parallel state is not stale', () => {
    const decision = fired(loadedWith({ state: 'other,first' }, [firstTask], timer()));
    expect(decision.result).toMatchObject({ fired: true });
  });

  it('a reminder (催办) notifies the holders, audits REMIND, opens no task', () => {
    const decision = fired(loadedWith({}, [firstTask], timer({ kind: 'remind' })));
    expect(decision.write.history).toMatchObject({
      event: 'REMIND',
      actorId: 'system',
      data: { timerId: 'tm-1', taskId: 't-1' },
      fromState: 'first',
      toState: 'first',
    });
    expect(decision.write.newTasks).toEqual([]);
    expect(decision.write.claimTimer).toEqual({ id: 'tm-1', at: T0 });
    const payloads = decision.write.outbox.map((o) => o.payload);
    expect(payloads).toEqual([
      expect.objectContaining({
        notification: 'reminder',
        recipient: expect.objectContaining({ id: 'lead' }),
      }),
    ]);
    expect(decision.result).toMatchObject({
      fired: true,
      outbox: [{ id: decision.write.outbox[0]?.id, attempts: 0, availableAt: T0 }],
    });
  });

  it('an escalation opens a task for the office above, at school scope, and tells it', () => {
    const decision = fired(loadedWith({}, [firstTask], timer({ kind: 'escalate' })));
    expect(decision.write.history).toMatchObject({ event: 'ESCALATE' });
    const [escalation, ...more] = decision.write.newTasks;
    expect(more).toEqual([]);
    expect(escalation).toMatchObject({ step: 'first', kind: 'escalation', role: 'head' });
    expect([escalation?.college, escalation?.assignee, escalation?.dueAt]).toEqual([
      null,
      null,
      null,
    ]);
    expect([escalation?.createdAt, escalation?.id === firstTask.id]).toEqual([T0, false]);
    const kinds = decision.write.outbox.map((o) => [
      (o.payload as { notification: string }).notification,
      (o.payload as { recipient?: { id: string } }).recipient?.id,
    ]);
    expect(kinds).toEqual([
      ['escalation', 'lead'],
      ['escalation', 'head'],
    ]);
  });

  it('an escalation of a step without escalateTo only reminds, opening no task', () => {
    const task = { ...firstTask, step: 'unknown' };
    const decision = fired(loadedWith({}, [task], timer({ kind: 'escalate' })));
    expect(decision.write.history).toMatchObject({ event: 'ESCALATE' });
    expect(decision.write.newTasks).toEqual([]);
  });

  it('an event timer sends its event as the system actor; one the machine ignores is stale', () => {
    const expire = timer({ kind: 'event', event: 'EXPIRE', state: 'second', taskId: null });
    const approved = decide(loadedWith(), send(), context(), options);
    if (!approved.ok || !approved.write?.instance) throw new Error('the approval was refused');
    const decision = fired(loadedWith(approved.write.instance.row, [], expire));
    expect(decision.write.history).toMatchObject({
      event: 'EXPIRE',
      actorId: 'system',
      fromState: 'second',
      toState: 'expired',
    });
    const ignored = timer({ kind: 'event', event: 'NOTHING', state: 'first', taskId: null });
    const stale = fired(loadedWith({}, [firstTask], ignored));
    expect(stale.result).toMatchObject({ fired: false, reason: 'stale' });
    expect(stale.write).toMatchObject({ claimTimer: { id: 'tm-1', at: T0 }, outbox: [] });
  });
});

describe('decide: who may send what (decide-send.ts)', () => {
  const as = (actor: Actor, event: Extract<Command, { kind: 'send' }>['event']) =>
    send({ actor, event });

  it('a task id that is not open is refused with its own message', () => {
    const refusal = refusalOf(loadedWith(), send({ event: { type: 'APPROVE', taskId: 'gone' } }));
    expect(refusal).toMatchObject({
      code: 'EVENT_NOT_ACCEPTED',
      details: { taskId: 'gone' },
      messages: { zh: '该待办已处理或不存在', en: 'That task is already done or does not exist' },
    });
    const named = decide(
      loadedWith(),
      send({ event: { type: 'APPROVE', taskId: 't-1' } }),
      context(),
      options,
    );
    expect(named.ok).toBe(true);
  });

  it('an event no open task or submitter event takes is EVENT_NOT_ACCEPTED, state named', () => {
    expect(refusalOf(loadedWith(), as(lead, { type: 'RESUBMIT' }))).toMatchObject({
      code: 'EVENT_NOT_ACCEPTED',
      details: { event: 'RESUBMIT', state: 'first' },
      messages: {
        zh: '当前环节不接受此操作',
        en: 'The current step does not accept this operation',
      },
    });
  });

  it('the role in another college, or another role, is NOT_AUTHORIZED', () => {
    for (const actor of [
      { ...lead, id: 'cs-lead', college: 'cs' },
      { ...lead, id: 'office', roles: ['office'] },
    ]) {
      expect(refusalOf(loadedWith(), as(actor, { type: 'APPROVE' }))).toMatchObject({
        code: 'NOT_AUTHORIZED',
        details: { event: 'APPROVE', state: 'first' },
        messages: { zh: '无权执行此操作', en: 'You are not allowed to do this' },
      });
    }
  });

  it('a submitter event is the submitter own: WITHDRAW by the owner, not by the lead', () => {
    const withdrawn = decide(loadedWith(), as(owner, { type: 'WITHDRAW' }), context(), options);
    expect(withdrawn.ok && withdrawn.write?.instance?.row.status).toBe('withdrawn');
    expect(refusalOf(loadedWith(), as(lead, { type: 'WITHDRAW' })).code).toBe('NOT_AUTHORIZED');
    // Named for a task, a submitter event is no submitter event.
    expect(refusalOf(loadedWith(), as(owner, { type: 'WITHDRAW', taskId: 't-1' })).code).toBe(
      'EVENT_NOT_ACCEPTED',
    );
  });

  it('the submitter holding the task too is refused SELF_APPROVAL', () => {
    const both: Actor = { ...owner, roles: ['owner', 'lead'] };
    expect(refusalOf(loadedWith(), as(both, { type: 'APPROVE' }))).toMatchObject({
      code: 'SELF_APPROVAL',
      details: { step: 'first' },
    });
  });

  it('a delegated task is refused TASK_DELEGATED until resolved', () => {
    const delegated = { ...firstTask, delegatedTo: 'lead2' };
    expect(refusalOf(loadedWith({}, [delegated]), as(lead, { type: 'APPROVE' }))).toMatchObject({
      code: 'TASK_DELEGATED',
      details: { taskId: 't-1', delegatedTo: 'lead2' },
      messages: {
        zh: '该待办已委派他人办理，待其办理完毕后才能审批',
        en: 'This task is delegated; decide it once the delegate has resolved it',
      },
    });
  });

  it.each(['RETURN', 'REJECT'])('%s needs a reason that is not blank', (type) => {
    for (const comment of [undefined, '', '  ']) {
      const event = { type, ...(comment === undefined ? {} : { comment }) };
      expect(refusalOf(loadedWith(), as(lead, event))).toMatchObject({
        code: 'REASON_REQUIRED',
        details: { event: type },
        messages: { zh: '退回或驳回必须填写理由', en: 'A return or a rejection needs a reason' },
      });
    }
    const decision = decide(
      loadedWith(),
      as(lead, { type, comment: '请补充' }),
      context(),
      options,
    );
    expect(decision.ok && decision.write?.history).toMatchObject({
      event: type,
      comment: '请补充',
    });
  });

  it('an approval records the step decided and who decided it', () => {
    const decision = decide(loadedWith(), as(lead, { type: 'APPROVE' }), context(), options);
    if (!decision.ok) throw decision.refusal;
    expect(decision.write?.instance?.row).toMatchObject({
      stepActors: { first: 'lead' },
      decisions: [expect.objectContaining({ step: 'first', actorId: 'lead' })],
    });
    expect(decision.write?.closeTasks).toEqual([{ id: 't-1', status: 'done', by: 'lead', at: T0 }]);
  });

  it('event data the flow does not declare is VALIDATION_FAILED', () => {
    const refusal = refusalOf(loadedWith(), as(lead, { type: 'APPROVE', data: { x: 1 } }));
    expect(refusal.code).toBe('VALIDATION_FAILED');
  });
});

describe('decide: cancel', () => {
  const cancel: Command = { kind: 'cancel', instanceId: 'i-1', reason: '项目撤销', actor: lead };

  it('ends an active instance: tasks and timers end, the applicant is told why', () => {
    const timer = timerRecord('tm-1', { taskId: 't-1', state: 'first' });
    const decision = decide(loadedWith({}, [firstTask], timer), cancel, context(), options);
    if (!decision.ok || !decision.write) throw new Error('expected a write');
    expect(decision.write.instance?.row.status).toBe('cancelled');
    expect(decision.write.history).toMatchObject({
      event: 'CANCEL',
      comment: '项目撤销',
      data: { reason: '项目撤销' },
    });
    expect(decision.write.closeTasks).toEqual([
      { id: 't-1', status: 'cancelled', by: null, at: T0 },
    ]);
    expect(decision.write.cancelTimers).toEqual(['tm-1']);
    expect(decision.write.outbox.map((o) => o.payload)).toEqual([
      expect.objectContaining({ recipient: expect.objectContaining({ id: 'owner' }) }),
    ]);
  });

  it('an instance that has ended is left alone', () => {
    expect(decide(loadedWith({ status: 'rejected' }), cancel, context(), options)).toEqual({
      ok: true,
      write: null,
      result: undefined,
    });
  });
});
