import {
  InfrastructureError,
  type Deadline,
  type Duration,
  type JsonObject,
} from '@certflow/engine';
import {
  createBusinessCalendar,
  type BusinessCalendarOptions,
  type CalendarDay,
  type ChinaBusinessCalendar,
} from './business-calendar.js';
import type { ResolvedCalendarSettings } from './calendar-settings.js';
import { CALENDAR_REFERENCE_KIND, parseStoredTable, type StoredTable } from './stored-table.js';
import {
  FIRST_TABLE_YEAR,
  LAST_TABLE_YEAR,
  type HolidayTable,
  type YearArrangement,
} from './year-table.js';

/** Where tables are read from: the engine's `Store.read` (or a transaction) satisfies it. */
export interface CalendarTableSource {
  reference(kind: string, key: string): Promise<JsonObject | undefined>;
}

export interface LoadTablesOptions {
  /** First year to look for (default 2004, the package's first year: an import may correct it). */
  readonly fromYear?: number;
  /** Last year to look for (default 2100, the last year a table may be imported for). */
  readonly toYear?: number;
}

export type CalendarOptions = LoadTablesOptions & Omit<BusinessCalendarOptions, 'tables'>;

/**
 * Read every imported table stored as reference data (`kind = 'calendar'`, `key = '2027'`). A
 * stored value that is not a valid table of its year is a permanent infrastructure error: a
 * worker must not start with a half-read calendar.
 */
export async function loadStoredTables(
  source: CalendarTableSource,
  options: LoadTablesOptions = {},
): Promise<StoredTable[]> {
  const from = options.fromYear ?? FIRST_TABLE_YEAR;
  const to = options.toYear ?? LAST_TABLE_YEAR;
  const years = Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
  const values = await Promise.all(
    years.map((y) => source.reference(CALENDAR_REFERENCE_KIND, String(y))),
  );
  const out: StoredTable[] = [];
  values.forEach((value, i) => {
    if (value === undefined) return;
    const stored = parseStoredTable(value);
    if (!stored || stored.table.year !== years[i]) {
      throw new InfrastructureError(
        'CALENDAR_TABLE_CORRUPT',
        `reference data ${CALENDAR_REFERENCE_KIND}/${years[i]} is not a valid holiday table of that year`,
        { retryable: false },
      );
    }
    out.push(stored);
  });
  return out;
}

/**
 * A business calendar whose imported tables are re-read by `refresh()`: at start, periodically
 * in the worker (every 10 minutes), and by the server right after an import it made itself, so
 * a new year takes effect without a restart.
 */
export class RefreshableCalendar implements ChinaBusinessCalendar {
  private current: ChinaBusinessCalendar;
  private tables: StoredTable[] = [];

  constructor(
    private readonly source: CalendarTableSource,
    private readonly options: CalendarOptions = {},
  ) {
    this.current = createBusinessCalendar(options);
  }

  async refresh(): Promise<StoredTable[]> {
    const stored = await loadStoredTables(this.source, this.options);
    this.current = createBusinessCalendar({ ...this.options, tables: stored.map((s) => s.table) });
    this.tables = stored;
    return stored;
  }

  /** The imported tables the calendar answers from (as of the last refresh). */
  stored(): readonly StoredTable[] {
    return this.tables;
  }

  get settings(): ResolvedCalendarSettings {
    return this.current.settings;
  }
  deadline(from: Date, d: Duration): Deadline {
    return this.current.deadline(from, d);
  }
  reminder(from: Date, d: Duration): Deadline {
    return this.current.reminder(from, d);
  }
  isWorkingDay(beijingDate: string): boolean {
    return this.current.isWorkingDay(beijingDate);
  }
  isCovered(year: number): boolean {
    return this.current.isCovered(year);
  }
  coveredYears(): number[] {
    return this.current.coveredYears();
  }
  arrangement(year: number): YearArrangement | undefined {
    return this.current.arrangement(year);
  }
  day(date: string): CalendarDay {
    return this.current.day(date);
  }
  withTable(table: HolidayTable): ChinaBusinessCalendar {
    return this.current.withTable(table);
  }
}

/** Load the imported tables and build the calendar (start of a server or worker). */
export async function loadBusinessCalendar(
  source: CalendarTableSource,
  options: CalendarOptions = {},
): Promise<RefreshableCalendar> {
  const calendar = new RefreshableCalendar(source, options);
  await calendar.refresh();
  return calendar;
}
