import { z } from '@hono/zod-openapi';

export const statisticsQuery = z.object({
  year: z.coerce
    .number()
    .int()
    .min(2019)
    .max(2100)
    .openapi({ param: { name: 'year', in: 'query' }, example: 2027 }),
  format: z
    .enum(['json', 'csv', 'xlsx'])
    .default('json')
    .openapi({ param: { name: 'format', in: 'query' }, example: 'json' }),
});

const rate = z
  .number()
  .min(0)
  .nullable()
  .openapi({ description: '0–1; null when there is nothing to divide by' });
const fen = z.number().int().openapi({ description: 'fen (分)' });

export const statisticsRowSchema = z
  .object({
    collegeId: z.string(),
    certificateCode: z.string(),
    certificateName: z.string(),
    level: z.string().openapi({ example: '中级' }),
    projects: z.number().int(),
    scale: z.number().int().openapi({ description: 'approved pilot scale (people)' }),
    trained: z
      .number()
      .int()
      .openapi({ description: 'students selected for training and assessment' }),
    examined: z.number().int(),
    passed: z.number().int(),
    passRate: rate,
    budget: fen,
    spent: fen,
    remaining: fen,
    spendingRate: rate,
  })
  .openapi('StatisticsRow');

export const statisticsSchema = z
  .object({
    year: z.number().int(),
    rows: z.array(statisticsRowSchema).openapi({ description: 'per college and certificate' }),
    colleges: z.array(statisticsRowSchema).openapi({ description: 'per college' }),
    total: statisticsRowSchema,
  })
  .openapi('Statistics');
