import {
  isTaskOperation,
  stateKey,
  type Actor,
  type AnyFlow,
  type CommandEvent,
  type InstanceView,
} from '@certflow/engine';
import type { AnyMachineSnapshot } from 'xstate';
import { cast, holdsTask } from './cast.js';
import type { FlowModel, ModelEvent, ModelProbe, ModelScenario } from './flow-model.js';
import { INVARIANTS } from './invariants.js';
import { flowsFor, memoryWorld, type MemoryWorld } from './memory-world.js';
import { DETOURS, runDetour, type Detour } from './detours.js';
import { expectRefused } from './refusals.js';

export { expectRefused };
import type { ModelPath } from './paths.js';

/** A person of the cast who may take the task now (holds it, not the submitter, free of other steps). */
async function holderFor(
  w: MemoryWorld,
  id: string,
  type: string,
  taskId?: string,
): Promise<{ actor: Actor; taskId: string } | undefined> {
  const instance = await w.store.read.getInstance(id);
  const tasks = (await w.store.read.openTasks(id)).filter(
    (t) => t.events.includes(type) && (taskId === undefined || t.id === taskId),
  );
  for (const task of tasks) {
    const other = (p: Actor) =>
      Object.entries(instance?.stepActors ?? {}).some(
        ([step, who]) => who === p.id && step !== task.step,
      );
    const actor = cast.find(
      (p) => holdsTask(p, task) && p.id !== instance?.submitterId && !(task.approval && other(p)),
    );
    if (actor) return { actor, taskId: task.id };
  }
  return undefined;
}

/** 退回 and 驳回 need a reason (the engine refuses them without one, `REASON_REQUIRED`). */
const REASONED = new Set(['RETURN', 'REJECT']);
const reasonFor = (type: string): { comment?: string } =>
  REASONED.has(type) ? { comment: `模型测试：${type === 'RETURN' ? '请修改' : '不予通过'}` } : {};

/** Send one model event the way it happens for real: by a task holder, the submitter, or a timer. */
async function act(
  w: MemoryWorld,
  flow: AnyFlow,
  scenario: ModelScenario,
  view: InstanceView,
  event: ModelEvent,
): Promise<InstanceView> {
  const command: CommandEvent = {
    type: event.type,
    data: event.data ?? {},
    ...reasonFor(event.type),
  };
  const open = await w.store.read.openTasks(view.id);
  const submitterTask = open.find((t) => t.kind === 'submitter' && t.events.includes(event.type));
  if (submitterTask)
    return w.engine.send(view.id, { ...command, taskId: submitterTask.id }, scenario.starter);
  const holder = await holderFor(w, view.id, event.type);
  if (holder) return w.engine.send(view.id, { ...command, taskId: holder.taskId }, holder.actor);
  const leaves = view.state.split(',');
  if (leaves.some((l) => flow.states[l]?.submitterEvents?.includes(event.type))) {
    return w.engine.send(view.id, command, scenario.starter);
  }
  const timer = (await w.store.read.pendingTimers(view.id)).find(
    (t) => t.kind === 'event' && t.event === event.type,
  );
  if (timer) {
    w.clock.set(timer.dueAt);
    const fired = await w.engine.fireTimer(timer.id);
    if (!fired.instance) throw new Error(`timer ${event.type} did not fire: ${fired.reason ?? ''}`);
    return fired.instance;
  }
  throw new Error(
    `${flow.id}: ${event.type} in ${view.state} is accepted by the machine but no task, submitter right or timer lets anyone send it`,
  );
}

/** Refusals every state must give: approval events by the submitter or an outsider, unknown events. */
async function probe(
  w: MemoryWorld,
  model: FlowModel,
  scenario: ModelScenario,
  view: InstanceView,
  snapshot: AnyMachineSnapshot,
): Promise<number> {
  const id = view.id;
  const payload = (type: string) =>
    model.events(snapshot, scenario).find((e) => e.type === type)?.data ?? {};
  const outsider = cast.find((p) => p.roles.includes('auditor'))!;
  const probes: ModelProbe[] = [];
  if (view.status !== 'active') {
    probes.push({ event: { type: 'APPROVE' }, actor: outsider, code: 'EVENT_NOT_ACCEPTED' });
  }
  for (const task of view.tasks) {
    for (const type of task.events.filter((e) => !isTaskOperation(e))) {
      const event = { type, data: payload(type), taskId: task.id };
      probes.push({ event, actor: outsider, code: 'NOT_AUTHORIZED' });
      if (task.approval && scenario.starter.kind !== 'system') {
        // Without a task id: the submitter must not get through by any route.
        probes.push({
          event: { type, data: payload(type) },
          actor: 'submitter',
          code: 'SELF_APPROVAL',
        });
      }
    }
    probes.push({
      event: { type: 'NO_SUCH_EVENT', taskId: task.id },
      actor: 'holder',
      code: 'EVENT_NOT_ACCEPTED',
    });
    // 退回/驳回 without a reason, by the task's holder: refused, nothing written.
    for (const type of task.events.filter((e) => REASONED.has(e))) {
      probes.push({
        event: { type, data: payload(type), taskId: task.id, comment: '  ' },
        actor: 'holder',
        code: 'REASON_REQUIRED',
      });
    }
  }
  probes.push(...(model.probes?.(snapshot, scenario) ?? []));
  for (const p of probes) {
    let actor: Actor | undefined;
    if (p.actor === 'submitter') actor = scenario.starter;
    else if (p.actor === 'holder')
      actor =
        (await holderFor(w, id, p.event.type, p.event.taskId))?.actor ??
        (await holderFor(w, id, view.tasks[0]?.events[0] ?? ''))?.actor ??
        outsider;
    else actor = p.actor;
    const codes = p.code === 'SELF_APPROVAL' ? ['SELF_APPROVAL', 'NOT_AUTHORIZED'] : [p.code];
    await expectRefused(
      w,
      model.watch,
      () => w.engine.send(id, p.event, actor),
      codes,
      `${view.state}: ${p.event.type} by ${actor.id}`,
    );
  }
  return probes.length;
}

/**
 * Replay one path through the engine on a fresh in-memory store: start as the scenario's
 * starter, send each event as a person entitled to it (or fire its timer), and check the engine
 * agrees with the machine and every invariant holds after every step. States not probed yet
 * (`probed`) also get the refusal probes.
 */
export async function replayPath(args: {
  flow: AnyFlow;
  model: FlowModel;
  scenario: ModelScenario;
  path: ModelPath;
  initial: AnyMachineSnapshot;
  probed: Set<string>;
  key: (s: AnyMachineSnapshot) => string;
  /** The engine's flows (default `pilotFlows`); tests of the harness pass mutants. */
  flows?: readonly AnyFlow[];
  /**
   * Operation steps already taken in this scenario (`state key` + detour): each state gets each
   * detour of `detours.ts` once over the scenario's paths. Without it, none are taken.
   */
  detoured?: Set<string>;
}): Promise<{ steps: number; probes: number; detours: readonly Detour[] }> {
  const { flow, model, scenario, path } = args;
  const w = memoryWorld({ flows: args.flows ?? flowsFor(flow) });
  for (const r of scenario.references ?? []) w.store.setReference(r.kind, r.key, r.value);
  let view = await w.engine.start(flow.id, scenario.input, scenario.starter);
  let probes = 0;
  // The event types sent so far, the path's and the operation steps' (history must be exactly this).
  const sent: string[] = [];
  const taken: Detour[] = [];
  const check = async (snapshot: AnyMachineSnapshot): Promise<void> => {
    if (view.state !== stateKey(snapshot)) {
      throw new Error(
        `${flow.id}: engine is in ${view.state}, the machine in ${stateKey(snapshot)}`,
      );
    }
    const instance = (await w.store.read.getInstance(view.id))!;
    const history = await w.store.read.history(view.id);
    const references = await Promise.all(
      (model.watch ?? []).map(
        async ([kind, key]) => [kind, key, await w.store.read.reference(kind, key)] as const,
      ),
    );
    const observation = {
      flow,
      model,
      instance,
      history,
      references,
      pathEvents: [...sent],
      requiredApprovals: model.requiredApprovals(snapshot, scenario),
      openTasks: await w.store.read.openTasks(view.id),
    };
    for (const invariant of INVARIANTS) invariant(observation);
    const verdict = await w.engine.verifyHistory(view.id);
    if (!verdict.ok)
      throw new Error(`${flow.id}: history chain broken at ${verdict.brokenAt ?? '?'}`);
    const key = args.key(snapshot);
    if (!args.probed.has(key)) {
      args.probed.add(key);
      probes += await probe(w, model, scenario, view, snapshot);
    }
  };
  const step = {
    w,
    flow,
    model,
    scenario,
    send: async (command: CommandEvent, actor: Actor, expected: AnyMachineSnapshot) => {
      view = await w.engine.send(view.id, command, actor);
      sent.push(command.type);
      await check(expected);
      return view;
    },
    act: async (event: ModelEvent, expected: AnyMachineSnapshot) => {
      view = await act(w, flow, scenario, view, event);
      sent.push(event.type);
      await check(expected);
      return view;
    },
  };
  await check(args.initial);
  for (const [i, event] of path.events.entries()) {
    const here = i === 0 ? args.initial : path.snapshots[i - 1]!;
    const holder = args.detoured ? await holderFor(w, view.id, event.type) : undefined;
    const task = holder && view.tasks.find((t) => t.id === holder.taskId);
    if (args.detoured && holder && task?.kind === 'step' && task.approval) {
      const previous =
        i === 0
          ? undefined
          : { event: path.events[i - 1]!, from: i === 1 ? args.initial : path.snapshots[i - 2]! };
      const record = (await w.store.read.openTasks(view.id)).find((t) => t.id === task.id)!;
      for (const kind of DETOURS) {
        const key = `${args.key(here)} ${kind}`;
        if (args.detoured.has(key)) continue;
        const s = { ...step, view, event, snapshot: here, ...(previous ? { previous } : {}) };
        if (await runDetour(kind, s, record, holder.actor)) {
          args.detoured.add(key);
          taken.push(kind);
          break;
        }
      }
    }
    await step.act(event, path.snapshots[i]!);
  }
  return { steps: path.events.length, probes, detours: taken };
}
