import { expect } from 'vitest';
import type { DispatchStore } from '../ports/dispatch-store.js';
import type { CommandWrite, Store } from '../ports/store.js';
import type { TaskRecord, TimerRecord } from '../records.js';

/** What the store contract runs against: a store, its delivery side, and a way to empty it. */
export interface CommandStoreSubject {
  readonly store: Store;
  readonly dispatch: DispatchStore;
  /**
   * Rows as stored, past the port's reads (which show only open tasks and pending timers): how
   * the contract sees that a finished task or a fired timer was left as it was.
   */
  readonly peek: {
    task(id: string): Promise<TaskRecord | undefined>;
    timer(id: string): Promise<TimerRecord | undefined>;
  };
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** What the contract's parts share: the subject, and writes built from an empty one. */
export interface StoreContractContext {
  readonly subject: () => CommandStoreSubject;
  readonly store: () => Store;
  /** Write `parts` (everything else empty); the write must be applied. */
  readonly seed: (parts: Partial<CommandWrite>) => Promise<void>;
}

/** The context over a subject that `current()` gives once it is set up. */
export function contractContext(
  current: () => CommandStoreSubject | undefined,
): StoreContractContext {
  const subject = (): CommandStoreSubject => {
    const s = current();
    if (!s) throw new Error('store subject not set up');
    return s;
  };
  const store = (): Store => subject().store;
  return {
    subject,
    store,
    seed: async (parts) => {
      expect(await store().write(writeOf(parts))).toBe(true);
    },
  };
}

/** A write of nothing but `parts`. */
export function writeOf(parts: Partial<CommandWrite>): CommandWrite {
  return {
    closeTasks: [],
    updateTasks: [],
    newTasks: [],
    cancelTimers: [],
    newTimers: [],
    moveTasks: [],
    moveTimers: [],
    outbox: [],
    copies: [],
    references: [],
    ...parts,
  };
}
