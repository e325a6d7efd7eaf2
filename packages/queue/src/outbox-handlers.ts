import type { Engine, OutboxRecord } from '@certflow/engine';

/** What an outbox handler gets besides the row. */
export interface OutboxContext {
  readonly engine: Engine;
  /** The delivery attempt (0 = first), for logs. */
  readonly attempt: number;
  readonly now: Date;
}

/**
 * Delivers one outbox row. Must be idempotent (delivery is at least once): a stable Message-ID
 * for mail, the outbox id as the idempotency key of anything it starts. Throw to fail the
 * attempt: a `DomainError` or a non-retryable `InfrastructureError` fails the row for good.
 */
export type OutboxHandler = (row: OutboxRecord, ctx: OutboxContext) => Promise<void>;

/** Handlers by outbox kind (`notify` → mail, `pilot.*` → the pilot's effect handlers). */
export type OutboxHandlers = Readonly<Record<string, OutboxHandler>>;

/**
 * Adapt payload-style effect handlers (`(payload, { engine, outboxId, … })`, e.g.
 * `pilotEffectHandlers`) to outbox handlers. `extra` is merged into each handler's context.
 */
export function effectHandlers<C extends object>(
  handlers: Readonly<
    Record<
      string,
      (
        payload: OutboxRecord['payload'],
        ctx: C & { engine: Engine; outboxId: string },
      ) => Promise<void>
    >
  >,
  extra: C,
): OutboxHandlers {
  return Object.fromEntries(
    Object.entries(handlers).map(([kind, handler]) => [
      kind,
      (row: OutboxRecord, ctx: OutboxContext) =>
        handler(row.payload, { ...extra, engine: ctx.engine, outboxId: row.id }),
    ]),
  );
}
