import type { Directory } from './directory.js';
import { WriteConflict } from './outcome.js';
import { LockRequired, type Store, type StoreTx } from './store.js';

/** Unlocked tries of a command that keeps losing the version check before it takes the lock. */
const UNLOCKED_ATTEMPTS = 3;

/**
 * Where `store` offers `unlocked`, run `unlocked` there (read, decide, one version-checked
 * write): up to `UNLOCKED_ATTEMPTS` times while another command wins the race, then — or at
 * once when it needs a lock — `locked` in a transaction.
 */
export async function unlockedFirst<T>(
  store: Store,
  unlocked: ((tx: StoreTx) => Promise<T>) | undefined,
  locked: (tx: StoreTx) => Promise<T>,
): Promise<T> {
  if (unlocked && store.unlocked) {
    for (let attempt = 1; attempt <= UNLOCKED_ATTEMPTS; attempt += 1) {
      try {
        return await store.unlocked(unlocked);
      } catch (error) {
        if (error instanceof LockRequired) break;
        if (!(error instanceof WriteConflict)) throw error;
      }
    }
  }
  return store.transaction(locked);
}

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
