import { z } from '@hono/zod-openapi';
import { idPattern } from './instance.js';
import { ISSUE } from './messages.js';

const instant = z.iso
  .datetime({ offset: true })
  .openapi({ description: 'ISO-8601 with offset', example: '2027-03-01T00:00:00+08:00' });

export const substitutePeriodBody = z
  .object({
    substituteId: z.string().regex(idPattern, ISSUE.personId.en).openapi({ example: 'u-deputy' }),
    from: instant,
    to: instant.openapi({ description: 'exclusive' }),
    reason: z.string().trim().max(200).optional().openapi({ example: '出差' }),
  })
  .strict()
  .openapi('SubstitutePeriodInput');

export const substitutesBody = z
  .object({ periods: z.array(substitutePeriodBody).max(20) })
  .strict()
  .openapi('PutSubstitutes', {
    description: 'replaces every period; periods may not overlap',
  });

export const substitutesSchema = z
  .object({
    personId: z.string(),
    version: z.number().int().nullable().openapi({ description: 'send as If-Match to update' }),
    periods: z.array(
      z.object({
        substituteId: z.string(),
        substituteName: z.string().nullable(),
        from: z.string(),
        to: z.string(),
        reason: z.string().nullable(),
        active: z.boolean().openapi({ description: 'covers now' }),
      }),
    ),
    principals: z
      .array(z.object({ id: z.string(), name: z.string() }))
      .openapi({ description: 'the people the caller stands in for now (代理人 of them)' }),
  })
  .openapi('Substitutes');

export const versionHeader = z.object({
  'if-match': z.string().max(40).optional().openapi({
    description: 'the version last read (409 VERSION_CONFLICT otherwise)',
    example: '"2"',
  }),
});
