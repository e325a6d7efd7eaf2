import type { AnyMachineSnapshot } from 'xstate';
import type { Messages } from '../errors.js';
import type { AnyFlow, TaskScope } from '../flows/flow.js';
import type { BusinessCalendar } from '../ports/calendar.js';
import type { People, Person } from '../ports/directory.js';
import type { InstanceRecord, StepProgress, TaskRecord, TimerRecord } from '../records.js';
import { stepOfKey } from './authorize.js';
import { planEntered, specOf } from './plan.js';
import { activeLeaves, pureTransition, restoreSnapshot } from './snapshot.js';

/** Someone who can act at a step, and who stands in for them now (代理人). */
export interface PreviewApprover {
  readonly id: string;
  readonly name: string;
  readonly substitute: { readonly id: string; readonly name: string } | null;
}

/** One step of the route ahead: who decides it, how, and by when. */
export interface PreviewStep {
  readonly state: string;
  readonly step: string;
  readonly role: string;
  readonly scope: TaskScope;
  /** 或签 `any`, 会签 `all` (with `threshold` of the approvers), 依次 `sequence`. */
  readonly mode: 'any' | 'all' | 'sequence';
  readonly threshold: number;
  /** Open now (its tasks exist); otherwise ahead, on the assumption below. */
  readonly current: boolean;
  readonly approvers: readonly PreviewApprover[];
  /** When the step is (or is assumed to be) entered. */
  readonly enteredAt: string;
  readonly dueAt: string | null;
  readonly dueProvisional: boolean;
  /** Why that date: the rule and the days skipped. */
  readonly dueExplanation: Messages | null;
}

export interface RoutePreview {
  readonly flow: string;
  readonly flowVersion: number;
  readonly steps: readonly PreviewStep[];
  /** The route ends in a final state when every step approves; false: it depends on decisions. */
  readonly complete: boolean;
  readonly assumption: Messages;
}

export const PREVIEW_ASSUMPTION: Messages = {
  zh: '按每个环节均同意、且在各自期限当日办理推算；后续环节的办理人为当前人员目录中的角色持有人（代理人按当前设置）',
  en: 'Assumes every step approves, each on its deadline; later approvers are the role holders in the directory now (substitutes as set now)',
};

/** How many steps a preview walks before it stops (a flow that loops on approval). */
const MAX_STEPS = 30;

/** Events that take a step forward, in preference order (never 退回/驳回/撤回). */
const FORWARD = ['APPROVE', 'SUBMIT', 'RESUBMIT', 'CONFIRM', 'ACCEPT', 'VERIFY'];
const BACKWARD = new Set(['RETURN', 'REJECT', 'WITHDRAW', 'CANCEL']);

interface PreviewArgs {
  readonly flow: AnyFlow;
  readonly instance: InstanceRecord;
  readonly openTasks: readonly TaskRecord[];
  /** The pending timers (a state's timeout is its step's "by when" when the task has none). */
  readonly pendingTimers: readonly TimerRecord[];
  readonly people: People | undefined;
  readonly calendar: BusinessCalendar | undefined;
  readonly now: Date;
}

/**
 * 流程预览: the route ahead of an instance — the steps open now (their real tasks) and then, step
 * by step, what the machine enters when each approves, with the tasks the engine would open there
 * (`planEntered`, the same code a command runs: the same deadlines on the same calendar, the same
 * 会签/依次 approvers), each step assumed entered when the one before it is due. Pure.
 */
export function previewRoute(args: PreviewArgs): RoutePreview {
  const { flow, instance, people } = args;
  const decided = new Set([
    ...Object.entries(instance.stepActors).map(([key, who]) => `${stepOfKey(key)}\u0000${who}`),
    ...instance.decisions.map((d) => `${d.step}\u0000${d.actorId}`),
  ]);
  const deciders = [...decided].map((k) => k.split('\u0000') as [string, string]);
  // Who will certainly decide a step ahead (every approver of a 会签 of all, or of a 依次): they
  // cannot take a later step either (separation of duties).
  const certain = (step: PreviewStep): void => {
    const everyone =
      step.mode === 'sequence' || (step.mode === 'all' && step.threshold >= step.approvers.length);
    if (everyone) for (const a of step.approvers) deciders.push([step.step, a.id]);
  };
  const eligible = (step: string, p: Person): boolean =>
    p.id !== instance.submitterId && !deciders.some(([s, who]) => who === p.id && s !== step);
  const approver = (p: Person): PreviewApprover => {
    const sub = people?.substituteOf(p.id);
    return { id: p.id, name: p.name, substitute: sub ? { id: sub.id, name: sub.name } : null };
  };
  const stepOf = (
    tasks: readonly TaskRecord[],
    timers: readonly TimerRecord[],
    progress: Readonly<Record<string, StepProgress>>,
    current: boolean,
    enteredAt: Date,
  ): PreviewStep[] => {
    const byStep = new Map<string, TaskRecord[]>();
    for (const t of tasks) {
      if (t.kind === 'escalation' || t.kind === 'delegated') continue;
      const key = `${t.state}\u0000${t.step}`;
      byStep.set(key, [...(byStep.get(key) ?? []), t]);
    }
    return [...byStep.values()].map((group) => {
      const first = group[0] as TaskRecord;
      const spec = specOf(flow, first);
      const scope: TaskScope = spec?.scope ?? 'school';
      const named = group.flatMap((t) => (t.assignee ? [t.assignee] : []));
      const slots = progress[first.step];
      const slotPeople = slots
        ? slots.rounds.flatMap((r) => r.slots.flatMap((s) => (s.kind === 'person' ? [s.id] : [])))
        : [];
      const ids = [...new Set([...named, ...slotPeople])];
      const holders =
        ids.length > 0
          ? ids.flatMap((id) => {
              const p = people?.get(id);
              return p ? [p] : [];
            })
          : holdersOf(people, first).filter((p) => eligible(first.step, p));
      const mode = spec?.approvers?.mode ?? 'any';
      const round = slots?.rounds[slots.current];
      const task = group.find((t) => t.dueAt !== null);
      const timeout = timers.find((t) => t.state === first.state && t.taskId === null);
      const due = task
        ? { at: task.dueAt, basis: task.dueBasis }
        : timeout
          ? { at: timeout.dueAt, basis: timeout.dueBasis }
          : undefined;
      return {
        state: first.state,
        step: first.step,
        role: first.role,
        scope,
        mode: slots ? mode : 'any',
        threshold: round?.threshold ?? 1,
        current,
        approvers: holders.map(approver),
        enteredAt: (current ? first.createdAt : enteredAt).toISOString(),
        dueAt: due?.at?.toISOString() ?? null,
        dueProvisional: due?.basis?.provisional === true,
        dueExplanation: due?.basis ? { ...due.basis.explanation } : null,
      };
    });
  };

  const steps: PreviewStep[] = [
    ...stepOf(args.openTasks, args.pendingTimers, instance.steps, true, args.now),
  ];
  steps.forEach(certain);
  let snapshot: AnyMachineSnapshot = restoreSnapshot(flow.machine, instance.snapshot);
  let at = latestDue(args.openTasks, args.pendingTimers) ?? args.now;
  let complete = snapshot.status === 'done';
  for (let walked = 0; walked < MAX_STEPS && !complete; walked += 1) {
    const next = advance(flow, snapshot, at);
    if (!next) break;
    const before = new Set(activeLeaves(snapshot.value));
    const entered = activeLeaves(next.value).filter((l) => !before.has(l));
    snapshot = next;
    if (next.status === 'done') {
      complete = true;
      break;
    }
    const plan = planEntered({
      flow,
      instance,
      entered,
      now: at,
      ids: () => 'preview',
      calendar: args.calendar,
      people,
    });
    const ahead = stepOf(plan.tasks, plan.timers, plan.steps, false, at);
    ahead.forEach(certain);
    steps.push(...ahead);
    at = latestDue(plan.tasks, plan.timers) ?? at;
  }
  return {
    flow: instance.flowId,
    flowVersion: instance.flowVersion,
    steps,
    complete,
    assumption: PREVIEW_ASSUMPTION,
  };
}

/** The holders of an open task's role in its scope, as the directory knows them now. */
function holdersOf(people: People | undefined, task: TaskRecord): readonly Person[] {
  if (!people || task.kind === 'submitter') return [];
  const holders = people.holders(task.role, task.college);
  return task.organization === null
    ? holders
    : holders.filter((p) => p.organization === task.organization);
}

/** When the steps just entered are due: their tasks' deadlines, else their states' timeouts. */
function latestDue(tasks: readonly TaskRecord[], timers: readonly TimerRecord[]): Date | undefined {
  const taskDues = tasks.flatMap((t) => (t.dueAt ? [t.dueAt.getTime()] : []));
  const dues =
    taskDues.length > 0
      ? taskDues
      : timers.filter((t) => t.taskId === null).map((t) => t.dueAt.getTime());
  return dues.length > 0 ? new Date(Math.max(...dues)) : undefined;
}

/**
 * The snapshot after the first leaf with a task takes its forward event (APPROVE, or the step's
 * own way forward); undefined when none moves (the route depends on what people decide).
 */
function advance(
  flow: AnyFlow,
  snapshot: AnyMachineSnapshot,
  at: Date,
): AnyMachineSnapshot | undefined {
  for (const leaf of activeLeaves(snapshot.value)) {
    for (const spec of flow.states[leaf]?.tasks ?? []) {
      const events = [
        ...FORWARD.filter((e) => spec.events.includes(e)),
        ...spec.events.filter((e) => !FORWARD.includes(e) && !BACKWARD.has(e)),
      ];
      for (const type of events) {
        try {
          const [next] = pureTransition(flow.machine, snapshot, {
            type,
            data: {},
            refs: {},
            comment: null,
            actorId: 'preview',
            actorName: null,
            at: at.toISOString(),
          });
          if (next !== snapshot && next.status !== 'error') return next;
        } catch {
          // An event whose actions need data the preview cannot know: try the next.
        }
      }
    }
  }
  return undefined;
}
