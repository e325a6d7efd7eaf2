import { refuse, type DomainError, type JsonObject } from '@certflow/engine';
import { z } from 'zod';
import { isIsoDate } from './beijing-time.js';

/** Reference-data kind of calendar overrides; the key is the year (`"2027"`). */
export const CALENDAR_REFERENCE_KIND = 'calendar';

/**
 * A year's arrangement entered by an administrator (from the State Council's notice), for a
 * year the package does not cover yet, or to correct one it does: the statutory holidays and
 * the make-up working days (调休, usually weekends). Every other day is a working day from
 * Monday to Friday.
 */
export interface CalendarOverride {
  readonly year: number;
  readonly holidays: readonly string[];
  readonly workdays: readonly string[];
}

const isoDate = z.string().refine(isIsoDate, 'a date written YYYY-MM-DD');

export const calendarOverrideSchema = z
  .object({
    year: z.number().int().min(1990).max(2200),
    holidays: z.array(isoDate).max(366),
    workdays: z.array(isoDate).max(366),
  })
  .strict()
  .superRefine((o, ctx) => {
    const prefix = `${o.year}-`;
    for (const [field, dates] of [
      ['holidays', o.holidays],
      ['workdays', o.workdays],
    ] as const) {
      dates.forEach((d, i) => {
        if (!d.startsWith(prefix)) {
          ctx.addIssue({ code: 'custom', path: [field, i], message: `${d} is not in ${o.year}` });
        }
      });
    }
    const holidays = new Set(o.holidays);
    o.workdays.forEach((d, i) => {
      if (holidays.has(d)) {
        ctx.addIssue({
          code: 'custom',
          path: ['workdays', i],
          message: `${d} is both a holiday and a working day`,
        });
      }
    });
  });

/** Validate an administrator's input; a typed `VALIDATION_FAILED` refusal says what is wrong. */
export function parseCalendarOverride(value: unknown): CalendarOverride | DomainError {
  const parsed = calendarOverrideSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return refuse(
    'VALIDATION_FAILED',
    {
      field: issue?.path.join('.') ?? '',
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    },
    {
      zh: `节假日安排不合法：${issue?.message ?? ''}`,
      en: `The calendar override is invalid: ${issue?.message ?? ''}`,
    },
  );
}

/** The reference-data row (`kind`, `key`, `value`) that stores an override. */
export function calendarOverrideRow(override: CalendarOverride): {
  kind: string;
  key: string;
  value: JsonObject;
} {
  return {
    kind: CALENDAR_REFERENCE_KIND,
    key: String(override.year),
    value: {
      year: override.year,
      holidays: [...override.holidays].sort(),
      workdays: [...override.workdays].sort(),
    },
  };
}
