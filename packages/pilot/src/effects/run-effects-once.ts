import {
  InfrastructureError,
  isDomainError,
  NOTIFY_OUTBOX_KIND,
  type DispatchStore,
  type Engine,
} from '@certflow/engine';
import type { EffectHandler, InstanceLister } from './handlers.js';

export interface EffectsRun {
  /** Outbox ids delivered by a handler, in order. */
  readonly delivered: string[];
  readonly failed: { readonly id: string; readonly kind: string; readonly error: string }[];
  /** Kinds with no handler, left pending for whoever handles them. */
  readonly unhandled: string[];
}

/**
 * For tests and the embedded all-in-one: run every pending non-`notify` outbox row through its
 * handler and mark it delivered, until no handled row is pending (handlers may write new ones).
 * A failure is recorded on the row (permanent for domain refusals and non-retryable errors).
 */
export async function runEffectsOnce(
  engine: Engine,
  dispatch: DispatchStore,
  handlers: Readonly<Record<string, EffectHandler>>,
  now: Date,
  instances: InstanceLister,
): Promise<EffectsRun> {
  const run: EffectsRun = { delivered: [], failed: [], unhandled: [] };
  const seen = new Set<string>();
  for (let round = 0; round < 100; round += 1) {
    const rows = (await dispatch.pendingOutbox(now, 10_000)).filter(
      (r) => r.kind !== NOTIFY_OUTBOX_KIND && !seen.has(r.id),
    );
    if (rows.length === 0) return run;
    for (const row of rows) {
      seen.add(row.id);
      const handler = handlers[row.kind];
      if (!handler) {
        run.unhandled.push(row.id);
        continue;
      }
      try {
        await handler(row.payload, { engine, outboxId: row.id, instances });
        if (await dispatch.markDelivered(row.id, now)) run.delivered.push(row.id);
      } catch (error) {
        const permanent =
          isDomainError(error) || (error instanceof InfrastructureError && !error.retryable);
        const message = error instanceof Error ? error.message : String(error);
        await dispatch.markAttemptFailed(row.id, message, permanent ? null : now);
        run.failed.push({ id: row.id, kind: row.kind, error: message });
      }
    }
  }
  return run;
}
