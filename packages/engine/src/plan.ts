import {
  computeDue,
  dueBasis,
  type BusinessCalendar,
  type DueBasis,
  type Duration,
} from './calendar.js';
import { InfrastructureError } from './errors.js';
import type { AnyFlow, TaskSpec } from './flow.js';
import type { InstanceRecord, TaskRecord, TimerRecord } from './records.js';
import type { IdGenerator } from './clock.js';

export interface EnteredPlan {
  readonly tasks: TaskRecord[];
  readonly timers: TimerRecord[];
}

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

/** The tasks and timers a command opens for the leaf states it entered. */
export function planEntered(args: {
  flow: AnyFlow;
  instance: Pick<InstanceRecord, 'id' | 'flowId' | 'college' | 'organization' | 'submitterId'>;
  entered: readonly string[];
  now: Date;
  ids: IdGenerator;
  calendar: BusinessCalendar | undefined;
}): EnteredPlan {
  const { flow, instance, entered, now, ids } = args;
  const tasks: TaskRecord[] = [];
  const timers: TimerRecord[] = [];
  const due = (rule: Duration, edge: DueBasis['edge']): { at: Date; basis: DueBasis } => {
    const computed = computeDue(requireCalendar(args.calendar, flow), now, rule, edge);
    return { at: computed.at, basis: dueBasis(now, rule, edge, computed) };
  };
  const timer = (
    state: string,
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

  for (const state of entered) {
    const spec = flow.states[state];
    if (!spec) continue;
    for (const t of spec.tasks ?? []) {
      const deadline = t.deadline ? due(t.deadline, 'deadline') : null;
      const task = openTask({ spec: t, state, instance, id: ids(), now, due: deadline });
      tasks.push(task);
      for (const r of t.reminders ?? []) {
        timers.push(timer(state, task.id, 'remind', 'REMIND', due(r, 'reminder')));
      }
      if (deadline && t.timeoutEvent)
        timers.push(timer(state, task.id, 'event', t.timeoutEvent, deadline));
      else if (deadline && t.escalateTo)
        timers.push(timer(state, task.id, 'escalate', 'ESCALATE', deadline));
    }
    if (spec.timeout) {
      timers.push(
        timer(state, null, 'event', spec.timeout.event, due(spec.timeout.after, 'deadline')),
      );
    }
  }
  return { tasks, timers };
}

export function openTask(args: {
  spec: TaskSpec;
  state: string;
  instance: Pick<InstanceRecord, 'id' | 'flowId' | 'college' | 'organization' | 'submitterId'>;
  id: string;
  now: Date;
  due: { at: Date; basis: DueBasis } | null;
}): TaskRecord {
  const { spec, instance } = args;
  const submitter = spec.scope === 'submitter';
  return {
    id: args.id,
    instanceId: instance.id,
    flowId: instance.flowId,
    state: args.state,
    step: spec.step,
    kind: submitter ? 'submitter' : 'step',
    role: submitter ? 'submitter' : spec.role,
    college: spec.scope === 'college' ? instance.college : null,
    organization: spec.scope === 'organization' ? instance.organization : null,
    assignee: submitter ? instance.submitterId : null,
    events: [...spec.events],
    approval: spec.approval,
    dueAt: args.due?.at ?? null,
    dueBasis: args.due?.basis ?? null,
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
