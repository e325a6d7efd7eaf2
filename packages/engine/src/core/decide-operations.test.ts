import { describe, expect, it } from 'vitest';
import type { CommandEvent } from '../commands/command.js';
import type { Person } from '../ports/directory.js';
import type { JsonObject, TaskRecord, UndoRecord } from '../records.js';
import { T0, timerRecord } from '../testing/fixtures.js';
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

describe('加签 (step-operations.ts)', () => {
  const add = (data: JsonObject, comment?: string) =>
    as(lead, { type: 'ADD_APPROVER', data, ...(comment === undefined ? {} : { comment }) });
  const reminder = timerRecord('tm-1', { taskId: 't-1', state: 'first' });

  it('before (the default): the added person decides first, the current task waits, its timers end', () => {
    const w = writeOf(
      add({ userId: 'lead2' }, '请周院长先审'),
      loadedWith({}, [firstTask], reminder),
    );
    expect(w.history).toMatchObject({
      event: 'ADD_APPROVER',
      data: { userId: 'lead2', position: 'before' },
      comment: '请周院长先审',
    });
    expect(w.instance?.row.steps['first']).toEqual({
      step: 'first',
      state: 'first',
      rounds: [
        { slots: [{ kind: 'person', id: 'lead2', addedBy: 'lead' }], threshold: 1, approved: [] },
        { slots: [{ kind: 'role' }], threshold: 1, approved: [] },
      ],
      current: 0,
    });
    expect(w.closeTasks).toEqual([{ id: 't-1', status: 'cancelled', by: null, at: T0 }]);
    expect(w.cancelTimers).toEqual(['tm-1']);
    expect(w.newTasks).toHaveLength(1);
    expect(w.newTasks[0]).toMatchObject({
      kind: 'added',
      assignee: 'lead2',
      step: 'first',
      state: 'first',
      role: 'lead',
      createdAt: T0,
    });
    // Its deadline and reminders are the step's, counted from now.
    expect(w.newTasks[0]?.dueAt).toEqual(firstTask.dueAt);
    expect(w.newTimers.map((t) => [t.kind, t.taskId])).toEqual([
      ['remind', w.newTasks[0]?.id],
      ['escalate', w.newTasks[0]?.id],
    ]);
    expect(recipients(w)).toEqual([['task', 'lead2']]);
    expect(w.outbox[0]?.payload).toMatchObject({ comment: '请周院长先审' });
  });

  it('after: recorded as a round after this one; nobody is asked yet and nothing closes', () => {
    const w = writeOf(
      add({ userId: 'lead2', position: 'after' }),
      loadedWith({}, [firstTask], reminder),
    );
    expect(w.history?.data).toMatchObject({ userId: 'lead2', position: 'after' });
    expect(w.instance?.row.steps['first']?.rounds.map((r) => r.slots)).toEqual([
      [{ kind: 'role' }],
      [{ kind: 'person', id: 'lead2', addedBy: 'lead' }],
    ]);
    expect([w.closeTasks, w.cancelTimers, w.newTasks, w.newTimers, w.outbox]).toEqual([
      [],
      [],
      [],
      [],
      [],
    ]);
  });

  it('with: the added person decides alongside, in a task of their own; the current one stays', () => {
    const w = writeOf(
      add({ userId: 'lead2', position: 'with' }),
      loadedWith({}, [firstTask], reminder),
    );
    expect(w.instance?.row.steps['first']?.rounds).toEqual([
      {
        slots: [{ kind: 'role' }, { kind: 'person', id: 'lead2', addedBy: 'lead' }],
        threshold: 2,
        approved: [],
      },
    ]);
    expect(w.closeTasks).toEqual([]);
    expect(w.cancelTimers).toEqual([]);
    expect(w.newTasks.map((t) => [t.kind, t.assignee])).toEqual([['added', 'lead2']]);
    expect(recipients(w)).toEqual([['task', 'lead2']]);
  });

  it.each([
    ['yourself', 'lead', {}],
    ['the applicant', 'owner', {}],
    ['another college', 'cs-lead', {}],
    ['another organization', 'org-x', {}],
    ['another role', 'head', {}],
    [
      'someone who decided a step',
      'lead2',
      { decisions: [{ step: 'x', actorId: 'lead2', seq: 2 }] },
    ],
    [
      'someone already an approver here',
      'lead2',
      {
        steps: {
          first: {
            step: 'first',
            state: 'first',
            rounds: [
              { slots: [{ kind: 'person' as const, id: 'lead2' }], threshold: 1, approved: [] },
            ],
            current: 0,
          },
        },
      },
    ],
  ])('adding %s is refused', (_, userId, over) => {
    expect(refusalOf(loadedWith(over), add({ userId }))).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { userId },
      messages: {
        zh: '加签人须是本环节同一角色、同一范围的其他人员，且不能是本人、申请人或已审批过本流程的人员',
        en: 'The added approver must hold this step’s role and scope, and not be yourself, the submitter, or someone who already approved',
      },
    });
  });
});

describe('减签 (step-operations.ts)', () => {
  const remove = (userId: string, actor: Actor = lead) =>
    as(actor, { type: 'REMOVE_APPROVER', data: { userId } });
  /** The instance after `lead` added lead2 at `position`. */
  const added = (position: 'before' | 'after' | 'with') => {
    const w = writeOf(
      as(lead, { type: 'ADD_APPROVER', data: { userId: 'lead2', position } }),
      loadedWith({}, [firstTask]),
    );
    const row = w.instance?.row;
    if (!row) throw new Error('expected the instance');
    const closed = new Set(w.closeTasks.map((c) => c.id));
    const open = [...[firstTask].filter((t) => !closed.has(t.id)), ...w.newTasks];
    return { over: { steps: row.steps, version: 1 }, open, timers: w.newTimers };
  };

  it('only whom you added and who has not decided: anyone else is NOT_ADDED_BY_YOU', () => {
    const { over, open } = added('with');
    for (const [who, actor] of [
      ['lead2', lead2],
      ['lead', lead],
      ['nobody', lead],
    ] as const) {
      expect(refusalOf(loadedWith(over, open), remove(who, actor))).toMatchObject({
        code: 'NOT_ADDED_BY_YOU',
        details: { userId: who },
        messages: {
          zh: '只能减去由您加签、且尚未审批的人员',
          en: 'You can only remove an approver you added who has not decided yet',
        },
      });
    }
    // Nothing added at all.
    expect(refusalOf(loadedWith(), remove('lead2')).code).toBe('NOT_ADDED_BY_YOU');
  });

  it('of an approver alongside: their task closes, the round stays open for the others', () => {
    const { over, open } = added('with');
    const theirs = open.find((t) => t.assignee === 'lead2');
    const w = writeOf(remove('lead2'), loadedWith(over, open));
    expect(w.history).toMatchObject({ event: 'REMOVE_APPROVER', data: { userId: 'lead2' } });
    expect(w.closeTasks).toEqual([{ id: theirs?.id, status: 'cancelled', by: null, at: T0 }]);
    expect(w.instance?.row.steps['first']?.rounds).toEqual([
      { slots: [{ kind: 'role' }], threshold: 1, approved: [] },
    ]);
    expect(w.newTasks).toEqual([]);
    expect(w.outbox).toEqual([]);
  });

  it('of the one approver added before: the waiting round opens again, its holders told', () => {
    const { over, open, timers } = added('before');
    const loaded = {
      ...loadedWith(over, open),
      instance: { ...loadedWith(over, open).instance!, pendingTimers: timers },
    };
    const w = writeOf(remove('lead2'), loaded);
    expect(w.closeTasks.map((c) => c.id)).toEqual([open[0]?.id]);
    expect(w.cancelTimers).toEqual(timers.map((t) => t.id));
    expect(w.newTasks.map((t) => [t.kind, t.assignee, t.step])).toEqual([['step', null, 'first']]);
    expect(recipients(w)).toEqual([
      ['task', 'lead'],
      ['task', 'lead2'],
    ]);
    expect(w.instance?.row.state).toBe('first');
  });

  it('of the last approver still to decide: the step is decided and the machine moves on', () => {
    const { over } = added('after');
    // The current round decided (the role task approved), only lead2's round is left.
    const steps = {
      first: {
        ...over.steps['first']!,
        rounds: over.steps['first']!.rounds.map((r, i) =>
          i === 0 ? { ...r, approved: ['lead'] } : r,
        ),
        current: 1,
      },
    };
    const task: TaskRecord = { ...firstTask, id: 't-9', kind: 'added', assignee: 'lead2' };
    const w = writeOf(remove('lead2'), loadedWith({ steps }, [task]));
    expect(w.instance?.row.state).toBe('second');
    expect(w.history).toMatchObject({
      event: 'REMOVE_APPROVER',
      fromState: 'first',
      toState: 'second',
    });
    expect(w.closeTasks.map((c) => c.id)).toEqual(['t-9']);
    expect(w.newTasks.map((t) => t.step)).toEqual(['second']);
  });
});

describe('拿回 (step-operations.ts)', () => {
  const approvedBy = (actor: Actor) => {
    const w = writeOf(as(actor, { type: 'APPROVE' }));
    const row = w.instance?.row;
    if (!row) throw new Error('expected the instance');
    return { row, open: [...w.newTasks] };
  };
  const refusal = {
    code: 'TAKE_BACK_NOT_ALLOWED',
    messages: {
      zh: '只能拿回本人刚办理、且下一环节尚未处理的审批',
      en: 'Only your own last approval can be taken back, before anyone has acted on it',
    },
  };

  it('the approver takes their approval back: the step is theirs again, the next one closes', () => {
    const { row, open } = approvedBy(lead);
    expect(row.undo).toMatchObject({ actorId: 'lead', step: 'first', state: 'first' });
    const w = writeOf(as(lead, { type: 'TAKE_BACK', comment: '再看看' }), loadedWith(row, open));
    expect(w.history).toMatchObject({
      event: 'TAKE_BACK',
      data: { step: 'first' },
      comment: '再看看',
      fromState: 'second',
      toState: 'first',
    });
    expect(w.instance?.row).toMatchObject({
      state: 'first',
      stepActors: {},
      decisions: [],
      undo: null,
    });
    expect(w.closeTasks.map((c) => c.id)).toEqual(open.map((t) => t.id));
    expect(w.newTasks.map((t) => [t.step, t.assignee])).toEqual([['first', 'lead']]);
  });

  it('a 退回, a 驳回 and an approval that ends the instance leave no 拿回 record', () => {
    for (const type of ['RETURN', 'REJECT']) {
      const w = writeOf(as(lead, { type, comment: '材料不全' }));
      expect(w.instance?.row, type).toMatchObject({ undo: null });
      expect(w.instance?.row.decisions.length, type).toBeGreaterThan(0);
    }
    const { row, open } = approvedBy(lead);
    expect(row.undo).not.toBeNull();
    const office: Actor = { id: 'office', name: '王处长', roles: ['office'] };
    const ended = writeOf(as(office, { type: 'APPROVE' }), loadedWith(row, open));
    expect(ended.instance?.row).toMatchObject({ status: 'completed', undo: null });
  });

  it('nothing to take back, or someone else’s approval, is refused with who asked', () => {
    expect(refusalOf(loadedWith(), as(lead, { type: 'TAKE_BACK' }))).toMatchObject({
      ...refusal,
      details: { actorId: 'lead' },
    });
    const { row, open } = approvedBy(lead);
    const office: Actor = { id: 'office', name: '王处长', roles: ['lead'], college: 'ee' };
    expect(refusalOf(loadedWith(row, open), as(office, { type: 'TAKE_BACK' }))).toMatchObject({
      ...refusal,
      details: { actorId: 'office' },
    });
  });
});

describe('加签, 减签 and 拿回: which tasks they touch', () => {
  const escalation: TaskRecord = { ...firstTask, id: 'e-1', kind: 'escalation', role: 'head' };
  const delegated: TaskRecord = { ...firstTask, id: 'd-1', kind: 'delegated', assignee: 'head' };
  const elsewhere: TaskRecord = {
    ...firstTask,
    id: 'x-1',
    step: 'x',
    role: 'office',
    assignee: 'lead2',
  };

  it('加签 before closes only the step’s own task: not its escalation, delegation or another step’s', () => {
    const w = writeOf(
      as(lead, { type: 'ADD_APPROVER', data: { userId: 'lead2' } }),
      loadedWith({}, [escalation, delegated, elsewhere, firstTask]),
    );
    expect(w.closeTasks.map((c) => c.id)).toEqual(['t-1']);
  });

  it('加签 of the applicant (holding the role) or of someone in a round with the role is refused', () => {
    expect(
      refusalOf(
        loadedWith({ submitterId: 'lead2' }),
        as(lead, { type: 'ADD_APPROVER', data: { userId: 'lead2' } }),
      ).code,
    ).toBe('VALIDATION_FAILED');
    const steps = {
      first: {
        step: 'first',
        state: 'first',
        rounds: [
          {
            slots: [{ kind: 'role' as const }, { kind: 'person' as const, id: 'lead2' }],
            threshold: 2,
            approved: [],
          },
        ],
        current: 0,
      },
    };
    expect(
      refusalOf(
        loadedWith({ steps }),
        as(lead, { type: 'ADD_APPROVER', data: { userId: 'lead2' } }),
      ).code,
    ).toBe('VALIDATION_FAILED');
  });

  it('加签 alongside at a step the flow does not know opens no task', () => {
    const task = { ...firstTask, step: 'nowhere' };
    const w = writeOf(
      as(lead, { type: 'ADD_APPROVER', data: { userId: 'lead2', position: 'with' } }),
      loadedWith({}, [task]),
    );
    expect([w.newTasks, w.newTimers, w.outbox]).toEqual([[], [], []]);
    expect(w.instance?.row.steps['nowhere']?.rounds[0]?.slots).toEqual([
      { kind: 'role' },
      { kind: 'person', id: 'lead2', addedBy: 'lead' },
    ]);
  });

  it('减签 finds the step’s own task and closes only the removed person’s tasks of that step', () => {
    const added = writeOf(
      as(lead, { type: 'ADD_APPROVER', data: { userId: 'lead2', position: 'with' } }),
      loadedWith({}, [firstTask]),
    );
    const theirs = added.newTasks[0]!;
    const row = added.instance!.row;
    const w = writeOf(
      as(lead, { type: 'REMOVE_APPROVER', data: { userId: 'lead2' }, comment: '不必了' }),
      loadedWith({ steps: row.steps }, [elsewhere, escalation, firstTask, theirs]),
    );
    expect(w.closeTasks.map((c) => c.id)).toEqual([theirs.id]);
    expect([w.newTasks, w.newTimers]).toEqual([[], []]);
    expect(w.history).toMatchObject({ event: 'REMOVE_APPROVER', comment: '不必了' });
  });

  it('拿回 of a vote in a round with the role: the role’s place is the taker’s, the others keep theirs', () => {
    const added = writeOf(
      as(lead, { type: 'ADD_APPROVER', data: { userId: 'lead2', position: 'with' } }),
      loadedWith({}, [firstTask]),
    );
    const theirs = added.newTasks[0]!;
    const voted = writeOf(
      as(lead, { type: 'APPROVE' }),
      loadedWith({ steps: added.instance!.row.steps }, [firstTask, theirs]),
    );
    const row = voted.instance!.row;
    expect(row.state).toBe('first');
    expect(row.undo?.steps['first']?.rounds[0]?.slots).toEqual([
      { kind: 'role' },
      { kind: 'person', id: 'lead2', addedBy: 'lead' },
    ]);
    const w = writeOf(as(lead, { type: 'TAKE_BACK' }), loadedWith(row, [theirs]));
    expect(w.newTasks.map((t) => t.assignee)).toEqual(['lead', 'lead2']);
    expect(w.closeTasks.map((c) => c.id)).toEqual([theirs.id]);
  });
});

describe('operations.ts: which task an operation acts on, and what it leaves', () => {
  const theirs = (over: Partial<TaskRecord>): TaskRecord => ({ ...firstTask, ...over });
  const withTimers = (tasks: TaskRecord[], ...timers: ReturnType<typeof timerRecord>[]) => {
    const loaded = loadedWith({}, tasks);
    return { ...loaded, instance: { ...loaded.instance!, pendingTimers: timers } };
  };
  /** A refusal as a whole: code, details and both messages. */
  const whole = ({ code, details, messages }: ReturnType<typeof refusalOf>) => ({
    code,
    details,
    messages,
  });

  it('RESOLVE gives back the delegator’s own task of the step, ends the delegate’s timers, mails the task', () => {
    const original = theirs({ assignee: 'lead', delegatedTo: 'lead2' });
    const handed = theirs({ id: 't-2', kind: 'delegated', assignee: 'lead2', delegatedTo: null });
    // Open before the delegator's task: another step's task delegated to the same person, and
    // another task of this step that is not delegated.
    const elsewhere = theirs({ id: 't-3', state: 'second', step: 'second', delegatedTo: 'lead2' });
    const beside = theirs({ id: 't-4', assignee: 'lead' });
    const loaded = withTimers(
      [elsewhere, beside, original, handed],
      timerRecord('tm-1', { taskId: 't-1', state: 'first' }),
      timerRecord('tm-2', { taskId: 't-2', state: 'first' }),
    );
    const w = writeOf(as(lead2, { type: 'RESOLVE' }), loaded);
    expect(w.closeTasks).toEqual([{ id: 't-2', status: 'done', by: 'lead2', at: T0 }]);
    expect(w.updateTasks).toEqual([{ ...original, delegatedTo: null }]);
    expect(w.cancelTimers).toEqual(['tm-2']);
    expect(w.outbox.map((o) => o.payload)).toMatchObject([
      { notification: 'task', taskId: 't-1', step: 'first', recipient: { id: 'lead' } },
    ]);
  });

  it('RESOLVE after the delegator’s task has closed hands nothing back and mails nobody', () => {
    const handed = theirs({ id: 't-2', kind: 'delegated', assignee: 'lead2' });
    const w = writeOf(as(lead2, { type: 'RESOLVE' }), loadedWith({}, [handed]));
    expect(w.closeTasks.map((c) => c.id)).toEqual(['t-2']);
    expect([w.updateTasks, w.outbox]).toEqual([[], []]);
  });

  it.each([
    ['an added task', theirs({ id: 't-a', kind: 'added', assignee: 'lead' })],
    ['a delegated task', theirs({ id: 't-d', kind: 'delegated', assignee: 'lead' })],
  ])('转办 by one holding %s and the step’s own task moves the step’s own', (_, other) => {
    const w = writeOf(
      as(lead, { type: 'TRANSFER', data: { to: 'lead2' } }),
      loadedWith({}, [other, firstTask]),
    );
    expect(w.updateTasks).toEqual([{ ...firstTask, assignee: 'lead2' }]);
  });

  it('the applicant’s own task (退回 to them) is no task for 抄送', () => {
    const revise = theirs({ id: 't-s', kind: 'submitter', role: 'submitter', assignee: 'owner' });
    const refusal = refusalOf(
      loadedWith({}, [revise]),
      as(owner, { type: 'CC', data: { userIds: ['head'] } }),
    );
    expect(refusal).toMatchObject({ code: 'NOT_AUTHORIZED', details: { event: 'CC' } });
  });

  it('转办 of a task delegated to someone else is TASK_DELEGATED, with its own messages, and changes nothing', () => {
    const delegated = theirs({ assignee: 'lead', delegatedTo: 'lead2' });
    const loaded = loadedWith({}, [delegated]);
    const refusal = refusalOf(loaded, as(lead, { type: 'TRANSFER', data: { to: 'head' } }));
    expect(whole(refusal)).toEqual({
      code: 'TASK_DELEGATED',
      details: { taskId: 't-1', delegatedTo: 'lead2' },
      messages: {
        zh: '该待办已委派他人办理，待其办理完毕后才能转办、委派或加签',
        en: 'This task is delegated; transfer, delegate or add approvers once the delegate has resolved it',
      },
    });
    expect(loaded.instance?.openTasks).toEqual([delegated]);
  });

  it('转办 to the applicant is refused even when they hold the task’s role', () => {
    const refusal = refusalOf(
      loadedWith({ submitterId: 'lead2' }),
      as(lead, { type: 'TRANSFER', data: { to: 'lead2' } }),
    );
    expect(whole(refusal)).toEqual({
      code: 'VALIDATION_FAILED',
      details: { to: 'lead2' },
      messages: {
        zh: '只能转办或委派给同一角色、同一范围的其他人员（不能是申请人）',
        en: 'A task can only be handed to another person of the same role and scope (not the submitter)',
      },
    });
  });

  it('抄送 reaches the instance’s own college and its own evaluation organization', () => {
    const college = writeOf(as(lead, { type: 'CC', data: { userIds: ['lead2'] } }));
    expect(college.copies.map((c) => c.personId)).toEqual(['lead2']);
    const organization = writeOf(
      as(lead, { type: 'CC', data: { userIds: ['org-x'] } }),
      loadedWith({ organization: 'org-x' }),
    );
    expect(organization.copies.map((c) => c.personId)).toEqual(['org-x']);
  });

  it('催办 keeps what the approver could take back (it does not act on the step)', () => {
    const undo = { actorId: 'lead' } as unknown as UndoRecord;
    const w = writeOf(as(owner, { type: 'URGE' }), loadedWith({ undo }));
    expect(w.instance?.row.undo).toBe(undo);
  });

  it('委派 later: the delegate’s task has a deadline of its own, counted from the delegation', () => {
    // Wednesday 4 March; five working days on is Wednesday 11 March.
    const wednesday = new Date('2026-03-04T02:00:00.000Z');
    const w = writeOf(
      as(lead, { type: 'DELEGATE', data: { to: 'lead2' } }),
      loadedWith(),
      wednesday,
    );
    const [handed] = w.newTasks;
    expect(handed?.id).toBe('id-1');
    expect(handed?.dueAt?.toISOString().slice(0, 10)).toBe('2026-03-11');
    expect(handed?.dueAt).not.toEqual(firstTask.dueAt);
    expect(w.outbox.map((o) => o.payload)).toMatchObject([
      { notification: 'task', taskId: 'id-1', step: 'first', recipient: { id: 'lead2' } },
    ]);
  });

  it('委派 of a task at a step the flow does not know: the delegate’s task is a copy of it', () => {
    const unknown = theirs({ state: 'gone', step: 'gone', dueAt: null, dueBasis: null });
    const w = writeOf(
      as(lead, { type: 'DELEGATE', data: { to: 'lead2' } }),
      loadedWith({}, [unknown]),
    );
    expect(w.newTasks).toEqual([
      {
        ...unknown,
        id: 'id-1',
        kind: 'delegated',
        assignee: 'lead2',
        events: ['RESOLVE', 'COMMENT'],
        approval: false,
        createdAt: T0,
      },
    ]);
  });
});
