import type { Actor } from '@certflow/engine';
import type { MiddlewareHandler } from 'hono';
import type { AuthEnv } from './require-auth.js';

/**
 * The host application's own sign-in (docs/embedding.md): when certflow is embedded, the host
 * resolves who is calling from its request (its session cookie, its SSO); a request it resolves
 * to nobody falls through to certflow's bearer tokens (`fallback`), which answer 401.
 */
export type HostActorResolver = (
  request: Request,
) => Actor | undefined | Promise<Actor | undefined>;

export function hostActor(
  resolve: HostActorResolver,
  fallback: MiddlewareHandler<AuthEnv>,
  options: { except?: readonly string[] } = {},
): MiddlewareHandler<AuthEnv> {
  const open = new Set(options.except ?? []);
  return async (c, next) => {
    if (open.has(c.req.path)) return next();
    const actor = await resolve(c.req.raw);
    if (!actor) return fallback(c, next);
    c.set('actor', { ...actor, roles: [...actor.roles], kind: 'person' });
    await next();
  };
}
