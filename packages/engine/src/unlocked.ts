import type { Directory } from './directory.js';
import { LockRequired, type StoreTx } from './store.js';

/** What a store supplies for `Store.unlocked`: plain reads, and the write as its own transaction. */
export interface UnlockedParts {
  readonly directory?: Directory;
  /** Reads the row and its open tasks without locking them. */
  readonly lockInstanceWithOpenTasks: StoreTx['lockInstanceWithOpenTasks'];
  readonly timerWithInstance: StoreTx['timerWithInstance'];
  readonly openTasks: StoreTx['openTasks'];
  readonly getIdempotency: StoreTx['getIdempotency'];
  /** Reads a reference row without locking it. */
  readonly reference: (kind: string, key: string) => ReturnType<StoreTx['reference']>;
  /** Runs a (final) command write as a transaction of its own. */
  readonly writeCommand: StoreTx['writeCommand'];
}

/**
 * The `StoreTx` a `Store.unlocked` callback gets (see `Store.unlocked`): the store's reads and
 * its final write; a locked reference read, a write that is not final and every other write
 * throw `LockRequired` before anything is written.
 */
export function unlockedTx(parts: UnlockedParts): StoreTx {
  const needsLock = (what: string) => (): Promise<never> => Promise.reject(new LockRequired(what));
  return {
    ...(parts.directory ? { directory: parts.directory } : {}),
    lockInstanceWithOpenTasks: (id) => parts.lockInstanceWithOpenTasks(id),
    timerWithInstance: (timerId) => parts.timerWithInstance(timerId),
    openTasks: (instanceId) => parts.openTasks(instanceId),
    getIdempotency: (key) => parts.getIdempotency(key),
    reference: (kind, key, options) =>
      options?.lock === false
        ? parts.reference(kind, key)
        : Promise.reject(new LockRequired(`reading ${kind} ${key} locked`)),
    writeCommand: (write) =>
      write.final
        ? parts.writeCommand(write)
        : Promise.reject(new LockRequired('a write that is not final')),
    lockInstance: needsLock('lockInstance'),
    insertInstance: needsLock('insertInstance'),
    updateInstance: needsLock('updateInstance'),
    appendHistory: needsLock('appendHistory'),
    insertTasks: needsLock('insertTasks'),
    closeTasks: needsLock('closeTasks'),
    reassignTask: needsLock('reassignTask'),
    insertTimers: needsLock('insertTimers'),
    cancelTimers: needsLock('cancelTimers'),
    claimTimer: needsLock('claimTimer'),
    insertOutbox: needsLock('insertOutbox'),
    putIdempotency: needsLock('putIdempotency'),
    putReference: needsLock('putReference'),
  };
}
