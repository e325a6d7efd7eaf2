import { FIRST_TABLE_YEAR, LAST_TABLE_YEAR } from '@certflow/calendar';
import { z } from '@hono/zod-openapi';

/** The schemas of the calendar API (docs/calendar.md). */

export const calendarYearParams = z.object({
  year: z.coerce
    .number()
    .int()
    .min(FIRST_TABLE_YEAR)
    .max(LAST_TABLE_YEAR)
    .openapi({ param: { name: 'year', in: 'path' }, example: 2027 }),
});

export const calendarImportQuery = z.object({
  dryRun: z
    .enum(['1', '0', 'true', 'false'])
    .optional()
    .openapi({ description: 'check and preview only: nothing is stored (1/true)', example: '1' }),
});

const isoDate = z.string().openapi({ example: '2027-10-01' });
const name = z
  .object({ zh: z.string(), en: z.string() })
  .openapi({ example: { zh: '国庆节', en: 'National Day' } });

const sourceSchema = z
  .object({
    title: z.string().openapi({ example: '国务院办公厅关于2027年部分节假日安排的通知' }),
    document: z.string().optional().openapi({ example: '国办发明电〔2026〕X号' }),
    url: z.string().optional(),
    published: isoDate.optional(),
  })
  .openapi('CalendarSource');

/**
 * The file an administrator imports (docs/calendar.md § The table file). Documentation only: the
 * route reads the body as text and checks it itself, to name the line of every problem.
 */
export const calendarFileSchema = z
  .object({
    year: z.number().int().openapi({ example: 2027 }),
    source: sourceSchema,
    holidays: z
      .array(
        z.object({
          name: z.string().openapi({ example: '国庆节' }),
          nameEn: z.string().optional().openapi({ example: 'National Day' }),
          from: isoDate.optional(),
          to: isoDate.optional().openapi({ example: '2027-10-07' }),
          dates: z.array(isoDate).optional(),
        }),
      )
      .min(1),
    workdays: z.array(
      z.object({ date: isoDate, holiday: z.string().openapi({ example: '国庆节' }) }),
    ),
  })
  .openapi('CalendarFile');

const importedSchema = z
  .object({
    sha256: z.string(),
    at: z.string().openapi({ example: '2026-11-12T02:00:00.000Z' }),
    by: z.object({ id: z.string(), name: z.string().nullable() }),
  })
  .nullable();

const warningSchema = z
  .object({
    code: z.literal('CALENDAR_NEXT_YEAR_NOT_COVERED'),
    year: z.number().int(),
    since: isoDate,
    message: z.string(),
    messageEn: z.string(),
  })
  .nullable()
  .openapi('CalendarCoverageWarning');

const yearStatusSchema = z.object({
  year: z.number().int(),
  status: z.enum(['official', 'provisional']),
  origin: z.enum(['package', 'import']).nullable(),
  source: sourceSchema.nullable(),
  imported: importedSchema,
  holidayDays: z.number().int(),
  makeupDays: z.number().int(),
});

export const calendarOverviewSchema = z
  .object({
    years: z.array(yearStatusSchema),
    warning: warningSchema,
    workday: z.object({
      start: z.string().openapi({ example: '09:00' }),
      end: z.string().openapi({ example: '17:30' }),
    }),
  })
  .openapi('CalendarOverview');

const change = z.object({ date: isoDate, kind: z.enum(['holiday', 'makeup']), name: z.string() });
const diffSchema = z
  .object({
    added: z.array(change),
    removed: z.array(change),
    renamed: z.array(
      z.object({
        date: isoDate,
        kind: z.enum(['holiday', 'makeup']),
        from: z.string(),
        to: z.string(),
      }),
    ),
    before: z.enum(['none', 'package', 'import']),
  })
  .openapi('CalendarDiff');

const auditSchema = z
  .object({
    year: z.number().int(),
    title: z.string(),
    sha256: z.string(),
    previousSha256: z.string().nullable(),
    at: z.string(),
    by: z.object({ id: z.string(), name: z.string().nullable() }),
    diff: diffSchema,
    deadlinesMoved: z.number().int(),
  })
  .openapi('CalendarImportAudit');

export const calendarYearSchema = z
  .object({
    year: z.number().int(),
    status: z.enum(['official', 'provisional']),
    origin: z.enum(['package', 'import']).nullable(),
    source: sourceSchema.nullable(),
    imported: importedSchema,
    days: z.array(
      z.object({
        date: isoDate,
        weekday: z.number().int().openapi({ description: '0 = Sunday … 6 = Saturday' }),
        kind: z.enum(['work', 'weekend', 'holiday', 'makeup']),
        name: name.optional(),
      }),
    ),
    imports: z
      .array(auditSchema)
      .openapi({ description: "the year's loads (school readers only; empty for others)" }),
  })
  .openapi('CalendarYear');

const moveSchema = z.object({
  kind: z.enum(['task', 'timer']),
  id: z.string(),
  instanceId: z.string(),
  label: z.string().openapi({ description: "the task's step, or the timer's kind" }),
  from: z.string(),
  to: z.string(),
  provisional: z.object({ before: z.boolean(), after: z.boolean() }),
  explanation: name,
});

export const calendarImportSchema = z
  .object({
    year: z.number().int(),
    dryRun: z.boolean(),
    sha256: z.string(),
    diff: diffSchema,
    deadlines: z
      .array(moveSchema)
      .openapi({ description: 'open deadlines the table moves (or makes official)' }),
    audit: auditSchema.nullable(),
    recomputed: z
      .object({ instances: z.number().int(), tasks: z.number().int(), timers: z.number().int() })
      .nullable()
      .openapi({ description: 'what the engine recomputed after the import (null for a dry run)' }),
  })
  .openapi('CalendarImport');
