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

/** Reference data: per year and college, the pilot scale and last year's executed budget. */
export const QUOTA_REF = 'quota';
export const quota = z.object({ scale: z.number().int().nonnegative(), budget: fen }).strict();
export type Quota = z.infer<typeof quota>;
export const quotaKey = (year: number, collegeId: string): string => `${year}/${collegeId}`;

/** Format fen as yuan for people: 123456 → "1,234.56". */
export function yuan(amount: number): string {
  return (amount / 100).toLocaleString('en-US', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
}
