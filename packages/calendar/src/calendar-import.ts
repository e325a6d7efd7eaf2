import { createHash } from 'node:crypto';
import type { Engine, JsonObject } from '@certflow/engine';
import {
  CALENDAR_IMPORT_ACTION,
  type CalendarAuditLog,
  type CalendarImportAudit,
} from './calendar-audit.js';
import {
  previewDeadlineMoves,
  type DeadlineMove,
  type OpenDeadlineSource,
} from './deadline-preview.js';
import type { RefreshableCalendar } from './load-calendar.js';
import { CALENDAR_REFERENCE_KIND, parseStoredTable, storedTableRow } from './stored-table.js';
import { diffArrangements, type TableDiff } from './table-diff.js';
import { parseTableFile } from './table-file.js';
import { tableRefusal } from './table-problems.js';
import { arrangementOf, type HolidayTable, type YearArrangement } from './year-table.js';

export interface CalendarImportDeps {
  /** Reads the stored table; writes it with its audit entry, version-checked. */
  readonly engine: Pick<Engine, 'reference' | 'putReference'>;
  /** The calendar the process runs on: previewed against, and refreshed after a load. */
  readonly calendar: RefreshableCalendar;
  readonly deadlines: OpenDeadlineSource;
  readonly audit: CalendarAuditLog;
}

export interface CalendarImportRequest {
  /** The file as it was sent: its SHA-256 is audited, its lines named in refusals. */
  readonly text: string;
  /** The year the caller means (the URL's); a file of another year is refused. */
  readonly year: number;
  readonly actor: { readonly id: string; readonly name: string | null };
  readonly now: Date;
  /** Check and preview only: nothing is written. */
  readonly dryRun: boolean;
  /** A name for the file in refusals (the CLI's path). */
  readonly file?: string;
}

export interface CalendarImportResult {
  readonly year: number;
  readonly dryRun: boolean;
  readonly sha256: string;
  readonly table: HolidayTable;
  readonly diff: TableDiff;
  /** Open deadlines the table moves (or makes official). */
  readonly deadlines: readonly DeadlineMove[];
  /** The audit entry written (null for a dry run). */
  readonly audit: CalendarImportAudit | null;
}

export const sha256Of = (text: string): string =>
  createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Import (or, with `dryRun`, check and preview) a year's holiday table from its file. A file with
 * any problem is refused whole (`VALIDATION_FAILED` / `CALENDAR_TABLE_INVALID`, naming the
 * lines) and nothing changes. Otherwise the table replaces its year's stored one and the load is
 * audited, in one transaction; then the calendar is refreshed. Recomputing the moved deadlines
 * is the engine's (`DeadlineRecompute`), run by the caller after this returns.
 */
export async function importCalendarTable(
  deps: CalendarImportDeps,
  request: CalendarImportRequest,
): Promise<CalendarImportResult> {
  const parsed = parseTableFile(request.text, { year: request.year });
  if (!parsed.ok) throw tableRefusal(parsed.problems, request.file);
  const { table } = parsed;
  const sha256 = sha256Of(request.text);
  const after = arrangementOf(table, 'import');
  const deadlines = previewDeadlineMoves(
    deps.calendar.withTable(table),
    await deps.deadlines.openDeadlinesIn(table.year),
  );
  const packaged = (): YearArrangement | undefined => {
    const a = deps.calendar.arrangement(table.year);
    return a?.origin === 'package' ? a : undefined;
  };
  if (request.dryRun) {
    const stored = parseStoredTable(
      await deps.engine.reference(CALENDAR_REFERENCE_KIND, String(table.year)),
    );
    const before = stored ? arrangementOf(stored.table, 'import') : packaged();
    return {
      year: table.year,
      dryRun: true,
      sha256,
      table,
      diff: diffArrangements(before, after),
      deadlines,
      audit: null,
    };
  }

  const at = request.now.toISOString();
  const key = String(table.year);
  const stored = parseStoredTable(await deps.engine.reference(CALENDAR_REFERENCE_KIND, key));
  const before = stored ? arrangementOf(stored.table, 'import') : packaged();
  const row = storedTableRow(table, { sha256, at, by: request.actor });
  const audit: CalendarImportAudit = {
    year: table.year,
    title: table.source.title,
    sha256,
    previousSha256: stored?.imported?.sha256 ?? null,
    at,
    by: request.actor,
    diff: diffArrangements(before, after),
    deadlinesMoved: deadlines.length,
  };
  // The table and its audit entry in one write, against the version read with it.
  await deps.engine.putReference({
    kind: row.kind,
    key: row.key,
    value: row.value,
    actor: {
      id: request.actor.id,
      ...(request.actor.name ? { name: request.actor.name } : {}),
      roles: [],
    },
    audit: {
      action: CALENDAR_IMPORT_ACTION,
      data: JSON.parse(JSON.stringify(audit)) as JsonObject,
    },
  });
  await deps.calendar.refresh();
  return { year: table.year, dryRun: false, sha256, table, diff: audit.diff, deadlines, audit };
}
