import {
  computeDue,
  type BusinessCalendar,
  type DueBasis,
  type Engine,
  type Messages,
  type StoreReader,
} from '@certflow/engine';

/** An open task's deadline or a pending timer, with what it was computed from. */
export interface OpenDeadline {
  readonly kind: 'task' | 'timer';
  readonly id: string;
  readonly instanceId: string;
  /** The task's step, or the timer's kind (`remind`, `escalate`, `event`). */
  readonly label: string;
  readonly dueAt: Date;
  readonly basis: DueBasis;
}

/**
 * The open deadlines a year's table can move: open tasks and pending timers whose due basis
 * counted through `year` (`basis.years` contains it). The store's query (the lead's
 * `openDeadlinesIn`) or `openDeadlinesFromReader` below.
 */
export interface OpenDeadlineSource {
  openDeadlinesIn(year: number): Promise<OpenDeadline[]>;
}

/** A deadline a new table moves (or makes official): before and after. */
export interface DeadlineMove {
  readonly kind: 'task' | 'timer';
  readonly id: string;
  readonly instanceId: string;
  readonly label: string;
  readonly from: string;
  readonly to: string;
  readonly provisional: { readonly before: boolean; readonly after: boolean };
  readonly explanation: Messages;
}

/**
 * What recomputing `items` on `calendar` would change: every deadline whose due time moves or
 * stops being provisional, with its new explanation; earliest current due time first
 * (tasks before timers at the same time).
 */
export function previewDeadlineMoves(
  calendar: BusinessCalendar,
  items: readonly OpenDeadline[],
): DeadlineMove[] {
  const moves: DeadlineMove[] = [];
  for (const item of items) {
    const b = item.basis;
    const next = computeDue(calendar, new Date(b.from), b.rule, b.edge);
    if (next.at.getTime() === item.dueAt.getTime() && next.provisional === b.provisional) continue;
    moves.push({
      kind: item.kind,
      id: item.id,
      instanceId: item.instanceId,
      label: item.label,
      from: item.dueAt.toISOString(),
      to: next.at.toISOString(),
      provisional: { before: b.provisional, after: next.provisional },
      explanation: next.explanation,
    });
  }
  return moves.sort(
    (x, y) =>
      x.from.localeCompare(y.from) || x.kind.localeCompare(y.kind) || x.id.localeCompare(y.id),
  );
}

/**
 * `OpenDeadlineSource` over the engine's `StoreReader`: the active instances whose open tasks or
 * pending timers were counted through the year (one indexed query), then their tasks and timers.
 */
export function openDeadlinesFromReader(
  reader: Pick<StoreReader, 'instancesWithDeadlinesIn' | 'openTasks' | 'pendingTimers'>,
): OpenDeadlineSource {
  return {
    async openDeadlinesIn(year) {
      const counted = (basis: DueBasis | null): basis is DueBasis =>
        basis !== null && basis.years.includes(year);
      const out: OpenDeadline[] = [];
      for (const instanceId of await reader.instancesWithDeadlinesIn(year)) {
        for (const t of await reader.pendingTimers(instanceId)) {
          if (counted(t.dueBasis)) {
            const { id, kind, dueAt, dueBasis } = t;
            out.push({ kind: 'timer', id, instanceId, label: kind, dueAt, basis: dueBasis });
          }
        }
        for (const t of await reader.openTasks(instanceId)) {
          if (t.dueAt && counted(t.dueBasis)) {
            const { id, step, dueAt, dueBasis } = t;
            out.push({ kind: 'task', id, instanceId, label: step, dueAt, basis: dueBasis });
          }
        }
      }
      return out;
    },
  };
}

/** What the engine recomputed after an import. */
export interface RecomputeSummary {
  readonly instances: number;
  readonly tasks: number;
  readonly timers: number;
}

/**
 * The engine's side of an import: recompute every open deadline and pending timer whose basis
 * counted through `year` on `calendar` (already refreshed with the new table), as an audited
 * system command per instance (history row, tasks' `dueAt`/`dueBasis`, timers moved with their
 * BullMQ mirrors). Idempotent: run again, it moves nothing that is already right.
 */
export interface DeadlineRecompute {
  recomputeDeadlines(calendar: BusinessCalendar, year: number): Promise<RecomputeSummary>;
}

/**
 * `DeadlineRecompute` through the engine: `engine.recomputeDeadlines` (an audited system command)
 * for every active instance with a deadline counted through `year`. The engine must run on the
 * calendar that was refreshed with the new table. `moved(instanceId)` is told of every instance
 * whose timers moved (the queue re-mirrors them).
 */
export function engineRecompute(
  engine: Pick<Engine, 'recomputeDeadlines' | 'history'>,
  reader: Pick<StoreReader, 'instancesWithDeadlinesIn'>,
  moved: (instanceId: string) => void = () => undefined,
): DeadlineRecompute {
  return {
    async recomputeDeadlines(_calendar, year) {
      const summary = { instances: 0, tasks: 0, timers: 0 };
      for (const id of await reader.instancesWithDeadlinesIn(year)) {
        const before = (await engine.history(id)).length;
        const view = await engine.recomputeDeadlines(id);
        if (view.version === before) continue;
        const last = (await engine.history(id)).at(-1);
        const data = (last?.data ?? {}) as { tasks?: unknown[]; timers?: unknown[] };
        summary.instances += 1;
        summary.tasks += data.tasks?.length ?? 0;
        summary.timers += data.timers?.length ?? 0;
        moved(id);
      }
      return summary;
    },
  };
}
