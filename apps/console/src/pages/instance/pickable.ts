import type { Task } from '@certflow/client';
import type { Person } from '../../api/people';

/**
 * Whom the picker offers: for 转办/委派/加签 (a task) people of the task's role in its scope —
 * the engine refuses anyone else (docs/http-api.md § Approval operations); for 抄送 (no task)
 * anyone. `exclude`: the person themself, the applicant.
 */
export function pickable(
  people: readonly Person[],
  task: Task | null,
  exclude: readonly string[],
): Person[] {
  return people.filter(
    (p) =>
      !exclude.includes(p.id) &&
      (!task ||
        task.role === 'submitter' ||
        (p.roles.some((r) => r.id === task.role) &&
          (!task.college || p.college?.id === task.college))),
  );
}
