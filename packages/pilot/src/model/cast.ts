import type { Actor, TaskRecord } from '@certflow/engine';
import { people } from '../testing/people.js';

/** A person of the test cast: an actor with an e-mail address and a college or none. */
export type CastMember = Actor & { readonly email: string };

/**
 * The people the model-based and randomized suites act as: the shared test cast plus a second
 * person for each school-wide role, so that separation of duties never runs out of people.
 */
export const cast: readonly CastMember[] = [
  ...Object.values(people),
  { id: 'u-president2', name: '孙副院长', email: 'vp@example.edu.cn', roles: ['leadership'] },
  { id: 'u-fin2', name: '郑科长', email: 'fin2@example.edu.cn', roles: ['finance'] },
  {
    id: 'u-org2',
    name: '评价组织考务',
    email: 'org2@example.com',
    roles: ['evaluation_org'],
    organization: '工信部教育与考试中心',
  },
  {
    id: 'u-owner-cs',
    name: '何老师',
    email: 'owner-cs@example.edu.cn',
    roles: ['project_owner'],
    college: 'cs',
  },
];

export function castMember(id: string): CastMember | undefined {
  return cast.find((p) => p.id === id);
}

/** Does the person hold the task (named assignee, or its role in its scope)? Mirrors the engine. */
export function holdsTask(
  person: Actor,
  task: Pick<TaskRecord, 'assignee' | 'role' | 'college' | 'organization'>,
): boolean {
  if (task.assignee !== null) return task.assignee === person.id;
  return (
    person.roles.includes(task.role) &&
    (task.college === null || task.college === person.college) &&
    (task.organization === null || task.organization === person.organization)
  );
}
