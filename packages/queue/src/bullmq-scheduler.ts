import type { FireResult, OutboxKey, TimerRecord } from '@certflow/engine';
import {
  DelayedError,
  Queue,
  UnrecoverableError,
  Worker,
  type Job,
  type JobsOptions,
} from 'bullmq';
import { Redis } from 'ioredis';
import { pino, type Logger } from 'pino';
import { deliverOutbox, type DeliveryDeps, type DeliveryResult } from './deliver-outbox.js';
import { fireDueTimers } from './fire-due.js';
import { fireTimerWhenDue } from './fire-timer.js';
import { JOB_CATALOG, parseJob, type JobName, type QueueName } from './job-catalog.js';
import { outboxJobId, timerJobId } from './job-ids.js';
import { RECURRING_TZ, runOccurrence } from './recurring-call.js';
import { FAR_FUTURE } from './far-future.js';
import { defaultRetryPolicy, errorText, isPermanent } from './retry-policy.js';
import type { ReconcileReport, Scheduler, SchedulerDeps } from './scheduler.js';

export interface BullmqSchedulerOptions extends SchedulerDeps {
  /** `redis://host:port/db`. */
  readonly redisUrl: string;
  /** Key prefix of every queue (default `certflow`); with Redis Cluster use a hash tag. */
  readonly prefix?: string;
  /** Run workers (default true). `false`: a producer only, e.g. the API server nudging. */
  readonly work?: boolean;
  readonly concurrency?: { readonly timers?: number; readonly outbox?: number };
  /** Periodic reconciliation (default 60 s; 0 = only at start). */
  readonly reconcileEveryMs?: number;
  /**
   * BullMQ lock duration and stalled-job check interval (BullMQ's defaults 30 s / 30 s): a job
   * held by a worker that died runs again once its lock expired, at the next check. apps/worker
   * sets them from its environment (tight defaults: 3 s / 1 s).
   */
  readonly lockDurationMs?: number;
  readonly stalledIntervalMs?: number;
  /** Times a job may stall before BullMQ fails it (BullMQ's default 1; the reconciler re-adds). */
  readonly maxStalledCount?: number;
  /**
   * How often the worker fires, straight from PostgreSQL, the timers that are due and not held
   * by another poller (default 2 s; 0 = never): what a lost job, a worker killed while holding
   * one, or an emptied Redis would otherwise delay.
   */
  readonly sweepEveryMs?: number;
  /** How long a swept batch is this worker's (default 10 s). */
  readonly leaseMs?: number;
}

const CHUNK = 500;

function jobOptions(name: JobName, jobId: string, delay: number): JobsOptions {
  const o = JOB_CATALOG[name].options;
  return {
    jobId,
    delay: Math.max(0, delay),
    attempts: o.attempts,
    backoff: { type: 'exponential', delay: o.backoffMs },
    // Finished jobs free their id: the row's status (not the job) says whether work is left.
    removeOnComplete: true,
    removeOnFail: true,
  };
}

/**
 * The production scheduler: BullMQ delayed jobs mirror timer rows (`timer-<row id>`), outbox
 * rows are relayed as jobs (`outbox-<row id>-a<attempt>`), recurring calls are BullMQ job
 * schedulers. Redis is only a delivery index: `reconcile()` (at start and every
 * `reconcileEveryMs`) re-adds every pending row — an existing job id makes that a no-op.
 */
export class BullmqScheduler implements Scheduler {
  readonly kind = 'bullmq' as const;
  private readonly connection: Redis;
  private readonly queues: Record<QueueName, Queue>;
  private readonly workers: Worker[] = [];
  private readonly log: Logger;
  private readonly delivery: DeliveryDeps;
  private interval: NodeJS.Timeout | undefined;
  private relaying: Promise<void> | undefined;
  private relayAgain = false;
  private readonly relayed = new Map<string, number>();
  private sweeper: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> | undefined;

  constructor(private readonly deps: BullmqSchedulerOptions) {
    this.log = deps.logger ?? pino({ level: 'silent' });
    this.delivery = { ...deps, retry: deps.retry ?? defaultRetryPolicy };
    this.connection = new Redis(deps.redisUrl, { maxRetriesPerRequest: null });
    this.connection.on('error', (err) => this.log.error({ err }, 'redis connection error'));
    const prefix = deps.prefix ?? 'certflow';
    const queue = (name: QueueName) => new Queue(name, { connection: this.connection, prefix });
    this.queues = {
      timers: queue('timers'),
      outbox: queue('outbox'),
      recurring: queue('recurring'),
    };
  }

  async start(): Promise<void> {
    if (this.deps.work !== false) this.startWorkers();
    await this.reconcile();
    const sweepEvery = this.deps.sweepEveryMs ?? 2_000;
    if (this.deps.work !== false && sweepEvery > 0) {
      void this.sweep();
      this.sweeper = setInterval(() => void this.sweep(), sweepEvery);
      this.sweeper.unref();
    }
    const every = this.deps.reconcileEveryMs ?? 60_000;
    if (every > 0) {
      this.interval = setInterval(() => {
        this.reconcile().catch((err: unknown) => this.log.error({ err }, 'reconcile failed'));
      }, every);
      this.interval.unref();
    }
  }

  async nudge(instanceId?: string): Promise<void> {
    if (instanceId) await this.mirrorTimersOf(instanceId);
    await this.relay();
  }

  /** The instance's pending timers → delayed jobs (an existing job id makes it a no-op). */
  private async mirrorTimersOf(instanceId: string): Promise<void> {
    await this.enqueueTimers(await this.deps.store.read.pendingTimers(instanceId));
  }

  /**
   * The outbox relay: committed pending rows → jobs. Concurrent nudges coalesce into one more
   * pass, and rows relayed in the last minutes are not re-added (the job id would dedupe them
   * anyway; this only saves Redis round trips when many nudges come at once).
   */
  private relay(): Promise<void> {
    if (this.relaying) {
      this.relayAgain = true;
      return this.relaying;
    }
    const pass = async (): Promise<void> => {
      do {
        this.relayAgain = false;
        const now = this.deps.clock.now();
        await this.relayKeys(
          await this.deps.dispatch.pendingOutboxKeys(now, this.deps.batchSize ?? 500),
        );
      } while (this.relayAgain);
    };
    this.relaying = pass().finally(() => {
      this.relaying = undefined;
    });
    return this.relaying;
  }

  /** Committed outbox rows → jobs, leaving out those relayed in the last five minutes. */
  private async relayKeys(rows: readonly OutboxKey[]): Promise<void> {
    const fresh = rows.filter((r) => {
      const seen = this.relayed.get(outboxJobId(r.id, r.attempts));
      return seen === undefined || Date.now() - seen > 300_000;
    });
    await this.enqueueOutbox(fresh);
    if (this.relayed.size > 50_000) this.relayed.clear();
    for (const r of fresh) this.relayed.set(outboxJobId(r.id, r.attempts), Date.now());
  }

  /**
   * Fire the due timers PostgreSQL knows of, in leased batches, with their mails (`fireDueTimers`):
   * the worker's own index of last resort, independent of Redis.
   */
  sweep(): Promise<void> {
    if (this.sweeping) return this.sweeping;
    const pass = async (): Promise<void> => {
      for (;;) {
        const report = await fireDueTimers(this.delivery, {
          leaseMs: this.deps.leaseMs ?? 10_000,
        });
        for (const f of report.fired) this.logFired(f.id, f.result);
        for (const e of report.errors) {
          this.log.error(
            { timerId: e.id, err: e.error },
            'timer failed to fire; retried once its lease ends',
          );
        }
        await this.afterDeliveries(report.deliveries);
        if (report.leased.length === 0 || report.errors.length === report.leased.length) return;
      }
    };
    this.sweeping = pass()
      .catch((err: unknown) => this.log.error({ err }, 'timer sweep failed'))
      .finally(() => {
        this.sweeping = undefined;
      });
    return this.sweeping;
  }

  async reconcile(): Promise<ReconcileReport> {
    const limit = this.deps.reconcileLimit ?? 200_000;
    const timers = await this.deps.dispatch.pendingTimers(limit);
    await this.enqueueTimers(timers);
    const now = this.deps.clock.now().getTime();
    const outbox = await this.deps.dispatch.pendingOutboxKeys(FAR_FUTURE, limit);
    await this.enqueueOutbox(outbox);
    const promoted = await this.promote([
      ...timers
        .filter((t) => t.dueAt.getTime() <= now)
        .map((t) => ({ queue: this.queues.timers, id: timerJobId(t.id) })),
      ...outbox
        .filter((r) => r.availableAt.getTime() <= now)
        .map((r) => ({ queue: this.queues.outbox, id: outboxJobId(r.id, r.attempts) })),
    ]);
    const recurring = await this.upsertSchedulers();
    this.log.info(
      { timers: timers.length, outbox: outbox.length, promoted, recurring },
      'reconciled',
    );
    if (timers.length === limit)
      this.log.warn({ limit }, 'reconcile limit reached; the rest follows');
    return { timers: timers.length, outbox: outbox.length, promoted, recurring };
  }

  async stop(): Promise<void> {
    if (this.interval) clearInterval(this.interval);
    if (this.sweeper) clearInterval(this.sweeper);
    this.interval = undefined;
    this.sweeper = undefined;
    await Promise.all(this.workers.map((w) => w.close()));
    await this.sweeping;
    await Promise.all(Object.values(this.queues).map((q) => q.close()));
    await this.connection.quit().catch(() => undefined);
  }

  /** Counts of jobs per queue (waiting, active, delayed), for health checks and tests. */
  async jobCounts(): Promise<Record<QueueName, Record<string, number>>> {
    const [timers, outbox, recurring] = await Promise.all(
      (['timers', 'outbox', 'recurring'] as const).map((q) =>
        this.queues[q].getJobCounts('waiting', 'active', 'delayed', 'prioritized'),
      ),
    );
    return { timers: timers ?? {}, outbox: outbox ?? {}, recurring: recurring ?? {} };
  }

  private async enqueueTimers(rows: readonly TimerRecord[]): Promise<void> {
    const now = this.deps.clock.now().getTime();
    for (let i = 0; i < rows.length; i += CHUNK) {
      await this.queues.timers.addBulk(
        rows.slice(i, i + CHUNK).map((t) => ({
          name: 'timer.fire',
          data: { timerId: t.id },
          opts: jobOptions('timer.fire', timerJobId(t.id), t.dueAt.getTime() - now),
        })),
      );
    }
  }

  private async enqueueOutbox(rows: readonly OutboxKey[]): Promise<void> {
    const now = this.deps.clock.now().getTime();
    for (let i = 0; i < rows.length; i += CHUNK) {
      await this.queues.outbox.addBulk(
        rows.slice(i, i + CHUNK).map((r) => ({
          name: 'outbox.deliver',
          data: { outboxId: r.id, attempt: r.attempts },
          opts: jobOptions(
            'outbox.deliver',
            outboxJobId(r.id, r.attempts),
            r.availableAt.getTime() - now,
          ),
        })),
      );
    }
  }

  /** Jobs still delayed although their row is due by the engine's clock run now. */
  private async promote(due: readonly { queue: Queue; id: string }[]): Promise<number> {
    let promoted = 0;
    for (let i = 0; i < due.length; i += 100) {
      await Promise.all(
        due.slice(i, i + 100).map(async (d) => {
          const job = await d.queue.getJob(d.id);
          if (job && (await job.isDelayed())) {
            await job.promote().then(
              () => (promoted += 1),
              () => undefined,
            );
          }
        }),
      );
    }
    return promoted;
  }

  private async upsertSchedulers(): Promise<number> {
    const calls = this.deps.recurring ?? [];
    const o = JOB_CATALOG['recurring.start'].options;
    for (const call of calls) {
      await this.queues.recurring.upsertJobScheduler(
        call.id,
        'pattern' in call.repeat
          ? { pattern: call.repeat.pattern, tz: RECURRING_TZ }
          : { every: call.repeat.everyMs },
        {
          name: 'recurring.start',
          data: { callId: call.id },
          opts: {
            attempts: o.attempts,
            backoff: { type: 'exponential', delay: o.backoffMs },
            removeOnComplete: 100,
            removeOnFail: 100,
          },
        },
      );
    }
    const known = new Set(calls.map((c) => c.id));
    for (const s of await this.queues.recurring.getJobSchedulers()) {
      if (!known.has(s.key)) await this.queues.recurring.removeJobScheduler(s.key);
    }
    return calls.length;
  }

  private startWorkers(): void {
    const prefix = this.deps.prefix ?? 'certflow';
    const common = {
      connection: this.connection,
      prefix,
      ...(this.deps.lockDurationMs ? { lockDuration: this.deps.lockDurationMs } : {}),
      ...(this.deps.stalledIntervalMs ? { stalledInterval: this.deps.stalledIntervalMs } : {}),
      ...(this.deps.maxStalledCount ? { maxStalledCount: this.deps.maxStalledCount } : {}),
    };
    const worker = (
      name: QueueName,
      concurrency: number,
      fn: (job: Job, token?: string) => Promise<unknown>,
    ) => {
      const w = new Worker(name, fn, { ...common, concurrency });
      w.on('failed', (job, err) =>
        this.log.error({ queue: name, jobId: job?.id, err }, 'job failed'),
      );
      w.on('error', (err) => this.log.error({ queue: name, err }, 'worker error'));
      this.workers.push(w);
    };
    worker('timers', this.deps.concurrency?.timers ?? 10, (job, token) =>
      this.fireTimer(job, token),
    );
    worker('outbox', this.deps.concurrency?.outbox ?? 10, (job, token) => this.deliver(job, token));
    worker('recurring', 1, (job) => this.runRecurring(job));
  }

  private payload<N extends JobName>(name: N, job: Job): ReturnType<typeof parseJob<N>> {
    try {
      return parseJob(name, job.data);
    } catch (error) {
      throw new UnrecoverableError(errorText(error));
    }
  }

  private async fireTimer(job: Job, token?: string): Promise<string> {
    const { timerId } = this.payload('timer.fire', job);
    const result = await fireTimerWhenDue(this.deps, timerId);
    if (!result.fired && result.reason === 'early') {
      const wait = (result.dueAt?.getTime() ?? 0) - this.deps.clock.now().getTime();
      await job.moveToDelayed(Date.now() + Math.max(wait, 0), token);
      throw new DelayedError();
    }
    if (result.fired) {
      this.logFired(timerId, result);
      // The mails it wrote go out in this same turn (the fire says which: no read of the outbox).
      const deliveries = await Promise.all(
        (result.outbox ?? []).map(async (key) => ({
          id: key.id,
          result: await deliverOutbox(this.delivery, key.id, key.attempts),
        })),
      );
      await this.afterDeliveries(deliveries);
      // A machine event may have entered a state with timers.
      const instanceId = result.instance?.id;
      if (result.timer?.kind === 'event' && instanceId) await this.mirrorTimersOf(instanceId);
    }
    return result.fired ? 'fired' : (result.reason ?? 'noop');
  }

  private logFired(timerId: string, result: FireResult): void {
    this.log.info(
      { timerId, instanceId: result.instance?.id, state: result.instance?.state },
      'timer fired',
    );
  }

  /** Mails delivered inline: a failed one gets its retry job; handler commands are relayed. */
  private async afterDeliveries(
    deliveries: readonly { id: string; result: DeliveryResult }[],
  ): Promise<void> {
    let commands = 0;
    for (const { id, result } of deliveries) {
      if (result.outcome === 'delivered') commands += result.commands;
      if (result.outcome === 'retry') {
        this.log.warn({ outboxId: id, ...result }, 'outbox delivery failed; retry scheduled');
        await this.enqueueOutbox([{ id, attempts: result.attempt, availableAt: result.at }]);
      } else if (result.outcome === 'failed') {
        this.log.error({ outboxId: id, error: result.error }, 'outbox delivery failed for good');
      }
    }
    if (commands > 0) await this.relay();
  }

  private async deliver(job: Job, token?: string): Promise<string> {
    const { outboxId, attempt } = this.payload('outbox.deliver', job);
    const result = await deliverOutbox(this.delivery, outboxId, attempt);
    if (result.outcome === 'skipped' && 'availableAt' in result) {
      // The row says when (no second read of it).
      const wait = result.availableAt.getTime() - this.deps.clock.now().getTime();
      await job.moveToDelayed(Date.now() + Math.max(wait, 0), token);
      throw new DelayedError();
    }
    // A handler's commands may have written rows (a notification alone writes none).
    if (result.outcome === 'delivered' && result.commands > 0) await this.nudge();
    if (result.outcome === 'retry') {
      this.log.warn({ outboxId, ...result }, 'outbox delivery failed; retry scheduled');
      const delay = result.at.getTime() - this.deps.clock.now().getTime();
      await this.queues.outbox.add(
        'outbox.deliver',
        { outboxId, attempt: result.attempt },
        jobOptions('outbox.deliver', outboxJobId(outboxId, result.attempt), delay),
      );
    } else if (result.outcome === 'failed') {
      this.log.error({ outboxId, error: result.error }, 'outbox delivery failed for good');
    }
    return result.outcome;
  }

  private async runRecurring(job: Job): Promise<number> {
    const { callId } = this.payload('recurring.start', job);
    const call = this.deps.recurring?.find((c) => c.id === callId);
    if (!call) return 0; // removed from the configuration; the reconciler drops its scheduler
    const occurrence = new Date(job.opts.prevMillis ?? job.timestamp);
    try {
      const started = await runOccurrence(this.deps.engine, call, occurrence, this.deps.calendar);
      this.log.info({ callId, occurrence, started: started.length }, 'recurring call ran');
      return started.length;
    } catch (error) {
      if (isPermanent(error)) throw new UnrecoverableError(errorText(error));
      throw error;
    }
  }
}
