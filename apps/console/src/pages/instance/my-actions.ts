import type { FlowInfo, Instance, Task } from '@certflow/client';
import { EVENT_ORDER } from '../../labels/events';
import type { SessionUser } from '../../session/claims';

/** What the signed-in person may do now: per open task of theirs, its events (+ the submitter's). */
export interface ActionGroup {
  /** The task acted on (`taskId`), or null for the submitter's own events (撤回). */
  readonly task: Task | null;
  readonly events: readonly string[];
}

/** Does the person hold this open task (named, or by role in scope, or as the applicant)? */
export function holds(task: Task, instance: Instance, user: SessionUser): boolean {
  if (task.assignee !== null) return task.assignee === user.id;
  if (task.role === 'submitter') return instance.submitterId === user.id;
  return user.roles.includes(task.role) && (task.college === null || task.college === user.college);
}

const order = (events: readonly string[]) =>
  [...events].sort((a, b) => {
    const ia = EVENT_ORDER.indexOf(a);
    const ib = EVENT_ORDER.indexOf(b);
    return (ia === -1 ? 99 : ia) - (ib === -1 ? 99 : ib);
  });

/**
 * The actions the console offers. The server decides (separation of duties, versions, rules);
 * this only leaves out what cannot be the person's: other people's tasks, anything for the
 * auditor, anything on an ended instance.
 */
export function myActions(
  instance: Instance,
  flow: FlowInfo | undefined,
  user: SessionUser,
): ActionGroup[] {
  if (instance.status !== 'active' || user.roles.includes('auditor')) return [];
  const groups: ActionGroup[] = instance.tasks
    .filter((t) => holds(t, instance, user))
    .map((t) => ({ task: t, events: order(t.events) }));
  if (instance.submitterId === user.id) {
    const current = instance.state.split(',');
    const own = (flow?.states ?? [])
      .filter((s) => current.includes(s.id))
      .flatMap((s) => s.submitterEvents);
    // 催办: the applicant may remind the current approvers (the engine limits how often).
    const waiting = instance.tasks.some((t) => t.role !== 'submitter' && !holds(t, instance, user));
    const already = new Set(groups.flatMap((g) => g.events));
    const extra = [...new Set([...own, ...(waiting ? ['URGE'] : [])])].filter(
      (e) => !already.has(e),
    );
    if (extra.length > 0) groups.push({ task: null, events: order(extra) });
  }
  return groups;
}
