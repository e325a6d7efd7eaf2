import type { MiddlewareHandler } from 'hono';

/**
 * The strictest page policy: nothing loads, nothing runs, nothing frames it. A page that needs
 * more (the console's own scripts and styles: `CONSOLE_CSP`) passes its own `csp`, or its handler
 * sets one (the mail action pages send `PAGE_CSP` of `@certflow/mail`, which allows their one
 * stylesheet by hash); the middleware never overrides a CSP the handler set.
 */
export const STRICT_CSP =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/** For a single-page console served from this origin (no inline script or style, no eval). */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

export interface PageSecurityOptions {
  /** Default `STRICT_CSP`; a CSP the handler set wins. */
  readonly csp?: string;
  /** Default `no-store` (pages show personal data and one-time links); hashed assets may pass a longer one. */
  readonly cacheControl?: string;
}

/**
 * Security headers for HTML pages (mail action pages, the console): a strict CSP with
 * `frame-ancestors 'none'` and `X-Frame-Options: DENY` (no clickjacking of 同意 buttons),
 * `Referrer-Policy: no-referrer` (tokens live in URLs), `Cache-Control: no-store`,
 * `X-Content-Type-Options: nosniff`. Mount it on the page routes: `app.use('/console/*', securePages({ csp: CONSOLE_CSP }))`.
 */
export function securePages(options: PageSecurityOptions = {}): MiddlewareHandler {
  const csp = options.csp ?? STRICT_CSP;
  const cacheControl = options.cacheControl ?? 'no-store';
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    if (!h.has('content-security-policy')) h.set('content-security-policy', csp);
    h.set('x-frame-options', 'DENY');
    h.set('referrer-policy', 'no-referrer');
    h.set('cache-control', cacheControl);
    h.set('x-content-type-options', 'nosniff');
  };
}

/** The API's answers: personal data, never cached by intermediaries, never sniffed. */
export function secureApi(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    h.set('x-content-type-options', 'nosniff');
    if (!h.has('cache-control')) h.set('cache-control', 'no-store');
    h.set('referrer-policy', 'no-referrer');
  };
}
