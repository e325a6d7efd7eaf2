import { z } from 'zod';
import type { Actor } from './actor.js';
import type { IdGenerator } from './clock.js';
import type { Directory, Person } from './directory.js';
import { refuse } from './errors.js';
import type { TaskOperation } from './flow.js';
import type { Audience, NotificationKind } from './notify.js';
import type { InstanceRecord, JsonObject, TaskRecord } from './records.js';

/** What a task operation changes: who holds tasks, who is told. Never the flow's state. */
export interface OperationResult {
  readonly closeDone: string[];
  readonly newTasks: TaskRecord[];
  readonly reassign?: { id: string; assignee: string };
  readonly notify: Array<{ kind: NotificationKind; audience: Audience }>;
}

const personId = z.string().min(1).max(100);
const schemas = {
  TRANSFER: z.object({ to: personId }).strict(),
  ADD_APPROVER: z.object({ userId: personId }).strict(),
  CC: z.object({ userIds: z.array(personId).min(1).max(50) }).strict(),
  COMMENT: z.object({}).strict(),
  URGE: z.object({}).strict(),
} satisfies Record<TaskOperation, z.ZodType>;

async function person(directory: Directory | undefined, id: string): Promise<Person> {
  const found = directory ? await directory.getUser(id) : undefined;
  if (!found) {
    throw refuse(
      'VALIDATION_FAILED',
      { userId: id },
      {
        zh: `用户 ${id} 不存在`,
        en: `No user ${id}`,
      },
    );
  }
  return found;
}

function fitsRole(p: Person, task: TaskRecord): boolean {
  return (
    p.roles.includes(task.role) &&
    (task.college === null || p.college === task.college) &&
    (task.organization === null || p.organization === task.organization)
  );
}

/**
 * 转办 TRANSFER (hand the task to another person of the same role, for good), 加签 ADD_APPROVER
 * (another approver must approve this step first), 抄送 CC (readers are told, get no task),
 * 评论 COMMENT and 催办 URGE (a manual reminder by the submitter).
 */
export async function taskOperation(args: {
  type: TaskOperation;
  data: JsonObject;
  actor: Actor;
  instance: InstanceRecord;
  /** Open tasks the actor holds (already filtered). */
  tasks: readonly TaskRecord[];
  directory: Directory | undefined;
  ids: IdGenerator;
  now: Date;
}): Promise<OperationResult> {
  const { type, actor, instance, tasks } = args;
  const parsed = schemas[type].safeParse(args.data);
  if (!parsed.success) {
    throw refuse('VALIDATION_FAILED', { issues: parsed.error.issues.map((i) => i.message) });
  }
  const submitter = actor.id === instance.submitterId;
  if (type === 'URGE') {
    if (!submitter) throw refuse('NOT_AUTHORIZED', { event: type });
    return { closeDone: [], newTasks: [], notify: [] };
  }
  const task = tasks.find((t) => t.kind !== 'added') ?? tasks[0];
  if (type === 'COMMENT') {
    if (!task && !submitter) throw refuse('NOT_AUTHORIZED', { event: type });
    return { closeDone: [], newTasks: [], notify: [] };
  }
  if (!task) throw refuse('NOT_AUTHORIZED', { event: type });

  if (type === 'TRANSFER') {
    const { to } = schemas.TRANSFER.parse(args.data);
    const target = await person(args.directory, to);
    if (target.id === actor.id || target.id === instance.submitterId || !fitsRole(target, task)) {
      throw refuse(
        'VALIDATION_FAILED',
        { to },
        {
          zh: '只能转办给同一角色、同一范围的其他人员（不能是申请人）',
          en: 'A task can only be transferred to another person of the same role and scope (not the submitter)',
        },
      );
    }
    return {
      closeDone: [],
      newTasks: [],
      reassign: { id: task.id, assignee: target.id },
      notify: [
        { kind: 'task', audience: { kind: 'task', task: { ...task, assignee: target.id } } },
      ],
    };
  }
  if (type === 'ADD_APPROVER') {
    const { userId } = schemas.ADD_APPROVER.parse(args.data);
    const target = await person(args.directory, userId);
    const stepTaken = Object.values(instance.stepActors).includes(target.id);
    if (target.id === actor.id || target.id === instance.submitterId || stepTaken) {
      throw refuse(
        'VALIDATION_FAILED',
        { userId },
        {
          zh: '加签人不能是本人、申请人或已审批过本流程的人员',
          en: 'The added approver cannot be yourself, the submitter, or someone who already approved',
        },
      );
    }
    const added: TaskRecord = {
      ...task,
      id: args.ids(),
      kind: 'added',
      assignee: target.id,
      events: task.events.filter((e) => e === 'APPROVE' || e === 'RETURN' || e === 'REJECT'),
      createdAt: args.now,
    };
    return {
      closeDone: [],
      newTasks: [added],
      notify: [{ kind: 'task', audience: { kind: 'task', task: added } }],
    };
  }
  // CC
  const { userIds } = schemas.CC.parse(args.data);
  await Promise.all(userIds.map((id) => person(args.directory, id)));
  return {
    closeDone: [],
    newTasks: [],
    notify: [{ kind: 'cc', audience: { kind: 'people', ids: userIds } }],
  };
}
