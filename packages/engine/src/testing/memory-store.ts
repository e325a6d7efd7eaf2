import type {
  HistoryRecord,
  IdempotencyRecord,
  InstanceRecord,
  JsonObject,
  OutboxRecord,
  TaskRecord,
  TimerRecord,
} from '../records.js';
import type { DispatchStore } from '../dispatch.js';
import { unlockedTx } from '../unlocked.js';
import type {
  CommandWrite,
  InboxQuery,
  InstanceQuery,
  Store,
  StoreReader,
  StoreTx,
} from '../store.js';

interface Tables {
  instances: Map<string, InstanceRecord>;
  history: HistoryRecord[];
  tasks: Map<string, TaskRecord>;
  timers: Map<string, TimerRecord>;
  outbox: OutboxRecord[];
  idempotency: Map<string, IdempotencyRecord>;
  reference: Map<string, JsonObject>;
}

const clone = <T>(value: T): T => structuredClone(value);

/**
 * An in-memory `Store` for fast engine and flow tests. Transactions run one at a time on a copy
 * that replaces the tables only on success, so a refused command leaves nothing behind.
 */
export class MemoryStore implements Store {
  private tables: Tables = {
    instances: new Map(),
    history: [],
    tasks: new Map(),
    timers: new Map(),
    outbox: [],
    idempotency: new Map(),
    reference: new Map(),
  };
  private queue: Promise<unknown> = Promise.resolve();

  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      const working = clone(this.tables);
      const result = await fn(txOver(working));
      this.tables = working;
      return result;
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * `Store.unlocked`: reads see the committed tables as they are at each call; the final
   * `writeCommand` is a transaction of its own (queued like every other, version-checked).
   */
  unlocked<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    const now = (): StoreTx => txOver(this.tables);
    return fn(
      unlockedTx({
        lockInstanceWithOpenTasks: (id) => now().lockInstanceWithOpenTasks(id),
        timerWithInstance: (id) => now().timerWithInstance(id),
        openTasks: (id) => now().openTasks(id),
        getIdempotency: (key) => now().getIdempotency(key),
        reference: (kind, key) => now().reference(kind, key, { lock: false }),
        writeCommand: (write) => this.transaction((tx) => tx.writeCommand(write)),
      }),
    );
  }

  get read(): StoreReader {
    return readerOver(() => this.tables);
  }

  /** Everything, for byte-for-byte comparisons in tests. */
  dump(): string {
    const t = this.tables;
    return JSON.stringify({
      instances: [...t.instances.values()],
      history: t.history,
      tasks: [...t.tasks.values()],
      timers: [...t.timers.values()],
      outbox: t.outbox,
    });
  }

  outbox(): readonly OutboxRecord[] {
    return this.tables.outbox;
  }

  /** The delivery side, for relay and handler tests. */
  get dispatch(): DispatchStore {
    const tables = (): Tables => this.tables;
    const update = (id: string, patch: Partial<OutboxRecord>): OutboxRecord | undefined => {
      const t = tables();
      const i = t.outbox.findIndex((r) => r.id === id);
      const row = t.outbox[i];
      if (!row) return undefined;
      t.outbox[i] = { ...row, ...patch };
      return row;
    };
    const pending = (now: Date, limit: number): OutboxRecord[] =>
      tables()
        .outbox.filter((r) => r.status === 'pending' && r.availableAt <= now)
        .sort((a, b) => a.availableAt.getTime() - b.availableAt.getTime())
        .slice(0, limit);
    return {
      pendingOutbox: async (now, limit) => clone(pending(now, limit)),
      pendingOutboxKeys: async (now, limit) =>
        pending(now, limit).map((r) => ({
          id: r.id,
          attempts: r.attempts,
          availableAt: new Date(r.availableAt),
        })),
      getOutbox: async (id) => clone(tables().outbox.find((r) => r.id === id)),
      markDelivered: async (id, at) => {
        const row = tables().outbox.find((r) => r.id === id);
        if (!row || row.status === 'delivered') return false;
        update(id, { status: 'delivered', deliveredAt: at });
        return true;
      },
      markAttemptFailed: async (id, error, retryAt) => {
        const row = tables().outbox.find((r) => r.id === id);
        if (!row || row.status === 'delivered') return;
        update(id, {
          attempts: row.attempts + 1,
          lastError: error,
          status: retryAt ? 'pending' : 'failed',
          availableAt: retryAt ?? row.availableAt,
        });
      },
      pendingTimers: async (limit, dueBy) =>
        clone(
          [...tables().timers.values()]
            .filter((t) => t.status === 'pending' && (!dueBy || t.dueAt <= dueBy))
            .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())
            .slice(0, limit),
        ),
    };
  }

  setReference(kind: string, key: string, value: JsonObject): void {
    this.tables.reference.set(`${kind}\u0000${key}`, clone(value));
  }
}

function readerOver(get: () => Tables): StoreReader {
  return {
    getInstance: async (id) => clone(get().instances.get(id)),
    listInstances: async (q: InstanceQuery) => {
      const all = [...get().instances.values()].filter(
        (i) =>
          (!q.flowId || i.flowId === q.flowId) &&
          (!q.status || i.status === q.status) &&
          (!q.college || i.college === q.college) &&
          (!q.subjectId || i.subjectId === q.subjectId),
      );
      return { items: clone(all.slice(q.offset, q.offset + q.limit)), total: all.length };
    },
    history: async (id) => clone(get().history.filter((h) => h.instanceId === id)),
    openTasks: async (id) =>
      clone([...get().tasks.values()].filter((t) => t.instanceId === id && t.status === 'open')),
    inbox: async (q: InboxQuery) => {
      const mine = [...get().tasks.values()].filter(
        (t) =>
          t.status === 'open' &&
          (t.assignee === q.actorId ||
            (t.assignee === null &&
              q.roles.includes(t.role) &&
              (t.college === null || t.college === q.college) &&
              (t.organization === null || t.organization === q.organization))),
      );
      mine.sort(
        (a, b) =>
          (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity) ||
          a.createdAt.getTime() - b.createdAt.getTime(),
      );
      return { items: clone(mine.slice(q.offset, q.offset + q.limit)), total: mine.length };
    },
    pendingTimers: async (instanceId) =>
      clone(
        [...get().timers.values()]
          .filter((t) => t.status === 'pending' && (!instanceId || t.instanceId === instanceId))
          .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime()),
      ),
    getTimer: async (id) => clone(get().timers.get(id)),
    reference: async (kind, key) => clone(get().reference.get(`${kind}\u0000${key}`)),
  };
}

function txOver(t: Tables): StoreTx {
  const reader = readerOver(() => t);
  const tx: StoreTx = {
    lockInstance: async (id) => clone(t.instances.get(id)),
    lockInstanceWithOpenTasks: async (id) => {
      const instance = clone(t.instances.get(id));
      return instance && { instance, openTasks: await reader.openTasks(id) };
    },
    timerWithInstance: async (id) => {
      const timer = clone(t.timers.get(id));
      if (!timer) return undefined;
      const locked = await tx.lockInstanceWithOpenTasks(timer.instanceId);
      return locked ? { timer, instance: locked } : { timer };
    },
    writeCommand: async (w) => {
      const claim = w.claimTimer && t.timers.get(w.claimTimer.id);
      if (w.claimTimer && claim?.status !== 'pending') return false;
      if (w.expectedVersion !== null && !(await tx.updateInstance(w.instance, w.expectedVersion))) {
        return false;
      }
      if (claim && w.claimTimer) {
        t.timers.set(claim.id, { ...claim, status: 'fired', firedAt: w.claimTimer.at });
      }
      await tx.appendHistory(w.history);
      for (const c of w.closeTasks) await tx.closeTasks([c.id], c.status, c.by, c.at);
      await tx.insertTasks(w.newTasks);
      if (w.cancelTimers) await tx.cancelTimers(w.instance.id, w.cancelTimers.keepStates);
      await tx.insertTimers(w.timers);
      await tx.insertOutbox(w.outbox);
      return true;
    },
    insertInstance: async (row) => {
      if (t.instances.has(row.id)) throw new Error(`duplicate instance ${row.id}`);
      t.instances.set(row.id, clone(row));
    },
    updateInstance: async (row, expectedVersion) => {
      if (t.instances.get(row.id)?.version !== expectedVersion) return false;
      t.instances.set(row.id, clone(row));
      return true;
    },
    appendHistory: async (row) => {
      if (t.history.some((h) => h.instanceId === row.instanceId && h.seq === row.seq)) {
        throw new Error(`duplicate history ${row.instanceId}#${row.seq}`);
      }
      t.history.push(clone(row));
    },
    openTasks: (id) => reader.openTasks(id),
    insertTasks: async (rows) => rows.forEach((r) => t.tasks.set(r.id, clone(r))),
    closeTasks: async (ids, status, by, at) => {
      for (const id of ids) {
        const task = t.tasks.get(id);
        if (task?.status === 'open')
          t.tasks.set(id, { ...task, status, completedBy: by, completedAt: at });
      }
    },
    reassignTask: async (id, assignee) => {
      const task = t.tasks.get(id);
      if (task) t.tasks.set(id, { ...task, assignee });
    },
    insertTimers: async (rows) => rows.forEach((r) => t.timers.set(r.id, clone(r))),
    cancelTimers: async (instanceId, keep) => {
      for (const [id, timer] of t.timers) {
        if (
          timer.instanceId === instanceId &&
          timer.status === 'pending' &&
          !keep.includes(timer.state)
        ) {
          t.timers.set(id, { ...timer, status: 'cancelled' });
        }
      }
    },
    claimTimer: async (id, at, options) => {
      const timer = clone(t.timers.get(id));
      if (!timer) return undefined;
      const due = !options?.dueBy || timer.dueAt.getTime() <= options.dueBy.getTime();
      const claimed = timer.status === 'pending' && due;
      if (claimed) t.timers.set(id, { ...timer, status: 'fired', firedAt: at });
      return { timer, claimed };
    },
    insertOutbox: async (rows) => {
      t.outbox.push(...clone(rows));
    },
    getIdempotency: async (key) => clone(t.idempotency.get(key)),
    putIdempotency: async (row) => {
      if (t.idempotency.has(row.key)) return false;
      t.idempotency.set(row.key, clone(row));
      return true;
    },
    reference: (kind, key) => reader.reference(kind, key),
    putReference: async (kind, key, value) => {
      t.reference.set(`${kind}\u0000${key}`, clone(value));
    },
  };
  return endingAtFinalWrite(tx);
}

/**
 * The transaction as its callback sees it: after a `final` write (the PostgreSQL store commits
 * with it) any further call throws, so an engine that sends a statement after declaring its
 * write final fails here as it would on PostgreSQL.
 */
function endingAtFinalWrite(tx: StoreTx): StoreTx {
  let committed = false;
  const entries = Object.entries(tx).map(([name, value]) => {
    if (typeof value !== 'function') return [name, value] as const;
    const call = value as (...args: unknown[]) => Promise<unknown>;
    return [
      name,
      async (...args: unknown[]) => {
        if (committed) throw new Error(`${name} after the final write: the transaction is over`);
        const result = await call(...args);
        if (name === 'writeCommand' && (args[0] as CommandWrite).final) committed = true;
        return result;
      },
    ] as const;
  });
  return Object.fromEntries(entries) as unknown as StoreTx;
}
