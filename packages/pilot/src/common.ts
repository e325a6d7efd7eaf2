import { z } from 'zod';

/** Money is integer fen (分). */
export const fen = z.number().int().nonnegative().max(10_000_000_000);

export const comment = z.object({}).strict();

export const LEVELS = {
  elementary: { zh: '初级', en: 'elementary' },
  intermediate: { zh: '中级', en: 'intermediate' },
  advanced: { zh: '高级', en: 'advanced' },
} as const;
export type Level = keyof typeof LEVELS;
export const level = z.enum(['elementary', 'intermediate', 'advanced']);

export const certificate = z
  .object({
    code: z.string().trim().min(1).max(64),
    name: z.string().trim().min(1).max(200),
    level,
  })
  .strict();
export type Certificate = z.infer<typeof certificate>;

export const budget = z
  .object({ consumables: fen, certificateFees: fen, examinerFees: fen })
  .strict();
export type Budget = z.infer<typeof budget>;

export function budgetTotal(b: Budget): number {
  return b.consumables + b.certificateFees + b.examinerFees;
}

/**
 * Reference data `quota`, key `年/学院`, entered by 教务处: the college's 试点规模数 for the year
 * and, optionally, 上一年度执行预算 as a figure from outside the system (第七条2).
 *
 * - `scale`: the pilot scale — all the college's projects of the year together (people).
 * - `budget` (fen, optional): last year's executed budget as entered by the administrator; it
 *   overrides the figure computed from the ledgers of last year's projects (`spending`), for a
 *   year whose spending is not (all) recorded in the system. Absent: computed from the ledgers.
 * - `budgetNote` (optional): where an entered figure comes from (e.g. 财务处 2026 年决算).
 *
 * The shape of the first release, `{ scale, budget }`, is still valid and means what it meant.
 */
export const QUOTA_REF = 'quota';
export const quota = z
  .object({
    scale: z.number().int().nonnegative(),
    budget: fen.optional(),
    budgetNote: z.string().trim().max(500).optional(),
  })
  .strict();
export type Quota = z.infer<typeof quota>;

/**
 * The quota row as the shipped version-1 flows read it (`pilot-project` v1, `annual-plan` v1):
 * both figures required, nothing else. A shipped version never changes its behaviour, so a row
 * in the extended shape reads as no quota there, as it would have before (leadership decides).
 */
export const quotaV1 = z.object({ scale: z.number().int().nonnegative(), budget: fen }).strict();
export const quotaKey = (year: number, collegeId: string): string => `${year}/${collegeId}`;

/** Format fen as yuan for people: 123456 → "1,234.56". */
export function yuan(amount: number): string {
  return (amount / 100).toLocaleString('en-US', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
}
