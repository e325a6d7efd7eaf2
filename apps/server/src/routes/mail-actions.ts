import type { Mail } from '@certflow/mail';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';

/**
 * The action links of notification mails: `GET` shows a confirmation page and changes nothing
 * (mail scanners open links); `POST` (the page's form) decides through the engine. Used,
 * expired, forged or superseded links get a clear page (4xx), never an error dump. The pages come
 * with the mail package's security headers (its CSP allows their one stylesheet by hash); the
 * app's `securePages` middleware on `/mail/*` adds the rest to anything else answered there.
 */
export function mountMailActions(app: OpenAPIHono<AppEnv>, mail: Mail): void {
  app.on(['GET', 'POST'], '/mail/actions/:token', async (c) => {
    const method = c.req.method === 'POST' ? 'POST' : 'GET';
    const form: Record<string, string> = {};
    if (method === 'POST') {
      const body = await c.req.parseBody().catch(() => ({}));
      for (const [key, value] of Object.entries(body))
        if (typeof value === 'string') form[key] = value;
    }
    const answer = await mail.action({ token: c.req.param('token'), method, form });
    return c.body(answer.html, answer.status as 200, { ...answer.headers });
  });
}
