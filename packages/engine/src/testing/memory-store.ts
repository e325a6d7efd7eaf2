import type { DispatchStore } from '../ports/dispatch-store.js';
import {
  referenceId,
  type CommandWrite,
  type InboxQuery,
  type InstanceQuery,
  type Loaded,
  type LoadRequest,
  type Store,
  type StoreReader,
  type VersionedReference,
} from '../ports/store.js';
import type {
  AdminAuditRecord,
  HistoryRecord,
  IdempotencyRecord,
  InstanceRecord,
  JsonObject,
  OutboxRecord,
  TaskRecord,
  TimerRecord,
} from '../records.js';

interface Tables {
  instances: Map<string, InstanceRecord>;
  history: HistoryRecord[];
  tasks: Map<string, TaskRecord>;
  timers: Map<string, TimerRecord>;
  leases: Map<string, number>;
  outbox: OutboxRecord[];
  idempotency: Map<string, IdempotencyRecord>;
  reference: Map<string, VersionedReference>;
  audit: AdminAuditRecord[];
}

const clone = <T>(value: T): T => structuredClone(value);
/** Oldest first, then by id (instances, outbox rows: as PostgreSQL orders them). */
const byCreatedThenId = (
  a: { createdAt: Date; id: string },
  b: { createdAt: Date; id: string },
): number =>
  a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * An in-memory `Store` + `DispatchStore` for fast engine and flow tests, on the same contract
 * as PostgreSQL: a load is one consistent read; a write checks every version it was decided on
 * and applies all of it or nothing (a refused or lost command leaves nothing behind).
 */
export class MemoryStore implements Store {
  private tables: Tables = {
    instances: new Map(),
    history: [],
    tasks: new Map(),
    timers: new Map(),
    leases: new Map(),
    outbox: [],
    idempotency: new Map(),
    reference: new Map(),
    audit: [],
  };

  async load(request: LoadRequest): Promise<Loaded> {
    await Promise.resolve();
    const t = this.tables;
    const timer = request.timerId ? t.timers.get(request.timerId) : undefined;
    const instanceId = request.instanceId ?? timer?.instanceId;
    const row = instanceId ? t.instances.get(instanceId) : undefined;
    const keys = [...(request.references ?? []), ...(row?.refKeys ?? [])];
    const references = new Map<string, VersionedReference>();
    for (const k of keys) {
      const found = t.reference.get(referenceId(k.kind, k.key));
      if (found) references.set(referenceId(k.kind, k.key), clone(found));
    }
    const key = request.idempotency;
    const idempotency = key ? t.idempotency.get(`${key.scope}\u0000${key.key}`) : undefined;
    return {
      ...(row
        ? {
            instance: {
              row: clone(row),
              openTasks: clone(this.openTasksOf(row.id)),
              pendingTimers: clone(this.pendingTimersOf(row.id)),
            },
          }
        : {}),
      ...(timer ? { timer: clone(timer) } : {}),
      references,
      ...(idempotency ? { idempotency: clone(idempotency) } : {}),
      ...(request.auditHead && t.audit.length > 0
        ? {
            auditHead: {
              seq: t.audit.length,
              hash: (t.audit[t.audit.length - 1] as AdminAuditRecord).hash,
            },
          }
        : {}),
    };
  }

  async write(w: CommandWrite): Promise<boolean> {
    await Promise.resolve();
    if (!this.checks(w)) return false;
    this.apply(clone(w));
    return true;
  }

  private checks(w: CommandWrite): boolean {
    const t = this.tables;
    if (w.instance) {
      const stored = t.instances.get(w.instance.row.id);
      // A start inserts its instance: it must not be there yet (PostgreSQL: the primary key).
      const expected = w.instance.expectedVersion;
      if (expected === null ? stored !== undefined : stored?.version !== expected) return false;
    }
    for (const r of w.references) {
      const stored = t.reference.get(referenceId(r.kind, r.key));
      if ((stored?.version ?? null) !== r.expectedVersion) return false;
    }
    if (w.claimTimer && t.timers.get(w.claimTimer.id)?.status !== 'pending') return false;
    if (w.idempotency && t.idempotency.has(idKey(w.idempotency))) return false;
    if (w.useToken) throw new Error('MemoryStore keeps no mail action tokens');
    if (w.audit && w.audit.seq !== t.audit.length + 1) return false;
    const h = w.history;
    if (h && t.history.some((x) => x.instanceId === h.instanceId && x.seq === h.seq)) {
      throw new Error(`duplicate history ${h.instanceId}#${h.seq}`);
    }
    return true;
  }

  private apply(w: CommandWrite): void {
    const t = this.tables;
    if (w.instance) t.instances.set(w.instance.row.id, w.instance.row);
    if (w.history) t.history.push(w.history);
    const openTask = (id: string): TaskRecord | undefined => {
      const task = t.tasks.get(id);
      return task?.status === 'open' ? task : undefined;
    };
    for (const c of w.closeTasks) {
      const task = openTask(c.id);
      if (task)
        t.tasks.set(c.id, { ...task, status: c.status, completedBy: c.by, completedAt: c.at });
    }
    for (const u of w.updateTasks) if (openTask(u.id)) t.tasks.set(u.id, u);
    for (const m of w.moveTasks) {
      const task = openTask(m.id);
      if (task) t.tasks.set(m.id, { ...task, dueAt: m.dueAt, dueBasis: m.dueBasis });
    }
    for (const n of w.newTasks) t.tasks.set(n.id, n);
    const pending = (id: string): TimerRecord | undefined => {
      const timer = t.timers.get(id);
      return timer?.status === 'pending' ? timer : undefined;
    };
    for (const id of w.cancelTimers) {
      const timer = pending(id);
      if (timer && id !== w.claimTimer?.id) t.timers.set(id, { ...timer, status: 'cancelled' });
    }
    for (const m of w.moveTimers) {
      const timer = pending(m.id);
      if (timer) t.timers.set(m.id, { ...timer, dueAt: m.dueAt, dueBasis: m.dueBasis });
    }
    if (w.claimTimer) {
      const timer = pending(w.claimTimer.id);
      if (timer) t.timers.set(timer.id, { ...timer, status: 'fired', firedAt: w.claimTimer.at });
    }
    for (const n of w.newTimers) t.timers.set(n.id, n);
    t.outbox.push(...w.outbox);
    for (const r of w.references) {
      t.reference.set(referenceId(r.kind, r.key), {
        value: r.value,
        version: (r.expectedVersion ?? 0) + 1,
      });
    }
    if (w.idempotency) t.idempotency.set(idKey(w.idempotency), w.idempotency);
    if (w.audit) t.audit.push(w.audit);
  }

  private openTasksOf(instanceId: string): TaskRecord[] {
    return [...this.tables.tasks.values()]
      .filter((t) => t.instanceId === instanceId && t.status === 'open')
      .sort(byCreatedThenId);
  }

  private pendingTimersOf(instanceId: string): TimerRecord[] {
    return [...this.tables.timers.values()]
      .filter((t) => t.instanceId === instanceId && t.status === 'pending')
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  }

  get read(): StoreReader {
    return readerOver(this, () => this.tables);
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
      reference: [...t.reference.entries()],
      idempotency: [...t.idempotency.entries()],
    });
  }

  outbox(): readonly OutboxRecord[] {
    return this.tables.outbox;
  }

  /** A timer row as stored (tests only). */
  timer(id: string): TimerRecord | undefined {
    return clone(this.tables.timers.get(id));
  }

  /** Reference data written directly, as an administrator would (tests only). */
  setReference(kind: string, key: string, value: JsonObject): void {
    const id = referenceId(kind, key);
    const version = (this.tables.reference.get(id)?.version ?? 0) + 1;
    this.tables.reference.set(id, { value: clone(value), version });
  }

  /** The delivery side, for relay and handler tests. */
  get dispatch(): DispatchStore {
    return dispatchOver(() => this.tables);
  }

  openTasks(instanceId: string): TaskRecord[] {
    return clone(this.openTasksOf(instanceId));
  }

  pendingTimers(instanceId: string): TimerRecord[] {
    return clone(this.pendingTimersOf(instanceId));
  }
}

const idKey = (r: Pick<IdempotencyRecord, 'scope' | 'key'>): string => `${r.scope}\u0000${r.key}`;

function readerOver(store: MemoryStore, get: () => Tables): StoreReader {
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
      all.sort(byCreatedThenId);
      return { items: clone(all.slice(q.offset, q.offset + q.limit)), total: all.length };
    },
    history: async (id) => clone(get().history.filter((h) => h.instanceId === id)),
    openTasks: async (id) => store.openTasks(id),
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
          byCreatedThenId(a, b),
      );
      return { items: clone(mine.slice(q.offset, q.offset + q.limit)), total: mine.length };
    },
    pendingTimers: async (instanceId) => store.pendingTimers(instanceId),
    reference: async (kind, key) => clone(get().reference.get(referenceId(kind, key))?.value),
    instancesWithDeadlinesIn: async (year) => {
      const t = get();
      const counted = (r: { dueBasis: { years: readonly number[] } | null }): boolean =>
        r.dueBasis?.years.includes(year) === true;
      const ids = new Set<string>();
      for (const task of t.tasks.values()) {
        if (task.status === 'open' && counted(task)) ids.add(task.instanceId);
      }
      for (const timer of t.timers.values()) {
        if (timer.status === 'pending' && counted(timer)) ids.add(timer.instanceId);
      }
      return [...ids].filter((id) => t.instances.get(id)?.status === 'active').sort();
    },
    auditTrail: async ({ subject, limit, offset }) =>
      clone(
        [...get().audit]
          .reverse()
          .filter((a) => subject === undefined || a.subject === subject)
          .slice(offset, offset + limit),
      ),
  };
}

function dispatchOver(tables: () => Tables): DispatchStore {
  const update = (id: string, patch: Partial<OutboxRecord>): void => {
    const t = tables();
    const i = t.outbox.findIndex((r) => r.id === id);
    const row = t.outbox[i];
    if (row) t.outbox[i] = { ...row, ...patch };
  };
  const pending = (now: Date, limit: number): OutboxRecord[] =>
    tables()
      .outbox.filter((r) => r.status === 'pending' && r.availableAt <= now)
      .sort((a, b) => a.availableAt.getTime() - b.availableAt.getTime() || byCreatedThenId(a, b))
      .slice(0, limit);
  const pendingTimers = (): TimerRecord[] =>
    [...tables().timers.values()]
      .filter((t) => t.status === 'pending')
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
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
        pendingTimers()
          .filter((t) => !dueBy || t.dueAt <= dueBy)
          .slice(0, limit),
      ),
    leaseDueTimers: async ({ now, limit, leaseMs, ids }) => {
      const t = tables();
      const wanted = ids ? new Set(ids) : undefined;
      const leased = pendingTimers()
        .filter((timer) => timer.dueAt.getTime() <= now.getTime())
        .filter((timer) => !wanted || wanted.has(timer.id))
        .filter((timer) => (t.leases.get(timer.id) ?? 0) <= now.getTime())
        .slice(0, limit);
      for (const timer of leased) t.leases.set(timer.id, now.getTime() + leaseMs);
      return leased.map((timer) => timer.id);
    },
    nextTimerDue: async () => {
      const first = pendingTimers()[0];
      return first ? new Date(first.dueAt) : undefined;
    },
  };
}
