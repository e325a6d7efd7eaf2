import { createEngine, ManualClock, type Engine, type JsonObject } from '@certflow/engine';
import { MemoryStore } from '@certflow/engine/testing';
import { pilotEffectHandlers } from '../effects/handlers.js';
import { runEffectsOnce, type EffectsRun } from '../effects/run-effects-once.js';
import { pilotFlows } from '../flows/index.js';
import { weekdayCalendar } from './weekday-calendar.js';

/** An engine over a MemoryStore with the Mon–Fri calendar and the pilot's effect handlers. */
export interface MemoryPilotWorld {
  readonly engine: Engine;
  readonly clock: ManualClock;
  readonly store: MemoryStore;
  /** Run pending effects (withdrawal cases, cancellations) through `pilotEffectHandlers`. */
  drain(): Promise<EffectsRun>;
  reference(kind: string, key: string): Promise<JsonObject | undefined>;
}

export function memoryPilotWorld(start = '2027-03-01T09:00:00+08:00'): MemoryPilotWorld {
  const store = new MemoryStore();
  const clock = new ManualClock(start);
  const engine = createEngine({
    store,
    flows: pilotFlows,
    clock,
    calendar: weekdayCalendar,
  });
  return {
    engine,
    clock,
    store,
    drain: () =>
      runEffectsOnce(engine, store.dispatch, pilotEffectHandlers, clock.now(), store.read),
    reference: (kind, key) => store.read.reference(kind, key),
  };
}
