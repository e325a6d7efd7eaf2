import { z } from '@hono/zod-openapi';

/** `GET /api/me`: who the caller is, as the server resolved them (token and directory). */
export const meSchema = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    roles: z.array(z.string()),
    college: z.string().nullable(),
    organization: z.string().nullable(),
  })
  .openapi('Me');

/**
 * `GET /api/me/counts`: the badges of the four lists, and the overdue 待办, each counted up to 1000
 * (docs/lists.md § Bounded counts).
 */
export const countsSchema = z
  .object({
    todo: z.number().int().openapi({ description: '待办' }),
    done: z.number().int().openapi({ description: '已办 (decisions made)' }),
    started: z.number().int().openapi({ description: '我发起的' }),
    copiesUnread: z.number().int().openapi({ description: '抄送我的, 待阅' }),
    copies: z.number().int().openapi({ description: '抄送我的, all' }),
    overdue: z.number().int().openapi({ description: '待办 past its deadline' }),
    atLeast: z
      .array(z.enum(['todo', 'done', 'started', 'copiesUnread', 'copies', 'overdue']))
      .openapi({
        description:
          'the figures counted up to their cap of 1000: each is given as 1000 and means "at least" (show 1000+)',
        example: ['todo'],
      }),
  })
  .openapi('ListCounts');
