import { createEngine, ManualClock, type AnyFlow, type Engine } from '@certflow/engine';
import { MemoryStore } from '@certflow/engine/testing';
import { pilotFlows } from '../flows/index.js';
import { weekdayCalendar } from '../testing/weekday-calendar.js';
import { castDirectory } from './cast-directory.js';

/** An engine over an in-memory store, the test calendar and the cast directory. */
export interface MemoryWorld {
  readonly store: MemoryStore;
  readonly engine: Engine;
  readonly clock: ManualClock;
  /** Instances, history, tasks, timers, outbox and the given reference rows, serialized. */
  dump(references?: ReadonlyArray<readonly [kind: string, key: string]>): Promise<string>;
}

/**
 * `pilotFlows` with `flow` as the only version of its id, so that a start opens that version
 * (the model of a version the registry no longer starts, e.g. pilot-project v1).
 */
export function flowsFor(flow: Pick<AnyFlow, 'id' | 'version'>): readonly AnyFlow[] {
  return pilotFlows.filter((f) => f.id !== flow.id || f.version === flow.version);
}

export function memoryWorld(
  options: { start?: string; flows?: readonly AnyFlow[] } = {},
): MemoryWorld {
  const store = new MemoryStore();
  const clock = new ManualClock(options.start ?? '2026-11-02T09:00:00+08:00');
  const engine = createEngine({
    store,
    flows: options.flows ?? pilotFlows,
    clock,
    calendar: weekdayCalendar,
    directory: castDirectory,
  });
  return {
    store,
    engine,
    clock,
    dump: async (references = []) => {
      const refs = await Promise.all(
        references.map(async ([kind, key]) => [kind, key, await store.read.reference(kind, key)]),
      );
      return `${store.dump()}\n${JSON.stringify(refs)}`;
    },
  };
}
