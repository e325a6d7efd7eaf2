import type { CommandWrite } from '@certflow/engine';
import { toJsonRow } from '../schema/columns.js';
import {
  adminAudit,
  copies,
  history,
  idempotencyKeys,
  instances,
  outbox,
  tasks,
  timers,
} from '../schema/tables.js';

// The write statement's input (write-commands.ts): each write as one row of its jsonb parameter,
// and what a batch of them uses — which picks the statement's parts (write-checks.ts,
// write-changes.ts).

const iso = (d: Date): string => d.toISOString();

/** One write as the statement's jsonb wants it. */
export type WriteParam = ReturnType<typeof writeParam>;
export function writeParam(w: CommandWrite, n: number) {
  return {
    n,
    inst: w.instance ? toJsonRow(instances, w.instance.row) : null,
    expected: w.instance?.expectedVersion ?? null,
    hist: w.history ? toJsonRow(history, w.history) : null,
    close: w.closeTasks.map((c) => ({
      id: c.id,
      status: c.status,
      completed_by: c.by,
      completed_at: iso(c.at),
    })),
    upd: w.updateTasks.map((t) => toJsonRow(tasks, t)),
    new_tasks: w.newTasks.map((t) => toJsonRow(tasks, t)),
    cancel: w.cancelTimers,
    new_timers: w.newTimers.map((t) => toJsonRow(timers, t)),
    move_tasks: w.moveTasks.map((m) => ({ id: m.id, due_at: iso(m.dueAt), due_basis: m.dueBasis })),
    move_timers: w.moveTimers.map((m) => ({
      id: m.id,
      due_at: iso(m.dueAt),
      due_basis: m.dueBasis,
    })),
    outbox: w.outbox.map((o) => toJsonRow(outbox, o)),
    copies: w.copies.map((c) => toJsonRow(copies, c)),
    refs: w.references.map((r) => ({
      kind: r.kind,
      key: r.key,
      value: r.value,
      expected: r.expectedVersion,
    })),
    claim_id: w.claimTimer?.id ?? null,
    claim_at: w.claimTimer ? iso(w.claimTimer.at) : null,
    idem: w.idempotency ? toJsonRow(idempotencyKeys, w.idempotency) : null,
    token_hash: w.useToken?.tokenHash ?? null,
    token_at: w.useToken ? iso(w.useToken.at) : null,
    audit: w.audit ? toJsonRow(adminAudit, w.audit) : null,
  };
}

/** What the writes of one batch hold at all; a part of the statement runs only for what is used. */
export type Uses = Readonly<Record<(typeof USES)[number], boolean>>;
export const USES = [
  'refs',
  'claim',
  'token',
  'expected',
  'inserted',
  'inst',
  'hist',
  'close',
  'upd',
  'newTasks',
  'moveTasks',
  'cancel',
  'moveTimers',
  'newTimers',
  'outbox',
  'copies',
  'idem',
  'audit',
] as const;

export function usesOf(params: readonly WriteParam[]): Uses {
  const some = (f: (p: WriteParam) => boolean) => params.some(f);
  return {
    refs: some((p) => p.refs.length > 0),
    claim: some((p) => p.claim_id !== null),
    token: some((p) => p.token_hash !== null),
    expected: some((p) => p.inst !== null && p.expected !== null),
    inserted: some((p) => p.inst !== null && p.expected === null),
    inst: some((p) => p.inst !== null),
    hist: some((p) => p.hist !== null),
    close: some((p) => p.close.length > 0),
    upd: some((p) => p.upd.length > 0),
    newTasks: some((p) => p.new_tasks.length > 0),
    moveTasks: some((p) => p.move_tasks.length > 0),
    cancel: some((p) => p.cancel.length > 0),
    moveTimers: some((p) => p.move_timers.length > 0),
    newTimers: some((p) => p.new_timers.length > 0),
    outbox: some((p) => p.outbox.length > 0),
    copies: some((p) => p.copies.length > 0),
    idem: some((p) => p.idem !== null),
    audit: some((p) => p.audit !== null),
  };
}

/** One part of the write statement: a CTE, with when it runs and whether it is materialized. */
export interface Part {
  readonly name: string;
  readonly when: (u: Uses) => boolean;
  readonly body: (u: Uses) => string;
  readonly materialized?: true;
}
