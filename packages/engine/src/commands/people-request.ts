import { peopleNamedBy } from '../core/operations.js';
import type { AnyFlow } from '../flows/flow.js';
import type { FlowRegistry } from '../flows/registry.js';
import type { PeopleRequest } from '../ports/directory.js';
import type { Loaded } from '../ports/store.js';
import type { Command } from './command.js';

/** The roles a flow's tasks (and their escalations) are held by, and whether per college. */
const audienceCache = new WeakMap<AnyFlow, readonly { role: string; perCollege: boolean }[]>();

function audienceOf(flow: AnyFlow): readonly { role: string; perCollege: boolean }[] {
  const cached = audienceCache.get(flow);
  if (cached) return cached;
  const seen = new Map<string, { role: string; perCollege: boolean }>();
  const add = (role: string, perCollege: boolean): void => {
    seen.set(`${role}|${perCollege}`, { role, perCollege });
  };
  for (const spec of Object.values(flow.states)) {
    for (const task of spec.tasks ?? []) {
      if (task.scope !== 'submitter') add(task.role, task.scope === 'college');
      if (task.escalateTo) add(task.escalateTo.role, task.escalateTo.scope === 'college');
    }
  }
  const audience = [...seen.values()];
  audienceCache.set(flow, audience);
  return audience;
}

/**
 * Everyone a command's decision may name or notify, to resolve before deciding: the holders of
 * every role its flow's tasks name (in the instance's college where the task is per college),
 * the applicant, the open tasks' assignees and delegates, the named approvers of its steps, who
 * decided its earlier steps, and the people the command itself names.
 */
export function peopleRequestOf(
  flows: FlowRegistry,
  command: Command,
  loaded: Loaded,
  at: Date,
): PeopleRequest {
  let flow: AnyFlow | undefined;
  let college: string | null = null;
  const ids: string[] = [];
  if (command.kind === 'start') {
    flow = flows.latest(command.flowId);
    const input = flow.input.safeParse(command.input);
    if (!input.success) return { ids: [], roles: [], at };
    college = flow.college(input.data);
    ids.push(command.actor.id);
  } else {
    const instance = loaded.instance;
    if (!instance || !flows.has(instance.row.flowId, instance.row.flowVersion)) {
      return { ids: [], roles: [], at };
    }
    flow = flows.get(instance.row.flowId, instance.row.flowVersion);
    college = instance.row.college;
    ids.push(instance.row.submitterId);
    for (const t of instance.openTasks) {
      if (t.assignee !== null) ids.push(t.assignee);
      if (t.delegatedTo !== null) ids.push(t.delegatedTo);
    }
    // Named approvers of multi-approver steps, and who decided earlier steps (退回 to a step
    // re-assigns it to them).
    for (const progress of Object.values(instance.row.steps)) {
      for (const round of progress.rounds) {
        for (const slot of round.slots) if (slot.kind === 'person') ids.push(slot.id);
      }
    }
    for (const d of instance.row.decisions) {
      ids.push(d.actorId);
      if (d.onBehalfOf) ids.push(d.onBehalfOf);
    }
    if (command.kind === 'send') ids.push(...peopleNamedBy(command.event.type, command.event.data));
  }
  return {
    ids,
    actorId: 'actor' in command ? command.actor.id : undefined,
    at,
    roles: audienceOf(flow).map(({ role, perCollege }) => ({
      role,
      college: perCollege ? college : null,
    })),
  };
}
