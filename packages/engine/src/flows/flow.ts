import type { AnyStateMachine } from 'xstate';
import type { ZodType } from 'zod';
import type { Duration } from '../ports/calendar.js';
import type { DomainError, Messages } from '../errors.js';
import type { InstanceStatus, JsonObject, ReferenceKey } from '../records.js';
import type { Actor } from '../core/actor.js';

/**
 * Who may act on a task: a role school-wide, in the instance's college, in the instance's
 * evaluation organization (培训评价组织, 第六条3), or the submitter of the instance.
 */
export type TaskScope = 'school' | 'college' | 'organization' | 'submitter';

/** A human task opened while the instance is in a state. */
export interface TaskSpec {
  /** Approval step name; separation of duties is checked per step. */
  readonly step: string;
  /** Role id, ignored for `submitter` scope. */
  readonly role: string;
  readonly scope: TaskScope;
  /** Machine events the task's holder may send (e.g. `APPROVE`, `RETURN`, `REJECT`). */
  readonly events: readonly string[];
  /** An approval step: the submitter may not take it, and one person may take only one step. */
  readonly approval: boolean;
  /** May this step be decided by reply mail? Leadership decisions may not. */
  readonly replyAllowed?: boolean;
  readonly deadline?: Duration;
  /** Reminders (催办), measured from the state's entry. */
  readonly reminders?: readonly Duration[];
  /** At the deadline, open an escalation task for this role (e.g. the office head). */
  readonly escalateTo?: { readonly role: string; readonly scope: 'school' | 'college' };
  /** At the deadline, send this machine event as the system actor instead of escalating. */
  readonly timeoutEvent?: string;
  /**
   * Who decides the step: 或签 `any` (one holder of the role decides; the default), 会签 `all`
   * (every holder of the role in scope, or `threshold` of them), 依次 `sequence` (the holders one
   * after another). Holders are read from the directory when the step opens; with nobody to name,
   * the step falls back to `any` rather than stall.
   */
  readonly approvers?: ApproverMode;
  /** 会签: does one 驳回 end the step (default), or count as a vote against the threshold? */
  readonly rejectEndsStep?: boolean;
  /** May several of this step's tasks be approved in one batch request (批量审批)? */
  readonly batch?: boolean;
}

export type ApproverMode =
  | { readonly mode: 'any' }
  | { readonly mode: 'all'; readonly threshold?: number }
  | { readonly mode: 'sequence' };

export interface StateSpec {
  readonly tasks?: readonly TaskSpec[];
  /** Events the submitter may send in this state without holding a task (e.g. `WITHDRAW`). */
  readonly submitterEvents?: readonly string[];
  /** A timer that sends a machine event as the system actor (e.g. a response deadline). */
  readonly timeout?: { readonly after: Duration; readonly event: string };
}

/**
 * The reference rows (quotas, projects, ledgers) a command loaded before deciding — the ones its
 * flow declares in `references`. Synchronous: a decision does no I/O. Asking for a row the flow
 * did not declare is a programming error (it throws a `TypeError`).
 */
export interface ReferenceReader {
  get(kind: string, key: string): JsonObject | undefined;
}

/**
 * A reference row written by an accepted command, in the command's own write. Checked against
 * the version the command loaded: when another command changed the row in between, the command
 * is decided again on the new value — no row lock, no lost update.
 */
export interface ReferenceWrite {
  readonly kind: string;
  readonly key: string;
  readonly value: JsonObject;
}

export interface RuleArgs<TContext> {
  readonly context: TContext;
  readonly event: { readonly type: string; readonly data: JsonObject };
  readonly actor: Actor;
  readonly state: string;
  readonly refs: ReferenceReader;
  readonly now: Date;
}

/**
 * Business rule before an event (or `prepare` before a start): a refusal; nothing, to let it
 * through; or `{ refs, writes }` — data for the machine (the event's `refs`, or the machine
 * input's `refs` at start) and reference rows to write with the command.
 */
export type RuleResult =
  | DomainError
  | undefined
  | { readonly refs?: JsonObject; readonly writes?: readonly ReferenceWrite[] };
// Declared as a method so a flow's specific rules fit the registry's `AnyFlow` (bivariance).
export type EventRule<TContext> = {
  rule(args: RuleArgs<TContext>): RuleResult;
}['rule'];

export interface FlowDefinition<TInput = unknown, TContext = unknown> {
  readonly id: string;
  /** Integer version; a shipped version never changes — a new behaviour is a new version. */
  readonly version: number;
  readonly title: Messages;
  readonly machine: AnyStateMachine;
  /** Validates `start` input. */
  readonly input: ZodType<TInput>;
  /** Payload schemas per machine event type (the `data` of a command); missing = empty object. */
  readonly events: Readonly<Record<string, ZodType>>;
  /** Per-state tasks and submitter rights, keyed by leaf state id (`review.college`). */
  readonly states: Readonly<Record<string, StateSpec>>;
  /**
   * Events by which the applicant hands the application in again after it came back (default
   * `RESUBMIT`): the decisions before one no longer count as steps passed — 退回 to a chosen step
   * offers only steps decided since (ARCHITECTURE.md § operations).
   */
  readonly submissionEvents?: readonly string[];
  /** Final state id → instance status; other final states complete the instance. */
  readonly outcomes?: Readonly<Record<string, InstanceStatus>>;
  /** Who may start an instance: one of these roles; `college` scope = of the input's college. */
  readonly startedBy: { readonly roles: readonly string[]; readonly scope: 'school' | 'college' };
  /** The college the instance belongs to (for college-scoped tasks and listings). */
  college(input: TInput): string | null;
  /**
   * The evaluation organization the instance concerns (for organization-scoped tasks), from the
   * start input and the declared references (e.g. the project's organization).
   */
  organization?(input: TInput, refs: ReferenceReader): string | null;
  /**
   * The reference rows every command of an instance loads before deciding (its quota, its
   * project, its ledger), from the start input. Read by `prepare` and `rules` through
   * `refs.get`; written back (`writes`, `reference.put` effects) version-checked.
   */
  references?(args: {
    readonly input: TInput;
    readonly instanceId: string;
  }): readonly ReferenceKey[];
  /** Business key linking flows together (e.g. a pilot project id). */
  subject?(input: TInput, instanceId: string): string | null;
  describe(input: TInput): string;
  /**
   * Business rules on start, after schema validation (e.g. `LEVEL_NOT_ALLOWED`): a refusal, or
   * the reference data the machine needs as input (`refs`, e.g. quota checks) and reference
   * rows to write. Synchronous and pure.
   */
  prepare?(args: {
    readonly input: TInput;
    readonly actor: Actor;
    readonly refs: ReferenceReader;
    readonly now: Date;
    readonly instanceId: string;
  }): RuleResult;
  /**
   * Business rules per event type, run before the transition (also `CANCEL`, run when the
   * engine cancels an instance: it may only write references). Synchronous and pure.
   */
  readonly rules?: Readonly<Record<string, EventRule<TContext>>>;
}

export type AnyFlow = FlowDefinition<unknown, unknown>;

/** The events by which the applicant hands the application in again: `submissionEvents` or `RESUBMIT`. */
export function resubmissionEvents(flow: AnyFlow): readonly string[] {
  return flow.submissionEvents ?? ['RESUBMIT'];
}

/** Declare a flow. Checks the declaration is consistent with its machine. */
export function defineFlow<TInput, TContext>(
  flow: FlowDefinition<TInput, TContext>,
): FlowDefinition<TInput, TContext> {
  if (!Number.isInteger(flow.version) || flow.version < 1) {
    throw new TypeError(`flow ${flow.id}: version must be a positive integer`);
  }
  const known = new Set(leafStateIds(flow.machine));
  for (const key of Object.keys(flow.states)) {
    if (!known.has(key)) {
      throw new TypeError(
        `flow ${flow.id}: state spec "${key}" names no leaf state of the machine`,
      );
    }
  }
  for (const [key, spec] of Object.entries(flow.states)) {
    const events = [
      ...(spec.tasks ?? []).flatMap((t) => t.events),
      ...(spec.submitterEvents ?? []),
    ];
    for (const type of events) {
      if (!(type in flow.events) && !TASK_OPERATIONS.includes(type as TaskOperation)) {
        throw new TypeError(
          `flow ${flow.id}: state "${key}" allows "${type}" with no payload schema`,
        );
      }
    }
  }
  return flow;
}

/**
 * Operations the engine handles itself, for every flow: 转办, 委派 and its resolution, 加签 and
 * 减签, 抄送, 评论, 催办 — they change who holds a task or who is told, never the flow's state —
 * and 拿回, which takes the actor's last approval back.
 */
export const TASK_OPERATIONS = [
  'TRANSFER',
  'DELEGATE',
  'RESOLVE',
  'ADD_APPROVER',
  'REMOVE_APPROVER',
  'CC',
  'COMMENT',
  'URGE',
  'TAKE_BACK',
] as const;
export type TaskOperation = (typeof TASK_OPERATIONS)[number];

export function isTaskOperation(type: string): type is TaskOperation {
  return (TASK_OPERATIONS as readonly string[]).includes(type);
}

interface StateNodeLike {
  readonly path: readonly string[];
  readonly states: Readonly<Record<string, StateNodeLike>>;
}

/** Every leaf state id of a machine, as dotted paths (`review.college`). */
export function leafStateIds(machine: AnyStateMachine): string[] {
  const out: string[] = [];
  const walk = (node: StateNodeLike): void => {
    const children = Object.values(node.states);
    if (children.length === 0) {
      out.push(node.path.join('.'));
      return;
    }
    children.forEach(walk);
  };
  walk(machine.root);
  return out;
}
