import { z } from '@hono/zod-openapi';
import { ISSUE } from './messages.js';

export const quotaParams = z.object({
  year: z.coerce
    .number()
    .int()
    .min(2019)
    .max(2100)
    .openapi({ param: { name: 'year', in: 'path' }, example: 2027 }),
  collegeId: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, ISSUE.collegeId.en)
    .openapi({ param: { name: 'collegeId', in: 'path' }, example: 'ee' }),
});

export const quotaBody = z
  .object({
    scale: z
      .number()
      .int()
      .nonnegative()
      .max(100_000)
      .openapi({ description: 'pilot scale (people)', example: 60 }),
    budget: z.number().int().nonnegative().max(10_000_000_000).optional().openapi({
      description:
        "last year's executed budget, in fen (分), entered by 教务处: overrides the figure computed from last year's ledgers; omit it to use the computed figure",
      example: 1_000_000,
    }),
    budgetNote: z.string().trim().max(500).optional().openapi({
      description: 'where an entered budget comes from',
      example: '财务处 2026 年决算',
    }),
  })
  .strict()
  .openapi('Quota');

export const quotaRecordSchema = quotaBody
  .extend({ year: z.number().int(), collegeId: z.string() })
  .openapi('QuotaRecord');
