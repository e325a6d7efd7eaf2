import { sql } from 'drizzle-orm';

/** postgres.js returns the row list itself; other drivers a result with `rows`. */
export function rowsOf(result: unknown): Record<string, unknown>[] {
  if (Array.isArray(result)) return result as Record<string, unknown>[];
  return (result as { rows: Record<string, unknown>[] }).rows;
}

/** A jsonb value read back: postgres.js parses it; a driver that did not gives text. */
export function jsonValue<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/**
 * "The timer row is still pending", written so that it cannot select the partial index
 * `timers_pending_due_idx` (`where status = 'pending'`): a plain `status = 'pending'` lets the
 * planner scan that index — every pending timer, a million in the benchmark — instead of the one
 * it needs whenever its statistics were taken while few timers were pending. The index
 * `timers_pending_instance_idx` has this very expression as its predicate. One copy per alias.
 */
export const STILL_PENDING_X = sql.raw(`(case when x.status = 'pending' then true else false end)`);
export const STILL_PENDING_T_TEXT = `(case when t.status = 'pending' then true else false end)`;

/**
 * "The task row is still open", written so that it cannot select the partial index
 * `tasks_open_instance_idx` (`where status = 'open'`) for a task update: with statistics taken
 * before a backlog of open tasks, a plain `status = 'open'` lets the planner hash every open task
 * through that index instead of looking the write's few tasks up by primary key.
 */
export const STILL_OPEN_T_TEXT = `(case when t.status = 'open' then true else false end)`;
