import {
  InfrastructureError,
  isDomainError,
  type Deadline,
  type Duration,
  type JsonObject,
} from '@certflow/engine';
import {
  createBusinessCalendar,
  type BusinessCalendarOptions,
  type ChinaBusinessCalendar,
} from './business-calendar.js';
import {
  CALENDAR_REFERENCE_KIND,
  parseCalendarOverride,
  type CalendarOverride,
} from './calendar-override.js';

/** Where overrides are read from: the engine's `Store.read` (or a transaction) satisfies it. */
export interface CalendarOverrideSource {
  reference(kind: string, key: string): Promise<JsonObject | undefined>;
}

export interface LoadOverridesOptions {
  /** First year to look for (default 2004, the package's first year: overrides may correct). */
  readonly fromYear?: number;
  /** Last year to look for (default 2040). */
  readonly toYear?: number;
}

/**
 * Read every override stored as reference data (`kind = 'calendar'`, `key = '2027'`). A stored
 * value that is not a valid override is a permanent infrastructure error: a worker must not
 * start with a half-read calendar.
 */
export async function loadCalendarOverrides(
  source: CalendarOverrideSource,
  options: LoadOverridesOptions = {},
): Promise<CalendarOverride[]> {
  const from = options.fromYear ?? 2004;
  const to = options.toYear ?? 2040;
  const years = Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
  const values = await Promise.all(
    years.map((y) => source.reference(CALENDAR_REFERENCE_KIND, String(y))),
  );
  const out: CalendarOverride[] = [];
  values.forEach((value, i) => {
    if (value === undefined) return;
    const parsed = parseCalendarOverride(value);
    if (isDomainError(parsed) || parsed.year !== years[i]) {
      throw new InfrastructureError(
        'CALENDAR_OVERRIDE_INVALID',
        `reference data calendar/${years[i]} is not a valid override for that year`,
        { retryable: false, cause: parsed },
      );
    }
    out.push(parsed);
  });
  return out;
}

/**
 * A business calendar whose overrides are re-read by `refresh()` (at start and, in the worker,
 * periodically), so an administrator's new year takes effect without a restart.
 */
export class RefreshableCalendar implements ChinaBusinessCalendar {
  private current: ChinaBusinessCalendar;

  constructor(
    private readonly source: CalendarOverrideSource,
    private readonly options: LoadOverridesOptions &
      Omit<BusinessCalendarOptions, 'overrides'> = {},
  ) {
    this.current = createBusinessCalendar(options);
  }

  async refresh(): Promise<CalendarOverride[]> {
    const overrides = await loadCalendarOverrides(this.source, this.options);
    this.current = createBusinessCalendar({ ...this.options, overrides });
    return overrides;
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
  coveredYears(): number[] {
    return this.current.coveredYears();
  }
  isCovered(year: number): boolean {
    return this.current.isCovered(year);
  }
}

/** Load the overrides and build the calendar (start of a server or worker). */
export async function loadBusinessCalendar(
  source: CalendarOverrideSource,
  options: LoadOverridesOptions & Omit<BusinessCalendarOptions, 'overrides'> = {},
): Promise<RefreshableCalendar> {
  const calendar = new RefreshableCalendar(source, options);
  await calendar.refresh();
  return calendar;
}
