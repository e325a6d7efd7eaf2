import {
  SYSTEM_ACTOR,
  type BusinessCalendar,
  type Engine,
  type InstanceView,
} from '@certflow/engine';
import { CronExpressionParser } from 'cron-parser';
import { occurrenceKey } from './job-ids.js';

/** Recurrence in Beijing time: a cron pattern (5 or 6 fields) or a fixed interval. */
export type Recurrence = { readonly pattern: string } | { readonly everyMs: number };

/**
 * "Start an instance of flow X with input Y as the system actor", on a schedule. The inputs
 * are computed from the occurrence (e.g. the period a report covers); each start is idempotent
 * per occurrence, so a redelivered or caught-up occurrence starts nothing twice.
 */
export interface RecurringCall {
  /** Stable id (also the BullMQ job scheduler id). */
  readonly id: string;
  readonly repeat: Recurrence;
  readonly flowId: string;
  inputs(args: { occurrence: Date; calendar: BusinessCalendar | undefined }): readonly unknown[];
}

export const RECURRING_TZ = 'Asia/Shanghai';

/** The first occurrence strictly after `after`. */
export function nextOccurrence(repeat: Recurrence, after: Date): Date {
  if ('everyMs' in repeat) {
    return new Date((Math.floor(after.getTime() / repeat.everyMs) + 1) * repeat.everyMs);
  }
  const it = CronExpressionParser.parse(repeat.pattern, { currentDate: after, tz: RECURRING_TZ });
  return it.next().toDate();
}

/** The last occurrence at or before `at`, if any after `since`. */
export function latestOccurrence(repeat: Recurrence, since: Date, at: Date): Date | undefined {
  const next = nextOccurrence(repeat, since);
  if (next.getTime() > at.getTime()) return undefined;
  if ('everyMs' in repeat) {
    return new Date(Math.floor(at.getTime() / repeat.everyMs) * repeat.everyMs);
  }
  const it = CronExpressionParser.parse(repeat.pattern, {
    currentDate: new Date(at.getTime() + 1),
    tz: RECURRING_TZ,
  });
  return it.prev().toDate();
}

/** Run one occurrence: start every input as the system actor, idempotently. */
export async function runOccurrence(
  engine: Engine,
  call: RecurringCall,
  occurrence: Date,
  calendar: BusinessCalendar | undefined,
): Promise<InstanceView[]> {
  const inputs = call.inputs({ occurrence, calendar });
  const started: InstanceView[] = [];
  for (const [i, input] of inputs.entries()) {
    started.push(
      await engine.start(call.flowId, input, SYSTEM_ACTOR, {
        idempotencyKey: occurrenceKey(call.id, occurrence, i),
      }),
    );
  }
  return started;
}
