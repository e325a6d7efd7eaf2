import { InfrastructureError, type Clock, type DispatchStore, type Engine } from '@certflow/engine';
import type { OutboxHandlers } from './outbox-handlers.js';
import { errorText, type RetryPolicy } from './retry-policy.js';

export interface DeliveryDeps {
  readonly engine: Engine;
  readonly dispatch: DispatchStore;
  readonly clock: Clock;
  readonly handlers: OutboxHandlers;
  readonly retry: RetryPolicy;
}

export type DeliveryResult =
  /** `commands`: engine commands the handler made (each may have written outbox rows). */
  | { readonly outcome: 'delivered'; readonly commands: number }
  /** Nothing to do: the row is gone, delivered, failed, or another attempt owns it. */
  | { readonly outcome: 'skipped'; readonly reason: string }
  /** Not available yet by the engine's clock: try again at `availableAt`. */
  | { readonly outcome: 'skipped'; readonly reason: 'early'; readonly availableAt: Date }
  | {
      readonly outcome: 'retry';
      readonly attempt: number;
      readonly at: Date;
      readonly error: string;
    }
  | { readonly outcome: 'failed'; readonly error: string };

/**
 * Deliver outbox row `outboxId`, attempt `attempt` (= the row's `attempts` when the attempt was
 * scheduled). The row is the truth: a stale attempt is skipped; a success marks the row
 * delivered; a failure is recorded on the row with the next attempt's time (or `failed`).
 * Handler errors are results; only a failure to read or mark the row throws.
 */
export async function deliverOutbox(
  deps: DeliveryDeps,
  outboxId: string,
  attempt: number,
): Promise<DeliveryResult> {
  const row = await deps.dispatch.getOutbox(outboxId);
  if (!row) return { outcome: 'skipped', reason: 'missing' };
  if (row.status !== 'pending') return { outcome: 'skipped', reason: row.status };
  if (row.attempts !== attempt) return { outcome: 'skipped', reason: 'stale-attempt' };
  const now = deps.clock.now();
  if (row.availableAt.getTime() > now.getTime()) {
    return { outcome: 'skipped', reason: 'early', availableAt: row.availableAt };
  }
  const handler = deps.handlers[row.kind];
  const watched = watchCommands(deps.engine);
  try {
    if (!handler) {
      throw new InfrastructureError('OUTBOX_NO_HANDLER', `no handler for outbox kind ${row.kind}`, {
        retryable: false,
      });
    }
    await handler(row, { engine: watched.engine, attempt, now });
  } catch (error) {
    const text = errorText(error);
    const at = deps.retry.nextAttemptAt({ attempts: row.attempts + 1, error, now });
    await deps.dispatch.markAttemptFailed(row.id, text, at);
    return at
      ? { outcome: 'retry', attempt: row.attempts + 1, at, error: text }
      : { outcome: 'failed', error: text };
  }
  await deps.dispatch.markDelivered(row.id, deps.clock.now());
  return { outcome: 'delivered', commands: watched.commands() };
}

const COMMANDS: ReadonlySet<PropertyKey> = new Set<keyof Engine>([
  'start',
  'send',
  'fireTimer',
  'cancel',
]);

/**
 * The engine as a handler sees it, counting the commands it is asked for: only a delivery whose
 * handler made some can have written outbox rows for the relay to pick up.
 */
function watchCommands(engine: Engine): { engine: Engine; commands: () => number } {
  let commands = 0;
  const watched = new Proxy(engine, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function' || !COMMANDS.has(property)) return value;
      return (...args: unknown[]) => {
        commands += 1;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { engine: watched, commands: () => commands };
}
