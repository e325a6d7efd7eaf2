import type { Command } from '../commands/command.js';
import type { Actor } from '../core/actor.js';
import type { DecideContext } from '../core/context.js';
import { decide } from '../core/decide.js';
import type { DomainError } from '../errors.js';
import type { AnyFlow } from '../flows/flow.js';
import { FlowRegistry } from '../flows/registry.js';
import type { People, Person } from '../ports/directory.js';
import type { Loaded } from '../ports/store.js';
import type { InstanceRecord, TaskRecord, TimerRecord } from '../records.js';
import { T0 } from './fixtures.js';
import { reviewFlow } from './review-flow.js';
import { weekdayCalendar } from './weekday-calendar.js';

/** The applicant and the college step's approver of a decide scene (`decideScene`). */
export const sceneOwner: Actor = { id: 'owner', name: '张老师', roles: ['owner'], college: 'ee' };
export const sceneLead: Actor = { id: 'lead', name: '李院长', roles: ['lead'], college: 'ee' };

/** A directory over `everyone` (no substitutes unless given: principal → substitute). */
export function sceneDirectory(
  everyone: readonly Person[],
  substitutes: Readonly<Record<string, string>> = {},
): People {
  return {
    get: (id) => everyone.find((p) => p.id === id),
    holders: (role, college) =>
      everyone.filter((p) => p.roles.includes(role) && (college === null || p.college === college)),
    principalsOf: (id) =>
      Object.entries(substitutes)
        .filter(([, s]) => s === id)
        .flatMap(([principal]) => everyone.filter((p) => p.id === principal)),
    substituteOf: (id) => everyone.find((p) => p.id === substitutes[id]),
  };
}

/**
 * `decide` with no store (ARCHITECTURE.md, the core loop): a review instance (reviewFlow with
 * deadlines) started purely, at its first step (task `t-1` for 学院 `lead`), and helpers to load
 * it as a command would and to decide commands on it. Another `flow` (a review flow with rules, a
 * machine of its own) is started the same way: its first state must be `first`, for `lead`.
 */
export function decideScene(
  people: People,
  urgeIntervalMs = 60_000,
  flow: AnyFlow = reviewFlow(1, { deadlines: true }),
) {
  const options = { urgeIntervalMs };
  const context = (now = T0): DecideContext => {
    let n = 0;
    return {
      flows: new FlowRegistry([flow]),
      calendar: weekdayCalendar,
      people,
      now,
      ids: () => `id-${++n}`,
    };
  };
  const decision = decide(
    { references: new Map() },
    {
      kind: 'start',
      flowId: 'review',
      input: { college: 'ee', title: 'T' },
      actor: sceneOwner,
      instanceId: 'i-1',
    },
    context(),
    options,
  );
  if (!decision.ok || !decision.write?.instance) throw new Error('the start was refused');
  const started = decision.write;
  const base = started.instance?.row as InstanceRecord;
  const firstTask: TaskRecord = { ...(started.newTasks[0] as TaskRecord), id: 't-1' };
  const loadedWith = (
    over: Partial<InstanceRecord> = {},
    openTasks: TaskRecord[] = [firstTask],
    timer?: TimerRecord,
  ): Loaded => ({
    instance: { row: { ...base, ...over }, openTasks, pendingTimers: timer ? [timer] : [] },
    ...(timer ? { timer } : {}),
    references: new Map(),
  });
  const send = (over: Partial<Extract<Command, { kind: 'send' }>> = {}): Command => ({
    kind: 'send',
    instanceId: 'i-1',
    event: { type: 'APPROVE' },
    actor: sceneLead,
    ...over,
  });
  const refusalOf = (loaded: Loaded, command: Command, ctx = context()): DomainError => {
    const decided = decide(loaded, command, ctx, options);
    if (decided.ok) throw new Error('expected a refusal');
    return decided.refusal;
  };
  return { options, context, started, base, firstTask, loadedWith, send, refusalOf };
}
