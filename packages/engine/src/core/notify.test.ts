import { describe, expect, it } from 'vitest';
import type { Person } from '../ports/directory.js';
import type { InstanceRecord } from '../records.js';
import { sceneDirectory } from '../testing/decide-scene.js';
import { instanceRecord, T0, taskRecord } from '../testing/fixtures.js';
import type { Actor } from './actor.js';
import { Notifications } from './notifications.js';
import { NOTIFY_OUTBOX_KIND, notificationRows, type Audience } from './notify.js';

// Who is told of a decision, and what their mail says (notify.ts, notifications.ts), with no store.

const person = (id: string, over: Partial<Person> = {}): Person => ({
  id,
  name: `名${id}`,
  email: `${id}@example.edu.cn`,
  roles: ['college_lead'],
  college: 'ee',
  ...over,
});
const everyone = [
  person('l1'),
  person('l2'),
  person('l3', { college: 'cs' }),
  person('o1', { organization: 'org-x' }),
  person('sub', { roles: [] }),
  person('teacher-1', { roles: ['owner'] }),
];
// l2 is away: `sub` stands in for them; `sub` also stands in for l1.
const people = sceneDirectory(everyone, { l2: 'sub', l1: 'sub' });
const actor: Actor = { id: 'l9', name: '王主任', roles: [] };
const instance = instanceRecord();
const counter = () => {
  let n = 0;
  return () => `n-${++n}`;
};
const rowsFor = (audience: Audience, over: { people?: typeof people | undefined } = {}) =>
  notificationRows({
    people: 'people' in over ? over.people : people,
    ids: counter(),
    now: T0,
    instance,
    actor,
    comment: '请审批',
    notification: 'task',
    audience,
  });
const recipientsOf = (rows: ReturnType<typeof rowsFor>) =>
  rows.map((r) => {
    const p = r.payload as { recipient: { id: string } | null; onBehalfOf: { id: string } | null };
    return [p.recipient?.id ?? null, p.onBehalfOf?.id ?? null];
  });

describe('notificationRows', () => {
  it('a named task: one pending notify row for its holder, saying all about the task', () => {
    const task = taskRecord('t-1', { assignee: 'l3' });
    expect(rowsFor({ kind: 'task', task })).toEqual([
      {
        id: 'n-1',
        instanceId: 'i-1',
        kind: NOTIFY_OUTBOX_KIND,
        payload: {
          notification: 'task',
          instanceId: 'i-1',
          flowId: 'annual-plan',
          flowVersion: 1,
          title: '2027 年度 1+X 试点申请',
          status: 'active',
          state: 'review.college',
          taskId: 't-1',
          step: 'college_review',
          dueAt: task.dueAt?.toISOString(),
          dueProvisional: false,
          dueExplanation: { zh: '5个工作日', en: '5 working days' },
          recipient: { id: 'l3', name: '名l3', email: 'l3@example.edu.cn' },
          onBehalfOf: null,
          audience: { role: 'college_lead', college: 'ee' },
          actor: { id: 'l9', name: '王主任' },
          comment: '请审批',
        },
        status: 'pending',
        attempts: 0,
        createdAt: T0,
        availableAt: T0,
        deliveredAt: null,
        lastError: null,
      },
    ]);
    expect(NOTIFY_OUTBOX_KIND).toBe('notify');
  });

  it('a role task: its holders in the college, a stand-in mailed once for everyone they stand in for', () => {
    const task = taskRecord('t-1');
    expect(recipientsOf(rowsFor({ kind: 'task', task }))).toEqual([
      ['sub', 'l1'],
      ['o1', null],
    ]);
    const direct = sceneDirectory(everyone);
    expect(recipientsOf(rowsFor({ kind: 'task', task }, { people: direct }))).toEqual([
      ['l1', null],
      ['l2', null],
      ['o1', null],
    ]);
  });

  it('an organization’s task: only the holders of that evaluation organization', () => {
    const task = taskRecord('t-1', { college: null, organization: 'org-x' });
    expect(
      recipientsOf(rowsFor({ kind: 'task', task }, { people: sceneDirectory(everyone) })),
    ).toEqual([['o1', null]]);
  });

  it('named people: those the directory knows, in order, each once', () => {
    expect(
      recipientsOf(rowsFor({ kind: 'people', ids: ['l3', 'ghost', 'teacher-1', 'l3'] })),
    ).toEqual([
      ['l3', null],
      ['teacher-1', null],
    ]);
    const [row] = rowsFor({ kind: 'people', ids: ['l3'] });
    expect(row?.payload).toMatchObject({
      taskId: null,
      step: null,
      dueAt: null,
      dueProvisional: false,
      dueExplanation: null,
      audience: null,
    });
  });

  it('no directory: one row with no recipient', () => {
    const rows = rowsFor({ kind: 'task', task: taskRecord('t-1') }, { people: undefined });
    expect(recipientsOf(rows)).toEqual([[null, null]]);
  });

  it('a provisional deadline, a task without one, an actor without a name', () => {
    const provisional = taskRecord('t-1', {
      assignee: 'l3',
      dueBasis: { ...taskRecord('t-1').dueBasis!, provisional: true },
    });
    expect(rowsFor({ kind: 'task', task: provisional })[0]?.payload).toMatchObject({
      dueProvisional: true,
    });
    const none = taskRecord('t-2', { assignee: 'l3', dueAt: null, dueBasis: null });
    const rows = notificationRows({
      people,
      ids: counter(),
      now: T0,
      instance,
      actor: { id: 'system', roles: [] },
      comment: null,
      notification: 'reminder',
      audience: { kind: 'task', task: none },
    });
    expect(rows[0]?.payload).toMatchObject({
      notification: 'reminder',
      dueAt: null,
      dueProvisional: false,
      dueExplanation: null,
      actor: { id: 'system', name: null },
      comment: null,
    });
  });
});

describe('Notifications', () => {
  const notify = new Notifications(sceneDirectory(everyone), counter(), T0);
  const kinds = (rows: ReturnType<typeof rowsFor>) =>
    rows.map((r) => (r.payload as { notification: string }).notification);

  it('forTasks: an escalation, the applicant’s task after 退回 (returned), any other task', () => {
    const tasks = [
      taskRecord('t-1', { kind: 'escalation', assignee: 'l1' }),
      taskRecord('t-2', { kind: 'submitter', assignee: 'teacher-1' }),
      taskRecord('t-3', { kind: 'added', assignee: 'l2' }),
    ];
    expect(kinds(notify.forTasks(instance, tasks, actor, null, 'RETURN'))).toEqual([
      'escalation',
      'returned',
      'task',
    ]);
    expect(kinds(notify.forTasks(instance, tasks, actor, null, 'START'))).toEqual([
      'escalation',
      'task',
      'task',
    ]);
  });

  it('forEnd: the applicant is told how it ended, not of their own withdrawal', () => {
    const ended = (status: InstanceRecord['status']) => instanceRecord({ status });
    const end = (status: InstanceRecord['status'], who: Actor = actor, event = 'APPROVE') =>
      notify.forEnd(ended(status), who, '结束', event);
    expect(kinds(end('completed'))).toEqual(['decision']);
    expect(kinds(end('rejected'))).toEqual(['rejected']);
    expect(kinds(end('cancelled'))).toEqual(['cancelled']);
    expect(kinds(end('withdrawn', actor, 'WITHDRAW'))).toEqual(['withdrawn']);
    const applicant: Actor = { id: 'teacher-1', roles: ['owner'] };
    expect(end('withdrawn', applicant, 'WITHDRAW')).toEqual([]);
    expect(kinds(end('withdrawn', applicant, 'EXPIRE'))).toEqual(['withdrawn']);
    expect(kinds(end('completed', applicant, 'WITHDRAW'))).toEqual(['decision']);
    expect(recipientsOf(end('rejected'))).toEqual([['teacher-1', null]]);
    expect(end('rejected')[0]?.payload).toMatchObject({ comment: '结束', status: 'rejected' });
  });
});
