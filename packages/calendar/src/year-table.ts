/**
 * One year's official holiday arrangement (国务院办公厅关于某年部分节假日安排的通知): the
 * statutory holidays by name, and the make-up working days (调休上班日) with the holiday each
 * belongs to. Every other day is a working day from Monday to Friday.
 */

/** The years a table may be imported for (and the loader reads): 2004 is the package's first. */
export const FIRST_TABLE_YEAR = 2004;
export const LAST_TABLE_YEAR = 2100;

/** A holiday's name in both languages (`国庆节` / `National Day`). */
export interface HolidayName {
  readonly zh: string;
  readonly en: string;
}

/** Where a table comes from: the notice's title, and optionally its number, address and date. */
export interface TableSource {
  readonly title: string;
  /** 文号, e.g. 国办发明电〔2025〕7号. */
  readonly document?: string;
  readonly url?: string;
  /** `YYYY-MM-DD`, the day the notice was published. */
  readonly published?: string;
}

/** A table as an administrator imports it (docs/calendar.md), with the date ranges expanded. */
export interface HolidayTable {
  readonly year: number;
  readonly source: TableSource;
  readonly holidays: readonly {
    readonly name: string;
    readonly nameEn: string;
    /** Ascending `YYYY-MM-DD` dates. */
    readonly dates: readonly string[];
  }[];
  /** 调休上班日: a weekend day worked, and the holiday (`name` of `holidays`) it belongs to. */
  readonly workdays: readonly { readonly date: string; readonly holiday: string }[];
}

/** A year as the calendar looks days up in it. */
export interface YearArrangement {
  readonly year: number;
  /** `package`: the `chinese-days` data; `import`: an administrator's table. */
  readonly origin: 'package' | 'import';
  readonly source: TableSource;
  readonly holidays: ReadonlyMap<string, HolidayName>;
  /** Make-up working days, with the name of the holiday each belongs to. */
  readonly workdays: ReadonlyMap<string, HolidayName>;
}

/** English names of the statutory holidays (全国年节及纪念日放假办法), by their Chinese name. */
export const STANDARD_HOLIDAY_NAMES: Readonly<Record<string, string>> = {
  元旦: "New Year's Day",
  春节: 'Spring Festival',
  清明节: 'Qingming Festival',
  劳动节: 'Labour Day',
  端午节: 'Dragon Boat Festival',
  中秋节: 'Mid-Autumn Festival',
  国庆节: 'National Day',
};

/** The arrangement of a table (lookups by date). */
export function arrangementOf(
  table: HolidayTable,
  origin: YearArrangement['origin'] = 'import',
): YearArrangement {
  const names = new Map<string, HolidayName>();
  const holidays = new Map<string, HolidayName>();
  for (const h of table.holidays) {
    const name = { zh: h.name, en: h.nameEn };
    names.set(h.name, name);
    for (const d of h.dates) holidays.set(d, name);
  }
  const workdays = new Map<string, HolidayName>();
  for (const w of table.workdays) {
    workdays.set(w.date, names.get(w.holiday) ?? { zh: w.holiday, en: w.holiday });
  }
  return { year: table.year, origin, source: table.source, holidays, workdays };
}

/** The table of an arrangement: holidays grouped by name in date order, make-up days sorted. */
export function tableOf(arrangement: YearArrangement): HolidayTable {
  const byName = new Map<string, { name: string; nameEn: string; dates: string[] }>();
  for (const [date, n] of [...arrangement.holidays].sort(([a], [b]) => a.localeCompare(b))) {
    let h = byName.get(n.zh);
    if (!h) byName.set(n.zh, (h = { name: n.zh, nameEn: n.en, dates: [] }));
    h.dates.push(date);
  }
  return {
    year: arrangement.year,
    source: arrangement.source,
    holidays: [...byName.values()],
    workdays: [...arrangement.workdays]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([date, n]) => ({ date, holiday: n.zh })),
  };
}
