import type { FireResult, OutboxKey } from '@certflow/engine';
import { deliverOutbox, type DeliveryDeps, type DeliveryResult } from './deliver-outbox.js';
import { errorText } from './retry-policy.js';

export interface FireDueOptions {
  /** Only these timers (a queue woke the poller for them); else every due one. */
  readonly ids?: readonly string[];
  /** Timers leased per batch (default 256). */
  readonly limit?: number;
  /** How long a leased batch is this poller's (default 10 s): a poller that dies frees it then. */
  readonly leaseMs?: number;
  /** Mails of the batch delivered at once (default 16). */
  readonly deliveryConcurrency?: number;
}

export interface FireDueReport {
  readonly leased: string[];
  readonly fired: { readonly id: string; readonly result: FireResult }[];
  readonly noop: string[];
  readonly errors: { readonly id: string; readonly error: unknown }[];
  /** The outbox rows the fires wrote, with how their inline delivery went. */
  readonly deliveries: { readonly id: string; readonly result: DeliveryResult }[];
}

/** Run `fn` over `items`, at most `limit` at a time. */
async function bounded<T, R>(
  items: readonly T[],
  limit: number,
  fn: (t: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await fn(items[i] as T);
  });
  await Promise.all(lanes);
  return results;
}

/**
 * Fire the timers that are due, in batches: lease a batch in PostgreSQL (soonest first, skipping
 * what another poller holds), fire each through the engine's one command path — all at once, so
 * the store writes them together (group commit) — and deliver the mails those fires wrote in
 * the same turn, instead of one more job per mail. A fire claims its timer in its own write, so
 * a lease, a redelivered job or a second poller never fires a timer twice. A delivery that fails
 * is recorded on its row with the next attempt's time, for the relay to take up.
 */
export async function fireDueTimers(
  deps: DeliveryDeps,
  options: FireDueOptions = {},
): Promise<FireDueReport> {
  const leased = await deps.dispatch.leaseDueTimers({
    now: deps.clock.now(),
    limit: options.limit ?? 256,
    leaseMs: options.leaseMs ?? 10_000,
    ...(options.ids ? { ids: options.ids } : {}),
  });
  const settled = await Promise.allSettled(
    leased.map((id) => deps.engine.fireTimer(id, { onlyIfDue: true })),
  );
  const fired: FireDueReport['fired'][number][] = [];
  const noop: string[] = [];
  const errors: FireDueReport['errors'][number][] = [];
  settled.forEach((s, i) => {
    const id = leased[i] as string;
    if (s.status === 'rejected') errors.push({ id, error: s.reason });
    else if (s.value.fired) fired.push({ id, result: s.value });
    else noop.push(id);
  });
  const written: OutboxKey[] = fired.flatMap((f) => f.result.outbox ?? []);
  const deliveries = await bounded(written, options.deliveryConcurrency ?? 16, async (key) => ({
    id: key.id,
    result: await deliverOutbox(deps, key.id, key.attempts).catch(
      // Reading or marking the row failed: it stays pending for the relay.
      (error: unknown): DeliveryResult => ({ outcome: 'skipped', reason: errorText(error) }),
    ),
  }));
  return { leased, fired, noop, errors, deliveries };
}
