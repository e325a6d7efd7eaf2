import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { JsonObject } from '@certflow/engine';

const at = (name: string) => timestamp(name, { mode: 'date', precision: 3, withTimezone: true });

/**
 * The change feed (docs/http-api.md § Change feed): one row per event, written by the command's
 * own write statement (write-commands.ts `fed`; by row triggers on `history` and `tasks` from
 * migration 0012 to 0016), so a feed row exists exactly when its command committed. `xid` is the writing transaction's id
 * (`pg_current_xact_id()`); the feed is read in `(xid, instance_id, rank, item)` order and only
 * below the oldest running transaction (`pg_snapshot_xmin`), so a row committed later can never
 * sort before a cursor already handed out. The event's kind is fixed when it is written:
 * `instance.started` / `instance.updated` (rank 0, one per history row), `task.decided` (rank 1,
 * a task closed as done), `task.created` (rank 2, one per new task),
 * `instance.completed|rejected|withdrawn|cancelled` (rank 3, once, when a command ended it).
 */
export const changeFeed = pgTable(
  'change_feed',
  {
    xid: bigint('xid', { mode: 'number' }).notNull(),
    instanceId: text('instance_id').notNull(),
    rank: smallint('rank').notNull(),
    /** Orders the rows of one rank: the history seq (zero-padded) or the new task's id. */
    item: text('item').notNull(),
    type: text('type').notNull(),
    /** The history row of the command (null for a task row: it is the rank-0 row's seq). */
    seq: integer('seq'),
    taskId: text('task_id'),
    flowId: text('flow_id').notNull(),
    college: text('college'),
    at: at('at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'change_feed_pk', columns: [t.xid, t.instanceId, t.rank, t.item] }),
    index('change_feed_instance_idx').on(t.instanceId, t.rank),
  ],
);

/** A campus app's webhook subscription (docs/http-api.md § Webhooks). */
export const webhookSubscriptions = pgTable('webhook_subscriptions', {
  id: text('id').primaryKey(),
  url: text('url').notNull(),
  /** The HMAC-SHA256 key of `Certflow-Signature` (≥ 32 characters). */
  secret: text('secret').notNull(),
  description: text('description'),
  /** Flow ids to send events of; empty = every flow. */
  flows: jsonb('flows').$type<string[]>().notNull(),
  /** Event types to send; empty = every type. */
  types: jsonb('types').$type<string[]>().notNull(),
  active: boolean('active').notNull(),
  ownerId: text('owner_id').notNull(),
  ownerEmail: text('owner_email'),
  /** The feed cursor up to which events were turned into deliveries. */
  feedCursor: text('feed_cursor').notNull(),
  consecutiveFailures: integer('consecutive_failures').notNull().default(0),
  disabledAt: at('disabled_at'),
  disabledReason: text('disabled_reason'),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
});

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One event for one subscription: delivered at least once, in feed order per instance. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    /** Feed order (assigned when the event is turned into deliveries, in feed order). */
    position: bigserial('position', { mode: 'number' }).primaryKey(),
    subscriptionId: text('subscription_id').notNull(),
    eventId: text('event_id').notNull(),
    eventType: text('event_type').notNull(),
    instanceId: text('instance_id').notNull(),
    /** The event as it is POSTed (the body, byte for byte, on every attempt). */
    body: text('body').notNull(),
    status: text('status').$type<WebhookDeliveryStatus>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: at('next_attempt_at').notNull(),
    /** A worker holds the delivery until then. */
    leaseUntil: at('lease_until'),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    /** The last attempts (newest last): at, status, error, ms. */
    log: jsonb('log')
      .$type<JsonObject[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    createdAt: at('created_at').notNull(),
    deliveredAt: at('delivered_at'),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_event_idx').on(t.subscriptionId, t.eventId),
    index('webhook_deliveries_pending_idx')
      .on(t.subscriptionId, t.instanceId, t.position)
      .where(sql`${t.status} = 'pending'`),
    index('webhook_deliveries_log_idx').on(t.subscriptionId, t.position.desc()),
  ],
);
