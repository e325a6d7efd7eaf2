import type { TaskRecord } from '../records.js';
import { MemoryStore } from './memory-store.js';
import { describeCommandStoreContract } from './store-contract.js';

/** A task row from `dump()` (JSON), its dates revived. */
function taskFrom(store: MemoryStore, id: string): TaskRecord | undefined {
  const { tasks } = JSON.parse(store.dump()) as { tasks: Record<string, unknown>[] };
  const row = tasks.find((t) => t['id'] === id);
  if (!row) return undefined;
  for (const key of ['dueAt', 'urgedAt', 'createdAt', 'completedAt']) {
    if (typeof row[key] === 'string') row[key] = new Date(row[key]);
  }
  return row as unknown as TaskRecord;
}

// Known: MemoryStore keeps the open tasks of one instant in the order they were written (so that
// a command's tasks come back in the order it opened them), where the port — and PostgreSQL —
// order them by id. Which one is right is the port's call; the case shows the difference.
describeCommandStoreContract('MemoryStore', async () => {
  let store = new MemoryStore();
  return {
    get store() {
      return store;
    },
    get dispatch() {
      return store.dispatch;
    },
    peek: {
      task: async (id) => taskFrom(store, id),
      timer: async (id) => store.timer(id),
    },
    reset: async () => {
      store = new MemoryStore();
    },
    close: async () => {},
  };
});
