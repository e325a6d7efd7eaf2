import { refuse } from '../errors.js';
import type { People, Person } from '../ports/directory.js';
import type { InstanceRecord, TaskRecord } from '../records.js';
import type { Actor } from './actor.js';

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

/** A directory person as the actor they would be. */
export function asActor(p: Person): Actor {
  return {
    id: p.id,
    name: p.name,
    email: p.email,
    roles: p.roles,
    ...(p.college ? { college: p.college } : {}),
    ...(p.organization ? { organization: p.organization } : {}),
    kind: 'person',
  };
}

/**
 * Whom the actor holds the task as: themselves, or — 代理人 — a person they stand in for now who
 * holds it. Undefined when neither.
 */
export function holderFor(
  actor: Actor,
  task: TaskRecord,
  people: People | undefined,
): { readonly as: Actor; readonly onBehalfOf?: Person } | undefined {
  if (holds(actor, task)) return { as: actor };
  for (const p of people?.principalsOf(actor.id) ?? []) {
    if (holds(asActor(p), task)) return { as: asActor(p), onBehalfOf: p };
  }
  return undefined;
}

/** The step a `stepActors` key is about (`college`, or `college#2` for a further approver). */
export const stepOfKey = (key: string): string => key.split('#')[0] ?? key;

/**
 * Separation of duties: nobody approves their own submission, and one person fills at most one
 * approval step of an instance — checked for the actor and, when they stand in for someone
 * (代理人), for that person too. Admins get no bypass.
 */
export function checkSeparationOfDuties(
  people: readonly string[],
  task: TaskRecord,
  instance: InstanceRecord,
): void {
  if (!task.approval) return;
  for (const id of people) {
    if (id === instance.submitterId) throw refuse('SELF_APPROVAL', { step: task.step });
    const decided = [
      ...Object.entries(instance.stepActors).map(([key, who]) => ({ step: stepOfKey(key), who })),
      ...instance.decisions.flatMap((d) => [
        { step: d.step, who: d.actorId },
        ...(d.onBehalfOf ? [{ step: d.step, who: d.onBehalfOf }] : []),
      ]),
    ];
    const other = decided.find((d) => d.who === id && d.step !== task.step);
    if (other) {
      throw refuse('SEPARATION_OF_DUTIES', { step: task.step, alreadyActedOn: other.step });
    }
  }
  // Within one step of several approvers (会签, 依次: its rounds), one person counts once: a
  // substitute who is also an approver there decides for their principal or for themselves,
  // not both (both people are checked, as above).
  const inRound = decidedInStep(task, instance);
  const twice = people.find((id) => inRound.has(id));
  if (twice !== undefined) {
    throw refuse('SEPARATION_OF_DUTIES', { step: task.step, alreadyDecidedInStep: twice });
  }
}

/** Everyone who already decided in the rounds of the task's step now open, principals included. */
function decidedInStep(task: TaskRecord, instance: InstanceRecord): ReadonlySet<string> {
  const rounds = instance.steps[task.step]?.rounds ?? [];
  const ids = new Set(rounds.flatMap((r) => [...r.approved, ...(r.against ?? [])]));
  for (const d of instance.decisions) {
    if (d.step === task.step && d.onBehalfOf && (ids.has(d.actorId) || ids.has(d.onBehalfOf))) {
      ids.add(d.actorId);
      ids.add(d.onBehalfOf);
    }
  }
  return ids;
}

/** Prefer the task named for the actor, then escalations, then role tasks. */
export function pickTask(tasks: readonly TaskRecord[], actor: Actor): TaskRecord | undefined {
  return (
    tasks.find((t) => t.assignee === actor.id) ??
    tasks.find((t) => t.kind === 'escalation') ??
    tasks[0]
  );
}
