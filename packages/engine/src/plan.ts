import type { BusinessCalendar } from './calendar.js';
import { addDuration } from './calendar.js';
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
  instance: Pick<InstanceRecord, 'id' | 'flowId' | 'college' | 'submitterId'>;
  entered: readonly string[];
  now: Date;
  ids: IdGenerator;
  calendar: BusinessCalendar | undefined;
}): EnteredPlan {
  const { flow, instance, entered, now, ids } = args;
  const tasks: TaskRecord[] = [];
  const timers: TimerRecord[] = [];
  const timer = (
    state: string,
    taskId: string | null,
    kind: TimerRecord['kind'],
    event: string,
    dueAt: Date,
  ): TimerRecord => ({
    id: ids(),
    instanceId: instance.id,
    taskId,
    state,
    kind,
    event,
    dueAt,
    status: 'pending',
    createdAt: now,
    firedAt: null,
  });

  for (const state of entered) {
    const spec = flow.states[state];
    if (!spec) continue;
    for (const t of spec.tasks ?? []) {
      const dueAt = t.deadline
        ? addDuration(requireCalendar(args.calendar, flow), now, t.deadline)
        : null;
      const task = openTask({ spec: t, state, instance, id: ids(), now, dueAt });
      tasks.push(task);
      for (const r of t.reminders ?? []) {
        timers.push(
          timer(
            state,
            task.id,
            'remind',
            'REMIND',
            addDuration(requireCalendar(args.calendar, flow), now, r),
          ),
        );
      }
      if (dueAt && t.timeoutEvent)
        timers.push(timer(state, task.id, 'event', t.timeoutEvent, dueAt));
      else if (dueAt && t.escalateTo)
        timers.push(timer(state, task.id, 'escalate', 'ESCALATE', dueAt));
    }
    if (spec.timeout) {
      const due = addDuration(requireCalendar(args.calendar, flow), now, spec.timeout.after);
      timers.push(timer(state, null, 'event', spec.timeout.event, due));
    }
  }
  return { tasks, timers };
}

export function openTask(args: {
  spec: TaskSpec;
  state: string;
  instance: Pick<InstanceRecord, 'id' | 'flowId' | 'college' | 'submitterId'>;
  id: string;
  now: Date;
  dueAt: Date | null;
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
    assignee: submitter ? instance.submitterId : null,
    events: [...spec.events],
    approval: spec.approval,
    dueAt: args.dueAt,
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
