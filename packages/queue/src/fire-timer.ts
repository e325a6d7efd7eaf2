import type { Engine, FireResult } from '@certflow/engine';

export type TimerFireResult = FireResult;

/**
 * Fire a timer row through the engine, but never before it is due by the engine's clock (a
 * delivery index may wake early: clock skew between hosts, a promoted job): such a timer stays
 * pending and the result is `early` with its `dueAt`. The engine makes a stale or already fired
 * timer a no-op, so a duplicate delivery changes nothing. The due check is part of the claim.
 */
export async function fireTimerWhenDue(
  deps: { engine: Engine },
  timerId: string,
): Promise<TimerFireResult> {
  return deps.engine.fireTimer(timerId, { onlyIfDue: true });
}
