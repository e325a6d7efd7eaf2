import {
  emptyWrite,
  referenceId,
  type BusinessCalendar,
  type CommandStore,
} from '@certflow/engine';
import { z } from 'zod';
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
