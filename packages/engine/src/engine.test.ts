import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from './core/actor.js';
import { ManualClock } from './ports/clock.js';
import type { Directory, Person } from './ports/directory.js';
import { createEngine, type Engine } from './engine.js';
import type { NotificationPayload } from './core/notify.js';
import { MemoryStore, reviewFlow, weekdayCalendar } from './testing/index.js';

const owner: Actor = { id: 'owner', name: '张老师', roles: ['owner'], college: 'ee' };
const lead: Actor = { id: 'lead', name: '李院长', roles: ['lead'], college: 'ee' };
const lead2: Actor = { id: 'lead2', name: '周副院长', roles: ['lead'], college: 'ee' };
const office: Actor = { id: 'office', name: '王处长', roles: ['office'] };
const office2: Actor = { id: 'office2', name: '刘科长', roles: ['office'] };
const head: Actor = { id: 'head', name: '教务处长', roles: ['head'] };

const everyone = [owner, lead, lead2, office, office2, head];
const directory: Directory = {
  getUser: async (id) => toPerson(everyone.find((a) => a.id === id)),
  usersFor: async (role, college) =>
    everyone
      .filter((a) => a.roles.includes(role) && (college === null || a.college === college))
      .map((a) => toPerson(a) as Person),
};
function toPerson(a: Actor | undefined): Person | undefined {
  return (
    a && {
      id: a.id,
      name: a.name ?? a.id,
      email: `${a.id}@example.edu.cn`,
      roles: a.roles,
      college: a.college ?? null,
    }
  );
}

let store: MemoryStore;
let clock: ManualClock;
let engine: Engine;
const make = (flows = [reviewFlow(1)]) =>
  createEngine({ store, flows, clock, ids: randomUUID, directory, calendar: weekdayCalendar });

beforeEach(() => {
  store = new MemoryStore();
  clock = new ManualClock('2026-03-02T09:00:00Z'); // a Monday
  engine = make();
});

const notifications = () => store.outbox().map((r) => r.payload as NotificationPayload);

describe('engine: notifications through the outbox', () => {
  it('one notify row per recipient of each new task, and the decision to the submitter', async () => {
    const i = await engine.start('review', { college: 'ee', title: 'T' }, owner);
    expect(notifications().map((n) => [n.notification, n.recipient?.id])).toEqual([
      ['task', 'lead'],
      ['task', 'lead2'],
    ]);
    await engine.send(i.id, { type: 'APPROVE' }, lead);
    await engine.send(i.id, { type: 'RETURN', comment: '请补充' }, office);
    const last = notifications().slice(-1)[0];
    expect(last).toMatchObject({
      notification: 'returned',
      recipient: { id: 'owner' },
      comment: '请补充',
    });
    await engine.send(i.id, { type: 'WITHDRAW' }, owner);
    expect(notifications().filter((n) => n.notification === 'withdrawn')).toHaveLength(0);
  });
});

describe('engine: decisions that need a reason', () => {
  it.each(['RETURN', 'REJECT'])(
    '%s without a reason is refused and changes nothing',
    async (type) => {
      const i = await engine.start('review', { college: 'ee', title: 'T' }, owner);
      const before = store.dump();
      for (const comment of [undefined, '', '   ']) {
        await expect(
          engine.send(i.id, { type, ...(comment === undefined ? {} : { comment }) }, lead),
        ).rejects.toMatchObject({ code: 'REASON_REQUIRED', details: { event: type } });
      }
      expect(store.dump()).toBe(before);
      const v = await engine.send(i.id, { type, comment: '材料不全' }, lead);
      expect(v.version).toBe(2);
    },
  );
});

describe('engine: task operations', () => {
  it('转办 TRANSFER hands the task to another person of the same role, who then decides', async () => {
    let i = await engine.start('review', { college: 'ee', title: 'T' }, owner);
    i = await engine.start('review', { college: 'ee', title: 'T' }, owner);
    const id = i.id;
    await engine.send(id, { type: 'APPROVE' }, lead);
    i = await engine.send(id, { type: 'TRANSFER', data: { to: 'office2' } }, office);
    expect(i.tasks[0]).toMatchObject({ assignee: 'office2', step: 'second' });
    expect(i.state).toBe('second');
    await expect(engine.send(id, { type: 'APPROVE' }, office)).rejects.toMatchObject({
      code: 'NOT_AUTHORIZED',
    });
    await expect(
      engine.send(id, { type: 'TRANSFER', data: { to: 'lead2' } }, office2),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    i = await engine.send(id, { type: 'APPROVE' }, office2);
    expect(i.status).toBe('completed');
    const h = await engine.history(id);
    expect(h.map((r) => r.event)).toEqual(['START', 'APPROVE', 'TRANSFER', 'APPROVE']);
  });

  it('加签 ADD_APPROVER: the step waits for the added approver, who cannot take another step', async () => {
    const i = await engine.start('review', { college: 'ee', title: 'T' }, owner);
    let v = await engine.send(i.id, { type: 'ADD_APPROVER', data: { userId: 'lead2' } }, lead);
    // Before the current approver: their task waits (withdrawn) while the added one decides.
    expect(v.tasks.map((t) => [t.kind, t.assignee])).toEqual([['added', 'lead2']]);
    await expect(engine.send(i.id, { type: 'APPROVE' }, lead)).rejects.toMatchObject({
      code: 'EVENT_NOT_ACCEPTED',
    });
    v = await engine.send(i.id, { type: 'APPROVE' }, lead2);
    expect(v.state).toBe('first');
    v = await engine.send(i.id, { type: 'APPROVE' }, lead);
    expect(v.state).toBe('second');
  });

  it('抄送 CC notifies readers and opens no task; COMMENT only records', async () => {
    const i = await engine.start('review', { college: 'ee', title: 'T' }, owner);
    const v = await engine.send(
      i.id,
      { type: 'CC', data: { userIds: ['head'] }, comment: '请知悉' },
      lead,
    );
    expect(v.tasks).toHaveLength(1);
    expect(notifications().slice(-1)[0]).toMatchObject({
      notification: 'cc',
      recipient: { id: 'head' },
    });
    await engine.send(i.id, { type: 'COMMENT', comment: '已阅' }, owner);
    await expect(engine.send(i.id, { type: 'COMMENT' }, office)).rejects.toMatchObject({
      code: 'NOT_AUTHORIZED',
    });
    expect((await engine.history(i.id)).map((r) => r.event)).toEqual(['START', 'CC', 'COMMENT']);
  });

  it('a taskId that is no longer open is refused', async () => {
    const i = await engine.start('review', { college: 'ee', title: 'T' }, owner);
    const taskId = i.tasks[0]!.id;
    await engine.send(i.id, { type: 'APPROVE', taskId }, lead);
    await expect(engine.send(i.id, { type: 'APPROVE', taskId }, lead2)).rejects.toMatchObject({
      code: 'EVENT_NOT_ACCEPTED',
    });
  });
});

describe('engine: durable timers', () => {
  beforeEach(() => {
    engine = make([reviewFlow(1, { deadlines: true })]);
  });

  it('writes reminder and deadline timers in working days, fires them once, cancels on leaving', async () => {
    const i = await engine.start('review', { college: 'ee', title: 'T' }, owner);
    const timers = await store.read.pendingTimers(i.id);
    expect(timers.map((t) => [t.kind, t.dueAt.toISOString()])).toEqual([
      // Reminders on the morning after 3 working days (09:00 Beijing); the deadline at the end
      // of the fifth working day (17:30 Beijing).
      ['remind', '2026-03-06T01:00:00.000Z'],
      ['escalate', '2026-03-09T09:30:00.000Z'],
    ]);
    expect(i.tasks[0]?.dueAt).toBe('2026-03-09T09:30:00.000Z');
    const [remind, escalate] = timers;
    expect(await engine.fireTimer(remind!.id)).toMatchObject({ fired: true });
    expect(await engine.fireTimer(remind!.id)).toMatchObject({
      fired: false,
      reason: 'not-pending',
    });
    const r = await engine.fireTimer(escalate!.id);
    expect(r.instance?.tasks.map((t) => [t.kind, t.role])).toEqual([
      ['step', 'lead'],
      ['escalation', 'head'],
    ]);
    expect(notifications().map((n) => n.notification)).toContain('escalation');
    // The office head decides the escalated step; the college's task closes with it.
    const v = await engine.send(i.id, { type: 'APPROVE' }, head);
    expect(v.state).toBe('second');
    expect(v.tasks.map((t) => t.role)).toEqual(['office']);
    const h = await engine.history(i.id);
    expect(h.map((x) => [x.event, x.actorId])).toEqual([
      ['START', 'owner'],
      ['REMIND', 'system'],
      ['ESCALATE', 'system'],
      ['APPROVE', 'head'],
    ]);
  });

  it('onlyIfDue leaves a timer that is not due yet pending, then fires it once due', async () => {
    const i = await engine.start('review', { college: 'ee', title: 'T' }, owner);
    const [remind] = await store.read.pendingTimers(i.id);
    clock.set('2026-03-06T00:59:59Z');
    expect(await engine.fireTimer(remind!.id, { onlyIfDue: true })).toMatchObject({
      fired: false,
      reason: 'early',
      dueAt: new Date('2026-03-06T01:00:00Z'),
    });
    expect(store.timer(remind!.id)?.status).toBe('pending');
    expect((await engine.history(i.id)).map((h) => h.event)).toEqual(['START']);
    clock.set('2026-03-06T01:00:00Z');
    expect(await engine.fireTimer(remind!.id, { onlyIfDue: true })).toMatchObject({
      fired: true,
      timer: { id: remind!.id, status: 'pending' },
    });
    expect(store.timer(remind!.id)?.status).toBe('fired');
  });

  it('a timer whose state was left is cancelled; firing a stale one is a no-op', async () => {
    const i = await engine.start('review', { college: 'ee', title: 'T' }, owner);
    const [remind] = await store.read.pendingTimers(i.id);
    await engine.send(i.id, { type: 'APPROVE' }, lead);
    expect(store.timer(remind!.id)?.status).toBe('cancelled');
    expect(await engine.fireTimer(remind!.id)).toMatchObject({
      fired: false,
      reason: 'not-pending',
    });
    expect((await engine.history(i.id)).length).toBe(2);
  });

  it('a state timeout sends its event as the system actor', async () => {
    const i = await engine.start('review', { college: 'ee', title: 'T' }, owner);
    await engine.send(i.id, { type: 'APPROVE' }, lead);
    const [expire] = await store.read.pendingTimers(i.id);
    expect(expire).toMatchObject({ kind: 'event', event: 'EXPIRE', state: 'second' });
    const r = await engine.fireTimer(expire!.id);
    expect(r.instance).toMatchObject({ status: 'cancelled', state: 'expired', tasks: [] });
  });
});

describe('engine: versions, cancellation, audit', () => {
  it('a v1 instance finishes on v1 while new instances start on v2', async () => {
    const v1 = await engine.start('review', { college: 'ee', title: 'old' }, owner);
    engine.flows.register(reviewFlow(2, { extraStep: true }));
    const v2 = await engine.start('review', { college: 'ee', title: 'new' }, owner);
    expect([v1.flowVersion, v2.flowVersion]).toEqual([1, 2]);
    await engine.send(v1.id, { type: 'APPROVE' }, lead);
    expect((await engine.send(v1.id, { type: 'APPROVE' }, office)).status).toBe('completed');
    await engine.send(v2.id, { type: 'APPROVE' }, lead);
    const mid = await engine.send(v2.id, { type: 'APPROVE' }, office);
    expect(mid.state).toBe('third');
    expect(() => engine.flows.register(reviewFlow(2))).toThrow(/never changes/);
  });

  it('cancel ends an active instance with an audit row saying why; a second cancel is a no-op', async () => {
    const i = await engine.start('review', { college: 'ee', title: 'T' }, owner);
    const v = await engine.cancel(i.id, '项目已撤销');
    expect(v).toMatchObject({ status: 'cancelled', tasks: [] });
    expect(await engine.cancel(i.id, 'again')).toBeUndefined();
    const last = (await engine.history(i.id)).slice(-1)[0];
    expect(last).toMatchObject({ event: 'CANCEL', actorId: 'system', comment: '项目已撤销' });
    await expect(engine.send(i.id, { type: 'APPROVE' }, lead)).rejects.toMatchObject({
      code: 'EVENT_NOT_ACCEPTED',
    });
  });

  it('verifyHistory recomputes the chain', async () => {
    const i = await engine.start('review', { college: 'ee', title: 'T' }, owner);
    await engine.send(i.id, { type: 'APPROVE', comment: '同意' }, lead);
    expect(await engine.verifyHistory(i.id)).toEqual({ ok: true, count: 2 });
  });

  it('records the digests of an application’s files in its START row, under the chain', async () => {
    const file = {
      id: 'a-1',
      name: '申报书.pdf',
      sha256: 'a'.repeat(64),
      size: 1024,
      mediaType: 'application/pdf',
    };
    const i = await engine.start('review', { college: 'ee', title: 'T' }, owner, {
      attachments: [file],
    });
    const [start] = await engine.history(i.id);
    expect(start?.data).toEqual({ attachments: [file] });
    expect(await engine.verifyHistory(i.id)).toEqual({ ok: true, count: 1 });
    const before = store.dump();
    await expect(
      engine.start('review', { college: 'ee', title: 'T' }, owner, {
        attachments: [{ ...file, sha256: 'not-a-digest' }],
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(store.dump()).toBe(before);
  });

  it('people without the start role, or of another college, cannot start', async () => {
    await expect(engine.start('review', { college: 'ee', title: 'T' }, lead)).rejects.toMatchObject(
      { code: 'NOT_AUTHORIZED' },
    );
    await expect(
      engine.start('review', { college: 'cs', title: 'T' }, owner),
    ).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });
  });
});
