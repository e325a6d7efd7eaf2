import type { MiddlewareHandler } from 'hono';
import { httpError } from './api-error.js';

const ALLOW_HEADERS = 'Authorization, Content-Type, If-Match, Idempotency-Key';
const ALLOW_METHODS = 'GET, POST, PUT, OPTIONS';
const EXPOSE_HEADERS = 'ETag, Location';

/**
 * The API's CORS policy, explicit: browsers on the listed origins (`CERTFLOW_CORS_ORIGINS`, exact
 * `scheme://host[:port]`) may call it with a bearer token — no cookies, so no credentials mode;
 * every other origin gets no CORS header (the browser withholds the answer) and its preflight a
 * 403 `ORIGIN_NOT_ALLOWED`. None are listed by default.
 */
export function corsPolicy(origins: readonly string[]): MiddlewareHandler {
  const allowed = new Set(origins);
  return async (c, next) => {
    const origin = c.req.header('origin');
    const ok = origin !== undefined && allowed.has(origin);
    const preflight =
      c.req.method === 'OPTIONS' && c.req.header('access-control-request-method') !== undefined;
    if (preflight) {
      if (!ok) throw httpError(403, 'ORIGIN_NOT_ALLOWED', { origin: origin ?? null });
      return c.body(null, 204, {
        'access-control-allow-origin': origin,
        'access-control-allow-methods': ALLOW_METHODS,
        'access-control-allow-headers': ALLOW_HEADERS,
        'access-control-max-age': '600',
        vary: 'Origin',
      });
    }
    await next();
    c.res.headers.append('vary', 'Origin');
    if (ok) {
      c.res.headers.set('access-control-allow-origin', origin);
      c.res.headers.set('access-control-expose-headers', EXPOSE_HEADERS);
    }
  };
}
