import { outbox, webhookDeliveries, webhookSubscriptions, type Database } from '@certflow/db';
import type { JsonObject } from '@certflow/engine';
import { and, count, eq } from 'drizzle-orm';

/**
 * Outbox kind of the mail to a subscription's owner when it was disabled after persistent
 * failure (handled by `@certflow/mail`'s `createWebhookDisabledMailHandler`, the same string).
 */
export const WEBHOOK_DISABLED_OUTBOX_KIND = 'webhook.disabled';

/** How many of the failing delivery's last attempts the mail lists. */
const ERRORS_SHOWN = 5;

/** The payload of a `webhook.disabled` outbox row (what the owner's mail says). */
export interface WebhookDisabledPayload extends JsonObject {
  readonly notification: 'webhook-disabled';
  readonly subscription: { id: string; url: string; description: string | null };
  readonly owner: { id: string; email: string | null };
  readonly disabledAt: string;
  readonly delivery: {
    id: number;
    eventId: string;
    eventType: string;
    instanceId: string;
    attempts: number;
  };
  /** Newest first. */
  readonly lastErrors: Array<{ at: string; status: number | null; error: string | null }>;
  /** Deliveries waiting (pending) when it was disabled. */
  readonly waiting: number;
}

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * Disables subscription `subscriptionId` (if still active) for the failures of delivery
 * `position`, and writes the owner's mail into the outbox in the same transaction: the mail is
 * as durable as the disabling, and its row id (`webhook-disabled:<subscription>:<ms>`) is
 * written once — the relay may deliver it again, the mail handler sends it once. Returns the
 * disabled row, or undefined when another attempt disabled it first.
 */
export async function disableWithMail(
  db: Database,
  args: { subscriptionId: string; position: number; attempts: number; reason: string; at: Date },
) {
  return db.transaction(async (tx) => {
    const [sub] = await tx
      .update(webhookSubscriptions)
      .set({ active: false, disabledAt: args.at, disabledReason: args.reason, updatedAt: args.at })
      .where(
        and(
          eq(webhookSubscriptions.id, args.subscriptionId),
          eq(webhookSubscriptions.active, true),
        ),
      )
      .returning();
    if (!sub) return undefined;
    await tx
      .update(webhookDeliveries)
      .set({ leaseUntil: null })
      .where(eq(webhookDeliveries.position, args.position));
    const payload = await payloadOf(tx, sub, args);
    await tx
      .insert(outbox)
      .values({
        id: `webhook-disabled:${sub.id}:${args.at.getTime()}`,
        instanceId: null,
        kind: WEBHOOK_DISABLED_OUTBOX_KIND,
        payload,
        status: 'pending',
        attempts: 0,
        createdAt: args.at,
        availableAt: args.at,
        deliveredAt: null,
        lastError: null,
      })
      .onConflictDoNothing();
    return sub;
  });
}

async function payloadOf(
  tx: Tx,
  sub: typeof webhookSubscriptions.$inferSelect,
  args: { position: number; attempts: number; at: Date },
): Promise<WebhookDisabledPayload> {
  const [delivery] = await tx
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.position, args.position));
  const [waiting] = await tx
    .select({ n: count() })
    .from(webhookDeliveries)
    .where(
      and(eq(webhookDeliveries.subscriptionId, sub.id), eq(webhookDeliveries.status, 'pending')),
    );
  const failures = (delivery?.log ?? [])
    .flatMap((e) => (typeof e['at'] === 'string' && e['redeliver'] === undefined ? [e] : []))
    .slice(-ERRORS_SHOWN)
    .reverse()
    .map((e) => ({
      at: e['at'] as string,
      status: typeof e['status'] === 'number' ? e['status'] : null,
      error: typeof e['error'] === 'string' ? e['error'] : null,
    }));
  return {
    notification: 'webhook-disabled',
    subscription: { id: sub.id, url: sub.url, description: sub.description },
    owner: { id: sub.ownerId, email: sub.ownerEmail },
    disabledAt: args.at.toISOString(),
    delivery: {
      id: args.position,
      eventId: delivery?.eventId ?? '',
      eventType: delivery?.eventType ?? '',
      instanceId: delivery?.instanceId ?? '',
      attempts: args.attempts,
    },
    lastErrors: failures,
    waiting: waiting?.n ?? 0,
  };
}
