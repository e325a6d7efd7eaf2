import {
  computeDue,
  dueBasis,
  type BusinessCalendar,
  type DueBasis,
  type Duration,
} from '../ports/calendar.js';
import { InfrastructureError } from '../errors.js';
import type { AnyFlow, TaskSpec } from '../flows/flow.js';
import type { IdGenerator } from '../ports/clock.js';
import type { People } from '../ports/directory.js';
import type {
  ApproverSlot,
  InstanceRecord,
  StepProgress,
  TaskKind,
  TaskRecord,
  TimerRecord,
} from '../records.js';
import { initialProgress, openSlots } from './steps.js';

export interface EnteredPlan {
  readonly tasks: TaskRecord[];
  readonly timers: TimerRecord[];
  /** The multi-approver progress of the steps entered (会签, 依次). */
  readonly steps: Record<string, StepProgress>;
}

type PlannedInstance = Pick<
  InstanceRecord,
  'id' | 'flowId' | 'college' | 'organization' | 'submitterId' | 'decisions'
>;

function requireCalendar(calendar: BusinessCalendar | undefined, flow: AnyFlow): BusinessCalendar {
  if (!calendar) {
    throw new InfrastructureError(
      'CALENDAR_MISSING',
      `flow ${flow.id} declares deadlines but the engine has no business calendar`,
      { retryable: false },
    );
  }
  return calendar;
}

interface PlanArgs {
  readonly flow: AnyFlow;
  readonly instance: PlannedInstance;
  readonly now: Date;
  readonly ids: IdGenerator;
  readonly calendar: BusinessCalendar | undefined;
}

/**
 * The tasks of a step's slots (one per slot: a role task, or one assigned to the person), each
 * with its deadline, reminders and escalation or timeout timer counted from `now`.
 */
export function tasksForSlots(
  args: PlanArgs & { readonly spec: TaskSpec; readonly state: string },
  slots: readonly ApproverSlot[],
): { tasks: TaskRecord[]; timers: TimerRecord[] } {
  const { flow, spec: t, state, instance, now, ids } = args;
  const due = (rule: Duration, edge: DueBasis['edge']): { at: Date; basis: DueBasis } => {
    const computed = computeDue(requireCalendar(args.calendar, flow), now, rule, edge);
    return { at: computed.at, basis: dueBasis(now, rule, edge, computed) };
  };
  const timer = (
    taskId: string | null,
    kind: TimerRecord['kind'],
    event: string,
    when: { at: Date; basis: DueBasis },
  ): TimerRecord => ({
    id: ids(),
    instanceId: instance.id,
    taskId,
    state,
    kind,
    event,
    dueAt: when.at,
    dueBasis: when.basis,
    status: 'pending',
    createdAt: now,
    firedAt: null,
  });
  const tasks: TaskRecord[] = [];
  const timers: TimerRecord[] = [];
  for (const slot of slots) {
    const deadline = t.deadline ? due(t.deadline, 'deadline') : null;
    const task = openTask({
      spec: t,
      state,
      instance,
      id: ids(),
      now,
      due: deadline,
      ...(slot.kind === 'person'
        ? { assignee: slot.id, kind: slot.addedBy ? ('added' as const) : ('step' as const) }
        : {}),
    });
    tasks.push(task);
    for (const r of t.reminders ?? []) {
      timers.push(timer(task.id, 'remind', 'REMIND', due(r, 'reminder')));
    }
    if (deadline && t.timeoutEvent) timers.push(timer(task.id, 'event', t.timeoutEvent, deadline));
    else if (deadline && t.escalateTo)
      timers.push(timer(task.id, 'escalate', 'ESCALATE', deadline));
  }
  return { tasks, timers };
}

/** The tasks and timers a command opens for the leaf states it entered. */
export function planEntered(
  args: PlanArgs & { readonly entered: readonly string[]; readonly people: People | undefined },
): EnteredPlan {
  const { flow, instance, entered, now, ids } = args;
  const tasks: TaskRecord[] = [];
  const timers: TimerRecord[] = [];
  const steps: Record<string, StepProgress> = {};
  for (const state of entered) {
    const spec = flow.states[state];
    if (!spec) continue;
    for (const t of spec.tasks ?? []) {
      const progress = initialProgress(t, state, instance, args.people);
      if (progress) steps[t.step] = progress;
      const slots: ApproverSlot[] = progress ? openSlots(progress) : [{ kind: 'role' }];
      const opened = tasksForSlots({ ...args, spec: t, state }, slots);
      tasks.push(...opened.tasks);
      timers.push(...opened.timers);
    }
    if (spec.timeout) {
      const computed = computeDue(
        requireCalendar(args.calendar, flow),
        now,
        spec.timeout.after,
        'deadline',
      );
      timers.push({
        id: ids(),
        instanceId: instance.id,
        taskId: null,
        state,
        kind: 'event',
        event: spec.timeout.event,
        dueAt: computed.at,
        dueBasis: dueBasis(now, spec.timeout.after, 'deadline', computed),
        status: 'pending',
        createdAt: now,
        firedAt: null,
      });
    }
  }
  return { tasks, timers, steps };
}

export function openTask(args: {
  spec: TaskSpec;
  state: string;
  instance: PlannedInstance;
  id: string;
  now: Date;
  due: { at: Date; basis: DueBasis } | null;
  /** A named person (会签, 依次, 加签, a return to them); default: the role's holders. */
  assignee?: string;
  kind?: TaskKind;
}): TaskRecord {
  const { spec, instance } = args;
  const submitter = spec.scope === 'submitter';
  return {
    id: args.id,
    instanceId: instance.id,
    flowId: instance.flowId,
    state: args.state,
    step: spec.step,
    kind: submitter ? 'submitter' : (args.kind ?? 'step'),
    role: submitter ? 'submitter' : spec.role,
    college: spec.scope === 'college' ? instance.college : null,
    organization: spec.scope === 'organization' ? instance.organization : null,
    assignee: submitter ? instance.submitterId : (args.assignee ?? null),
    events: [...spec.events],
    approval: spec.approval,
    dueAt: args.due?.at ?? null,
    dueBasis: args.due?.basis ?? null,
    urgedAt: null,
    delegatedTo: null,
    status: 'open',
    createdAt: args.now,
    completedAt: null,
    completedBy: null,
  };
}

/** The task spec behind an open task, for timers and reply rules. */
export function specOf(
  flow: AnyFlow,
  task: Pick<TaskRecord, 'state' | 'step'>,
): TaskSpec | undefined {
  return flow.states[task.state]?.tasks?.find((t) => t.step === task.step);
}
