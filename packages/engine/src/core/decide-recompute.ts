import { computeDue, dueBasis, type BusinessCalendar, type DueBasis } from '../ports/calendar.js';
import type { DueChange, Loaded, LoadedInstance } from '../ports/store.js';
import { SYSTEM_ACTOR } from './actor.js';
import type { DecideContext } from './context.js';
import { Notifications } from './notifications.js';
import { changeWrite, type Decided } from './outcome.js';
import { instanceView, type InstanceView } from './view.js';

/** A due time computed again from its basis on today's calendar; undefined when unchanged. */
function recomputed(
  calendar: BusinessCalendar,
  id: string,
  dueAt: Date | null,
  basis: DueBasis | null,
): DueChange | undefined {
  if (!basis || !dueAt) return undefined;
  const from = new Date(basis.from);
  const due = computeDue(calendar, from, basis.rule, basis.edge);
  const next = dueBasis(from, basis.rule, basis.edge, due);
  const same =
    due.at.getTime() === dueAt.getTime() &&
    next.provisional === basis.provisional &&
    next.explanation.zh === basis.explanation.zh;
  return same ? undefined : { id, dueAt: due.at, dueBasis: next };
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/**
 * Recompute the deadlines of an instance's open tasks and pending timers on the calendar as it is
 * now (a year's holiday table was imported or changed): an audited system command that moves
 * them, reminders and escalations with them, and tells the holders of tasks whose deadline
 * moved. Nothing to move: no write.
 */
export function decideRecompute(
  ctx: DecideContext,
  loaded: Loaded,
  current: LoadedInstance,
): Decided<InstanceView> {
  const instance = current.row;
  const calendar = ctx.calendar;
  const unchanged = { write: null, result: instanceView(instance, current.openTasks) };
  if (!calendar || instance.status !== 'active') return unchanged;
  const moveTasks = current.openTasks
    .map((t) => recomputed(calendar, t.id, t.dueAt, t.dueBasis))
    .filter((m): m is DueChange => m !== undefined);
  const moveTimers = current.pendingTimers
    .map((t) => recomputed(calendar, t.id, t.dueAt, t.dueBasis))
    .filter((m): m is DueChange => m !== undefined);
  if (moveTasks.length === 0 && moveTimers.length === 0) return unchanged;
  const before = new Map(
    [...current.openTasks, ...current.pendingTimers].map((r) => [r.id, r.dueAt]),
  );
  const notify = new Notifications(ctx.people, ctx.ids, ctx.now);
  const movedTasks = current.openTasks.flatMap((t) => {
    const m = moveTasks.find((x) => x.id === t.id);
    return m ? [{ ...t, dueAt: m.dueAt, dueBasis: m.dueBasis }] : [];
  });
  return changeWrite(
    {
      loaded: current,
      actor: SYSTEM_ACTOR,
      event: {
        type: 'RECOMPUTE_DEADLINES',
        data: {
          tasks: moveTasks.map((m) => ({
            id: m.id,
            from: iso(before.get(m.id) ?? null),
            to: iso(m.dueAt),
          })),
          timers: moveTimers.map((m) => ({
            id: m.id,
            from: iso(before.get(m.id) ?? null),
            to: iso(m.dueAt),
          })),
        },
      },
      moveTasks,
      moveTimers,
      outbox: movedTasks.flatMap((task) =>
        notify.rows(instance, SYSTEM_ACTOR, null, 'deadline-moved', { kind: 'task', task }),
      ),
    },
    loaded,
    ctx.now,
  );
}
