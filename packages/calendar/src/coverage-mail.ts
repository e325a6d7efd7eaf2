import {
  emptyWrite,
  referenceId,
  type BusinessCalendar,
  type CommandStore,
} from '@certflow/engine';
import { z } from 'zod';
import { beijingTimeOfDay } from './beijing-time.js';
import type { CalendarSettings } from './calendar-settings.js';
import { coverageWarningMail, type CoverageWarningPayload } from './coverage-warning.js';

/** Reference-data kind recording the weeks a coverage mail was queued; key = the year. */
export const COVERAGE_MAIL_KIND = 'calendar-coverage-mail';

const sentSchema = z.object({ weeks: z.array(z.string()) });

/**
 * Queue this week's mail to 教务处 if the warning stands and none was queued this week: the
 * outbox row and the week's marker (`calendar-coverage-mail/<year>`) in one write, checked
 * against the marker's version, so a job run daily, twice, or by two workers at once queues one
 * mail a week (the later writer loses and reads the marker again). Returns the payload
 * queued, or null. Call it from a recurring job (e.g. daily at 09:00 Beijing).
 */
export async function sendCoverageWarningIfDue(
  store: CommandStore,
  calendar: Pick<BusinessCalendar, 'isCovered'>,
  now: Date,
  settings?: Pick<CalendarSettings, 'warnFrom'>,
): Promise<CoverageWarningPayload | null> {
  const row = coverageWarningMail(calendar, now, settings);
  if (!row) return null;
  const payload = row.payload as CoverageWarningPayload;
  const key = String(payload.year);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const loaded = await store.load({ references: [{ kind: COVERAGE_MAIL_KIND, key }] });
    const current = loaded.references.get(referenceId(COVERAGE_MAIL_KIND, key));
    const marker = sentSchema.safeParse(current?.value);
    const weeks = marker.success ? marker.data.weeks : [];
    if (weeks.includes(payload.week)) return null;
    const written = await store.write({
      ...emptyWrite(),
      outbox: [row],
      references: [
        {
          kind: COVERAGE_MAIL_KIND,
          key,
          value: { weeks: [...weeks, payload.week] },
          expectedVersion: current?.version ?? null,
        },
      ],
    });
    if (written) return payload;
  }
  return null;
}

/** How often the coverage job looks (it queues at most one mail a week whatever the interval). */
export const COVERAGE_JOB_EVERY_MS = 60 * 60 * 1000;
/** The job queues nothing before this Beijing hour: the week's mail goes out in office hours. */
export const COVERAGE_JOB_FROM_HOUR = 9;

export interface CoverageMailJobOptions {
  readonly store: CommandStore;
  readonly calendar: Pick<BusinessCalendar, 'isCovered'>;
  readonly clock: { now(): Date };
  readonly settings?: Pick<CalendarSettings, 'warnFrom'>;
  /** Default `COVERAGE_JOB_EVERY_MS` (hourly). */
  readonly everyMs?: number;
  /** A mail was queued: deliver it now (the scheduler's nudge), instead of at its next look. */
  readonly onQueued?: (payload: CoverageWarningPayload) => void;
  readonly onError?: (error: unknown) => void;
}

export interface CoverageMailJob {
  /** One look now (what the timer does): the payload queued, or null. */
  runOnce(): Promise<CoverageWarningPayload | null>;
  stop(): void;
}

/**
 * The recurring job of the coverage mail, for a composition root (the all-in-one server and
 * apps/worker both run one): an unref'd interval timer that calls `sendCoverageWarningIfDue`
 * hourly from 09:00 Beijing, and once at start. The marker makes it one mail a week however many
 * processes run it, so the week's mail goes out at the first look after 09:00 on Monday (or on
 * the day the warning starts). Stop it on shutdown.
 */
export function startCoverageMailJob(options: CoverageMailJobOptions): CoverageMailJob {
  let running: Promise<CoverageWarningPayload | null> | null = null;
  const runOnce = (): Promise<CoverageWarningPayload | null> => {
    running ??= (async () => {
      const now = options.clock.now();
      if (beijingTimeOfDay(now) < COVERAGE_JOB_FROM_HOUR * 3_600_000) return null;
      const queued = await sendCoverageWarningIfDue(
        options.store,
        options.calendar,
        now,
        options.settings,
      );
      if (queued) options.onQueued?.(queued);
      return queued;
    })().finally(() => (running = null));
    return running;
  };
  const tick = (): void => {
    runOnce().catch((error: unknown) => options.onError?.(error));
  };
  const timer = setInterval(tick, options.everyMs ?? COVERAGE_JOB_EVERY_MS);
  timer.unref();
  tick();
  return { runOnce, stop: () => clearInterval(timer) };
}
