import { z } from 'zod';

/**
 * 代理人: who stands in for a person, and when. A person's substitutions are one reference row
 * (`substitution/<person id>`, written through `Engine.putReference` with an audit entry, so a
 * change is versioned and in the administrators' hash-chained trail); the directory adapter reads
 * them to answer `principalsOf` and `substitutesOf`. A period runs from `from` (inclusive) to
 * `to` (exclusive); periods of one person do not overlap.
 */
export const SUBSTITUTION_REF = 'substitution';

const instant = z.iso.datetime({ offset: true });

export const substitutionPeriodSchema = z
  .object({
    substituteId: z.string().min(1).max(100),
    from: instant,
    to: instant,
    reason: z.string().trim().max(200).optional(),
  })
  .strict()
  .refine((p) => Date.parse(p.from) < Date.parse(p.to), {
    message: 'from must be before to',
    path: ['to'],
  });

export const substitutionValueSchema = z
  .object({ periods: z.array(substitutionPeriodSchema).max(20) })
  .strict()
  .refine((v) => !overlapping(v.periods), { message: 'periods overlap', path: ['periods'] });

export type SubstitutionPeriod = z.infer<typeof substitutionPeriodSchema>;
export type Substitutions = z.infer<typeof substitutionValueSchema>;

function overlapping(periods: readonly SubstitutionPeriod[]): boolean {
  const sorted = [...periods].sort((a, b) => Date.parse(a.from) - Date.parse(b.from));
  return sorted.some((p, i) => i > 0 && Date.parse(p.from) < Date.parse(sorted[i - 1]!.to));
}

/** The stored row's periods (a row that does not parse counts as none). */
export function periodsOf(value: unknown): readonly SubstitutionPeriod[] {
  const parsed = substitutionValueSchema.safeParse(value);
  return parsed.success ? parsed.data.periods : [];
}

const covers = (p: SubstitutionPeriod, at: Date): boolean =>
  Date.parse(p.from) <= at.getTime() && at.getTime() < Date.parse(p.to);

/** Who stands in for the row's person at `at`, if anyone. */
export function activeSubstitute(value: unknown, at: Date): string | undefined {
  return periodsOf(value).find((p) => covers(p, at))?.substituteId;
}
