import type { Actor, Directory } from '@certflow/engine';
import type { MiddlewareHandler } from 'hono';
import { httpError } from '../http/api-error.js';
import { resolveActor } from './resolve-actor.js';
import type { TokenService } from './token-service.js';

export interface AuthEnv {
  Variables: { actor: Actor };
}

/**
 * `Authorization: Bearer <JWT>` → `c.get('actor')`, the person as the directory knows them;
 * 401 without a valid token.
 */
export function requireAuth(
  tokens: TokenService,
  directory: Pick<Directory, 'getUser'>,
  options: { except?: readonly string[] } = {},
): MiddlewareHandler<AuthEnv> {
  const open = new Set(options.except ?? []);
  return async (c, next) => {
    if (open.has(c.req.path)) return next();
    const header = c.req.header('authorization');
    const match = header ? /^Bearer\s+([A-Za-z0-9._~+/=-]{1,4096})\s*$/i.exec(header) : null;
    if (!match?.[1]) {
      throw httpError(401, 'UNAUTHENTICATED', {
        reason: header ? 'malformed-header' : 'missing-token',
      });
    }
    const verified = await tokens.verify(match[1]);
    c.set('actor', resolveActor(verified, await directory.getUser(verified.claims.sub)));
    await next();
  };
}
