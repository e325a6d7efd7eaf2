import { randomUUID } from 'node:crypto';
import {
  feedHead,
  webhookDeliveries,
  webhookSubscriptions,
  type Database,
  type WebhookDeliveryStatus,
} from '@certflow/db';
import type { JsonObject } from '@certflow/engine';
import { and, desc, eq, lt, sql } from 'drizzle-orm';

/** A subscription as the API shows it: the secret never leaves the database again. */
export interface WebhookSubscription {
  readonly id: string;
  readonly url: string;
  readonly description: string | null;
  readonly flows: string[];
  readonly types: string[];
  readonly active: boolean;
  readonly ownerId: string;
  readonly consecutiveFailures: number;
  readonly disabledAt: string | null;
  readonly disabledReason: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface NewSubscription {
  readonly url: string;
  readonly secret: string;
  readonly description?: string | null | undefined;
  readonly flows?: readonly string[] | undefined;
  readonly types?: readonly string[] | undefined;
  readonly active?: boolean | undefined;
  readonly ownerId: string;
  readonly ownerEmail?: string | null | undefined;
}

export type SubscriptionPatch = Partial<
  Pick<NewSubscription, 'url' | 'secret' | 'description' | 'flows' | 'types' | 'active'>
>;

export interface WebhookDelivery {
  readonly id: number;
  readonly eventId: string;
  readonly eventType: string;
  readonly instanceId: string;
  readonly status: WebhookDeliveryStatus;
  readonly attempts: number;
  readonly nextAttemptAt: string;
  readonly lastStatus: number | null;
  readonly lastError: string | null;
  readonly log: JsonObject[];
  readonly createdAt: string;
  readonly deliveredAt: string | null;
}

type SubscriptionRow = typeof webhookSubscriptions.$inferSelect;
type DeliveryRow = typeof webhookDeliveries.$inferSelect;

export function presentSubscription(row: SubscriptionRow): WebhookSubscription {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    flows: row.flows,
    types: row.types,
    active: row.active,
    ownerId: row.ownerId,
    consecutiveFailures: row.consecutiveFailures,
    disabledAt: row.disabledAt?.toISOString() ?? null,
    disabledReason: row.disabledReason,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function presentDelivery(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.position,
    eventId: row.eventId,
    eventType: row.eventType,
    instanceId: row.instanceId,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt.toISOString(),
    lastStatus: row.lastStatus,
    lastError: row.lastError,
    log: row.log,
    createdAt: row.createdAt.toISOString(),
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
  };
}

/** Subscriptions and their delivery logs, over the database (docs/http-api.md § Webhooks). */
export function webhookStore(db: Database, now: () => Date = () => new Date()) {
  return {
    /** A new subscription receives the events committed from now on (not the past ones). */
    async create(input: NewSubscription): Promise<WebhookSubscription> {
      const at = now();
      const [row] = await db
        .insert(webhookSubscriptions)
        .values({
          id: randomUUID(),
          url: input.url,
          secret: input.secret,
          description: input.description ?? null,
          flows: [...(input.flows ?? [])],
          types: [...(input.types ?? [])],
          active: input.active ?? true,
          ownerId: input.ownerId,
          ownerEmail: input.ownerEmail ?? null,
          feedCursor: await feedHead(db),
          createdAt: at,
          updatedAt: at,
        })
        .returning();
      return presentSubscription(row!);
    },

    async list(): Promise<WebhookSubscription[]> {
      const rows = await db
        .select()
        .from(webhookSubscriptions)
        .orderBy(webhookSubscriptions.createdAt, webhookSubscriptions.id);
      return rows.map(presentSubscription);
    },

    async get(id: string): Promise<WebhookSubscription | undefined> {
      const [row] = await db
        .select()
        .from(webhookSubscriptions)
        .where(eq(webhookSubscriptions.id, id));
      return row ? presentSubscription(row) : undefined;
    },

    /**
     * Changes a subscription. Activating a disabled one clears its failure count and makes its
     * waiting deliveries due at once (they kept their place in line).
     */
    async update(id: string, patch: SubscriptionPatch): Promise<WebhookSubscription | undefined> {
      const at = now();
      return db.transaction(async (tx) => {
        const [before] = await tx
          .select()
          .from(webhookSubscriptions)
          .where(eq(webhookSubscriptions.id, id))
          .for('update');
        if (!before) return undefined;
        const reactivated = patch.active === true && !before.active;
        const [row] = await tx
          .update(webhookSubscriptions)
          .set({
            ...(patch.url === undefined ? {} : { url: patch.url }),
            ...(patch.secret === undefined ? {} : { secret: patch.secret }),
            ...(patch.description === undefined ? {} : { description: patch.description }),
            ...(patch.flows === undefined ? {} : { flows: [...patch.flows] }),
            ...(patch.types === undefined ? {} : { types: [...patch.types] }),
            ...(patch.active === undefined ? {} : { active: patch.active }),
            ...(reactivated
              ? { consecutiveFailures: 0, disabledAt: null, disabledReason: null }
              : {}),
            updatedAt: at,
          })
          .where(eq(webhookSubscriptions.id, id))
          .returning();
        if (reactivated) {
          await tx
            .update(webhookDeliveries)
            .set({ attempts: 0, nextAttemptAt: at, leaseUntil: null })
            .where(
              and(
                eq(webhookDeliveries.subscriptionId, id),
                eq(webhookDeliveries.status, 'pending'),
              ),
            );
        }
        return row ? presentSubscription(row) : undefined;
      });
    },

    async remove(id: string): Promise<boolean> {
      return db.transaction(async (tx) => {
        const gone = await tx
          .delete(webhookSubscriptions)
          .where(eq(webhookSubscriptions.id, id))
          .returning({ id: webhookSubscriptions.id });
        await tx.delete(webhookDeliveries).where(eq(webhookDeliveries.subscriptionId, id));
        return gone.length === 1;
      });
    },

    /** The delivery log, newest first; `before` pages on. */
    async deliveries(
      id: string,
      page: { limit: number; before?: number | undefined },
    ): Promise<WebhookDelivery[]> {
      const rows = await db
        .select()
        .from(webhookDeliveries)
        .where(
          and(
            eq(webhookDeliveries.subscriptionId, id),
            page.before === undefined ? undefined : lt(webhookDeliveries.position, page.before),
          ),
        )
        .orderBy(desc(webhookDeliveries.position))
        .limit(page.limit);
      return rows.map(presentDelivery);
    },

    /** Sends a delivery again (delivered or not): pending, due now, attempts from zero. */
    async redeliver(id: string, deliveryId: number): Promise<WebhookDelivery | undefined> {
      const [row] = await db
        .update(webhookDeliveries)
        .set({
          status: 'pending',
          attempts: 0,
          nextAttemptAt: now(),
          leaseUntil: null,
          deliveredAt: null,
          log: sql`${webhookDeliveries.log} || ${JSON.stringify([{ at: now().toISOString(), redeliver: true }])}::jsonb`,
        })
        .where(
          and(eq(webhookDeliveries.subscriptionId, id), eq(webhookDeliveries.position, deliveryId)),
        )
        .returning();
      return row ? presentDelivery(row) : undefined;
    },
  };
}

export type WebhookStore = ReturnType<typeof webhookStore>;
