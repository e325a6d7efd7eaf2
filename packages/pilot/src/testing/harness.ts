import { createEngine, ManualClock, type Engine, type Store } from '@certflow/engine';
import type { Directory } from '@certflow/engine';
import { pilotFlows } from '../flows/index.js';
import { weekdayCalendar } from './weekday-calendar.js';

/** A store under test, with a way to read all of it for byte-for-byte comparisons. */
export interface StoreHarness {
  readonly name: string;
  readonly store: Store;
  readonly directory?: Directory;
  /** Every row of instances, history, tasks, timers and outbox, serialized. */
  dump(): Promise<string>;
  setReference(kind: string, key: string, value: Record<string, unknown>): Promise<void>;
}

export interface PilotWorld {
  readonly engine: Engine;
  readonly clock: ManualClock;
}

export function pilotWorld(h: StoreHarness, start = '2026-11-02T09:00:00+08:00'): PilotWorld {
  const clock = new ManualClock(start);
  const engine = createEngine({
    store: h.store,
    flows: pilotFlows,
    clock,
    calendar: weekdayCalendar,
    ...(h.directory ? { directory: h.directory } : {}),
  });
  return { engine, clock };
}
