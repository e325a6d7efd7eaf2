import { z } from '@hono/zod-openapi';

export const quotaParams = z.object({
  year: z.coerce
    .number()
    .int()
    .min(2019)
    .max(2100)
    .openapi({ param: { name: 'year', in: 'path' }, example: 2027 }),
  collegeId: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'a college id')
    .openapi({ param: { name: 'collegeId', in: 'path' }, example: 'ee' }),
});

export const quotaBody = z
  .object({
    scale: z.number().int().nonnegative().max(100_000).openapi({ description: 'pilot scale (people)', example: 60 }),
    budget: z
      .number()
      .int()
      .nonnegative()
      .max(10_000_000_000)
      .openapi({ description: "last year's executed budget, in fen (分)", example: 1_000_000 }),
  })
  .strict()
  .openapi('Quota');

export const quotaRecordSchema = quotaBody
  .extend({ year: z.number().int(), collegeId: z.string() })
  .openapi('QuotaRecord');
