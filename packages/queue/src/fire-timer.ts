import type { Clock, Engine, FireResult, StoreReader, TimerRecord } from '@certflow/engine';

export type TimerFireResult = (
  | FireResult
  | { readonly fired: false; readonly reason: 'early'; readonly dueAt: Date }
) & {
  /** The row as read before firing (undefined if it does not exist). */
  readonly timer: TimerRecord | undefined;
};

/**
 * Fire a timer row through the engine, but never before it is due by the engine's clock (a
 * delivery index may wake early: clock skew between hosts, a promoted job). The engine makes a
 * stale or already fired timer a no-op, so a duplicate delivery changes nothing.
 */
export async function fireTimerWhenDue(
  deps: { engine: Engine; read: StoreReader; clock: Clock },
  timerId: string,
): Promise<TimerFireResult> {
  const timer = await deps.read.getTimer(timerId);
  if (timer && timer.status === 'pending' && timer.dueAt.getTime() > deps.clock.now().getTime()) {
    return { fired: false, reason: 'early', dueAt: timer.dueAt, timer };
  }
  return { ...(await deps.engine.fireTimer(timerId)), timer };
}
