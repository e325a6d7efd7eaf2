import {
  isTaskOperation,
  resubmissionEvents,
  restoreSnapshot,
  TASK_OPERATIONS,
  type Actor,
  type AnyFlow,
  type CommandEvent,
  type InstanceRecord,
  type TaskRecord,
} from '@certflow/engine';
import fc from 'fast-check';
import { cast, castMember, holdsTask } from './cast.js';
import type { FlowModel, ModelScenario } from './flow-model.js';
import type { MemoryWorld } from './memory-world.js';
import { PASSIVE_OPERATIONS } from './observation.js';
import { strangers } from './random-commands.js';

/**
 * The engine's operations as the randomized suite sends them (model/README.md): well-formed
 * payloads from the cast, chosen against the instance as it is when the command is sent — 转办 and
 * 委派 to a person of the step's role or of another, RESOLVE by the delegate or not, 加签 before /
 * after / with, 减签 of an added approver by who added them or another, 抄送 to readers or not,
 * 拿回 by the last approver or not, 退回 to a step passed or not reached, 催办 — by a right or a wrong
 * actor, with the current version, a stale one or none. `ADVANCE` is an event of an open task,
 * sent by its holder with the model's payload, so that the instance moves on between operations.
 */
export const OPERATION_KINDS = [...TASK_OPERATIONS, 'RETURN_TO_STEP', 'ADVANCE'] as const;
type OperationKind = (typeof OPERATION_KINDS)[number];

export interface OperationCommand {
  readonly kind: 'operation';
  readonly op: OperationKind;
  /** The right actor (a holder, the delegate, who added, the applicant…) or a wrong one. */
  readonly rightActor: boolean;
  /** The right target (a person who can hold the step, a reader, a step passed) or a wrong one. */
  readonly rightTarget: boolean;
  /** Which task, person or step among the candidates (modulo their number). */
  readonly pick: number;
  readonly position: 'before' | 'after' | 'with';
  readonly withTaskId: boolean;
  readonly version: 'current' | 'stale' | 'none';
  /** A day passes first (so 催办 may be sent again). */
  readonly wait: boolean;
}

/** One operation command, right more often than wrong so that the applied paths are explored. */
export const operationCommand: fc.Arbitrary<OperationCommand> = fc.record({
  kind: fc.constant('operation' as const),
  op: fc.oneof(
    { weight: 3, arbitrary: fc.constant<OperationKind>('ADVANCE') },
    { weight: 7, arbitrary: fc.constantFrom<OperationKind>(...OPERATION_KINDS) },
  ),
  rightActor: fc.constantFrom(true, true, true, false),
  rightTarget: fc.constantFrom(true, true, false),
  pick: fc.nat(11),
  position: fc.constantFrom('before' as const, 'after' as const, 'with' as const),
  withTaskId: fc.boolean(),
  version: fc.constantFrom(
    'current' as const,
    'current' as const,
    'stale' as const,
    'none' as const,
  ),
  wait: fc.boolean(),
});

/** A resolved operation: the command to send, by whom, with which expected version. */
export interface ResolvedOperation {
  readonly event: CommandEvent;
  readonly actor: Actor;
  readonly expectedVersion?: number;
}

const everyone: readonly Actor[] = [...cast, ...strangers];
const at = <T>(xs: readonly T[], n: number): T | undefined =>
  xs.length > 0 ? xs[n % xs.length] : undefined;
const REASON = { RETURN: '请补充材料后重新提交', REJECT: '不符合申报条件' } as const;

/** Could the person hold the task by its role and scope (not by name)? */
const fits = (p: Actor, t: TaskRecord): boolean => holdsTask(p, { ...t, assignee: null });

/** May the person read the instance (a 抄送 reader): of its organization and college, or school-wide. */
function mayRead(p: Actor, instance: InstanceRecord): boolean {
  if (p.organization && p.organization !== instance.organization) return false;
  return (p.college ?? null) === null || p.college === instance.college;
}

/** Did the person decide a step of this instance (an approval row by them since the start)? */
const hasFilled = (instance: InstanceRecord, id: string): boolean =>
  Object.values(instance.stepActors).includes(id) ||
  instance.decisions.some((d) => d.actorId === id || d.onBehalfOf === id);

/** The command `c` stands for, on the instance as it is now. */
export async function resolveOperation(
  w: MemoryWorld,
  args: { flow: AnyFlow; model: FlowModel; scenario: ModelScenario; id: string },
  c: OperationCommand,
): Promise<ResolvedOperation> {
  const { flow, model, scenario, id } = args;
  const instance = (await w.store.read.getInstance(id))!;
  const open = await w.store.read.openTasks(id);
  const history = await w.store.read.history(id);
  const submitter: Actor = castMember(instance.submitterId) ?? scenario.starter;
  const deciding = open.filter((t) => t.kind !== 'submitter' && t.kind !== 'delegated');
  const task = at(deciding, c.pick);
  const holders = task
    ? cast.filter((p) => holdsTask(p, task) && p.id !== instance.submitterId)
    : [];
  const nonHolders = everyone.filter((p) => !holders.includes(p as never));
  const wrong = at(nonHolders, c.pick) ?? submitter;
  const holder = at(holders, c.pick);
  const actor = c.rightActor ? (holder ?? wrong) : wrong;
  const version =
    c.version === 'current'
      ? { expectedVersion: instance.version }
      : c.version === 'stale'
        ? { expectedVersion: Math.max(0, instance.version - 1) }
        : {};
  const taskId = c.withTaskId && task ? { taskId: task.id } : {};
  const send = (
    type: string,
    data: CommandEvent['data'],
    by: Actor,
    extra: Partial<CommandEvent> = {},
  ): ResolvedOperation => ({
    event: { type, ...(data ? { data } : {}), ...taskId, ...extra },
    actor: by,
    ...version,
  });
  // Someone who may take the step: its role and scope, not the actor or the applicant, no
  // decision in this instance yet — and, wrong, the applicant, the actor, another role or
  // college, or nobody the directory knows.
  const fitting = task
    ? cast.filter(
        (p) =>
          fits(p, task) &&
          p.id !== actor.id &&
          p.id !== instance.submitterId &&
          !hasFilled(instance, p.id),
      )
    : [];
  const misfits = [instance.submitterId, actor.id, 'u-audit', 'u-lead-cs', 'u-ghost'];
  const person = c.rightTarget
    ? (at(fitting, c.pick)?.id ?? at(misfits, c.pick)!)
    : at(misfits, c.pick)!;

  switch (c.op) {
    case 'TRANSFER':
    case 'DELEGATE':
      return send(c.op, { to: person }, actor);
    case 'ADD_APPROVER':
      return send(c.op, { userId: person, position: c.position }, actor);
    case 'RESOLVE': {
      const d = at(
        open.filter((t) => t.kind === 'delegated'),
        c.pick,
      );
      const delegator = open.find((t) => d && t.delegatedTo === d.assignee)?.assignee;
      const by = c.rightActor ? castMember(d?.assignee ?? '') : castMember(delegator ?? '');
      return {
        event: { type: 'RESOLVE', ...(c.withTaskId && d ? { taskId: d.id } : {}) },
        actor: by ?? wrong,
        ...version,
      };
    }
    case 'REMOVE_APPROVER': {
      const added = Object.values(instance.steps).flatMap((p) =>
        p.rounds
          .slice(p.current)
          .flatMap((r) =>
            r.slots.flatMap((s) =>
              s.kind === 'person' && s.addedBy && !r.approved.includes(s.id) ? [s] : [],
            ),
          ),
      );
      const slot = at(added, c.pick);
      const adder = castMember(slot?.addedBy ?? '');
      const other = cast.find((p) => p.id !== slot?.addedBy && p.id !== slot?.id) ?? wrong;
      const userId = c.rightTarget ? (slot?.id ?? person) : person;
      return send(c.op, { userId }, c.rightActor ? (adder ?? actor) : other);
    }
    case 'CC': {
      const readers = cast.filter((p) => mayRead(p, instance));
      const strangersToIt = cast.filter((p) => !mayRead(p, instance)).map((p) => p.id);
      const userIds = c.rightTarget
        ? [...new Set([at(readers, c.pick)!.id, at(readers, c.pick + 1)!.id])]
        : [at(readers, c.pick)!.id, at([...strangersToIt, 'u-ghost'], c.pick)!];
      return send(c.op, { userIds }, actor);
    }
    case 'COMMENT':
      return send(c.op, undefined, c.rightActor && c.pick % 3 === 0 ? submitter : actor, {
        comment: '请注意核对附件',
      });
    case 'URGE':
      if (c.wait) w.clock.advance(25 * 3_600_000);
      return send(c.op, undefined, c.rightActor ? submitter : (holder ?? wrong));
    case 'TAKE_BACK': {
      const decided = history
        .filter(
          (r) => !PASSIVE_OPERATIONS.has(r.event) && r.event !== 'REMIND' && r.event !== 'ESCALATE',
        )
        .at(-1);
      const last = castMember(decided?.actorId ?? '');
      const by = c.rightActor ? (last ?? wrong) : (cast.find((p) => p !== last) ?? wrong);
      return send(c.op, undefined, by);
    }
    case 'RETURN_TO_STEP': {
      const current = new Set(instance.state.split(','));
      const stepsOf = (state: string | null): string[] =>
        (state ?? '')
          .split(',')
          .flatMap((l) => (flow.states[l]?.tasks ?? []).filter((t) => t.approval))
          .map((t) => t.step);
      const here = new Set([...current].flatMap((l) => stepsOf(l)));
      // Steps passed since the last submission may be returned to. Refused: a step never passed, no
      // such step, and one decided only before the last (re)submission (going there would skip the
      // steps between; `completedThroughApprovals` would catch an engine that allowed it).
      const since = history.slice(
        history.findLastIndex((r) => ['START', ...resubmissionEvents(flow)].includes(r.event)) + 1,
      );
      const approved = (rows: typeof history): Set<string> =>
        new Set(rows.filter((r) => r.event === 'APPROVE').flatMap((r) => stepsOf(r.fromState)));
      const passed = [...approved(since)].filter((s) => !here.has(s));
      const all = [...new Set(Object.keys(flow.states).flatMap((l) => stepsOf(l)))];
      const ever = approved(history);
      const stale = [...ever].filter((s) => !passed.includes(s) && !here.has(s));
      const notReached = [...all.filter((s) => !ever.has(s)), ...stale, 'no-such-step'];
      const toStep = c.rightTarget ? (at(passed, c.pick) ?? 'applicant') : at(notReached, c.pick)!;
      const returning = deciding.filter((t) => t.events.includes('RETURN'));
      const t = at(returning, c.pick);
      const by =
        t && c.rightActor
          ? cast.find((p) => holdsTask(p, t) && p.id !== instance.submitterId)
          : undefined;
      return {
        event: {
          type: 'RETURN',
          data: { toStep },
          comment: REASON.RETURN,
          ...(c.withTaskId && t ? { taskId: t.id } : {}),
        },
        actor: by ?? wrong,
        ...version,
      };
    }
    case 'ADVANCE': {
      const t = at(
        open.filter((x) => x.kind !== 'delegated'),
        c.pick,
      );
      // Mostly an event that keeps the instance going (同意, 退回, resubmit…): 驳回 and 撤回 end it,
      // after which every operation is refused.
      const events = t?.events.filter((e) => !isTaskOperation(e)) ?? [];
      const lasting = events.filter((e) => e !== 'REJECT' && e !== 'WITHDRAW');
      const type =
        at(c.pick % 6 === 0 || lasting.length === 0 ? events : lasting, c.pick >> 1) ?? 'APPROVE';
      const snapshot = restoreSnapshot(flow.machine, instance.snapshot);
      const data = model.events(snapshot, scenario).find((e) => e.type === type)?.data ?? {};
      const filledOther = (p: Actor): boolean =>
        Object.entries(instance.stepActors).some(
          ([step, who]) => who === p.id && step.split('#')[0] !== t?.step,
        );
      const by =
        t?.kind === 'submitter'
          ? submitter
          : t
            ? cast.find((p) => holdsTask(p, t) && p.id !== instance.submitterId && !filledOther(p))
            : undefined;
      const reason = type in REASON ? { comment: REASON[type as keyof typeof REASON] } : {};
      return {
        event: { type, data, ...(t ? { taskId: t.id } : {}), ...reason },
        actor: c.rightActor ? (by ?? wrong) : wrong,
        ...(c.version === 'stale' ? version : {}),
      };
    }
  }
}
