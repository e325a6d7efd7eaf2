import type { StoreReader } from '@certflow/engine';
import { z } from 'zod';
import type { ImportStamp } from './stored-table.js';
import type { TableDiff } from './table-diff.js';

/** The audit trail's action of a table import; its subject is `calendar/<year>`. */
export const CALENDAR_IMPORT_ACTION = 'calendar.import';

/** One load of a year's table: who, when, the file's SHA-256, what it replaced, what changed. */
export interface CalendarImportAudit extends ImportStamp {
  readonly year: number;
  readonly title: string;
  /** SHA-256 of the file the load replaced (null: it replaced no import). */
  readonly previousSha256: string | null;
  readonly diff: TableDiff;
  /** Open deadlines (tasks and timers) the new table moves, when the load was made. */
  readonly deadlinesMoved: number;
}

/** Where import audits are read from (they are written with the table, in one write). */
export interface CalendarAuditLog {
  list(year: number): Promise<CalendarImportAudit[]>;
}

const change = z.object({
  date: z.string(),
  kind: z.enum(['holiday', 'makeup']),
  name: z.string(),
});
export const calendarAuditSchema = z.object({
  year: z.number().int(),
  title: z.string(),
  sha256: z.string(),
  previousSha256: z.string().nullable(),
  at: z.string(),
  by: z.object({ id: z.string(), name: z.string().nullable() }),
  diff: z.object({
    added: z.array(change),
    removed: z.array(change),
    renamed: z.array(
      z.object({
        date: z.string(),
        kind: z.enum(['holiday', 'makeup']),
        from: z.string(),
        to: z.string(),
      }),
    ),
    before: z.enum(['none', 'package', 'import']),
  }),
  deadlinesMoved: z.number().int(),
});

/**
 * The imports of a year from the administrators' audit trail (hash-chained, append-only: each
 * import wrote its entry with the table, in one write), oldest first.
 */
export function adminAuditLog(reader: Pick<StoreReader, 'auditTrail'>): CalendarAuditLog {
  return {
    async list(year) {
      const rows = await reader.auditTrail({ subject: `calendar/${year}`, limit: 500, offset: 0 });
      return rows
        .filter((r) => r.action === CALENDAR_IMPORT_ACTION)
        .map((r) => calendarAuditSchema.safeParse(r.data))
        .flatMap((p) => (p.success ? [p.data] : []))
        .reverse();
    },
  };
}
