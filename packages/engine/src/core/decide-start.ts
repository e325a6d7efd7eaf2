import { initialTransition } from 'xstate';
import { validationError } from '../commands/command.js';
import { DomainError, refuse } from '../errors.js';
import type { AnyFlow, ReferenceWrite } from '../flows/flow.js';
import type { CommandWrite, Loaded } from '../ports/store.js';
import type { InstanceRecord, JsonObject, ReferenceKey } from '../records.js';
import { isSystem, type Actor } from './actor.js';
import type { DecideContext } from './context.js';
import { effectsOf } from './effects.js';
import type { AttachmentRef } from './engine-data.js';
import { chainRow, GENESIS_HASH } from './hash.js';
import { Notifications } from './notifications.js';
import { statusOf, type Decided } from './outcome.js';
import { planEntered } from './plan.js';
import { referencePuts, referenceReader } from './references.js';
import { activeLeaves, persistSnapshot, stateKey } from './snapshot.js';
import { instanceView, type InstanceView } from './view.js';

/** The reference rows an instance of `flow` started with `input` loads on every command. */
export function declaredReferences(
  flow: AnyFlow,
  input: unknown,
  instanceId: string,
): ReferenceKey[] {
  const parsed = flow.input.safeParse(input);
  if (!parsed.success || !flow.references) return [];
  return [...flow.references({ input: parsed.data, instanceId })];
}

/**
 * Start an instance of the newest version of a flow: the starter's role and college, the input
 * schema, the flow's `prepare` rules on the loaded references, XState's initial transition, the
 * tasks, timers and notifications of the states entered. Pure; throws a refusal.
 */
export function decideStart(
  ctx: DecideContext,
  loaded: Loaded,
  command: {
    flowId: string;
    input: unknown;
    actor: Actor;
    instanceId: string;
    attachments?: readonly AttachmentRef[];
  },
): Decided<InstanceView> {
  const { actor, instanceId: id } = command;
  const flow = ctx.flows.latest(command.flowId);
  const parsed = flow.input.safeParse(command.input);
  if (!parsed.success) throw validationError(parsed.error, 'input');
  const input = parsed.data;
  const college = flow.college(input);
  // The system actor (effect handlers, recurring calls) may open any flow; people need a role.
  const allowed =
    isSystem(actor) ||
    (flow.startedBy.roles.some((r) => actor.roles.includes(r)) &&
      (flow.startedBy.scope === 'school' || (college !== null && actor.college === college)));
  if (!allowed) throw refuse('NOT_AUTHORIZED', { flow: flow.id, college });

  const now = ctx.now;
  const refKeys = declaredReferences(flow, input, id);
  const refs = referenceReader(loaded, refKeys);
  let prepared: JsonObject = {};
  let writes: readonly ReferenceWrite[] = [];
  if (flow.prepare) {
    const verdict = flow.prepare({ input, actor, refs, now, instanceId: id });
    if (verdict instanceof DomainError) throw verdict;
    prepared = verdict?.refs ?? {};
    writes = verdict?.writes ?? [];
  }
  const [snapshot, actions] = initialTransition(flow.machine, {
    input,
    refs: prepared,
    instanceId: id,
    submitterId: actor.id,
    submitterName: actor.name ?? null,
    at: now.toISOString(),
  });
  const state = stateKey(snapshot);
  const history = chainRow({
    instanceId: id,
    seq: 1,
    actor,
    event: 'START',
    data: command.attachments?.length ? { attachments: [...command.attachments] } : {},
    fromState: null,
    toState: state,
    comment: null,
    at: now,
    prevHash: GENESIS_HASH,
  });
  const draft: InstanceRecord = {
    id,
    flowId: flow.id,
    flowVersion: flow.version,
    state,
    status: statusOf(flow, snapshot),
    version: 1,
    snapshot: persistSnapshot(flow.machine, snapshot),
    submitterId: actor.id,
    college,
    organization: flow.organization ? flow.organization(input, refs) : null,
    subjectId: flow.subject ? flow.subject(input, id) : null,
    refKeys,
    title: flow.describe(input),
    stepActors: {},
    decisions: [],
    steps: {},
    undo: null,
    headHash: history.hash,
    createdAt: now,
    updatedAt: now,
  };
  const plan = planEntered({
    flow,
    instance: draft,
    entered: activeLeaves(snapshot.value),
    now,
    ids: ctx.ids,
    calendar: ctx.calendar,
    people: ctx.people,
  });
  const row: InstanceRecord = { ...draft, steps: plan.steps };
  const effects = effectsOf(row, actions, now, ctx.ids);
  const notify = new Notifications(ctx.people, ctx.ids, now);
  const write: CommandWrite = {
    instance: { row, expectedVersion: null },
    history,
    closeTasks: [],
    updateTasks: [],
    newTasks: plan.tasks,
    cancelTimers: [],
    newTimers: plan.timers,
    moveTasks: [],
    moveTimers: [],
    outbox: [...effects.outbox, ...notify.forTasks(row, plan.tasks, actor, null, 'START')],
    copies: [],
    references: referencePuts(loaded, [...writes, ...effects.references]),
  };
  return { write, result: instanceView(row, plan.tasks) };
}
