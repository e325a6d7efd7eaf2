import type { Actor, AnyFlow, CommandEvent, InstanceView, TaskRecord } from '@certflow/engine';
import type { AnyMachineSnapshot } from 'xstate';
import { cast, castMember, holdsTask } from './cast.js';
import type { FlowModel, ModelEvent, ModelScenario } from './flow-model.js';
import type { MemoryWorld } from './memory-world.js';
import { expectRefused } from './refusals.js';

/**
 * Operation steps the model-based replay inserts before an event of a review step (model/README.md):
 * each leaves the instance where the model expects it and is checked there — 委派 → RESOLVE (the
 * task back with the delegator), 转办 (the transferee then decides), 加签 after (the current
 * approver's 同意 keeps the state; the added one's moves it as the model's event does), 加签 before
 * → 减签 (the current approver's task back), 抄送 + 评论 + 催办, 退回 to the step decided just before
 * (re-assigned to who decided it; their 同意 again brings the instance back), and 拿回 of the
 * approval just before (the same, or refused with nothing changed when the approval cannot be
 * taken back).
 */
export const DETOURS = [
  'delegate',
  'transfer',
  'add-after',
  'add-before-remove',
  'cc-urge',
  'return-to-step',
  'take-back',
] as const;
export type Detour = (typeof DETOURS)[number];

export interface DetourStep {
  readonly w: MemoryWorld;
  readonly flow: AnyFlow;
  readonly model: FlowModel;
  readonly scenario: ModelScenario;
  readonly view: InstanceView;
  /** The model's event about to be sent, and the one before it (with the snapshot it left). */
  readonly event: ModelEvent;
  readonly previous?: { readonly event: ModelEvent; readonly from: AnyMachineSnapshot };
  readonly snapshot: AnyMachineSnapshot;
  /** Send a command; the engine must then be in `expected`, every invariant holding. */
  send(command: CommandEvent, actor: Actor, expected: AnyMachineSnapshot): Promise<InstanceView>;
  /** Send a model event the way the replay does (a holder, the submitter, a timer). */
  act(event: ModelEvent, expected: AnyMachineSnapshot): Promise<InstanceView>;
}

const fail = (what: string): never => {
  throw new Error(`operation step: ${what}`);
};

/** `command` by `actor` is refused with `code`, and nothing changed. */
function refused(s: DetourStep, command: CommandEvent, actor: Actor, code: string, what: string) {
  return expectRefused(
    s.w,
    s.model.watch,
    () => s.w.engine.send(s.view.id, command, actor),
    [code],
    what,
  );
}

async function openTasks(s: DetourStep): Promise<readonly TaskRecord[]> {
  return s.w.store.read.openTasks(s.view.id);
}

/** Someone else who may take the step: its role and scope, never the applicant, no decision yet. */
async function another(s: DetourStep, task: TaskRecord, holder: Actor): Promise<Actor | undefined> {
  const row = (await s.w.store.read.getInstance(s.view.id))!;
  const decided = new Set([
    ...Object.values(row.stepActors),
    ...row.decisions.map((d) => d.actorId),
  ]);
  return cast.find(
    (p) =>
      holdsTask(p, { ...task, assignee: null }) &&
      p.id !== holder.id &&
      p.id !== row.submitterId &&
      !decided.has(p.id),
  );
}

/**
 * Run detour `kind` before `s.event`, which `holder` would send from `task` (a step task of an
 * approval step). False when the detour does not apply here (nobody else to name, no step before).
 */
export async function runDetour(
  kind: Detour,
  s: DetourStep,
  task: TaskRecord,
  holder: Actor,
): Promise<boolean> {
  const here = s.snapshot;
  const reason = { comment: '操作测试：请复核' };
  if (kind === 'return-to-step' || kind === 'take-back') {
    const prev = s.previous;
    if (!prev || prev.event.type !== 'APPROVE') return false;
    const history = await s.w.store.read.history(s.view.id);
    const approval = history.at(-1);
    if (approval?.event !== 'APPROVE' || approval.fromState === approval.toState) return false;
    const approver = castMember(approval.actorId);
    if (!approver) return false;
    if (kind === 'take-back') {
      const stranger = cast.find((p) => p.id !== approver.id)!;
      await refused(
        s,
        { type: 'TAKE_BACK' },
        stranger,
        'TAKE_BACK_NOT_ALLOWED',
        `拿回 by ${stranger.id}`,
      );
      const row = (await s.w.store.read.getInstance(s.view.id))!;
      // An approval that wrote reference rows or effects cannot be taken back (it recorded no undo).
      if (row.undo === null) {
        await refused(
          s,
          { type: 'TAKE_BACK' },
          approver,
          'TAKE_BACK_NOT_ALLOWED',
          `拿回 by ${approver.id} of an approval with effects`,
        );
        return true;
      }
      await s.send({ type: 'TAKE_BACK' }, approver, prev.from);
    } else {
      const step = (approval.fromState ?? '')
        .split(',')
        .flatMap((l) => (s.flow.states[l]?.tasks ?? []).filter((t) => t.approval))
        .map((t) => t.step)[0];
      if (!step || !task.events.includes('RETURN')) return false;
      await s.send(
        { type: 'RETURN', data: { toStep: step }, taskId: task.id, ...reason },
        holder,
        prev.from,
      );
    }
    // Re-assigned to who decided there: their task, by name.
    const back = (await openTasks(s)).find((t) => t.assignee === approver.id);
    if (!back) fail(`${kind}: no task named for ${approver.id} again`);
    await s.act(prev.event, here);
    return true;
  }

  const other = await another(s, task, holder);
  if (!other) return false;
  switch (kind) {
    case 'delegate': {
      await s.send({ type: 'DELEGATE', data: { to: other.id }, taskId: task.id }, holder, here);
      const open = await openTasks(s);
      if (!open.some((t) => t.kind === 'delegated' && t.assignee === other.id))
        fail(`委派: ${other.id} has no task to resolve`);
      await refused(
        s,
        { type: s.event.type, data: s.event.data ?? {}, ...reason },
        holder,
        'TASK_DELEGATED',
        `${s.event.type} by the delegator before RESOLVE`,
      );
      await s.send({ type: 'RESOLVE', comment: '已核实，建议同意' }, other, here);
      const mine = (await openTasks(s)).find((t) => t.assignee === holder.id);
      if (!mine || mine.delegatedTo !== null) fail(`委派: the task is not back with ${holder.id}`);
      return true;
    }
    case 'transfer': {
      await s.send({ type: 'TRANSFER', data: { to: other.id }, taskId: task.id }, holder, here);
      const moved = (await openTasks(s)).find((t) => t.id === task.id);
      if (moved?.assignee !== other.id) fail(`转办: the task is not ${other.id}'s`);
      return true;
    }
    case 'add-after': {
      if (s.event.type !== 'APPROVE') return false;
      await s.send(
        { type: 'ADD_APPROVER', data: { userId: other.id, position: 'after' }, taskId: task.id },
        holder,
        here,
      );
      // The current approver's 同意 keeps the step open for the added one, who decides next.
      await s.send({ type: 'APPROVE', data: s.event.data ?? {}, taskId: task.id }, holder, here);
      if (!(await openTasks(s)).some((t) => t.kind === 'added' && t.assignee === other.id))
        fail(`加签 after: ${other.id} has no task after ${holder.id}'s 同意`);
      return true;
    }
    case 'add-before-remove': {
      await s.send(
        { type: 'ADD_APPROVER', data: { userId: other.id, position: 'before' }, taskId: task.id },
        holder,
        here,
      );
      const open = await openTasks(s);
      if (!open.some((t) => t.kind === 'added' && t.assignee === other.id))
        fail(`加签 before: ${other.id} has no task`);
      if (open.some((t) => t.id === task.id)) fail(`加签 before: ${holder.id}'s task did not wait`);
      const stranger = cast.find((p) => p.id !== holder.id && p.id !== other.id)!;
      await refused(
        s,
        { type: 'REMOVE_APPROVER', data: { userId: other.id } },
        stranger,
        'NOT_ADDED_BY_YOU',
        `减签 by ${stranger.id}`,
      );
      await s.send({ type: 'REMOVE_APPROVER', data: { userId: other.id } }, holder, here);
      if (!(await openTasks(s)).some((t) => holdsTask(holder, t) && t.step === task.step))
        fail(`减签: ${holder.id}'s task did not open again`);
      return true;
    }
    case 'cc-urge': {
      await s.send({ type: 'CC', data: { userIds: [other.id] }, taskId: task.id }, holder, here);
      await s.send({ type: 'COMMENT', comment: '请补充说明', taskId: task.id }, holder, here);
      if (s.scenario.starter.kind !== 'system')
        await s.send({ type: 'URGE', taskId: task.id }, s.scenario.starter, here);
      return true;
    }
  }
}
