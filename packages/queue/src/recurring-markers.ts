import { SYSTEM_ACTOR, type JsonObject } from '@certflow/engine';
import { pino } from 'pino';
import { latestOccurrence, nextOccurrence, runOccurrence } from './recurring-call.js';
import { errorText } from './retry-policy.js';
import type { SchedulerDeps } from './scheduler.js';

/** Reference-data kind of the in-process scheduler's "last occurrence run" markers. */
export const RECURRING_MARKER_KIND = 'scheduler.recurring';

/**
 * Recurring calls without Redis: the last occurrence run is kept as reference data, so a
 * process that was down at an occurrence runs the latest missed one when it comes back (as a
 * BullMQ job scheduler does), and a call first seen now starts from now (no back-filling).
 */
export class RecurringMarkers {
  constructor(private readonly deps: SchedulerDeps) {}

  private async last(callId: string): Promise<Date | undefined> {
    const value = await this.deps.store.read.reference(RECURRING_MARKER_KIND, callId);
    const at = value?.['last'];
    return typeof at === 'string' ? new Date(at) : undefined;
  }

  private async mark(callId: string, at: Date): Promise<void> {
    const value: JsonObject = { last: at.toISOString() };
    await this.deps.engine.putReference({
      kind: RECURRING_MARKER_KIND,
      key: callId,
      value,
      actor: SYSTEM_ACTOR,
    });
  }

  /** Run the latest due occurrence of every call; returns the started instance ids. */
  async runDueCalls(): Promise<string[]> {
    const started: string[] = [];
    const log = this.deps.logger ?? pino({ level: 'silent' });
    for (const call of this.deps.recurring ?? []) {
      const now = this.deps.clock.now();
      const last = await this.last(call.id);
      if (!last) {
        await this.mark(call.id, now);
        continue;
      }
      const occurrence = latestOccurrence(call.repeat, last, now);
      if (!occurrence) continue;
      try {
        const views = await runOccurrence(this.deps.engine, call, occurrence, this.deps.calendar);
        started.push(...views.map((v) => v.id));
        await this.mark(call.id, occurrence);
        log.info({ callId: call.id, occurrence, started: views.length }, 'recurring call ran');
      } catch (error) {
        log.error({ callId: call.id, occurrence, err: errorText(error) }, 'recurring call failed');
      }
    }
    return started;
  }

  /** The soonest next occurrence over all calls. */
  async nextDue(): Promise<Date | undefined> {
    let soonest: Date | undefined;
    for (const call of this.deps.recurring ?? []) {
      const last = (await this.last(call.id)) ?? this.deps.clock.now();
      const next = nextOccurrence(call.repeat, last);
      if (!soonest || next < soonest) soonest = next;
    }
    return soonest;
  }
}
