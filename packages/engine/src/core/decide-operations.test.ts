import { describe, expect, it } from 'vitest';
import type { CommandEvent } from '../commands/command.js';
import type { Person } from '../ports/directory.js';
import type { TaskRecord, UndoRecord } from '../records.js';
import { T0 } from '../testing/fixtures.js';
import { decideScene, sceneDirectory, sceneLead, sceneOwner } from '../testing/decide-scene.js';
import type { Actor } from './actor.js';
import { decide } from './decide.js';
import { DEFAULT_URGE_INTERVAL_MS, peopleNamedBy } from './operations.js';

// The engine's own operations (operations.ts) decided with no store: what each writes — the
// task updates, new tasks, mails, copies and the 拿回 record — and each refusal's code, details
// and messages.

const person = (p: Partial<Person> & Pick<Person, 'id' | 'name'>): Person => ({
  email: `${p.id}@example.edu.cn`,
  roles: [],
  college: null,
  ...p,
});
const everyone: Person[] = [
  person({ id: 'owner', name: '张老师', roles: ['owner'], college: 'ee' }),
  person({ id: 'lead', name: '李院长', roles: ['lead'], college: 'ee' }),
  person({ id: 'lead2', name: '周副院长', roles: ['lead'], college: 'ee' }),
  person({ id: 'cs-lead', name: '计算机学院院长', roles: ['lead'], college: 'cs' }),
  person({ id: 'head', name: '教务处长', roles: ['head'] }),
  person({ id: 'auditor', name: '吴审计', roles: ['auditor'] }),
  person({ id: 'org-x', name: '评价组织甲', roles: ['lead'], organization: 'org-x' }),
];
const { options, context, firstTask, loadedWith, send, refusalOf } = decideScene(
  sceneDirectory(everyone),
);
const lead = sceneLead;
const owner = sceneOwner;
const lead2: Actor = { id: 'lead2', name: '周副院长', roles: ['lead'], college: 'ee' };
const csLead: Actor = { id: 'cs-lead', name: '计算机学院院长', roles: ['lead'], college: 'cs' };

const as = (actor: Actor, event: CommandEvent) => send({ actor, event });
function writeOf(command: ReturnType<typeof send>, loaded = loadedWith(), now = T0) {
  const decision = decide(loaded, command, context(now), options);
  if (!decision.ok) throw decision.refusal;
  if (!decision.write) throw new Error('expected a write');
  return decision.write;
}
const recipients = (w: ReturnType<typeof writeOf>) =>
  w.outbox.map((o) => {
    const p = o.payload as { notification: string; recipient: { id: string } | null };
    return [p.notification, p.recipient?.id ?? null];
  });

describe('operations: their data', () => {
  it.each([
    ['TRANSFER', {}],
    ['TRANSFER', { to: '' }],
    ['DELEGATE', { to: 'lead2', extra: 1 }],
    ['ADD_APPROVER', { userId: 'lead2', position: 'first' }],
    ['CC', { userIds: [] }],
    ['CC', { userIds: Array.from({ length: 51 }, (_, i) => `p${i}`) }],
    ['COMMENT', { x: 1 }],
  ])('%s with %j is VALIDATION_FAILED, with the issues', (type, data) => {
    const refusal = refusalOf(loadedWith(), as(lead, { type, data }));
    expect(refusal.code).toBe('VALIDATION_FAILED');
    const issues = (refusal.details as { issues: unknown[] }).issues;
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) expect(typeof issue === 'string' && issue.length > 0).toBe(true);
  });

  it('加签 is before the current approver unless said otherwise, and audited so', () => {
    const w = writeOf(as(lead, { type: 'ADD_APPROVER', data: { userId: 'lead2' } }));
    expect(w.history?.data).toMatchObject({ userId: 'lead2', position: 'before' });
    expect(w.newTasks.map((t) => [t.kind, t.assignee])).toEqual([['added', 'lead2']]);
  });

  it('names the people an operation is about, for the directory to resolve first', () => {
    expect(peopleNamedBy('TRANSFER', { to: 'a' })).toEqual(['a']);
    expect(peopleNamedBy('ADD_APPROVER', { userId: 'b' })).toEqual(['b']);
    expect(peopleNamedBy('CC', { userIds: ['c', 'd', 7] })).toEqual(['c', 'd']);
    expect(peopleNamedBy('CC', { userIds: 'c' })).toEqual([]);
    expect(peopleNamedBy('APPROVE', { to: 'a' })).toEqual([]);
    expect(peopleNamedBy('TRANSFER', undefined)).toEqual([]);
  });
});

describe('转办 and 委派', () => {
  it.each(['lead', 'owner', 'cs-lead', 'head', 'nobody'])(
    'to %s (yourself, the applicant, another college or role, unknown) is refused',
    (to) => {
      for (const type of ['TRANSFER', 'DELEGATE']) {
        const refusal = refusalOf(loadedWith(), as(lead, { type, data: { to } }));
        expect(refusal.code).toBe('VALIDATION_FAILED');
        if (to !== 'nobody')
          expect(refusal).toMatchObject({
            details: { to },
            messages: {
              zh: '只能转办或委派给同一角色、同一范围的其他人员（不能是申请人）',
              en: 'A task can only be handed to another person of the same role and scope (not the submitter)',
            },
          });
      }
    },
  );

  it('转办 names the new holder on the task and mails them the task', () => {
    const w = writeOf(
      as(lead, { type: 'TRANSFER', data: { to: 'lead2' }, comment: '请周院长办理' }),
    );
    expect(w.updateTasks).toEqual([{ ...firstTask, assignee: 'lead2' }]);
    expect(w.newTasks).toEqual([]);
    expect(recipients(w)).toEqual([['task', 'lead2']]);
    expect(w.outbox[0]?.payload).toMatchObject({ comment: '请周院长办理', taskId: 't-1' });
  });

  it('委派 keeps the task with the delegator and gives the delegate one to resolve', () => {
    const w = writeOf(as(lead, { type: 'DELEGATE', data: { to: 'lead2' } }));
    expect(w.updateTasks).toEqual([{ ...firstTask, assignee: 'lead', delegatedTo: 'lead2' }]);
    const [handed] = w.newTasks;
    expect(handed).toMatchObject({
      kind: 'delegated',
      assignee: 'lead2',
      step: 'first',
      state: 'first',
      events: ['RESOLVE', 'COMMENT'],
      approval: false,
      createdAt: T0,
    });
    expect(handed?.id).not.toBe('t-1');
    expect(recipients(w)).toEqual([['task', 'lead2']]);
  });

  it('RESOLVE is the delegate’s: the task goes back to the delegator, told by mail', () => {
    const original: TaskRecord = { ...firstTask, assignee: 'lead', delegatedTo: 'lead2' };
    const handed: TaskRecord = {
      ...firstTask,
      id: 't-2',
      kind: 'delegated',
      assignee: 'lead2',
      events: ['RESOLVE', 'COMMENT'],
      approval: false,
    };
    const loaded = loadedWith({}, [original, handed]);
    for (const who of [lead, owner, csLead]) {
      expect(refusalOf(loaded, as(who, { type: 'RESOLVE' }))).toMatchObject({
        code: 'NOT_AUTHORIZED',
        details: { event: 'RESOLVE' },
      });
    }
    const w = writeOf(as(lead2, { type: 'RESOLVE', comment: '建议同意' }), loaded);
    expect(w.closeTasks).toEqual([{ id: 't-2', status: 'done', by: 'lead2', at: T0 }]);
    expect(w.updateTasks).toEqual([{ ...original, delegatedTo: null }]);
    expect(recipients(w)).toEqual([['task', 'lead']]);
  });

  it('the delegate may only resolve or comment: other operations are NOT_AUTHORIZED', () => {
    const handed: TaskRecord = { ...firstTask, id: 't-2', kind: 'delegated', assignee: 'lead2' };
    const loaded = loadedWith({}, [
      { ...firstTask, assignee: 'lead', delegatedTo: 'lead2' },
      handed,
    ]);
    const events: CommandEvent[] = [
      { type: 'TRANSFER', data: { to: 'lead' } },
      { type: 'CC', data: { userIds: ['head'] } },
    ];
    for (const event of events) {
      expect(refusalOf(loaded, as(lead2, event))).toMatchObject({
        code: 'NOT_AUTHORIZED',
        details: { event: event.type },
      });
    }
  });
});

describe('抄送 and 评论', () => {
  it('抄送 copies each reader once and mails them; the 拿回 record stays', () => {
    const undo = { actorId: 'lead' } as unknown as UndoRecord;
    const w = writeOf(
      as(lead, { type: 'CC', data: { userIds: ['head', 'auditor', 'head'] }, comment: '请阅' }),
      loadedWith({ undo }),
    );
    expect(w.copies.map((c) => [c.personId, c.fromId, c.seq])).toEqual([
      ['head', 'lead', 2],
      ['auditor', 'lead', 2],
    ]);
    expect(recipients(w)).toEqual([
      ['cc', 'head'],
      ['cc', 'auditor'],
    ]);
    expect(w.instance?.row.undo).toBe(undo);
    // An operation that acts on the step ends what could be taken back.
    const moved = writeOf(
      as(lead, { type: 'TRANSFER', data: { to: 'lead2' } }),
      loadedWith({ undo }),
    );
    expect(moved.instance?.row.undo).toBeNull();
  });

  it.each(['cs-lead', 'org-x'])('抄送 to %s, who may not read this instance, is refused', (id) => {
    expect(
      refusalOf(loadedWith(), as(lead, { type: 'CC', data: { userIds: ['head', id] } })),
    ).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { userId: id },
      messages: {
        zh: `不能抄送给无权查看本流程的人员（${id}）`,
        en: `${id} may not read this instance and cannot be copied`,
      },
    });
  });

  it('抄送 needs a task of the step: the applicant or another college cannot', () => {
    for (const who of [owner, csLead]) {
      expect(
        refusalOf(loadedWith(), as(who, { type: 'CC', data: { userIds: ['head'] } })),
      ).toMatchObject({ code: 'NOT_AUTHORIZED', details: { event: 'CC' } });
    }
  });

  it('评论 by the applicant or a task holder is recorded and changes no task; others may not', () => {
    for (const who of [owner, lead]) {
      const w = writeOf(as(who, { type: 'COMMENT', comment: '补充说明' }));
      expect(w.history).toMatchObject({ event: 'COMMENT', actorId: who.id, comment: '补充说明' });
      expect([w.updateTasks, w.newTasks, w.closeTasks, w.outbox]).toEqual([[], [], [], []]);
    }
    expect(refusalOf(loadedWith(), as(csLead, { type: 'COMMENT' }))).toMatchObject({
      code: 'NOT_AUTHORIZED',
      details: { event: 'COMMENT' },
    });
  });
});

describe('催办', () => {
  const urge = (comment?: string) =>
    as(owner, { type: 'URGE', ...(comment === undefined ? {} : { comment }) });

  it('the applicant mails each current approver and marks their task urged', () => {
    const first: TaskRecord = { ...firstTask, assignee: 'lead' };
    const second: TaskRecord = { ...firstTask, id: 't-2', assignee: 'lead2' };
    const w = writeOf(urge('请尽快审批'), loadedWith({}, [first, second]));
    expect(w.updateTasks).toEqual([
      { ...first, urgedAt: T0 },
      { ...second, urgedAt: T0 },
    ]);
    expect(recipients(w)).toEqual([
      ['urge', 'lead'],
      ['urge', 'lead2'],
    ]);
    expect(w.outbox.map((o) => (o.payload as { comment: string | null }).comment)).toEqual([
      '请尽快审批',
      '请尽快审批',
    ]);
    expect(writeOf(urge()).outbox[0]?.payload).toMatchObject({ comment: null });
  });

  it('is the applicant’s only', () => {
    expect(refusalOf(loadedWith(), as(lead, { type: 'URGE' }))).toMatchObject({
      code: 'NOT_AUTHORIZED',
      details: { event: 'URGE' },
    });
  });

  it('with only the applicant’s own task open there is nobody to urge', () => {
    const revise: TaskRecord = { ...firstTask, kind: 'submitter', assignee: 'owner' };
    expect(refusalOf(loadedWith({ state: 'returned' }, [revise]), urge())).toMatchObject({
      code: 'EVENT_NOT_ACCEPTED',
      details: { event: 'URGE', state: 'returned' },
    });
  });

  it('again within the interval is URGE_TOO_SOON, saying when in Beijing time; from then on it is allowed', () => {
    const interval = options.urgeIntervalMs;
    const early = new Date(T0.getTime() - 30_000);
    const late = new Date(T0.getTime() - 10 * interval);
    const tasks = [
      { ...firstTask, urgedAt: late },
      { ...firstTask, id: 't-2', assignee: 'lead2', urgedAt: early },
    ];
    const retryAt = new Date(early.getTime() + interval);
    expect(refusalOf(loadedWith({}, tasks), urge())).toMatchObject({
      code: 'URGE_TOO_SOON',
      details: { retryAt: retryAt.toISOString() },
      messages: {
        // T0 is 01:02:03Z: 09:02 in Beijing; the retry 30 s later, in the same minute.
        zh: '催办过于频繁，请于 2026-03-02 09:02 之后再催办',
        en: `Urged too recently; you can urge again after ${retryAt.toISOString()}`,
      },
    });
    expect(writeOf(urge(), loadedWith({}, tasks), retryAt).updateTasks).toHaveLength(2);
  });

  it('waits a day by default', () => {
    expect(DEFAULT_URGE_INTERVAL_MS).toBe(86_400_000);
  });
});
