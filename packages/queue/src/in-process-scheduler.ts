import type { FireResult } from '@certflow/engine';
import { pino, type Logger } from 'pino';
import { deliverOutbox, type DeliveryDeps, type DeliveryResult } from './deliver-outbox.js';
import { fireDueTimers } from './fire-due.js';
import { RecurringMarkers } from './recurring-markers.js';
import { FAR_FUTURE } from './far-future.js';
import { defaultRetryPolicy, errorText } from './retry-policy.js';
import type { ReconcileReport, Scheduler, SchedulerDeps } from './scheduler.js';

export interface InProcessSchedulerOptions extends SchedulerDeps {
  /** Longest sleep between two looks at the database (default 30 s). */
  readonly maxSleepMs?: number;
  /** How long a batch of due timers is leased to this scheduler (default 10 s). */
  readonly leaseMs?: number;
}

/** What one `runDue()` did, for tests and logs. */
export interface RunReport {
  readonly fired: string[];
  readonly noop: string[];
  readonly delivered: string[];
  readonly retried: string[];
  readonly failed: string[];
  readonly started: string[];
  readonly errors: string[];
}

/**
 * The all-in-one scheduler (embedded PostgreSQL, no Redis): the database is the only index. Each run
 * fires every timer due by the clock and delivers every outbox row available by the clock, then
 * sleeps (`setTimeout`) until the next due row — at most `maxSleepMs`, so rows written by
 * another process are seen too. `nudge()` runs at once. Runs never overlap.
 */
export class InProcessScheduler implements Scheduler {
  readonly kind = 'in-process' as const;
  private running = false;
  private wake: NodeJS.Timeout | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private readonly leaseMs: number;
  private readonly log: Logger;
  private readonly delivery: DeliveryDeps;
  private readonly markers: RecurringMarkers;

  constructor(private readonly deps: InProcessSchedulerOptions) {
    this.log = deps.logger ?? pino({ level: 'silent' });
    this.delivery = { ...deps, retry: deps.retry ?? defaultRetryPolicy };
    this.markers = new RecurringMarkers(deps);
    this.leaseMs = deps.leaseMs ?? 10_000;
  }

  /** Reconcile, then begin delivering (the first run goes on in the background). */
  async start(): Promise<void> {
    this.running = true;
    await this.reconcile();
    void this.runDue();
  }

  async nudge(): Promise<void> {
    await this.runDue();
  }

  async reconcile(): Promise<ReconcileReport> {
    const limit = this.deps.reconcileLimit ?? 200_000;
    const timers = await this.deps.dispatch.pendingTimers(limit);
    const outbox = await this.deps.dispatch.pendingOutbox(FAR_FUTURE, limit);
    this.log.info({ timers: timers.length, outbox: outbox.length }, 'reconciled from the database');
    return {
      timers: timers.length,
      outbox: outbox.length,
      promoted: 0,
      recurring: this.deps.recurring?.length ?? 0,
    };
  }

  /** Deliver everything due by the clock now (serialized with any run in progress). */
  runDue(): Promise<RunReport> {
    const run = this.chain.then(() => this.drain());
    this.chain = run.then(
      () => this.planWake(),
      () => this.planWake(),
    );
    return run;
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.wake) clearTimeout(this.wake);
    this.wake = undefined;
    await this.chain.catch(() => undefined);
  }

  private async drain(): Promise<RunReport> {
    const report: RunReport = {
      fired: [],
      noop: [],
      delivered: [],
      retried: [],
      failed: [],
      started: [],
      errors: [],
    };
    const batch = this.deps.batchSize ?? 500;
    try {
      report.started.push(...(await this.markers.runDueCalls()));
      for (let round = 0; round < 10_000; round += 1) {
        const now = this.deps.clock.now();
        // Due timers in leased batches, fired together, their mails delivered at once. A timer
        // whose fire failed stays leased for `leaseMs`: it is retried after that.
        const fires = await fireDueTimers(this.delivery, { limit: batch, leaseMs: this.leaseMs });
        let progressed = fires.leased.length > 0;
        for (const f of fires.fired) {
          report.fired.push(f.id);
          this.logFire(f.id, f.result);
        }
        report.noop.push(...fires.noop);
        for (const e of fires.errors) {
          report.errors.push(`timer ${e.id}: ${errorText(e.error)}`);
          this.log.error(
            { timerId: e.id, err: e.error },
            'timer failed to fire; retried once its lease ends',
          );
        }
        for (const d of fires.deliveries) this.record(report, d.id, d.result);
        for (const row of await this.deps.dispatch.pendingOutbox(now, batch)) {
          progressed = true;
          this.record(report, row.id, await deliverOutbox(this.delivery, row.id, row.attempts));
        }
        if (!progressed) break;
      }
    } catch (error) {
      report.errors.push(errorText(error));
      this.log.error({ err: error }, 'scheduler run failed; will retry');
    }
    return report;
  }

  private record(report: RunReport, id: string, result: DeliveryResult): void {
    if (result.outcome === 'delivered') report.delivered.push(id);
    else if (result.outcome === 'retry') report.retried.push(id);
    else if (result.outcome === 'failed') report.failed.push(id);
    if (result.outcome === 'retry' || result.outcome === 'failed') {
      this.log.warn({ outboxId: id, ...result }, 'outbox delivery failed');
    }
  }

  private logFire(timerId: string, result: FireResult): void {
    this.log.info(
      { timerId, instanceId: result.instance?.id, state: result.instance?.state },
      'timer fired',
    );
  }

  private async planWake(): Promise<void> {
    if (!this.running) return;
    const maxSleep = this.deps.maxSleepMs ?? 30_000;
    const now = this.deps.clock.now().getTime();
    let next = now + maxSleep;
    try {
      const due = (await this.deps.dispatch.nextTimerDue())?.getTime();
      const [row] = await this.deps.dispatch.pendingOutbox(new Date(next), 1);
      const recurring = await this.markers.nextDue();
      for (const t of [due, row?.availableAt.getTime(), recurring?.getTime()]) {
        // A due timer still leased (its fire failed) is looked at again when the lease ends.
        if (t !== undefined) next = Math.min(next, Math.max(t, now + (t <= now ? 1000 : 0)));
      }
    } catch (error) {
      this.log.error({ err: error }, 'scheduler could not plan its next wake-up');
    }
    if (this.wake) clearTimeout(this.wake);
    if (!this.running) return;
    this.wake = setTimeout(() => void this.runDue(), Math.max(0, next - now));
    this.wake.unref();
  }
}
