import type { Actor } from './actor.js';
import { refuse } from './errors.js';
import type { InstanceRecord, TaskRecord } from './records.js';

/**
 * Does the actor hold this task? A named assignee, or the role in the task's scope: its college,
 * its evaluation organization (第六条3: an organization's people act on its own certificates only).
 */
export function holds(actor: Actor, task: TaskRecord): boolean {
  if (task.assignee !== null) return task.assignee === actor.id;
  if (!actor.roles.includes(task.role)) return false;
  if (task.organization !== null && task.organization !== actor.organization) return false;
  return task.college === null || task.college === actor.college;
}

/**
 * Separation of duties (DESIGN §4): nobody approves their own submission, and one person fills
 * at most one approval step of an instance. Admins get no bypass.
 */
export function checkSeparationOfDuties(
  actor: Actor,
  task: TaskRecord,
  instance: InstanceRecord,
): void {
  if (!task.approval) return;
  if (actor.id === instance.submitterId) {
    throw refuse('SELF_APPROVAL', { step: task.step });
  }
  for (const [step, who] of Object.entries(instance.stepActors)) {
    if (who === actor.id && step !== task.step) {
      throw refuse('SEPARATION_OF_DUTIES', { step: task.step, alreadyActedOn: step });
    }
  }
}

/** Prefer the task named for the actor, then escalations, then role tasks. */
export function pickTask(tasks: readonly TaskRecord[], actor: Actor): TaskRecord | undefined {
  return (
    tasks.find((t) => t.assignee === actor.id) ??
    tasks.find((t) => t.kind === 'escalation') ??
    tasks[0]
  );
}
