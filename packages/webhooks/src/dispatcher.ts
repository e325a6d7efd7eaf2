import {
  readFeed,
  webhookDeliveries,
  webhookSubscriptions,
  type Database,
  type FeedEvent,
} from '@certflow/db';
import { and, eq, sql } from 'drizzle-orm';
import { disableWithMail } from './disabled-mail.js';
import { postWebhook, type PostResult } from './post.js';
import { EVENT_ID_HEADER, SIGNATURE_HEADER, signWebhook } from './signature.js';

export interface RetrySettings {
  /** The first retry's delay; each next one doubles, up to `maxMs`. Default 10 s. */
  readonly baseMs: number;
  /** Default 1 h. */
  readonly maxMs: number;
  /** ± this share of the delay at random (default 0.2), so failed endpoints are not hit in step. */
  readonly jitter: number;
  /**
   * A delivery failing this many times in a row disables its subscription (default 16: about
   * eight hours of retries).
   */
  readonly maxAttempts: number;
}

export const DEFAULT_RETRY: RetrySettings = {
  baseMs: 10_000,
  maxMs: 3_600_000,
  jitter: 0.2,
  maxAttempts: 16,
};

export interface WebhookDispatcherOptions {
  readonly db: Database;
  readonly now?: () => Date;
  /** Allow private and loopback targets (`CERTFLOW_WEBHOOK_ALLOW_PRIVATE=1`). */
  readonly allowPrivate?: boolean;
  /** Per attempt, connect + answer; default 10 s. */
  readonly timeoutMs?: number;
  /** How long an attempt holds its delivery (a killed worker's is taken over after it); default timeout + 30 s. */
  readonly leaseMs?: number;
  /** Attempts in flight per subscription; default 4. */
  readonly concurrency?: number;
  readonly retry?: Partial<RetrySettings>;
  /** How often to look for new events and due retries; default 1 s. */
  readonly pollMs?: number;
  /**
   * A subscription was disabled after persistent failure (log it). Its owner's mail is already
   * in the outbox (`webhook.disabled`, written with the disabling).
   */
  readonly onDisabled?: (subscription: {
    id: string;
    url: string;
    ownerId: string;
    ownerEmail: string | null;
    reason: string;
  }) => void | Promise<void>;
  readonly onError?: (error: unknown) => void;
  readonly random?: () => number;
}

/** The delay before attempt `attempts + 1`, after `attempts` failures. */
export function retryDelay(attempts: number, retry: RetrySettings, random = Math.random): number {
  const base = Math.min(retry.maxMs, retry.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.max(0, Math.round(base * (1 + retry.jitter * (random() * 2 - 1))));
}

const LOG_KEEP = 20;
const FANOUT_PAGE = 200;

interface Claimed {
  readonly position: number;
  readonly subscriptionId: string;
  readonly eventId: string;
  readonly body: string;
  readonly attempts: number;
}

/**
 * Turns the change feed into deliveries and delivers them (docs/http-api.md § Webhooks): at least
 * once, in feed order per instance (a delivery waits until the one before it for the same
 * instance is acknowledged), at most `concurrency` attempts in flight per subscription so a slow
 * or dead endpoint delays nobody else, retried with exponential backoff and jitter, the
 * subscription disabled after `maxAttempts` failures of one delivery. Two dispatchers may run
 * at once (a lease per attempt, a checked cursor per subscription).
 */
export class WebhookDispatcher {
  private readonly db: Database;
  private readonly now: () => Date;
  private readonly retry: RetrySettings;
  private readonly inFlight = new Map<string, number>();
  private readonly running = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private again = false;
  private stopped = true;

  constructor(private readonly options: WebhookDispatcherOptions) {
    this.db = options.db;
    this.now = options.now ?? (() => new Date());
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Look now (a command committed). */
  nudge(): void {
    if (!this.stopped) this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.ticking;
    await Promise.allSettled([...this.running]);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.ticking) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.ticking = this.tick()
        .catch((error: unknown) => this.options.onError?.(error))
        .finally(() => {
          this.ticking = undefined;
          const soon = this.again;
          this.again = false;
          this.schedule(soon ? 0 : (this.options.pollMs ?? 1000));
        });
    }, ms);
  }

  private async tick(): Promise<void> {
    await this.fanOut();
    await this.dispatch();
  }

  /** New feed events → deliveries of every active subscription whose filter takes them. */
  async fanOut(): Promise<number> {
    const subs = await this.db
      .select()
      .from(webhookSubscriptions)
      .where(eq(webhookSubscriptions.active, true));
    let made = 0;
    for (const sub of subs) {
      let cursor = sub.feedCursor;
      for (let pages = 0; pages < 20; pages++) {
        const page = await readFeed(this.db, {
          after: cursor,
          limit: FANOUT_PAGE,
          flows: sub.flows,
          types: sub.types,
        });
        if (page.cursor === cursor) break;
        const advanced = await this.enqueue(sub.id, cursor, page.cursor, page.events);
        if (!advanced) break; // another dispatcher moved it
        made += page.events.length;
        cursor = page.cursor;
        if (!page.hasMore) break;
      }
    }
    return made;
  }

  private async enqueue(
    subscriptionId: string,
    from: string,
    to: string,
    events: readonly FeedEvent[],
  ): Promise<boolean> {
    const at = this.now();
    return this.db.transaction(async (tx) => {
      const moved = await tx
        .update(webhookSubscriptions)
        .set({ feedCursor: to })
        .where(
          and(
            eq(webhookSubscriptions.id, subscriptionId),
            eq(webhookSubscriptions.feedCursor, from),
          ),
        )
        .returning({ id: webhookSubscriptions.id });
      if (moved.length === 0) return false;
      if (events.length === 0) return true;
      const rows = JSON.stringify(
        events.map((e) => ({
          event_id: e.id,
          event_type: e.type,
          instance_id: e.instanceId,
          body: JSON.stringify(e),
        })),
      );
      // In feed order: `position` is the line per instance.
      await tx.execute(sql`
        insert into webhook_deliveries (subscription_id, event_id, event_type, instance_id, body,
          status, attempts, next_attempt_at, created_at)
        select ${subscriptionId}::text, r.event_id, r.event_type, r.instance_id, r.body, 'pending',
          0, ${at.toISOString()}::timestamptz, ${at.toISOString()}::timestamptz
        from rows from (jsonb_to_recordset(${rows}::text::jsonb)
          as (event_id text, event_type text, instance_id text, body text))
          with ordinality as r(event_id, event_type, instance_id, body, n)
        order by r.n
        on conflict (subscription_id, event_id) do nothing`);
      return true;
    });
  }

  /** Claims what is due (head of line per instance) within each subscription's free slots. */
  async dispatch(): Promise<number> {
    const concurrency = this.options.concurrency ?? 4;
    const subs = await this.db
      .select({
        id: webhookSubscriptions.id,
        url: webhookSubscriptions.url,
        secret: webhookSubscriptions.secret,
      })
      .from(webhookSubscriptions)
      .where(eq(webhookSubscriptions.active, true));
    let started = 0;
    for (const sub of subs) {
      const free = concurrency - (this.inFlight.get(sub.id) ?? 0);
      if (free <= 0) continue;
      const claimed = await this.claim(sub.id, free);
      for (const c of claimed) {
        started += 1;
        this.inFlight.set(sub.id, (this.inFlight.get(sub.id) ?? 0) + 1);
        const attempt = this.attempt(sub, c).finally(() => {
          this.inFlight.set(sub.id, (this.inFlight.get(sub.id) ?? 1) - 1);
          this.running.delete(attempt);
          // The next event of that instance may be due now.
          this.nudge();
        });
        this.running.add(attempt);
      }
    }
    return started;
  }

  /** Waits for the attempts in flight (tests). */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  private async claim(subscriptionId: string, limit: number): Promise<Claimed[]> {
    const now = this.now();
    const lease = new Date(
      now.getTime() + (this.options.leaseMs ?? (this.options.timeoutMs ?? 10_000) + 30_000),
    );
    const result = await this.db.execute(sql`
      update webhook_deliveries set lease_until = ${lease.toISOString()}::timestamptz
      where position in (
        select d.position from webhook_deliveries d
        where d.subscription_id = ${subscriptionId} and d.status = 'pending'
          and d.next_attempt_at <= ${now.toISOString()}::timestamptz
          and (d.lease_until is null or d.lease_until <= ${now.toISOString()}::timestamptz)
          and not exists (select 1 from webhook_deliveries e
            where e.subscription_id = d.subscription_id and e.instance_id = d.instance_id
              and e.status = 'pending' and e.position < d.position)
        order by d.position
        limit ${limit}
        for update skip locked)
      returning position, subscription_id, event_id, body, attempts`);
    const rows = Array.isArray(result)
      ? (result as Record<string, unknown>[])
      : (result as { rows: Record<string, unknown>[] }).rows;
    return rows
      .map((r) => ({
        position: Number(r['position']),
        subscriptionId: String(r['subscription_id']),
        eventId: String(r['event_id']),
        body: String(r['body']),
        attempts: Number(r['attempts']),
      }))
      .sort((a, b) => a.position - b.position);
  }

  private async attempt(
    sub: { id: string; url: string; secret: string },
    c: Claimed,
  ): Promise<void> {
    const t = Math.floor(this.now().getTime() / 1000);
    let result: PostResult;
    try {
      result = await postWebhook({
        url: sub.url,
        body: c.body,
        timeoutMs: this.options.timeoutMs ?? 10_000,
        allowPrivate: this.options.allowPrivate ?? false,
        headers: {
          [SIGNATURE_HEADER]: signWebhook(sub.secret, c.body, t),
          [EVENT_ID_HEADER]: c.eventId,
          'Certflow-Delivery': String(c.position),
          'Certflow-Attempt': String(c.attempts + 1),
        },
      });
    } catch (error) {
      result = { status: null, error: String(error), ms: 0 };
    }
    await this.record(sub.id, c, result).catch((error: unknown) => this.options.onError?.(error));
  }

  private async record(subscriptionId: string, c: Claimed, result: PostResult): Promise<void> {
    const at = this.now();
    const entry = JSON.stringify([
      { at: at.toISOString(), status: result.status, error: result.error, ms: result.ms },
    ]);
    const log = sql`(select coalesce(jsonb_agg(x order by n), '[]'::jsonb) from (
      select x, n from jsonb_array_elements(${webhookDeliveries.log} || ${entry}::jsonb)
        with ordinality as a(x, n) order by n desc limit ${LOG_KEEP}) k)`;
    const ok = result.error === null;
    const attempts = c.attempts + 1;
    // The last allowed failure keeps its lease until the subscription is disabled (which clears
    // it): no other tick attempts the delivery in between.
    const exhausted = !ok && attempts >= this.retry.maxAttempts;
    await this.db
      .update(webhookDeliveries)
      .set({
        attempts,
        lastStatus: result.status,
        lastError: result.error,
        ...(exhausted ? {} : { leaseUntil: null }),
        log,
        ...(ok
          ? { status: 'delivered' as const, deliveredAt: at }
          : {
              nextAttemptAt: new Date(
                at.getTime() + retryDelay(attempts, this.retry, this.options.random),
              ),
            }),
      })
      .where(
        and(eq(webhookDeliveries.position, c.position), eq(webhookDeliveries.status, 'pending')),
      );
    if (ok) {
      await this.db
        .update(webhookSubscriptions)
        .set({ consecutiveFailures: 0 })
        .where(
          and(
            eq(webhookSubscriptions.id, subscriptionId),
            sql`${webhookSubscriptions.consecutiveFailures} <> 0`,
          ),
        );
      return;
    }
    const [sub] = await this.db
      .update(webhookSubscriptions)
      .set({ consecutiveFailures: sql`${webhookSubscriptions.consecutiveFailures} + 1` })
      .where(eq(webhookSubscriptions.id, subscriptionId))
      .returning();
    if (exhausted && sub?.active) {
      const reason = `delivery ${c.position} failed ${attempts} times: ${result.error ?? ''}`;
      const disabled = await disableWithMail(this.db, {
        subscriptionId,
        position: c.position,
        attempts,
        reason,
        at,
      });
      if (disabled) {
        await this.options.onDisabled?.({
          id: disabled.id,
          url: disabled.url,
          ownerId: disabled.ownerId,
          ownerEmail: disabled.ownerEmail,
          reason,
        });
      }
    }
  }
}
