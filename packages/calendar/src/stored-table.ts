import type { JsonObject } from '@certflow/engine';
import { z } from 'zod';
import { isIsoDate } from './beijing-time.js';
import { FIRST_TABLE_YEAR, LAST_TABLE_YEAR, type HolidayTable } from './year-table.js';

/** Reference-data kind of imported holiday tables; the key is the year (`"2027"`). */
export const CALENDAR_REFERENCE_KIND = 'calendar';

/** Who imported a table, when, and the SHA-256 of the file. */
export interface ImportStamp {
  readonly sha256: string;
  readonly at: string;
  readonly by: { readonly id: string; readonly name: string | null };
}

/** A stored table and how it got there (`imported` is null for a row of the first format). */
export interface StoredTable {
  readonly table: HolidayTable;
  readonly imported: ImportStamp | null;
}

const isoDate = z.string().refine(isIsoDate, 'a date YYYY-MM-DD');

const tableSchema = z.object({
  year: z.number().int().min(FIRST_TABLE_YEAR).max(LAST_TABLE_YEAR),
  source: z.object({
    title: z.string().min(1),
    document: z.string().optional(),
    url: z.string().optional(),
    published: isoDate.optional(),
  }),
  holidays: z
    .array(z.object({ name: z.string().min(1), nameEn: z.string(), dates: z.array(isoDate) }))
    .min(1),
  workdays: z.array(z.object({ date: isoDate, holiday: z.string() })),
  imported: z
    .object({
      sha256: z.string(),
      at: z.string(),
      by: z.object({ id: z.string(), name: z.string().nullable() }),
    })
    .nullable()
    .default(null),
});

/** The first format (wave 1 overrides): bare lists of dates, no names. */
const firstFormat = z
  .object({ year: z.number().int(), holidays: z.array(isoDate), workdays: z.array(isoDate) })
  .strict();

/**
 * A stored reference value → the table, or undefined when it is neither format (or its dates
 * are not of its year). Rows of the first format read as one unnamed holiday (节假日).
 */
export function parseStoredTable(value: unknown): StoredTable | undefined {
  const parsed = tableSchema.safeParse(value);
  if (parsed.success) {
    const { imported, ...table } = parsed.data;
    const inYear = (d: string) => d.startsWith(`${table.year}-`);
    const ok =
      table.holidays.every((h) => h.dates.every(inYear)) &&
      table.workdays.every((w) => inYear(w.date));
    return ok ? { table, imported } : undefined;
  }
  const old = firstFormat.safeParse(value);
  if (!old.success) return undefined;
  const { year, holidays, workdays } = old.data;
  if (![...holidays, ...workdays].every((d) => d.startsWith(`${year}-`))) return undefined;
  const name = '节假日';
  return {
    table: {
      year,
      source: { title: '管理员录入的节假日安排 (entered by an administrator)' },
      holidays: [{ name, nameEn: 'Holiday', dates: [...holidays].sort() }],
      workdays: [...workdays].sort().map((date) => ({ date, holiday: name })),
    },
    imported: null,
  };
}

/** The reference row (`kind`, `key`, `value`) that stores a table. */
export function storedTableRow(
  table: HolidayTable,
  imported: ImportStamp,
): { kind: string; key: string; value: JsonObject } {
  const value = {
    year: table.year,
    source: { ...table.source },
    holidays: table.holidays.map((h) => ({ name: h.name, nameEn: h.nameEn, dates: [...h.dates] })),
    workdays: table.workdays.map((w) => ({ date: w.date, holiday: w.holiday })),
    imported: { sha256: imported.sha256, at: imported.at, by: { ...imported.by } },
  };
  return { kind: CALENDAR_REFERENCE_KIND, key: String(table.year), value };
}
