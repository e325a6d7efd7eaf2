import { refuse } from '../errors.js';
import type { People, Person } from '../ports/directory.js';
import type { LoadedInstance } from '../ports/store.js';
import type { TaskRecord } from '../records.js';

/** A person an operation names, or the refusal that they are unknown. */
export function person(people: People | undefined, id: string): Person {
  const found = people?.get(id);
  if (!found) {
    throw refuse(
      'VALIDATION_FAILED',
      { userId: id },
      { zh: `用户 ${id} 不存在`, en: `No user ${id}` },
    );
  }
  return found;
}

/** May this person hold this task: its role, in its college or evaluation organization? */
export function fitsTask(p: Person, task: TaskRecord): boolean {
  return (
    p.roles.includes(task.role) &&
    (task.college === null || p.college === task.college) &&
    (task.organization === null || p.organization === task.organization)
  );
}

/** Pending timers of these tasks (a task closed by an operation takes its reminders with it). */
export function timersOf(loaded: LoadedInstance, taskIds: readonly string[]): string[] {
  const ids = new Set(taskIds);
  return loaded.pendingTimers
    .filter((t) => t.taskId !== null && ids.has(t.taskId))
    .map((t) => t.id);
}
